#include "listens/listentracker.h"

namespace encore {

ListenTracker::ListenTracker(const Clock& clock, QObject* parent) : QObject(parent), clock_(clock) {
    qRegisterMetaType<encore::Play>("encore::Play");
}

void ListenTracker::setIncognito(bool on) {
    incognito_ = on;
    if (on && open_)
        touched_incognito_ = true;
}

qint64 ListenTracker::heardMs() const {
    if (!open_)
        return 0;
    return heard_ms_ + (playing_ ? clock_.nowMs() - segment_start_ms_ : 0);
}

qint64 ListenTracker::positionMs() const {
    if (!open_)
        return 0;
    qint64 position = position_ms_ + (playing_ ? clock_.nowMs() - segment_start_ms_ : 0);
    if (duration_ms_ > 0)
        position = qMin(position, duration_ms_);
    return position;
}

void ListenTracker::foldSegment() {
    if (!open_ || !playing_)
        return;
    const qint64 now = clock_.nowMs();
    const qint64 elapsed = qMax<qint64>(0, now - segment_start_ms_);
    heard_ms_ += elapsed;
    position_ms_ += elapsed;
    if (duration_ms_ > 0)
        position_ms_ = qMin(position_ms_, duration_ms_);
    segment_start_ms_ = now;
}

void ListenTracker::start(TrackId track, qint64 durationMs, bool shuffle, qint64 startPositionMs) {
    if (open_)
        end(EndCause::UserChange);
    open_ = true;
    playing_ = true;
    track_ = track;
    duration_ms_ = qMax<qint64>(0, durationMs);
    shuffle_ = shuffle;
    started_at_ms_ = clock_.nowMs();
    utc_offset_minutes_ = clock_.utcOffsetMinutes(started_at_ms_);
    segment_start_ms_ = started_at_ms_;
    heard_ms_ = 0;
    position_ms_ = qMax<qint64>(0, startPositionMs);
    jumped_forward_ = position_ms_ > 0;
    seeked_back_ = false;
    touched_incognito_ = incognito_;
}

void ListenTracker::setDuration(qint64 durationMs) {
    if (open_)
        duration_ms_ = qMax<qint64>(0, durationMs);
}

void ListenTracker::pause() {
    foldSegment();
    playing_ = false;
}

void ListenTracker::resume() {
    if (!open_ || playing_)
        return;
    playing_ = true;
    segment_start_ms_ = clock_.nowMs();
}

void ListenTracker::seek(qint64 positionMs) {
    if (!open_)
        return;
    foldSegment();
    positionMs = qMax<qint64>(0, positionMs);
    if (positionMs > position_ms_)
        jumped_forward_ = true;  // the jumped part is not heard
    else if (positionMs < position_ms_)
        seeked_back_ = true;  // the part played again is heard again
    position_ms_ = positionMs;
}

void ListenTracker::finish() {
    if (!open_)
        return;
    foldSegment();
    // Played straight through: exactly all of it was heard, whatever the player's end-of-media
    // timing jitter (a late or early last tick) says.
    if (!jumped_forward_ && !seeked_back_ && duration_ms_ > 0)
        heard_ms_ = duration_ms_;
    else if (!jumped_forward_ && duration_ms_ > 0)
        heard_ms_ = qMax(heard_ms_, duration_ms_);
    if (duration_ms_ > 0)
        position_ms_ = duration_ms_;
    end(EndCause::Finished);
}

void ListenTracker::changeTrackByUser() {
    if (open_)
        end(EndCause::UserChange);
}

void ListenTracker::stop() {
    if (open_)
        end(EndCause::Stop);
}

void ListenTracker::fail() {
    if (open_)
        end(EndCause::Error);
}

void ListenTracker::end(EndCause cause) {
    foldSegment();
    open_ = false;
    playing_ = false;
    if (incognito_)
        touched_incognito_ = true;
    const ListenOutcome outcome =
        ListenRules::classify(heard_ms_, position_ms_, duration_ms_, cause);
    if (!outcome.logged || touched_incognito_)
        return;
    Play play;
    play.track_id = track_;
    play.started_at = started_at_ms_ / 1000;
    play.utc_offset_minutes = utc_offset_minutes_;
    play.ms_played = heard_ms_;
    play.duration_ms = int(duration_ms_);
    play.end_reason = outcome.reason;
    play.counted = outcome.counted;
    play.shuffle = shuffle_;
    Q_EMIT listenEnded(play);
}

}  // namespace encore
