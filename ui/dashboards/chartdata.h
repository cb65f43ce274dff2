#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace encore::dashboards {

// What one chart shows, independent of the library that draws it: categories along one axis
// and one or more series of values over them. The "show numbers" table and the CSV export are
// made from the same data, so they always match the chart.
struct ChartData {
    enum class Kind {
        Bars,            // series side by side per category
        HorizontalBars,  // rankings: first category on top
        StackedShares,   // each category's bar split into its series' shares (100%)
        Lines,           // one line per series along the categories
        Heatmap,         // series = rows (weekdays), categories = columns (hours)
        Intervals,       // series = {low, estimate, high} per category (a 95% interval)
        Boxes,           // series = {min, q1, median, q3, max} per category
        TableOnly,       // numbers without a chart (lists)
    };
    enum class Format { Count, Share, Decimal, Text };

    Kind kind = Kind::Bars;
    QString category_title;
    QString value_title;
    QStringList categories;
    QStringList series;
    std::vector<std::vector<double>> values;  // [series][category]
    std::vector<Format> formats;              // per series; Count when missing
    // Text cells of TableOnly columns (series with Format::Text): [series][category].
    std::vector<QStringList> texts;
    int charted_series = -1;      // the chart draws the first N series (-1: all); the table all
    int charted_categories = -1;  // the same for categories (the rest are in the table only)

    bool empty() const { return categories.isEmpty(); }
    int chartedSeries() const;
    int chartedCategories() const;
    Format format(int series) const;
    // "1,234", "41%", "0.23": how the table and the tooltips show a value.
    QString text(int series, int category) const;
    // "Rock, 21:00: 41% (123 plays)": the tooltip of one value, with its exact number.
    QString toolTip(int series, int category) const;
};

// RFC 4180 CSV: a header of the category title and the series, then one row per category.
QString chartCsv(const ChartData& data);

}  // namespace encore::dashboards
