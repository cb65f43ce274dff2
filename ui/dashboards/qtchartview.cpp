// The only file that includes Qt Charts (see chartview.h).
#include "dashboards/qtchartview.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QBoxPlotSeries>
#include <QtCharts/QBoxSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QPercentBarSeries>
#include <QtCharts/QValueAxis>

#include <QCursor>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace encore::dashboards {

namespace {

// A line chart labels at most this many of its categories, evenly spread.
constexpr int kMaxLineLabels = 8;
constexpr int kMinChartHeight = 260;
constexpr int kMaxFlatLabels = 7;

class QtChartView final : public ChartView {
public:
    explicit QtChartView(QWidget* parent) : view_(new QChartView(parent)), chart_(new QChart) {
        view_->setChart(chart_);
        view_->setRenderHint(QPainter::Antialiasing);
        view_->setMinimumHeight(kMinChartHeight);
        const bool dark = view_->palette().color(QPalette::Window).lightness() < 128;
        chart_->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart_->setAnimationOptions(QChart::NoAnimation);
        chart_->legend()->setAlignment(Qt::AlignBottom);
    }

    QWidget* widget() override { return view_; }
    void setTitle(const QString& title) override { chart_->setTitle(title); }
    QImage image() override { return view_->grab().toImage(); }

    void setData(const ChartData& data) override {
        data_ = data;
        chart_->removeAllSeries();
        for (QAbstractAxis* axis : chart_->axes()) {
            chart_->removeAxis(axis);
            delete axis;
        }
        if (data.empty())
            return;
        switch (data.kind) {
            case ChartData::Kind::Bars:
            case ChartData::Kind::HorizontalBars:
            case ChartData::Kind::StackedShares:
                showBars();
                break;
            case ChartData::Kind::Lines:
                showLines();
                break;
            case ChartData::Kind::Intervals:
            case ChartData::Kind::Boxes:
                showBoxes();
                break;
            case ChartData::Kind::Heatmap:
            case ChartData::Kind::TableOnly:
                break;
        }
        chart_->legend()->setVisible(charted() > 1 && data.kind != ChartData::Kind::Intervals &&
                                     data.kind != ChartData::Kind::Boxes);
    }

private:
    int charted() const { return data_.chartedSeries(); }
    int categories() const { return data_.chartedCategories(); }
    QStringList categoryNames() const { return data_.categories.mid(0, categories()); }

    QBarCategoryAxis* categoryAxis(const QStringList& names, bool vertical) {
        auto* axis = new QBarCategoryAxis;
        axis->append(names);
        axis->setTitleText(data_.category_title);
        axis->setTruncateLabels(false);  // a ranking is no use with its names cut to "..."
        // Many labels along the bottom (hours, months) would run into each other: turn them.
        if (!vertical && names.size() > kMaxFlatLabels)
            axis->setLabelsAngle(-90);
        return axis;
    }

    void tip(int series, int category) {
        QToolTip::showText(QCursor::pos(), data_.toolTip(series, category), view_);
    }

    QValueAxis* valueAxis() {
        auto* axis = new QValueAxis;
        axis->setTitleText(data_.value_title);
        const bool share = data_.format(0) == ChartData::Format::Share;
        axis->setLabelFormat(share ? QStringLiteral("%.0f%%") : QStringLiteral("%g"));
        return axis;
    }

    void showBars() {
        const bool horizontal = data_.kind == ChartData::Kind::HorizontalBars;
        const bool shares = data_.kind == ChartData::Kind::StackedShares;
        const bool percent = data_.format(0) == ChartData::Format::Share;
        QAbstractBarSeries* series =
            horizontal ? static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries)
            : shares   ? static_cast<QAbstractBarSeries*>(new QPercentBarSeries)
                       : static_cast<QAbstractBarSeries*>(new QBarSeries);
        const int n = categories();
        QStringList names = categoryNames();
        // A ranking reads top-down, but a horizontal axis counts bottom-up.
        if (horizontal)
            std::reverse(names.begin(), names.end());
        for (int s = 0; s < charted(); ++s) {
            auto* set = new QBarSet(data_.series[s]);
            for (int c = 0; c < n; ++c) {
                const int at = horizontal ? n - 1 - c : c;
                const double v = data_.values[std::size_t(s)][std::size_t(at)];
                *set << (percent && !shares ? v * 100.0 : v);
            }
            QObject::connect(set, &QBarSet::hovered, view_,
                             [this, s, horizontal, n](bool on, int index) {
                                 if (!on) {
                                     QToolTip::hideText();
                                     return;
                                 }
                                 tip(s, horizontal ? n - 1 - index : index);
                             });
            series->append(set);
        }
        chart_->addSeries(series);
        QBarCategoryAxis* axis = categoryAxis(names, horizontal);
        QValueAxis* values = valueAxis();
        if (shares)
            values->setLabelFormat(QStringLiteral("%.0f%%"));
        chart_->addAxis(axis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart_->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
        series->attachAxis(axis);
        series->attachAxis(values);
        if (!shares)
            values->applyNiceNumbers();
    }

    QCategoryAxis* spreadLabels() {
        auto* axis = new QCategoryAxis;
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        axis->setTruncateLabels(false);
        const int n = categories();
        const int step = std::max(1, int(std::ceil(double(n) / kMaxLineLabels)));
        for (int c = 0; c < n; c += step)
            axis->append(data_.categories[c], c);
        axis->setRange(0, std::max(1, n - 1));
        axis->setTitleText(data_.category_title);
        return axis;
    }

    void showLines() {
        const bool percent = data_.format(0) == ChartData::Format::Share;
        QCategoryAxis* axis = spreadLabels();
        QValueAxis* values = valueAxis();
        chart_->addAxis(axis, Qt::AlignBottom);
        chart_->addAxis(values, Qt::AlignLeft);
        double top = 0.0;
        for (int s = 0; s < charted(); ++s) {
            auto* line = new QLineSeries;
            line->setName(data_.series[s]);
            for (int c = 0; c < categories(); ++c) {
                const double v =
                    data_.values[std::size_t(s)][std::size_t(c)] * (percent ? 100.0 : 1.0);
                line->append(c, v);
                top = std::max(top, v);
            }
            QObject::connect(
                line, &QLineSeries::hovered, view_, [this, s](const QPointF& p, bool on) {
                    if (!on) {
                        QToolTip::hideText();
                        return;
                    }
                    tip(s,
                        std::clamp(int(std::lround(p.x())), 0, int(data_.categories.size()) - 1));
                });
            chart_->addSeries(line);
            line->attachAxis(axis);
            line->attachAxis(values);
        }
        if (percent) {
            values->setRange(0.0, std::min(100.0, std::max(10.0, std::ceil(top / 10.0) * 10.0)));
        } else {
            values->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
            values->applyNiceNumbers();
        }
    }

    // Boxes: min, q1, median, q3, max. Intervals: a flat box at the estimate with whiskers
    // to the interval's ends.
    void showBoxes() {
        const bool intervals = data_.kind == ChartData::Kind::Intervals;
        auto* series = new QBoxPlotSeries;
        series->setName(data_.value_title);
        for (int c = 0; c < categories(); ++c) {
            auto value = [&](int s) { return data_.values[std::size_t(s)][std::size_t(c)]; };
            auto* box = intervals ? new QBoxSet(value(0), value(1), value(1), value(1), value(2),
                                                data_.categories[c])
                                  : new QBoxSet(value(0), value(1), value(2), value(3), value(4),
                                                data_.categories[c]);
            series->append(box);
        }
        QObject::connect(
            series, &QBoxPlotSeries::hovered, view_,
            [this, series, intervals](bool on, QBoxSet* box) {
                if (!on) {
                    QToolTip::hideText();
                    return;
                }
                const int c = series->boxSets().indexOf(box);
                QStringList lines{data_.categories.value(c)};
                for (int s = 0; s < int(data_.series.size()); ++s)
                    lines.append(data_.series[s] + QStringLiteral(": ") + data_.text(s, c));
                Q_UNUSED(intervals);
                QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')), view_);
            });
        chart_->addSeries(series);
        QBarCategoryAxis* axis = categoryAxis(categoryNames(), false);
        QValueAxis* values = valueAxis();
        values->setLabelFormat(QStringLiteral("%g"));
        chart_->addAxis(axis, Qt::AlignBottom);
        chart_->addAxis(values, Qt::AlignLeft);
        series->attachAxis(axis);
        series->attachAxis(values);
    }

    QChartView* view_;
    QChart* chart_;
    ChartData data_;
};

}  // namespace

std::unique_ptr<ChartView> createQtChartView(QWidget* parent) {
    return std::make_unique<QtChartView>(parent);
}

}  // namespace encore::dashboards
