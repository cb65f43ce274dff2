#pragma once

// Private to ui/dashboards: a painted weekday x hour heatmap (Qt Charts has none), behind the
// same ChartView interface as the Qt Charts views.

#include "dashboards/chartview.h"

namespace encore::dashboards {

std::unique_ptr<ChartView> createHeatmapView(QWidget* parent);

}  // namespace encore::dashboards
