#include "dashboards/chartview.h"
#include "dashboards/heatmapview.h"
#include "dashboards/qtchartview.h"

namespace encore::dashboards {

std::unique_ptr<ChartView> createChartView(ChartData::Kind kind, QWidget* parent) {
    switch (kind) {
        case ChartData::Kind::Heatmap:
            return createHeatmapView(parent);
        case ChartData::Kind::TableOnly:
            return nullptr;
        default:
            return createQtChartView(parent);
    }
}

}  // namespace encore::dashboards
