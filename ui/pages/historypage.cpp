#include "pages/historypage.h"

#include "engine.h"
#include "history/historymodel.h"
#include "listens/listenwords.h"
#include "widgets/emptystate.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"
#include "widgets/pageheading.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace encore {

HistoryPage::HistoryPage(Engine& engine, QWidget* parent)
    : QWidget(parent)
    , engine_(engine)
    , model_(new HistoryModel(engine, this))
    , summary_(new QLabel(this))
    , import_(new QPushButton(tr("Import history…"), this))
    , stack_(new QStackedWidget(this))
    , empty_(new EmptyState(
          QStringLiteral("document-open-recent"), tr("No listening history yet"),
          tr("Every song you play is logged here, newest first: when you played it, and whether "
             "you listened to it or skipped it. You can also bring your history from Spotify, "
             "Last.fm or ListenBrainz. Nothing leaves this computer."),
          this))
    , view_(new QTableView(this)) {
    summary_->setForegroundRole(QPalette::PlaceholderText);
    import_->setIcon(Icons::get(QStringLiteral("document-open-recent")));
    import_->setToolTip(tr("Add listens exported from Spotify, Last.fm, ListenBrainz, Rockbox…"));
    connect(import_, &QPushButton::clicked, this, &HistoryPage::importRequested);
    connect(empty_->setAction(tr("Import a listening history…")), &QPushButton::clicked, this,
            &HistoryPage::importRequested);

    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setAlternatingRowColors(true);
    view_->setShowGrid(false);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = view_->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Fixed widths: ResizeToContents would measure every fetched row.
    view_->setColumnWidth(HistoryModel::When, 150);
    view_->setColumnWidth(HistoryModel::Title, 260);
    view_->setColumnWidth(HistoryModel::Artist, 170);
    view_->setColumnWidth(HistoryModel::Album, 180);
    view_->setColumnWidth(HistoryModel::Heard, 60);
    view_->setColumnWidth(HistoryModel::Outcome, 100);
    connect(view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.data(HistoryModel::kHasFileRole).toBool())
            Q_EMIT playRequested(index.data(HistoryModel::kTrackIdRole).toLongLong());
    });

    stack_->addWidget(empty_);
    stack_->addWidget(view_);

    auto* top = new QHBoxLayout;
    top->addWidget(pageHeading(tr("History"), this));
    top->addSpacing(8);
    top->addWidget(summary_, 1);
    top->addWidget(import_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);

    connect(model_, &HistoryModel::totalCountChanged, this, &HistoryPage::updateSummary);
    connect(model_, &HistoryModel::rowsLoaded, this, &HistoryPage::updateSummary);
    connect(model_, &QAbstractItemModel::modelReset, this, &HistoryPage::updateSummary);
    connect(model_, &HistoryModel::loadFailed, this,
            [this](const QString& message) { summary_->setText(message); });
    connect(&engine_, &Engine::activeProfileChanged, this, &HistoryPage::updateSummary);
    updateSummary();
}

void HistoryPage::showEvent(QShowEvent* event) {
    if (!model_->hasLoaded())
        model_->reload();
    QWidget::showEvent(event);
}

bool HistoryPage::isShowingLog() const {
    return stack_->currentWidget() == view_;
}

QString HistoryPage::summaryText() const {
    return summary_->text();
}

void HistoryPage::updateSummary() {
    const qint64 total = model_->totalCount();
    const bool empty = model_->rowCount() == 0 && !model_->isLoading() && total <= 0;
    stack_->setCurrentWidget(empty ? static_cast<QWidget*>(empty_) : view_);
    if (total < 0) {
        summary_->clear();
        return;
    }
    const QString listens =
        total == 1 ? tr("1 listen") : tr("%1 listens").arg(Formatting::count(total));
    // With one listener there is no need to say whose history it is.
    summary_->setToolTip(listenwords::all());
    summary_->setText(engine_.profiles().size() > 1
                          ? tr("%1 by %2, newest first").arg(listens, engine_.activeProfile().name)
                          : tr("%1, newest first").arg(listens));
}

}  // namespace encore
