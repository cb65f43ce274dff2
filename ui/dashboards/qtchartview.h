#pragma once

// Private to ui/dashboards: the Qt Charts implementation of ChartView.

#include "dashboards/chartview.h"

namespace encore::dashboards {

std::unique_ptr<ChartView> createQtChartView(QWidget* parent);

}  // namespace encore::dashboards
