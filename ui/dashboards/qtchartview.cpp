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
#include <QEvent>
#include <QGraphicsLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace encore::dashboards {

namespace {

// A line chart labels at most this many of its categories, evenly spread.
constexpr int kMaxLineLabels = 8;
constexpr int kMinChartHeight = 260;
constexpr int kMaxFlatLabels = 7;
// Labels along the bottom with more characters than this together go on short lines (bars,
// boxes) or are slanted (the dates of a line chart).
constexpr int kMaxFlatChars = 64;
constexpr int kSlantedAngle = -45;
constexpr int kLegendMarkerPx = 34;  // marker and spacing of one legend entry
constexpr int kMinSideLabelPx = 80;
constexpr int kLegendMarginPx = 30;  // around a legend on the right
constexpr int kRedrawSlackPx = 48;   // narrower or wider than this: labels are fitted again
constexpr int kRowGapPx = 8;         // between two names of a ranking
constexpr int kAxesHeightPx = 110;   // title, value axis and margins of a ranking
constexpr int kAxesWidthPx = 80;     // value axis and margins beside the plot
constexpr int kMaxThinnedLabels = 8;

// Qt Charts warns about every non-finite value (a statistic that could not be computed).
double finite(double v) {
    return std::isfinite(v) ? v : 0.0;
}

// Round ticks (0.2, not 0.199023); an axis over equal values (all zero) gets a unit range,
// where Qt's rounding would divide by zero.
void niceRange(QValueAxis* axis) {
    if (axis->max() > axis->min())
        axis->applyNiceNumbers();
    else
        axis->setRange(axis->min(), axis->min() + 1.0);
}

// "Artist's<br>share of<br>the library": a long label in short lines (Qt Charts labels take
// HTML; slanted ones get no room of their own and hide each other).
QString wrapped(const QString& label) {
    constexpr int kLineChars = 10;
    QStringList lines;
    for (const QString& word : label.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lines.isEmpty() && lines.last().size() + 1 + word.size() <= kLineChars)
            lines.last() += QLatin1Char(' ') + word;
        else
            lines << word;
    }
    for (QString& line : lines)
        line = line.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

// Down the side Qt Charts caps the labels' width (about a third of the chart) and clips long
// names at their start: a ranking's long names end in "…" within that width instead (the
// bar's tooltip has the whole name). Categories must stay distinct, so a name cut to another's
// gets invisible spaces.
QStringList shortened(const QStringList& names, const QFont& font, int maxPx) {
    const QFontMetrics metrics(font);
    QStringList out;
    for (const QString& name : names) {
        QString label = metrics.elidedText(name, Qt::ElideRight, maxPx);
        while (out.contains(label))
            label += QChar(0x200B);
        out << label;
    }
    return out;
}

// Every few of many names (hours, months), the others blank; blanks stay distinct categories.
QStringList thinned(const QStringList& names) {
    const int step = std::max(1, int(std::ceil(double(names.size()) / kMaxThinnedLabels)));
    QStringList out;
    for (int i = 0; i < names.size(); ++i)
        out << (i % step == 0 ? names[i] : QString(i, QChar(0x200B)));
    return out;
}

int totalChars(const QStringList& names) {
    int n = 0;
    for (const QString& name : names)
        n += int(name.size());
    return n;
}

class QtChartView final : public QObject, public ChartView {
public:
    explicit QtChartView(QWidget* parent) : view_(new QChartView(parent)), chart_(new QChart) {
        view_->installEventFilter(this);  // the legend's place follows the width
        view_->setChart(chart_);
        view_->setRenderHint(QPainter::Antialiasing);
        view_->setMinimumHeight(kMinChartHeight);
        applyTheme();
        chart_->setAnimationOptions(QChart::NoAnimation);
        chart_->legend()->setAlignment(Qt::AlignBottom);
    }

    QWidget* widget() override { return view_; }
    void setTitle(const QString& title) override {
        if (title != chart_->title())  // Qt Charts lays the whole chart out again on any title
            chart_->setTitle(title);
    }
    QImage image() override { return view_->grab().toImage(); }

    void setData(const ChartData& data) override {
        data_ = data;
        side_axis_ = nullptr;
        bottom_axis_ = nullptr;
        chart_->removeAllSeries();
        for (QAbstractAxis* axis : chart_->axes()) {
            chart_->removeAxis(axis);
            delete axis;
        }
        if (data.empty())
            return;
        built_width_ = view_->width();
        // Turned or flat from the start when the width is known (a later turn redraws).
        if (data.kind == ChartData::Kind::Bars || data.kind == ChartData::Kind::StackedShares ||
            data.kind == ChartData::Kind::Boxes || data.kind == ChartData::Kind::Intervals) {
            const QStringList names = categoryNames();
            const QStringList shown = names.size() > kMaxFlatLabels ? thinned(names) : names;
            bottom_angle_ =
                angleFor(shown, view_->font(), view_->width() - legendWidth() - kAxesWidthPx);
        }
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
        chart_->legend()->setVisible(legendShown());
        // A ranking down the side gets a row per name (Qt hides names that would touch).
        const int rows = data.kind == ChartData::Kind::HorizontalBars ? categories() : 0;
        view_->setMinimumHeight(std::max(
            kMinChartHeight, rows * (view_->fontMetrics().height() + kRowGapPx) + kAxesHeightPx));
        fitToWidth();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == view_ && event->type() == QEvent::Resize)
            fitToWidth();
        else if (watched == view_ && event->type() == QEvent::PaletteChange)
            applyTheme();
        return QObject::eventFilter(watched, event);
    }

private:
    // Light or dark with the window (Appearance switches the palette at run time).
    void applyTheme() {
        const bool dark = view_->palette().color(QPalette::Window).lightness() < 128;
        const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
        if (chart_->theme() != theme)
            chart_->setTheme(theme);
    }

    void fitToWidth() {
        const int legendRight = placeLegend();
        fitSideLabels();
        fitBottomLabels(view_->width() - legendRight - kAxesWidthPx);
    }

    // Below the chart while every entry fits in one row (their names would be cut to "…"
    // otherwise), else on its right. Returns the width the legend takes on the right.
    int placeLegend() {
        if (!chart_->legend()->isVisible())
            return 0;
        const int width = legendWidth();
        const Qt::Alignment place = width == 0 ? Qt::AlignBottom : Qt::AlignRight;
        if (chart_->legend()->alignment() != place)
            chart_->legend()->setAlignment(place);
        return width;
    }

    bool legendShown() const {
        return charted() > 1 && data_.kind != ChartData::Kind::Intervals &&
               data_.kind != ChartData::Kind::Boxes;
    }

    // What a legend on the right takes; 0 when it fits below (or there is none).
    int legendWidth() const {
        if (!legendShown())
            return 0;
        const QFontMetrics metrics(chart_->legend()->font());
        int needed = 0;
        int widest = 0;
        for (int s = 0; s < charted(); ++s) {
            const int entry = metrics.horizontalAdvance(data_.series[s]) + kLegendMarkerPx;
            needed += entry;
            widest = std::max(widest, entry);
        }
        return needed < view_->width() - 2 * kLegendMarkerPx ? 0 : widest + kLegendMarginPx;
    }

    // Names along the bottom turn upright when they would run into each other in `plotPx`.
    void fitBottomLabels(int plotPx) {
        if (!bottom_axis_)
            return;
        // Small changes (a scroll bar coming and going) keep the drawing: no redraw loop.
        if (std::abs(view_->width() - built_width_) < kRedrawSlackPx)
            return;
        const int angle = angleFor(bottom_axis_->categories(), bottom_axis_->labelsFont(), plotPx);
        if (angle == bottom_angle_)
            return;
        // Qt Charts lays a turned axis out right only when it is added turned: draw again.
        bottom_angle_ = angle;
        QMetaObject::invokeMethod(
            this, [this] { setData(ChartData(data_)); }, Qt::QueuedConnection);
    }

    // -90 when the names shown along the bottom would run into each other in `plotPx`.
    static int angleFor(const QStringList& labels, const QFont& font, int plotPx) {
        const QFontMetrics metrics(font);
        int shown = 0;
        int widest = 0;
        for (const QString& label : labels) {
            if (QString(label).remove(QChar(0x200B)).trimmed().isEmpty())
                continue;  // a thinned-out slot
            if (label.contains(QStringLiteral("<br>")))
                return 0;  // names on short lines stay flat
            ++shown;
            widest = std::max(widest, metrics.horizontalAdvance(label));
        }
        // Shown names sit evenly on the categories' slots.
        return widest > double(plotPx) / std::max(1, shown) ? -90 : 0;
    }

    int sideLabelWidth() const { return std::max(kMinSideLabelPx, view_->width() / 3); }

    // The ranking's names again for the new width (the categories keep their order).
    void fitSideLabels() {
        if (!side_axis_)
            return;
        const QStringList labels =
            shortened(side_names_, side_axis_->labelsFont(), sideLabelWidth());
        if (labels != side_axis_->categories()) {
            side_axis_->clear();
            side_axis_->append(labels);
            chart_->layout()->invalidate();
        }
    }

    int charted() const { return data_.chartedSeries(); }
    int categories() const { return data_.chartedCategories(); }
    QStringList categoryNames() const { return data_.categories.mid(0, categories()); }

    QBarCategoryAxis* categoryAxis(const QStringList& names, bool vertical) {
        auto* axis = new QBarCategoryAxis;
        if (vertical) {
            side_axis_ = axis;
            side_names_ = names;
            axis->append(shortened(names, axis->labelsFont(), sideLabelWidth()));
        } else if (names.size() > kMaxFlatLabels) {
            axis->append(thinned(names));  // hours, months: every few
            axis->setLabelsAngle(bottom_angle_);
        } else if (totalChars(names) > kMaxFlatChars) {
            QStringList lines;  // a few long names (features) go on short lines
            for (const QString& name : names)
                lines << wrapped(name);
            axis->append(lines);
        } else {
            axis->append(names);
            axis->setLabelsAngle(bottom_angle_);
        }
        // A ranking down the side names its rows itself; its title would crowd the names.
        if (!vertical) {
            axis->setTitleText(data_.category_title);
            bottom_axis_ = axis;
        }
        axis->setTruncateLabels(false);  // Qt Charts would cut a ranking's names to "..."
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
                const double v = finite(data_.values[std::size_t(s)][std::size_t(at)]);
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
            niceRange(values);
    }

    QCategoryAxis* spreadLabels() {
        auto* axis = new QCategoryAxis;
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        axis->setTruncateLabels(false);
        const int n = categories();
        const int step = std::max(1, int(std::ceil(double(n) / kMaxLineLabels)));
        QStringList shown;
        for (int c = 0; c < n; c += step) {
            axis->append(data_.categories[c], c);
            shown << data_.categories[c];
        }
        if (totalChars(shown) > kMaxFlatChars)
            axis->setLabelsAngle(kSlantedAngle);  // dates run into each other
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
                    finite(data_.values[std::size_t(s)][std::size_t(c)]) * (percent ? 100.0 : 1.0);
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
            niceRange(values);
        }
    }

    // Boxes: min, q1, median, q3, max. Intervals: a flat box at the estimate with whiskers
    // to the interval's ends.
    void showBoxes() {
        const bool intervals = data_.kind == ChartData::Kind::Intervals;
        auto* series = new QBoxPlotSeries;
        series->setName(data_.value_title);
        QStringList names;
        std::vector<int> shown;  // categories with every figure known
        for (int c = 0; c < categories(); ++c) {
            auto value = [&](int s) { return data_.values[std::size_t(s)][std::size_t(c)]; };
            bool known = true;
            for (int s = 0; s < (intervals ? 3 : 5); ++s)
                known = known && std::isfinite(value(s));
            if (!known)
                continue;
            names << data_.categories[c];
            shown.push_back(c);
            auto* box = intervals ? new QBoxSet(value(0), value(1), value(1), value(1), value(2),
                                                data_.categories[c])
                                  : new QBoxSet(value(0), value(1), value(2), value(3), value(4),
                                                data_.categories[c]);
            series->append(box);
        }
        QObject::connect(
            series, &QBoxPlotSeries::hovered, view_,
            [this, series, intervals, shown](bool on, QBoxSet* box) {
                if (!on) {
                    QToolTip::hideText();
                    return;
                }
                const int at = int(series->boxSets().indexOf(box));
                const int c = at >= 0 && at < int(shown.size()) ? shown[std::size_t(at)] : -1;
                QStringList lines{data_.categories.value(c)};
                for (int s = 0; s < int(data_.series.size()); ++s)
                    lines.append(data_.series[s] + QStringLiteral(": ") + data_.text(s, c));
                Q_UNUSED(intervals);
                QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')), view_);
            });
        chart_->addSeries(series);
        QBarCategoryAxis* axis = categoryAxis(names, false);
        QValueAxis* values = valueAxis();
        values->setLabelFormat(QStringLiteral("%g"));
        chart_->addAxis(axis, Qt::AlignBottom);
        chart_->addAxis(values, Qt::AlignLeft);
        series->attachAxis(axis);
        series->attachAxis(values);
        niceRange(values);
    }

    QChartView* view_;
    QChart* chart_;
    ChartData data_;
    QBarCategoryAxis* side_axis_ = nullptr;    // a ranking's names down the side, if shown
    QBarCategoryAxis* bottom_axis_ = nullptr;  // names along the bottom, if shown
    int bottom_angle_ = 0;                     // -90 where they would run into each other
    int built_width_ = 0;                      // the width the chart was drawn for
    QStringList side_names_;
};

}  // namespace

std::unique_ptr<ChartView> createQtChartView(QWidget* parent) {
    return std::make_unique<QtChartView>(parent);
}

}  // namespace encore::dashboards
