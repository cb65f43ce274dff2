#include "dashboards/chartcard.h"

#include "dashboards/charttablemodel.h"
#include "dashboards/chartview.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace encore::dashboards {

namespace {

constexpr int kMinChartAreaPx = 260;  // every chart at least this tall, rankings taller
constexpr int kMinCardWidthPx = 320;

}  // namespace

ChartCard::ChartCard(const QString& key, ChartData::Kind kind, QWidget* parent)
    : QFrame(parent)
    , key_(key)
    , headline_(new QLabel(this))
    , caption_(new QLabel(this))
    , details_(new QLabel(this))
    , details_button_(new QToolButton(this))
    , stack_(new QStackedWidget(this))
    , table_(new QTableView(this))
    , numbers_(new QToolButton(this))
    , export_(new QToolButton(this))
    , model_(new ChartTableModel(this))
    , kind_(kind)
    , has_chart_(kind != ChartData::Kind::TableOnly) {
    setObjectName(key);
    setFrameShape(QFrame::StyledPanel);
    // The grid's columns share its width whatever the cards hold: a new headline or chart
    // never changes a column's width, which would lay out every chart in it again.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setMinimumWidth(kMinCardWidthPx);
    headline_->setWordWrap(true);
    QFont bold = headline_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    headline_->setFont(bold);
    headline_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    caption_->setWordWrap(true);
    caption_->setForegroundRole(QPalette::PlaceholderText);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setObjectName(QStringLiteral("details"));
    details_->hide();
    details_button_->setText(tr("Details"));
    details_button_->setCheckable(true);
    details_button_->setToolTip(tr("How this was worked out: the method, interval and test"));
    details_button_->hide();
    connect(details_button_, &QToolButton::toggled, this, &ChartCard::showDetails);

    table_->setModel(model_);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The chart is made with the first data and shown when the page reveals it: a dozen charts
    // laid out and painted at once, on the page's first show, would hold the GUI thread for
    // tens of milliseconds.
    placeholder_ = new QWidget(this);
    stack_->addWidget(placeholder_);
    stack_->addWidget(table_);
    stack_->setCurrentWidget(has_chart_ ? placeholder_ : static_cast<QWidget*>(table_));

    numbers_->setText(tr("Show numbers"));
    numbers_->setCheckable(true);
    numbers_->setVisible(has_chart_);
    connect(numbers_, &QToolButton::toggled, this, &ChartCard::showNumbers);
    export_->setText(tr("Export"));
    export_->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(export_);
    QAction* png = menu->addAction(tr("As PNG image..."));
    png->setEnabled(has_chart_);
    connect(png, &QAction::triggered, this, [this] { exportWithDialog(true); });
    connect(menu->addAction(tr("As CSV table...")), &QAction::triggered, this,
            [this] { exportWithDialog(false); });
    export_->setMenu(menu);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(caption_, 1);
    buttons->addWidget(details_button_);
    buttons->addWidget(numbers_);
    buttons->addWidget(export_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(headline_);
    // The chart keeps its own height: a neighbour's longer headline or a new report must not
    // resize it, as Qt Charts lays every axis label out again on each resize (~1.5 ms a chart).
    stack_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    stack_->installEventFilter(this);
    fitChartHeight();
    layout->addWidget(stack_);
    layout->addLayout(buttons);
    layout->addWidget(details_);
    layout->addStretch(1);  // a shorter card in a row keeps its content at the top
    setPending(true);
}

ChartCard::~ChartCard() = default;

void ChartCard::setHeadline(const QString& headline) {
    headline_->setText(headline);
    if (chart_)
        chart_->setTitle(QString());  // the card shows it; the PNG export adds it back
}

QString ChartCard::headline() const {
    return headline_->text();
}

void ChartCard::setCaption(const QString& caption) {
    caption_->setText(caption);
}

QString ChartCard::caption() const {
    return caption_->text();
}

void ChartCard::setDetails(const QString& details) {
    details_->setText(details);
    details_button_->setVisible(!details.isEmpty());
    if (details.isEmpty())
        showDetails(false);
}

QString ChartCard::details() const {
    return details_->text();
}

bool ChartCard::detailsShown() const {
    return details_button_->isChecked() && !details_->isHidden();
}

void ChartCard::showDetails(bool shown) {
    shown = shown && !details_->text().isEmpty();
    details_button_->setChecked(shown);
    details_->setVisible(shown);
}

QList<ChartLabel> ChartCard::chartLabels() const {
    if (!chart_)
        return {};
    QList<ChartLabel> labels = chart_->labels();
    QWidget* chart = chart_->widget();
    for (ChartLabel& label : labels)
        label.rect.translate(chart->mapTo(this, QPoint(0, 0)));
    return labels;
}

QWidget* ChartCard::chartWidget() const {
    return chart_ ? chart_->widget() : nullptr;
}

bool ChartCard::eventFilter(QObject* watched, QEvent* event) {
    if (watched == stack_ && event->type() == QEvent::LayoutRequest)
        fitChartHeight();
    return QFrame::eventFilter(watched, event);
}

void ChartCard::fitChartHeight() {
    const int wanted = std::max(kMinChartAreaPx, chart_ ? chart_->widget()->minimumHeight() : 0);
    if (stack_->minimumHeight() != wanted || stack_->maximumHeight() != wanted)
        stack_->setFixedHeight(wanted);
}

void ChartCard::setData(const ChartData& data) {
    model_->setChartData(data);
    if (has_chart_ && !chart_) {
        chart_ = createChartView(kind_, this);
        stack_->addWidget(chart_->widget());
        chart_->setTitle(QString());  // the card shows the headline
    }
    if (chart_)
        chart_->setData(data);
    fitChartHeight();
    has_data_ = true;
    setPending(false);
}

const ChartData& ChartCard::data() const {
    return model_->chartData();
}

void ChartCard::setPending(bool pending) {
    pending_ = pending;
    if (pending && !has_data_)
        headline_->setText(tr("Computing..."));
    setEnabled(!pending || has_data_);
}

void ChartCard::reveal() {
    revealed_ = true;
    if (chart_ && stack_->currentWidget() == placeholder_)
        stack_->setCurrentWidget(chart_->widget());
}

void ChartCard::conceal() {
    revealed_ = false;
    if (chart_ && chart_->widget() && stack_->currentWidget() == chart_->widget())
        stack_->setCurrentWidget(placeholder_);
}

bool ChartCard::numbersShown() const {
    return stack_->currentWidget() == table_;
}

void ChartCard::showNumbers(bool shown) {
    if (!has_chart_)
        return;
    if (shown)
        stack_->setCurrentWidget(table_);
    else
        stack_->setCurrentWidget(revealed_ && chart_ ? chart_->widget() : placeholder_);
    numbers_->setChecked(shown);
    numbers_->setText(shown ? tr("Show chart") : tr("Show numbers"));
}

bool ChartCard::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(chartCsv(data()).toUtf8()) < 0 ||
        !file.commit()) {
        *error = tr("Could not write %1: %2. Choose a folder you can write to.")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool ChartCard::exportPng(const QString& path, QString* error) const {
    if (!has_chart_) {
        *error = tr("This dashboard is a table: export it as CSV.");
        return false;
    }
    if (!chart_) {
        *error = tr("This dashboard has no data yet: export it once it shows a chart.");
        return false;
    }
    // The image carries the headline as the chart's title, so it stands on its own.
    chart_->setTitle(headline());
    const QImage image = chart_->image();
    chart_->setTitle(QString());
    if (image.isNull() || !image.save(path, "PNG")) {
        *error = tr("Could not write %1. Choose a folder you can write to.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void ChartCard::exportWithDialog(bool png) {
    const QString suggested =
        QDir::home().filePath(key_ + (png ? QStringLiteral(".png") : QStringLiteral(".csv")));
    const QString path = QFileDialog::getSaveFileName(
        this, png ? tr("Export chart as PNG") : tr("Export numbers as CSV"), suggested,
        png ? tr("PNG images (*.png)") : tr("CSV tables (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(png ? exportPng(path, &error) : exportCsv(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace encore::dashboards
