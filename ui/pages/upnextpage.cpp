#include "pages/upnextpage.h"

#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "suggest/suggestionlist.h"
#include "suggest/suggestionmodel.h"
#include "suggest/suggestionprovider.h"
#include "widgets/emptystate.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"
#include "widgets/paddeddelegate.h"
#include "widgets/pageheading.h"

#include <QCheckBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace encore {

namespace {

const auto kAutoplayKey = QStringLiteral("upnext/autoplay");

}  // namespace

UpNextPage::UpNextPage(PlaybackController& playback, QWidget* parent)
    : QWidget(parent)
    , playback_(playback)
    , queue_view_(new QTreeView(this))
    , summary_(new QLabel(this))
    , queue_hint_(new QLabel(this))
    , remove_(new QToolButton(this))
    , clear_(new QToolButton(this))
    , open_playlist_(new QToolButton(this))
    , save_queue_(new QToolButton(this))
    , upcoming_(new QListWidget(this))
    , recommendations_(new EmptyState(
          QStringLiteral("media-playlist-consecutive"), tr("Suggestions will appear here"),
          tr("Play a few songs and Encore will suggest what to play next, from what you play "
             "and when you play it. Each suggestion says why it was picked."),
          this))
    , suggestion_stack_(new QStackedWidget(this))
    , suggestions_(new SuggestionList(this))
    , provider_status_(new QLabel(this))
    , provider_note_(new QLabel(this))
    , autoplay_(new QCheckBox(tr("Autoplay recommendations"), this)) {
    PlayQueue* queue = playback_.queue();
    queue_view_->setModel(queue);
    queue_view_->setItemDelegate(new PaddedDelegate(queue_view_));
    queue_view_->setRootIsDecorated(false);
    queue_view_->setUniformRowHeights(true);
    queue_view_->setAlternatingRowColors(true);
    queue_view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    queue_view_->setDragDropMode(QAbstractItemView::DragDrop);
    queue_view_->setDefaultDropAction(Qt::MoveAction);
    queue_view_->setDragEnabled(true);
    queue_view_->setAcceptDrops(true);
    queue_view_->setDropIndicatorShown(true);
    queue_view_->header()->setStretchLastSection(false);
    queue_view_->header()->setSectionResizeMode(PlayQueue::Title, QHeaderView::Stretch);
    queue_view_->setColumnWidth(PlayQueue::Artist, 170);
    queue_view_->setColumnWidth(PlayQueue::Album, 170);
    queue_view_->setColumnWidth(PlayQueue::Duration, 60);
    connect(queue_view_, &QTreeView::doubleClicked, this,
            [this](const QModelIndex& index) { playback_.playQueued(index.row()); });
    auto* del =
        new QShortcut(QKeySequence::Delete, queue_view_, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &UpNextPage::removeSelected);

    remove_->setToolTip(tr("Remove the selected tracks from the queue (Delete)"));
    remove_->setAutoRaise(true);
    clear_->setToolTip(tr("Clear the queue"));
    clear_->setAutoRaise(true);
    connect(remove_, &QToolButton::clicked, this, &UpNextPage::removeSelected);
    connect(clear_, &QToolButton::clicked, queue, &PlayQueue::clear);
    open_playlist_->setToolTip(tr("Add a playlist file to the queue (M3U, M3U8, PLS, XSPF)"));
    open_playlist_->setAutoRaise(true);
    save_queue_->setToolTip(tr("Save the queue as a playlist file (M3U8)"));
    save_queue_->setAutoRaise(true);
    connect(open_playlist_, &QToolButton::clicked, this, &UpNextPage::openPlaylistRequested);
    connect(save_queue_, &QToolButton::clicked, this, &UpNextPage::saveQueueRequested);
    summary_->setForegroundRole(QPalette::PlaceholderText);
    queue_hint_->setWordWrap(true);
    queue_hint_->setForegroundRole(QPalette::PlaceholderText);
    queue_hint_->setText(
        tr("The queue is empty. Right-click tracks in the Library and choose "
           "“Add to queue”, or drag them here. Queued tracks play before the "
           "rest of the list."));
    upcoming_->setItemDelegate(new PaddedDelegate(upcoming_));
    upcoming_->setUniformItemSizes(true);
    upcoming_->setSelectionMode(QAbstractItemView::NoSelection);
    upcoming_->setFocusPolicy(Qt::NoFocus);

    auto* queueTitle = new QHBoxLayout;
    queueTitle->addWidget(pageHeading(tr("Queue"), this));
    queueTitle->addSpacing(8);
    queueTitle->addWidget(summary_, 1);
    queueTitle->addWidget(open_playlist_);
    queueTitle->addWidget(save_queue_);
    queueTitle->addWidget(remove_);
    queueTitle->addWidget(clear_);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(queueTitle);
    leftLayout->addWidget(queue_hint_);
    leftLayout->addWidget(queue_view_, 3);
    leftLayout->addSpacing(8);
    leftLayout->addWidget(pageHeading(tr("After the queue"), this));
    leftLayout->addWidget(upcoming_, 2);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* rightTitle = new QHBoxLayout;
    rightTitle->addWidget(pageHeading(tr("Recommended next"), this));
    rightTitle->addStretch(1);
    rightTitle->addWidget(autoplay_);
    rightLayout->addLayout(rightTitle);
    provider_note_->setWordWrap(true);
    provider_note_->setFrameShape(QFrame::StyledPanel);
    provider_note_->setMargin(8);
    provider_note_->setBackgroundRole(QPalette::AlternateBase);
    provider_note_->setAutoFillBackground(true);
    provider_note_->hide();
    rightLayout->addWidget(provider_note_);
    suggestion_stack_->addWidget(recommendations_);
    suggestion_stack_->addWidget(suggestions_);
    rightLayout->addWidget(suggestion_stack_, 1);
    provider_status_->setWordWrap(true);
    provider_status_->setForegroundRole(QPalette::PlaceholderText);
    provider_status_->hide();
    rightLayout->addWidget(provider_status_);
    autoplay_->setToolTip(
        tr("When the queue and the list you played from run out, keep playing the first "
           "recommendation"));
    connect(autoplay_, &QCheckBox::toggled, this, &UpNextPage::setAutoplay);
    connect(suggestions_, &SuggestionList::playRequested, this, [this](int row) {
        const QList<TrackId> ids = suggestions_->trackIds();
        playback_.playContext(std::vector<TrackId>(ids.begin(), ids.end()), row);
    });
    connect(suggestions_, &SuggestionList::enqueueRequested, this,
            [this](TrackId id) { playback_.enqueue({id}, false); });
    connect(suggestions_, &SuggestionList::notForMeRequested, this, &UpNextPage::notForMe);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(split);

    connect(queue, &PlayQueue::changed, this, &UpNextPage::updateSummary);
    connect(queue, &PlayQueue::changed, this, &UpNextPage::updateUpcoming);
    connect(&playback_, &PlaybackController::currentChanged, this, &UpNextPage::updateUpcoming);
    connect(&playback_, &PlaybackController::shuffleChanged, this, &UpNextPage::updateUpcoming);
    connect(&playback_, &PlaybackController::repeatChanged, this, &UpNextPage::updateUpcoming);
    connect(&playback_, &PlaybackController::currentChanged, this,
            [this](const std::optional<TrackInfo>& track) {
                if (!track)
                    return;
                recently_played_.push_front(track->id);
                if (recently_played_.size() > size_t(kAutoplayMemory))
                    recently_played_.pop_back();
            });
    updateSummary();
    updateUpcoming();
    refreshIcons();
    const bool autoplay = QSettings().value(kAutoplayKey, false).toBool();
    {
        const QSignalBlocker quiet(autoplay_);
        autoplay_->setChecked(autoplay);
    }
    setAutoplay(autoplay);
}

void UpNextPage::setAutoplay(bool on) {
    if (autoplay_->isChecked() != on)
        autoplay_->setChecked(on);  // comes back here through toggled
    QSettings().setValue(kAutoplayKey, on);
    if (on)
        playback_.setAutoplay([this](TrackId current) { return autoplayPick(current); });
    else
        playback_.setAutoplay({});
    updateUpcoming();
}

std::optional<TrackId> UpNextPage::autoplayPick(TrackId current) const {
    for (const TrackId id : suggestions_->trackIds()) {
        if (id != current && std::find(recently_played_.begin(), recently_played_.end(), id) ==
                                 recently_played_.end())
            return id;
    }
    return std::nullopt;
}

void UpNextPage::setProvider(SuggestionProvider* provider) {
    if (provider_)
        provider_->disconnect(this);
    provider_ = provider;
    if (!provider_) {
        suggestions_->setSuggestions({});
        suggestion_stack_->setCurrentWidget(recommendations_);
        provider_status_->hide();
        provider_note_->hide();
        return;
    }
    connect(provider_, &SuggestionProvider::changed, this, &UpNextPage::refreshSuggestions);
    connect(provider_, &SuggestionProvider::statusChanged, this, &UpNextPage::showProviderStatus);
    connect(&playback_, &PlaybackController::currentChanged, this, &UpNextPage::refreshSuggestions,
            Qt::UniqueConnection);
    refreshSuggestions();
}

void UpNextPage::showProviderStatus() {
    if (!provider_)
        return;
    const QString status = provider_->status();
    provider_status_->setText(status);
    provider_status_->setVisible(!status.isEmpty());
    const QString note = provider_->note();
    provider_note_->setText(note);
    provider_note_->setVisible(!note.isEmpty());
}

void UpNextPage::refreshSuggestions() {
    if (!provider_)
        return;
    showProviderStatus();
    const quint64 request = ++suggestion_request_;
    using Answer = Result<QList<Suggestion>>;
    auto* watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher, request] {
        const Answer answer = watcher->result();
        watcher->deleteLater();
        if (request == suggestion_request_)
            showSuggestions(answer ? answer.value() : QList<Suggestion>(),
                            answer ? QString() : answer.error());
    });
    const TrackId playing = playback_.current() ? playback_.current()->id : 0;
    watcher->setFuture(provider_->upNext(playing, kSuggestions));
}

void UpNextPage::showSuggestions(const QList<Suggestion>& suggestions, const QString& error) {
    suggestions_->setSuggestions(suggestions);
    updateUpcoming();
    if (!suggestions.isEmpty()) {
        suggestion_stack_->setCurrentWidget(suggestions_);
    } else {
        recommendations_->setText(
            error.isEmpty() ? tr("Play a few songs and Encore will suggest what to play next, "
                                 "from what you play and when you play it. Each suggestion "
                                 "says why it was picked.")
                            : error);
        suggestion_stack_->setCurrentWidget(recommendations_);
    }
    Q_EMIT suggestionsShown();
}

// The row goes at once; the list is asked again once the feedback is stored, so that the
// answer already leaves the track out.
void UpNextPage::notForMe(TrackId track) {
    if (!provider_)
        return;
    suggestions_->suggestionModel()->removeTrack(track);
    ++suggestion_request_;  // an answer in flight may still hold the track
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher] {
        const Status stored = watcher->result();
        watcher->deleteLater();
        if (!stored)
            Q_EMIT message(stored.error());
        refreshSuggestions();
    });
    watcher->setFuture(
        provider_->notForMe(track, playback_.current() ? playback_.current()->id : 0));
}

void UpNextPage::updateSummary() {
    const PlayQueue* queue = playback_.queue();
    summary_->setText(queue->isEmpty() ? QString()
                                       : tr("%n tracks · %1", nullptr, queue->size())
                                             .arg(Formatting::duration(queue->totalDurationMs())));
    queue_hint_->setVisible(queue->isEmpty());
    remove_->setEnabled(!queue->isEmpty());
    clear_->setEnabled(!queue->isEmpty());
    save_queue_->setEnabled(!queue->isEmpty());
}

void UpNextPage::updateUpcoming() {
    upcoming_->clear();
    const std::vector<TrackId> ids = playback_.order().upcoming(kUpcomingShown);
    for (const TrackId id : ids) {
        const std::optional<TrackInfo> t = playback_.resolve(id);
        if (t)
            upcoming_->addItem(t->artist.isEmpty() ? t->title
                                                   : tr("%1 — %2").arg(t->title, t->artist));
    }
    if (upcoming_->count() == 0) {
        auto* item = new QListWidgetItem(
            playback_.repeat() == RepeatMode::One ? tr("The current track repeats.")
            : playback_.autoplay() && suggestions_->count() > 0
                ? tr("Then autoplay goes on with Recommended next.")
                : tr("Nothing after the queue. Double-click a track in the Library to play "
                     "from there on."));
        item->setForeground(palette().color(QPalette::PlaceholderText));
        upcoming_->addItem(item);
    }
}

void UpNextPage::removeSelected() {
    QList<int> rows;
    for (const QModelIndex& index : queue_view_->selectionModel()->selectedRows())
        rows.append(index.row());
    playback_.queue()->removeRowsAt(rows);
}

void UpNextPage::refreshIcons() {
    remove_->setIcon(Icons::get(QStringLiteral("list-remove")));
    clear_->setIcon(Icons::get(QStringLiteral("edit-clear-all")));
    open_playlist_->setIcon(Icons::get(QStringLiteral("document-open")));
    save_queue_->setIcon(Icons::get(QStringLiteral("document-save")));
}

void UpNextPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        refreshIcons();
    QWidget::changeEvent(event);
}

}  // namespace encore
