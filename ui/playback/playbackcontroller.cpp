#include "playback/playbackcontroller.h"

#include "playback/playqueue.h"

#include <algorithm>

namespace encore {

PlaybackController::PlaybackController(std::unique_ptr<Player> player, PlayQueue* queue,
                                       QObject* parent)
    : QObject(parent)
    , player_(std::move(player))
    , queue_(queue)
    , events_(new ListeningEvents(this)) {
    qRegisterMetaType<encore::TrackInfo>();
    qRegisterMetaType<std::optional<encore::TrackInfo>>();
    qRegisterMetaType<encore::Player::State>();
    player_->setParent(nullptr);  // owned by the unique_ptr
    connect(player_.get(), &Player::stateChanged, this, &PlaybackController::onStateChanged);
    connect(player_.get(), &Player::endOfMedia, this, &PlaybackController::onEndOfMedia);
    connect(player_.get(), &Player::errorOccurred, this, &PlaybackController::onError);
    connect(player_.get(), &Player::advancedToNext, this, &PlaybackController::onAdvanced);
    connect(player_.get(), &Player::notice, this, &PlaybackController::message);
    connect(queue_, &PlayQueue::changed, this, &PlaybackController::refreshNext);
    connect(player_.get(), &Player::positionChanged, this, [this](qint64 ms) {
        Q_EMIT positionChanged(ms);
        if (listen_open_ && player_->state() == Player::State::Playing)
            Q_EMIT events_->position(ms);
    });
    connect(player_.get(), &Player::durationChanged, this, [this](qint64 ms) {
        Q_EMIT durationChanged(ms);
        if (listen_open_)
            Q_EMIT events_->durationKnown(ms);
    });
    queue_->setResolver([this](TrackId id) { return resolve(id); });
}

PlaybackController::~PlaybackController() {
    // Quitting ends the open listen as a stop, so it is not lost.
    closeListen(Close::Stopped);
    player_->disconnect(this);
}

void PlaybackController::setLibrary(std::shared_ptr<const LibraryIndex> index) {
    index_ = std::move(index);
    refreshNext();
}

QString PlaybackController::albumKeyOf(const TrackInfo& track) const {
    const int row = index_ ? index_->rowOf(track.id) : -1;
    if (row >= 0) {
        const int album = index_->albumOf(row);
        if (!index_->albumName(album).isEmpty())
            return index_->albumArtistName(album) + QChar(0x1f) + index_->albumName(album);
        return {};
    }
    return track.album;
}

// The library's track as the player's item; its neighbour (the track before or after it)
// tells whether an album is playing in order.
PlaybackItem PlaybackController::itemFor(const TrackInfo& track,
                                         const std::optional<TrackInfo>& neighbour) const {
    PlaybackItem item = PlaybackItem::file(track.path, track.duration_ms);
    item.track_id = track.id;
    item.start_ms = track.start_ms;
    item.end_ms = track.end_ms;
    item.loudness = track.loudness;
    item.album_key = albumKeyOf(track);
    item.album_in_order = !order_.shuffle() && neighbour && !item.album_key.isEmpty() &&
                          albumKeyOf(*neighbour) == item.album_key;
    return item;
}

std::optional<TrackInfo> PlaybackController::resolve(TrackId id) const {
    const int row = index_ ? index_->rowOf(id) : -1;
    if (row < 0)
        return std::nullopt;
    return index_->info(row);
}

void PlaybackController::playContext(std::vector<TrackId> context, int first) {
    order_.setTracks(std::move(context), first);
    const std::optional<TrackId> id = order_.current();
    const std::optional<TrackInfo> track = id ? resolve(*id) : std::nullopt;
    if (!track)
        return;
    consecutive_errors_ = 0;
    closeListen(Close::UserChange);
    start(*track, true);
}

PlaybackSession PlaybackController::session() const {
    // A table of 100,000 rows needs not be saved whole: what comes next is what matters.
    constexpr int kMaxSavedContext = 2000;
    PlaybackSession session;
    for (int row = 0; row < queue_->size(); ++row)
        session.queue.append(queue_->at(row).id);
    session.current = current_ ? current_->id : 0;
    const std::vector<TrackId>& list = order_.tracks();
    const auto at = std::find(list.begin(), list.end(), session.current);
    for (auto it = at == list.end() ? list.begin() : at;
         it != list.end() && session.context.size() < kMaxSavedContext; ++it)
        session.context.append(*it);
    session.shuffle = order_.shuffle();
    session.repeat = order_.repeat();
    return session;
}

void PlaybackController::restore(const PlaybackSession& session) {
    if (current_ || !queue_->isEmpty() || player_->state() != Player::State::Stopped)
        return;
    setShuffle(session.shuffle);
    setRepeat(session.repeat);
    QList<TrackInfo> queued;  // not enqueue(): that would start playing
    for (const TrackId id : session.queue) {
        if (std::optional<TrackInfo> t = resolve(id))
            queued.append(*t);
    }
    queue_->append(queued);
    std::vector<TrackId> context;
    for (const TrackId id : session.context) {
        if (resolve(id))
            context.push_back(id);
    }
    const auto first = std::find(context.begin(), context.end(), session.current);
    const int start = first == context.end() ? 0 : int(first - context.begin());
    order_.setTracks(std::move(context), start);
    current_ = session.current ? resolve(session.current) : std::nullopt;
    if (current_)
        Q_EMIT currentChanged(current_);  // cued: shown, Play starts it
}

void PlaybackController::enqueue(const QList<TrackId>& ids, bool playNext) {
    QList<TrackInfo> tracks;
    for (const TrackId id : ids) {
        if (std::optional<TrackInfo> t = resolve(id))
            tracks.append(*t);
    }
    if (playNext)
        queue_->insert(0, tracks);
    else
        queue_->append(tracks);
    if (!current_ && player_->state() == Player::State::Stopped && !tracks.isEmpty())
        advance(true);
}

void PlaybackController::playQueued(int row) {
    if (row < 0 || row >= queue_->size())
        return;
    const TrackInfo track = queue_->at(row);
    queue_->removeRows(row, 1);
    consecutive_errors_ = 0;
    closeListen(Close::UserChange);
    start(track, true);
}

void PlaybackController::start(const TrackInfo& track, bool byUser) {
    const std::optional<TrackInfo> before = current_;
    current_ = track;
    awaiting_start_ = true;
    const QList<TrackInfo> after = upcomingTracks(1);
    const PlaybackItem item =
        itemFor(track, after.isEmpty() ? before : std::optional<TrackInfo>(after.first()));
    if (byUser && player_->state() == Player::State::Playing) {
        Q_EMIT currentChanged(current_);
        player_->skipTo(item);
    } else {
        player_->load(item);
        Q_EMIT currentChanged(current_);
        player_->play();
    }
    openListen();
    refreshNext();
}

std::optional<TrackInfo> PlaybackController::takeNext() {
    if (!current_)
        return std::nullopt;
    if (order_.repeat() == RepeatMode::One)
        return current_;
    if (!queue_->isEmpty())
        return queue_->takeFirst();
    // Tracks that left the library since the list was made are passed over.
    for (int tries = 0; tries <= order_.size(); ++tries) {
        const std::optional<TrackId> id = order_.next(false);
        if (!id)
            break;
        if (std::optional<TrackInfo> track = resolve(*id))
            return track;
    }
    return autoplayNext();
}

QList<TrackInfo> PlaybackController::upcomingTracks(int max) const {
    QList<TrackInfo> out;
    if (!current_)
        return out;
    if (order_.repeat() == RepeatMode::One) {
        for (int i = 0; i < max; ++i)
            out << *current_;
        return out;
    }
    PlaybackOrder order = order_;  // a copy walks on; its random order is the same
    for (int queued = 0; out.size() < max;) {
        if (queued < queue_->size()) {
            out << queue_->at(queued++);
            continue;
        }
        std::optional<TrackInfo> track;
        for (int tries = 0; tries <= order.size() && !track; ++tries) {
            const std::optional<TrackId> id = order.next(false);
            if (!id)
                break;
            track = resolve(*id);
        }
        if (!track) {
            if (autoplay_) {
                const std::optional<TrackId> id =
                    autoplay_(out.isEmpty() ? current_->id : out.last().id);
                if (std::optional<TrackInfo> picked = id ? resolve(*id) : std::nullopt)
                    out << *picked;
            }
            break;
        }
        out << *track;
    }
    return out;
}

void PlaybackController::refreshNext() {
    QList<PlaybackItem> items;
    std::optional<TrackInfo> before = current_;
    for (const TrackInfo& track : upcomingTracks(kLookahead)) {
        items << itemFor(track, before);
        before = track;
    }
    player_->setUpcoming(items);
}

// The player moved on by itself to the item refreshNext() gave it: the track before ended,
// this one starts, as if advance() had been called at the end.
void PlaybackController::onAdvanced(const PlaybackItem& item) {
    closeListen(Close::Ended);
    std::optional<TrackInfo> next = takeNext();
    if (!next || next->id != item.track_id)
        next = resolve(item.track_id);  // the lists changed in between: trust the ear
    if (!next) {
        player_->stop();
        current_.reset();
        Q_EMIT currentChanged(current_);
        return;
    }
    current_ = next;
    awaiting_start_ = true;
    Q_EMIT currentChanged(current_);
    openListen();
    refreshNext();
}

// A listen opens once the loaded track really plays.
void PlaybackController::openListen() {
    if (!awaiting_start_ || !current_ || player_->state() != Player::State::Playing)
        return;
    awaiting_start_ = false;
    listen_open_ = true;
    consecutive_errors_ = 0;
    const qint64 duration =
        player_->duration() > 0 ? player_->duration() : qint64(current_->duration_ms);
    Q_EMIT events_->started(current_->id, duration, order_.shuffle(), player_->position());
}

void PlaybackController::closeListen(Close how, const QString& error) {
    awaiting_start_ = false;
    if (!listen_open_)
        return;
    listen_open_ = false;
    switch (how) {
        case Close::Ended:
            Q_EMIT events_->ended();
            break;
        case Close::UserChange:
            Q_EMIT events_->userChangedTrack();
            break;
        case Close::Stopped:
            Q_EMIT events_->stopped();
            break;
        case Close::Failed:
            Q_EMIT events_->failed(error);
            break;
    }
}

// Picks and starts what comes next; stops when there is nothing. The open listen must be
// closed by the caller, which knows why it ended.
void PlaybackController::advance(bool byUser) {
    std::optional<TrackInfo> next;
    if (!byUser) {
        next = takeNext();
    } else if (!queue_->isEmpty()) {
        next = queue_->takeFirst();
    } else {
        // Tracks that left the library since the list was made are passed over.
        for (int tries = 0; tries <= order_.size() && !next; ++tries) {
            const std::optional<TrackId> id = order_.next(byUser);
            if (!id)
                break;
            next = resolve(*id);
        }
        if (!next)
            next = autoplayNext();
    }
    if (next) {
        start(*next, byUser);
    } else {
        player_->stop();
        player_->setUpcoming({});
    }
}

// The recommended track becomes the list, after the one that just played (so "previous"
// goes back to it).
std::optional<TrackInfo> PlaybackController::autoplayNext() {
    if (!autoplay_)
        return std::nullopt;
    const TrackId from = current_ ? current_->id : 0;
    const std::optional<TrackId> id = autoplay_(from);
    std::optional<TrackInfo> track = id ? resolve(*id) : std::nullopt;
    if (!track)
        return std::nullopt;
    if (from)
        order_.setTracks({from, track->id}, 1);
    else
        order_.setTracks({track->id}, 0);
    return track;
}

void PlaybackController::setAutoplay(AutoplaySource source) {
    autoplay_ = std::move(source);
    refreshNext();
}

bool PlaybackController::hasNext() const {
    if (!queue_->isEmpty() || order_.hasNext())
        return true;
    return autoplay_ && autoplay_(current_ ? current_->id : 0).has_value();
}

void PlaybackController::play() {
    switch (player_->state()) {
        case Player::State::Playing:
            return;
        case Player::State::Paused:
            player_->play();
            return;
        case Player::State::Stopped:
            if (current_)
                start(*current_);
            else
                advance(true);
            return;
    }
}

void PlaybackController::pause() {
    player_->pause();
}

void PlaybackController::togglePlayPause() {
    if (player_->state() == Player::State::Playing)
        pause();
    else
        play();
}

void PlaybackController::stop() {
    closeListen(Close::Stopped);
    player_->stop();
}

void PlaybackController::next() {
    if (!current_ && queue_->isEmpty())
        return;
    consecutive_errors_ = 0;
    closeListen(hasNext() ? Close::UserChange : Close::Stopped);
    advance(true);
}

void PlaybackController::previous() {
    if (!current_)
        return;
    if (player_->position() > kRestartThresholdMs) {
        seek(0);
        return;
    }
    std::optional<TrackInfo> back;
    for (int tries = 0; tries <= order_.size() && !back; ++tries) {
        const std::optional<TrackId> id = order_.previous();
        if (!id)
            break;
        back = resolve(*id);
    }
    if (!back) {
        seek(0);
        return;
    }
    consecutive_errors_ = 0;
    closeListen(Close::UserChange);
    start(*back, true);
}

void PlaybackController::seek(qint64 ms) {
    if (!current_)
        return;
    const qint64 from = player_->position();
    player_->setPosition(ms);
    if (listen_open_)
        Q_EMIT events_->seeked(from, ms);
}

void PlaybackController::setShuffle(bool on) {
    if (on == order_.shuffle())
        return;
    order_.setShuffle(on);
    Q_EMIT shuffleChanged(on);
    refreshNext();
}

void PlaybackController::setRepeat(RepeatMode mode) {
    if (mode == order_.repeat())
        return;
    order_.setRepeat(mode);
    Q_EMIT repeatChanged(mode);
    refreshNext();
}

void PlaybackController::onStateChanged(Player::State state) {
    const Player::State before = last_state_;
    last_state_ = state;
    if (state == Player::State::Playing && awaiting_start_ && current_) {
        openListen();
    } else if (listen_open_ && before == Player::State::Playing && state == Player::State::Paused) {
        Q_EMIT events_->paused();
    } else if (listen_open_ && before == Player::State::Paused && state == Player::State::Playing) {
        Q_EMIT events_->resumed();
    }
    Q_EMIT stateChanged(state);
}

void PlaybackController::onEndOfMedia() {
    closeListen(Close::Ended);
    advance(false);
}

void PlaybackController::onError(const QString& text) {
    closeListen(Close::Failed, text);
    ++consecutive_errors_;
    if (consecutive_errors_ >= kMaxConsecutiveErrors) {
        player_->stop();
        Q_EMIT message(tr("%1 Playback stopped after %2 tracks in a row could not be played.")
                           .arg(text)
                           .arg(consecutive_errors_));
        return;
    }
    const bool more = hasNext();
    Q_EMIT message(more ? tr("%1 Skipped to the next track.").arg(text) : text);
    if (more)
        advance(true);
    else
        player_->stop();
}

}  // namespace encore
