#pragma once

#include "dashboards/chartdata.h"

#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

#include <memory>

class QWidget;

namespace encore::dashboards {

// The one interface between the dashboards and a chart library. Qt Charts (deprecated upstream
// from Qt 6.10 in favour of Qt Graphs) is used behind it in qtchartview.cpp only; moving to Qt
// Graphs means writing one more implementation of this class.
// One piece of text as the chart drew it, in the chart widget's coordinates.
struct ChartLabel {
    QString text;
    QRectF rect;
};

class ChartView {
public:
    virtual ~ChartView() = default;

    virtual QWidget* widget() = 0;
    // The chart's title: the answer the chart gives ("You listen most on Sunday evenings").
    virtual void setTitle(const QString& title) = 0;
    // Draws `data`; hovering a value shows data.toolTip() for it.
    virtual void setData(const ChartData& data) = 0;
    // The chart as drawn now, title included (for "export as PNG").
    virtual QImage image() = 0;
    // Every label drawn now (axes, titles, legend): the layout test checks that none overlap.
    virtual QList<ChartLabel> labels() = 0;
};

// A view for charts of this kind: Qt Charts, or the painted heatmap. nullptr for TableOnly.
std::unique_ptr<ChartView> createChartView(ChartData::Kind kind, QWidget* parent);

}  // namespace encore::dashboards
