#include "dashboards/heatmapview.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <QWidget>

#include <algorithm>

namespace encore::dashboards {

namespace {

constexpr int kRowLabelWidth = 44;
constexpr int kColumnLabelHeight = 18;
constexpr int kTitleHeight = 28;
constexpr int kMinHeight = 220;
constexpr int kLabelGapPx = 8;  // at least this between two hour labels

class HeatmapWidget final : public QWidget {
public:
    explicit HeatmapWidget(QWidget* parent) : QWidget(parent) {
        setMinimumHeight(kMinHeight);
        setMouseTracking(true);
    }

    ChartData data;
    QString title;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        p.setPen(palette().color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(0, 0, width(), kTitleHeight), Qt::AlignCenter, title);
        p.setFont(font());
        const int rows = int(data.series.size());
        const int columns = int(data.categories.size());
        if (rows == 0 || columns == 0)
            return;
        double max = 0.0;
        for (const auto& row : data.values)
            for (double v : row)
                max = std::max(max, v);
        const QColor hot = palette().color(QPalette::Highlight);
        const QColor cold = palette().color(QPalette::Base);
        for (const ChartLabel& label : labels())
            p.drawText(label.rect, Qt::AlignCenter, label.text);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                const double v = data.values[std::size_t(r)][std::size_t(c)];
                const double t = max > 0.0 ? v / max : 0.0;
                const QColor color =
                    QColor::fromRgbF(float(cold.redF() + t * (hot.redF() - cold.redF())),
                                     float(cold.greenF() + t * (hot.greenF() - cold.greenF())),
                                     float(cold.blueF() + t * (hot.blueF() - cold.blueF())));
                p.fillRect(cell(r, c).adjusted(1, 1, -1, -1), color);
            }
        }
    }

public:
    // The weekday names down the side and every few hours along the bottom, as many as fit
    // (every 1, 2, 3, 4, 6 or 12 hours), each in the box its text takes.
    QList<ChartLabel> labels() const {
        QList<ChartLabel> out;
        const QFontMetrics metrics(font());
        const int rows = int(data.series.size());
        const int columns = int(data.categories.size());
        for (int r = 0; r < rows; ++r) {
            const QString text = data.series[r].left(3);
            const QSize size = metrics.size(Qt::TextSingleLine, text);
            out.append({text, QRectF(kRowLabelWidth - 4 - size.width(),
                                     cellTop(r) + (cellHeight() - size.height()) / 2.0,
                                     size.width(), size.height())});
        }
        int widest = 0;
        for (const QString& c : data.categories)
            widest = std::max(widest, metrics.horizontalAdvance(c.left(2)));
        int every = 12;
        for (int candidate : {1, 2, 3, 4, 6, 12}) {
            if (cellWidth() * candidate >= widest + kLabelGapPx) {
                every = candidate;
                break;
            }
        }
        for (int c = 0; c < columns; c += every) {
            const QString text = data.categories[c].left(2);
            const QSize size = metrics.size(Qt::TextSingleLine, text);
            out.append({text, QRectF(cell(0, c).left(),
                                     height() - kColumnLabelHeight +
                                         (kColumnLabelHeight - size.height()) / 2.0,
                                     size.width(), size.height())});
        }
        return out;
    }

    bool event(QEvent* e) override {
        if (e->type() == QEvent::ToolTip) {
            const auto* help = static_cast<QHelpEvent*>(e);
            const int r = rowAt(help->pos().y());
            const int c = columnAt(help->pos().x());
            if (r >= 0 && c >= 0)
                QToolTip::showText(help->globalPos(), data.toolTip(r, c), this);
            else
                QToolTip::hideText();
            return true;
        }
        return QWidget::event(e);
    }

private:
    int cellWidth() const {
        return std::max(1,
                        (width() - kRowLabelWidth) / std::max<int>(1, int(data.categories.size())));
    }
    int cellHeight() const {
        return std::max(1, (height() - kTitleHeight - kColumnLabelHeight) /
                               std::max<int>(1, int(data.series.size())));
    }
    int cellTop(int row) const { return kTitleHeight + row * cellHeight(); }
    QRect cell(int row, int column) const {
        return QRect(kRowLabelWidth + column * cellWidth(), cellTop(row), cellWidth(),
                     cellHeight());
    }
    int rowAt(int y) const {
        const int r = (y - kTitleHeight) / cellHeight();
        return y >= kTitleHeight && r < int(data.series.size()) ? r : -1;
    }
    int columnAt(int x) const {
        const int c = (x - kRowLabelWidth) / cellWidth();
        return x >= kRowLabelWidth && c < int(data.categories.size()) ? c : -1;
    }
};

class HeatmapView final : public ChartView {
public:
    explicit HeatmapView(QWidget* parent) : widget_(new HeatmapWidget(parent)) {}
    QWidget* widget() override { return widget_; }
    void setTitle(const QString& title) override {
        widget_->title = title;
        widget_->update();
    }
    void setData(const ChartData& data) override {
        widget_->data = data;
        widget_->update();
    }
    QImage image() override { return widget_->grab().toImage(); }
    QList<ChartLabel> labels() override { return widget_->labels(); }

private:
    HeatmapWidget* widget_;
};

}  // namespace

std::unique_ptr<ChartView> createHeatmapView(QWidget* parent) {
    return std::make_unique<HeatmapView>(parent);
}

}  // namespace encore::dashboards
