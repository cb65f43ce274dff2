#include "listens/trackmatcher.h"

#include "core/matchkey.h"
#include "core/textfold.h"

namespace encore {

namespace {

constexpr int kKeyCacheLimit = 200'000;  // bounds memory on exports with very many songs

}  // namespace

TrackMatcher::TrackMatcher(QSqlDatabase db) : store_(std::move(db)) {}

void TrackMatcher::add(const QString& key, const Candidate& candidate) {
    QList<Candidate>& list = by_key_[key];
    for (const Candidate& existing : list) {
        if (existing.id == candidate.id)
            return;
    }
    list.append(candidate);
}

int TrackMatcher::knownDuration(TrackId id, int stored) const {
    return pending_durations_.value(id, learned_durations_.value(id, stored));
}

Status TrackMatcher::load() {
    by_key_.clear();
    learned_durations_.clear();
    pending_.clear();
    pending_durations_.clear();
    created_ = 0;
    const Result<QList<MatchableTrack>> tracks = store_.matchableTracks();
    if (!tracks)
        return Error{tracks.error()};
    for (const MatchableTrack& t : tracks.value()) {
        const Candidate candidate{t.id, foldForComparison(t.album), t.duration_ms, t.has_file};
        add(t.match_key, candidate);
        // A library file tagged with its album artist as artist still matches the exports.
        if (t.has_file && !t.album_artist.isEmpty() && t.album_artist != t.artist)
            add(matchKey(t.album_artist, t.title), candidate);
    }
    return {};
}

QString TrackMatcher::keyFor(const QString& artist, const QString& title) {
    const QString raw = artist + QChar(0x1f) + title;
    const auto cached = key_cache_.constFind(raw);
    if (cached != key_cache_.constEnd())
        return *cached;
    const QString key = matchKey(artist, title);
    if (key_cache_.size() >= kKeyCacheLimit)
        key_cache_.clear();
    key_cache_.insert(raw, key);
    return key;
}

Result<TrackMatch> TrackMatcher::resolve(const QString& artist, const QString& title,
                                         const QString& album, int durationMs, qint64 nowSeconds) {
    const QString key = keyFor(artist, title);
    const auto found = by_key_.constFind(key);
    if (found != by_key_.constEnd()) {
        const Candidate* library = nullptr;
        const Candidate* external = nullptr;
        const QString albumFolded = album.isEmpty() ? QString() : foldForComparison(album);
        for (const Candidate& c : *found) {
            if (c.has_file) {
                if (!library || (!albumFolded.isEmpty() && c.album_folded == albumFolded &&
                                 library->album_folded != albumFolded))
                    library = &c;
            } else if (!external) {
                external = &c;
            }
        }
        if (library)
            return TrackMatch{library->id, true, library->duration_ms};
        if (external) {
            int known = knownDuration(external->id, external->duration_ms);
            if (known <= 0 && durationMs > 0) {
                const Status saved = store_.setDuration(external->id, durationMs);
                if (!saved)
                    return Error{saved.error()};
                pending_durations_.insert(external->id, durationMs);
                known = durationMs;
            }
            return TrackMatch{external->id, false, known};
        }
    }
    const auto pending = pending_.constFind(key);
    if (pending != pending_.constEnd()) {
        int known = knownDuration(pending->id, pending->duration_ms);
        if (known <= 0 && durationMs > 0) {
            const Status saved = store_.setDuration(pending->id, durationMs);
            if (!saved)
                return Error{saved.error()};
            pending_durations_.insert(pending->id, durationMs);
            known = durationMs;
        }
        return TrackMatch{pending->id, false, known};
    }
    ExternalTrack track;
    track.track_key = QStringLiteral("external:") + key;
    track.match_key = key;
    track.artist = artist;
    track.title = title;
    track.album = album;
    track.duration_ms = qMax(0, durationMs);
    const Result<TrackId> id = store_.addExternal(track, nowSeconds);
    if (!id)
        return Error{id.error()};
    pending_.insert(key, Candidate{id.value(), foldForComparison(album), track.duration_ms, false});
    ++created_;
    return TrackMatch{id.value(), false, track.duration_ms};
}

void TrackMatcher::commit() {
    for (auto it = pending_.constBegin(); it != pending_.constEnd(); ++it)
        add(it.key(), it.value());
    for (auto it = pending_durations_.constBegin(); it != pending_durations_.constEnd(); ++it)
        learned_durations_.insert(it.key(), it.value());
    pending_.clear();
    pending_durations_.clear();
    created_ = 0;
}

void TrackMatcher::rollback() {
    pending_.clear();
    pending_durations_.clear();
    created_ = 0;
}

}  // namespace encore
