#include "reco/recommender.h"

#include "core/textfold.h"
#include "reco/core/popularscorer.h"
#include "reco/core/topk.h"
#include "reco/trainingdata.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace encore {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
constexpr float kUnplayable = std::numeric_limits<float>::quiet_NaN();  // never selected

qint64 localDay(qint64 utc, int offset_minutes) {
    const qint64 local = utc + 60LL * offset_minutes;
    return local >= 0 ? local / kSecondsPerDay : (local - kSecondsPerDay + 1) / kSecondsPerDay;
}

Recommendation describe(const PublishedModel& m, const reco::ScoredTrack& scored) {
    const RecoTrackInfo& t = m.tracks[scored.track];
    Recommendation r;
    r.track_id = t.id;
    r.title = t.title;
    r.artist = t.artist;
    r.genres = t.genres;
    r.score = scored.score;
    return r;
}

QString titleOf(const PublishedModel& m, int32_t track) {
    const QString& title = m.tracks[track].title;
    return title.isEmpty() ? QStringLiteral("track %1").arg(m.tracks[track].id) : title;
}

// The display name of genre `genre` as tagged on `track`.
QString genreName(const PublishedModel& m, int32_t track, int32_t genre) {
    const QString& key = m.vocabulary.genreKey(genre);
    for (const QString& name : m.tracks[track].genres) {
        if (foldForComparison(name) == key)
            return name;
    }
    return key;
}

int32_t sharedGenre(const reco::Catalog& c, int32_t a, int32_t b) {
    for (int32_t i = c.genre_offsets[a]; i < c.genre_offsets[a + 1]; ++i) {
        for (int32_t j = c.genre_offsets[b]; j < c.genre_offsets[b + 1]; ++j) {
            if (c.genres[i] == c.genres[j])
                return c.genres[i];
        }
    }
    return -1;
}

bool sameArtist(const reco::Catalog& c, int32_t a, int32_t b) {
    return c.artist[a] >= 0 && c.artist[a] == c.artist[b];
}

float cosine(const reco::CandidateIndex& index, int32_t a, int32_t b) {
    const float* x = index.row(a);
    const float* y = index.row(b);
    float dot = 0.0f;
    for (int32_t i = 0; i < index.dim(); ++i)
        dot += x[i] * y[i];
    return dot;
}

QString popularText(int32_t plays) {
    return plays == 1 ? QStringLiteral("popular in your library (1 play)")
                      : QStringLiteral("popular in your library (%1 plays)").arg(plays);
}

void setReason(Recommendation& r, ReasonKind kind, QString text, TrackId about = 0, int count = 0) {
    r.reason_kind = kind;
    r.reason = std::move(text);
    r.reason_track_id = about;
    r.reason_count = count;
}

// Reasons for "recommended next": the first that holds for the pair, in this order.
class NextReasons {
public:
    NextReasons(const PublishedModel& m, const ServingContext& c, int32_t profile, int32_t prev,
                int32_t hour)
        : m_(m), profile_(profile), prev_(prev), hour_(hour) {
        const qint64 today = localDay(c.now, c.utc_offset_minutes);
        for (const RecentListen& l : c.recent) {
            const int32_t t = m.vocabulary.trackIndex(l.track);
            if (l.counted && t >= 0 && localDay(l.started_at, l.utc_offset_minutes) == today)
                today_.push_back(t);  // newest first
        }
    }

    void explain(Recommendation& r, int32_t t) const {
        if (prev_ >= 0 && playedAfter(r, t))
            return;
        for (int32_t played : today_) {
            if (played != t && sameArtist(m_.catalog, played, t)) {
                setReason(
                    r, ReasonKind::SameArtistToday,
                    QStringLiteral("same artist as %1 you played today").arg(titleOf(m_, played)),
                    m_.tracks[played].id);
                return;
            }
        }
        if (closeToFavourite(r, t))
            return;
        const ReasonIndex::GenreTime g = m_.reasons.genreAtTime(profile_, t, hour_);
        if (g.genre >= 0) {
            setReason(r, ReasonKind::GenreAtTime,
                      QStringLiteral("you play %1 on %2")
                          .arg(genreName(m_, t, g.genre), ReasonIndex::segmentName(g.segment)),
                      0, g.plays);
            return;
        }
        explainFallback(r, t);
    }

private:
    bool playedAfter(Recommendation& r, int32_t t) const {
        int32_t times = m_.reasons.playedAfter(profile_, prev_, t);
        if (times < Recommender::kMinTimesAfter)
            times = m_.reasons.playedAfter(ReasonIndex::kAnyProfile, prev_, t);
        if (times < Recommender::kMinTimesAfter)
            return false;
        setReason(
            r, ReasonKind::PlayedAfter,
            QStringLiteral("often played after %1 (%2 times)").arg(titleOf(m_, prev_)).arg(times),
            m_.tracks[prev_].id, times);
        return true;
    }

    bool closeToFavourite(Recommendation& r, int32_t t) const {
        const reco::CandidateIndex* index = m_.scorers.index.get();
        if (!index || m_.reasons.playCount(profile_, t) > 0)
            return false;
        int32_t best = -1;
        float best_cosine = Recommender::kCloseCosine;
        for (int32_t f : m_.reasons.favourites(profile_)) {
            const float c = cosine(*index, f, t);
            if (f != t && c >= best_cosine) {
                best = f;
                best_cosine = c;
            }
        }
        if (best < 0)
            return false;
        setReason(r, ReasonKind::CloseToFavourite,
                  QStringLiteral("new to you: close to %1 you love").arg(titleOf(m_, best)),
                  m_.tracks[best].id);
        return true;
    }

    void explainFallback(Recommendation& r, int32_t t) const {
        const int32_t mine = m_.reasons.playCount(profile_, t);
        const std::vector<int32_t>& favourites = m_.reasons.favourites(profile_);
        if (std::find(favourites.begin(), favourites.end(), t) != favourites.end()) {
            setReason(r, ReasonKind::Favourite,
                      QStringLiteral("one of your most played (%1 plays)").arg(mine), 0, mine);
        } else if (mine > 0) {
            setReason(r, ReasonKind::Favourite,
                      mine == 1 ? QStringLiteral("you played it once")
                                : QStringLiteral("you played it %1 times").arg(mine),
                      0, mine);
        } else if (prev_ >= 0 && sameArtist(m_.catalog, prev_, t)) {
            setReason(r, ReasonKind::SameArtist,
                      QStringLiteral("same artist as %1").arg(titleOf(m_, prev_)),
                      m_.tracks[prev_].id);
        } else if (const int32_t g = prev_ >= 0 ? sharedGenre(m_.catalog, prev_, t) : -1; g >= 0) {
            setReason(r, ReasonKind::SharedGenre,
                      QStringLiteral("%1, like %2").arg(genreName(m_, t, g), titleOf(m_, prev_)),
                      m_.tracks[prev_].id);
        } else if (m_.play_counts[t] > 0) {
            setReason(r, ReasonKind::Popular, popularText(m_.play_counts[t]), 0, m_.play_counts[t]);
        } else {
            setReason(r, ReasonKind::NewInLibrary, QStringLiteral("new in your library"));
        }
    }

    const PublishedModel& m_;
    int32_t profile_, prev_, hour_;
    std::vector<int32_t> today_;
};

// Masks every track that must not be recommended with NaN.
void maskUnservable(const PublishedModel& m, const std::vector<int32_t>& exclude,
                    bool playable_only, std::vector<float>& scores) {
    for (size_t t = 0; t < scores.size(); ++t) {
        if ((playable_only && !m.tracks[t].playable) || std::isnan(scores[t]))
            scores[t] = kUnplayable;
    }
    for (int32_t t : exclude)
        scores[t] = kUnplayable;
}

reco::TopKRequest diverseRequest(int count) {
    reco::TopKRequest request;
    request.k = static_cast<size_t>(std::max(count, 0));
    request.max_per_artist = Recommender::kMaxPerArtist;
    request.diversity_window = Recommender::kDiversityWindow;
    return request;
}

}  // namespace

QList<Recommendation> Recommender::recommendNext(const PublishedModel& m, const ServingContext& c,
                                                 int count, bool playable_only) {
    const int32_t n = m.catalog.size();
    reco::Query query;
    query.profile = m.vocabulary.profileIndex(c.profile);
    query.prev_track = c.current_track ? m.vocabulary.trackIndex(c.current_track) : reco::kNoTrack;
    if (query.prev_track < 0)
        query.prev_track = reco::kNoTrack;
    query.hour_of_week = hourOfWeek(c.now, c.utc_offset_minutes);
    query.timestamp = c.now;
    // As in training: the session's plays, newest first, the playing track leading.
    QVector<TrackId> session = c.session;
    if (c.current_track && (session.isEmpty() || session.front() != c.current_track))
        session.prepend(c.current_track);
    for (TrackId id : session) {
        const int32_t t = m.vocabulary.trackIndex(id);
        if (t >= 0 && query.history.size() < static_cast<size_t>(TrainingData::kSessionHistory))
            query.history.push_back(t);
    }

    std::vector<int32_t> exclude;
    auto excludeId = [&](TrackId id) {
        const int32_t t = m.vocabulary.trackIndex(id);
        if (t >= 0)
            exclude.push_back(t);
    };
    excludeId(c.current_track);
    for (const RecentListen& l : c.recent) {
        if (l.started_at >= c.now - ServingContext::kExcludeSeconds)
            excludeId(l.track);
    }
    for (TrackId id : c.not_for_me)
        excludeId(id);

    std::vector<float> scores(static_cast<size_t>(n));
    if (m.plays == 0 && query.prev_track == reco::kNoTrack) {
        // Nothing to learn from and nothing playing: the newest additions, varied by artist.
        for (int32_t t = 0; t < n; ++t)
            scores[t] = static_cast<float>(m.tracks[t].added_at) / float(kSecondsPerDay);
    } else {
        m.primary->score(query, scores.data());
    }
    maskUnservable(m, exclude, playable_only, scores);
    const std::vector<reco::ScoredTrack> top = reco::selectTopK(
        scores.data(), scores.size(), diverseRequest(count), m.catalog.artist.data());
    const NextReasons reasons(m, c, query.profile, query.prev_track, query.hour_of_week);
    QList<Recommendation> out;
    for (const reco::ScoredTrack& s : top) {
        if (std::isnan(s.score))
            continue;
        Recommendation r = describe(m, s);
        reasons.explain(r, s.track);
        out.append(r);
    }
    return out;
}

Result<QList<Recommendation>> Recommender::similar(const PublishedModel& m, TrackId track,
                                                   int count, bool playable_only) {
    const int32_t anchor = m.vocabulary.trackIndex(track);
    if (anchor < 0)
        return Error{QStringLiteral("Track %1 is not known to the recommender yet (it arrived "
                                    "after the last training); similar songs follow after the "
                                    "next retraining.")
                         .arg(track)};
    const int32_t n = m.catalog.size();
    std::vector<float> scores(static_cast<size_t>(n));
    const bool embedded = m.scorers.index != nullptr;
    if (embedded) {
        m.scorers.index->scoreAll(m.scorers.index->row(anchor), scores.data());
    } else {
        reco::Query query;
        query.profile = -1;
        query.prev_track = anchor;
        query.history = {anchor};
        BlendScorer(m.scorers.blendComponents(), {0.0f, 1.0f, 0.0f, 1.0f})
            .score(query, scores.data());
    }
    maskUnservable(m, {anchor}, playable_only, scores);
    const std::vector<reco::ScoredTrack> top = reco::selectTopK(
        scores.data(), scores.size(), diverseRequest(count), m.catalog.artist.data());
    QList<Recommendation> out;
    const QString name = titleOf(m, anchor);
    for (const reco::ScoredTrack& s : top) {
        if (std::isnan(s.score))
            continue;
        Recommendation r = describe(m, s);
        const int32_t t = s.track;
        const int32_t times = m.reasons.playedAfter(ReasonIndex::kAnyProfile, anchor, t);
        const int32_t genre = sharedGenre(m.catalog, anchor, t);
        if (times >= kMinTimesAfter)
            setReason(r, ReasonKind::PlayedAfter,
                      QStringLiteral("often played after %1 (%2 times)").arg(name).arg(times),
                      track, times);
        else if (sameArtist(m.catalog, anchor, t))
            setReason(r, ReasonKind::SameArtist, QStringLiteral("same artist as %1").arg(name),
                      track);
        else if (genre >= 0)
            setReason(r, ReasonKind::SharedGenre,
                      QStringLiteral("%1, like %2").arg(genreName(m, t, genre), name), track);
        else if (embedded)
            setReason(r, ReasonKind::SimilarListening,
                      QStringLiteral("listened to like %1").arg(name), track);
        else if (m.play_counts[t] > 0)
            setReason(r, ReasonKind::Popular, popularText(m.play_counts[t]), 0, m.play_counts[t]);
        else
            setReason(r, ReasonKind::NewInLibrary, QStringLiteral("new in your library"));
        out.append(r);
    }
    return out;
}

}  // namespace encore
