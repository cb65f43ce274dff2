// The only file that includes Qt Charts (see chartview.h).
#include "dashboards/qtchartview.h"

#include "dashboards/axisticks.h"

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
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace encore::dashboards {

namespace {

// A line chart labels at most this many of its categories, evenly spread.
constexpr int kMaxLineLabels = 8;
constexpr int kMinChartHeight = 260;
// A line over this few points also marks each one (a single week is a dot, not nothing).
constexpr int kMaxMarkedPoints = 12;
constexpr int kMaxValueTicks = 11;
constexpr int kTickSpacingLines = 2;  // a value tick every this many text lines up the side
constexpr int kMaxFlatLabels = 7;
constexpr int kLegendMarkerPx = 34;  // marker and spacing of one legend entry
constexpr int kMinSideLabelPx = 80;
constexpr int kLegendMarginPx = 30;  // around a legend on the right
constexpr int kRedrawSlackPx = 48;   // narrower or wider than this: labels are fitted again
constexpr int kRowGapPx = 8;         // between two names of a ranking
constexpr int kAxesHeightPx = 110;   // title, value axis and margins of a ranking
constexpr int kAxesWidthPx = 80;     // value axis and margins beside the plot

// Qt Charts warns about every non-finite value (a statistic that could not be computed).
double finite(double v) {
    return std::isfinite(v) ? v : 0.0;
}

QString tickFormat(int decimals, bool percent) {
    return QStringLiteral("%.") + QString::number(decimals) +
           (percent ? QStringLiteral("f%%") : QStringLiteral("f"));
}

QString tickText(double value, int decimals, bool percent) {
    return QString::number(value, 'f', decimals) + (percent ? QStringLiteral("%") : QString());
}

// What the names along the bottom look like: turned upright, and every step-th shown.
struct BottomLayout {
    int angle = 0;
    int step = 1;
    bool wrap = false;  // on short lines ("Usual hour<br>of play")
    bool operator==(const BottomLayout& o) const {
        return angle == o.angle && step == o.step && wrap == o.wrap;
    }
};

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

// Every step-th of many names (hours, months), the others blank; blanks stay distinct
// categories. Counting from step / 2 keeps the first name, as wide as `step` slots at most,
// clear of the value axis on its left.
QStringList thinned(const QStringList& names, int step) {
    QStringList out;
    for (int i = 0; i < names.size(); ++i)
        out << (i % step == step / 2 ? names[i] : QString(i, QChar(0x200B)));
    return out;
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

    // Every text Qt Charts drew (axis labels and titles, the chart title, the legend), in the
    // view's coordinates.
    QList<ChartLabel> labels() override {
        QList<ChartLabel> out;
        for (QGraphicsItem* item : view_->scene()->items()) {
            auto* text = dynamic_cast<QGraphicsTextItem*>(item);
            if (!text || !text->isVisible() || !text->isVisibleTo(nullptr))
                continue;
            const QString plain = text->toPlainText().remove(QChar(0x200B)).trimmed();
            if (plain.isEmpty())
                continue;
            // Without the document's margin: the text's own box, turned as it is drawn.
            const qreal margin = text->document()->documentMargin();
            const QRectF box = text->boundingRect().adjusted(margin, margin, -margin, -margin);
            const QRectF inView = view_->mapFromScene(text->mapToScene(box)).boundingRect();
            out.append({plain, inView});
        }
        return out;
    }

    void setData(const ChartData& data) override {
        data_ = data;
        side_axis_ = nullptr;
        bottom_axis_ = nullptr;
        line_axis_ = nullptr;
        chart_->removeAllSeries();
        for (QAbstractAxis* axis : chart_->axes()) {
            chart_->removeAxis(axis);
            delete axis;
        }
        if (data.empty())
            return;
        built_width_ = view_->width();
        // Turned or flat from the start when the width is known (a later turn redraws).
        bottom_ = bottomLayout(view_->width() - legendWidth() - kAxesWidthPx);
        // The height first: the value axis's ticks are chosen for it.
        view_->setMinimumHeight(wantedHeight());
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

    // Names along the bottom are thinned out or turn upright when they would run into each
    // other in `plotPx`: the chart is drawn again when the width asks for another layout.
    void fitBottomLabels(int plotPx) {
        if (!bottom_axis_ && !line_axis_)
            return;
        // Small changes (a scroll bar coming and going) keep the drawing: no redraw loop.
        if (std::abs(view_->width() - built_width_) < kRedrawSlackPx)
            return;
        const BottomLayout wanted = bottomLayout(plotPx);
        if (wanted == bottom_)
            return;
        // Qt Charts lays a turned axis out right only when it is added turned: draw again.
        bottom_ = wanted;
        QMetaObject::invokeMethod(
            this, [this] { setData(ChartData(data_)); }, Qt::QueuedConnection);
    }

    // Many names (hours, months, weeks) show every few, as many as fit side by side; a few
    // names show all, upright where they would touch.
    BottomLayout bottomLayout(int plotPx) const {
        BottomLayout layout;
        const bool lines = data_.kind == ChartData::Kind::Lines;
        const bool alongBottom = lines || data_.kind == ChartData::Kind::Bars ||
                                 data_.kind == ChartData::Kind::StackedShares ||
                                 data_.kind == ChartData::Kind::Boxes ||
                                 data_.kind == ChartData::Kind::Intervals;
        const QStringList names = categoryNames();
        if (!alongBottom || names.isEmpty())
            return layout;
        // Genres and features are names, not a sequence: every one is shown (a blank under a
        // box would leave it unnamed); hours and months show every few.
        const bool named =
            data_.kind == ChartData::Kind::Boxes || data_.kind == ChartData::Kind::Intervals;
        if (!lines && (named || names.size() <= kMaxFlatLabels)) {
            // Side by side if they fit, else on short lines, upright only if even those touch.
            if (angleFor(names, view_->font(), plotPx) == 0)
                return layout;
            QStringList wrappedNames;
            for (const QString& name : names)
                wrappedNames << wrapped(name);
            if (widestLine(wrappedNames, view_->font()) <= double(plotPx) / names.size()) {
                layout.wrap = true;
                return layout;
            }
            layout.angle = -90;
            return layout;
        }
        const QFontMetrics metrics(view_->font());
        int widest = 0;
        for (const QString& name : names)
            widest = std::max(widest, metrics.horizontalAdvance(name));
        int fit = labelsThatFit(plotPx, widest);
        if (lines)
            fit = std::min(fit, kMaxLineLabels);
        layout.step = labelStep(int(names.size()), fit);
        return layout;
    }

    // A ranking down the side gets a row per name (Qt hides names that would touch); upright
    // names along the bottom get their length added, which Qt Charts would otherwise take from
    // the plot, cutting the longest at the chart's edge.
    int wantedHeight() const {
        const int rows = data_.kind == ChartData::Kind::HorizontalBars ? categories() : 0;
        int upright = 0;
        if (bottom_.angle != 0) {
            for (const QString& name : categoryNames())
                upright = std::max(upright, view_->fontMetrics().horizontalAdvance(name));
        }
        return std::max(kMinChartHeight + upright,
                        rows * (view_->fontMetrics().height() + kRowGapPx) + kAxesHeightPx);
    }

    // Round ticks for the axis's length: as many as fit without touching, with the decimals
    // their step needs.
    void applyTicks(QValueAxis* axis, bool alongBottom, bool percent, bool whole) {
        const QFontMetrics metrics(axis->labelsFont());
        int maxTicks = kMaxValueTicks;
        if (alongBottom) {
            const int span = view_->width() - sideLabelWidth() - kAxesWidthPx;
            const ValueTicks rough = niceTicks(axis->min(), axis->max(), kMaxValueTicks, whole);
            const int widest = std::max(
                metrics.horizontalAdvance(tickText(rough.high, rough.decimals + 1, percent)),
                metrics.horizontalAdvance(tickText(rough.low, rough.decimals + 1, percent)));
            maxTicks = labelsThatFit(span, widest);
        } else {
            // The height the chart asked for, not the one it has now: a redraw for a new
            // width may have changed it, and the card follows.
            const int span = view_->minimumHeight() - kAxesHeightPx;
            maxTicks = span / (kTickSpacingLines * metrics.height());
        }
        const ValueTicks t =
            niceTicks(axis->min(), axis->max(), std::clamp(maxTicks, 2, kMaxValueTicks), whole);
        axis->setRange(t.low, t.high);
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(t.low);
        axis->setTickInterval(t.step);
        axis->setMinorTickCount(0);
        axis->setLabelFormat(tickFormat(t.decimals, percent));
    }

    static int widestLine(const QStringList& labels, const QFont& font) {
        const QFontMetrics metrics(font);
        int widest = 0;
        for (const QString& label : labels) {
            for (const QString& line : label.split(QStringLiteral("<br>")))
                widest = std::max(widest, metrics.horizontalAdvance(line));
        }
        return widest;
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
        } else if (bottom_.step > 1) {
            axis->append(thinned(names, bottom_.step));  // hours, months: every few
        } else if (bottom_.wrap) {
            QStringList lines;  // a few long names (features) go on short lines
            for (const QString& name : names)
                lines << wrapped(name);
            axis->append(lines);
        } else {
            axis->append(names);
            axis->setLabelsAngle(bottom_.angle);
        }
        // A ranking down the side names its rows itself, and upright names say what they are:
        // a title would crowd them.
        if (!vertical) {
            if (bottom_.angle == 0)
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
        return axis;
    }

    bool percentValues() const { return data_.format(0) == ChartData::Format::Share; }
    bool wholeValues() const { return data_.format(0) == ChartData::Format::Count; }

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
        chart_->addAxis(axis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart_->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
        series->attachAxis(axis);
        series->attachAxis(values);
        if (shares)
            values->setRange(0.0, 100.0);
        applyTicks(values, horizontal, percent || shares, wholeValues() || shares);
    }

    QCategoryAxis* spreadLabels() {
        auto* axis = new QCategoryAxis;
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        axis->setTruncateLabels(false);
        const int n = categories();
        // From step / 2, as thinned() does: the first name stays clear of the value axis.
        for (int c = bottom_.step / 2; c < n; c += bottom_.step)
            axis->append(data_.categories[c], c);
        // Half a slot on each side: the first and last names are centred on their points and
        // would run into the value axis and the legend otherwise (and one point sits mid-way).
        axis->setRange(-0.5, std::max(1, n) - 0.5);
        axis->setTitleText(data_.category_title);
        line_axis_ = axis;
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
            line->setPointsVisible(categories() <= kMaxMarkedPoints);
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
        values->setRange(0.0, percent ? std::min(100.0, std::max(10.0, top)) : std::max(1.0, top));
        applyTicks(values, false, percent, wholeValues());
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
        chart_->addAxis(axis, Qt::AlignBottom);
        chart_->addAxis(values, Qt::AlignLeft);
        series->attachAxis(axis);
        series->attachAxis(values);
        applyTicks(values, false, false, false);
    }

    QChartView* view_;
    QChart* chart_;
    ChartData data_;
    QBarCategoryAxis* side_axis_ = nullptr;    // a ranking's names down the side, if shown
    QBarCategoryAxis* bottom_axis_ = nullptr;  // names along the bottom, if shown
    QCategoryAxis* line_axis_ = nullptr;       // a line chart's spread names along the bottom
    BottomLayout bottom_;                      // upright and thinned where they would touch
    int built_width_ = 0;                      // the width the chart was drawn for
    QStringList side_names_;
};

}  // namespace

std::unique_ptr<ChartView> createQtChartView(QWidget* parent) {
    return std::make_unique<QtChartView>(parent);
}

}  // namespace encore::dashboards
