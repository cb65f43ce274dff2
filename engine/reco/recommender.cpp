#include "reco/recommender.h"

#include "reco/core/popularscorer.h"
#include "reco/core/topk.h"
#include "reco/reason.h"
#include "reco/trainingdata.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace encore {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
constexpr float kUnplayable = std::numeric_limits<float>::quiet_NaN();  // never selected

qint64 localDay(qint64 utc, int offset_minutes) {
    const qint64 local = utc + 60LL * offset_minutes;
    return local >= 0 ? local / kSecondsPerDay : (local - kSecondsPerDay + 1) / kSecondsPerDay;
}

Recommendation describe(const PublishedModel& m, int32_t track, float score) {
    const RecoTrackInfo& t = m.tracks[track];
    Recommendation r;
    r.track_id = t.id;
    r.title = t.title;
    r.artist = t.artist;
    r.genres = t.genres;
    r.score = score;
    return r;
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

Reason filler(const PublishedModel& m, int32_t t) {
    Reason r;
    if (m.play_counts[t] > 0) {
        r.kind = ReasonKind::Popular;
        r.count = m.play_counts[t];
    }
    return r;
}

// A reason names only tracks in the library (a file that is available now); a listing that
// also shows tracks known from history alone (`playable_only` false) may name those too.
bool nameable(const PublishedModel& m, int32_t t, bool playable_only) {
    return t >= 0 && (!playable_only || m.tracks[t].playable);
}

// Reasons for "recommended next": the first that holds for the pair, in this order.
class NextReasons {
public:
    NextReasons(const PublishedModel& m, const ServingContext& c, int32_t profile, int32_t prev,
                int32_t hour, bool playable_only)
        : m_(m), profile_(profile), hour_(hour) {
        prev_ = nameable(m, prev, playable_only) ? prev : -1;
        const qint64 today = localDay(c.now, c.utc_offset_minutes);
        for (const RecentListen& l : c.recent) {
            const int32_t t = m.vocabulary.trackIndex(l.track);
            if (l.counted && nameable(m, t, playable_only) &&
                localDay(l.started_at, l.utc_offset_minutes) == today)
                today_.push_back(t);  // newest first
        }
        for (int32_t f : m.reasons.favourites(profile)) {
            if (nameable(m, f, playable_only))
                favourites_.push_back(f);
        }
    }

    Reason choose(int32_t t) const {
        if (const std::optional<Reason> after = playedAfter(t))
            return *after;
        for (int32_t played : today_) {
            if (played != t && sameArtist(m_.catalog, played, t))
                return {ReasonKind::SameArtistToday, played};
        }
        if (const std::optional<Reason> close = closeToFavourite(t))
            return *close;
        const ReasonIndex::GenreTime g = m_.reasons.genreAtTime(profile_, t, hour_);
        if (g.genre >= 0)
            return {ReasonKind::GenreAtTime, -1, g.plays, g.genre, g.segment};
        return fallback(t);
    }

private:
    std::optional<Reason> playedAfter(int32_t t) const {
        if (prev_ < 0)
            return std::nullopt;
        int32_t times = m_.reasons.playedAfter(profile_, prev_, t);
        const bool mine = times >= Recommender::kMinTimesAfter;
        if (!mine)
            times = m_.reasons.playedAfter(ReasonIndex::kAnyProfile, prev_, t);
        if (times < Recommender::kMinTimesAfter)
            return std::nullopt;
        Reason r{ReasonKind::PlayedAfter, prev_, times};
        r.mine = mine;
        return r;
    }

    std::optional<Reason> closeToFavourite(int32_t t) const {
        const reco::CandidateIndex* index = m_.scorers.index.get();
        if (!index || m_.reasons.playCount(profile_, t) > 0)
            return std::nullopt;
        int32_t best = -1;
        float best_cosine = Recommender::kCloseCosine;
        for (int32_t f : favourites_) {
            const float c = cosine(*index, f, t);
            if (f != t && c >= best_cosine) {
                best = f;
                best_cosine = c;
            }
        }
        if (best < 0)
            return std::nullopt;
        return Reason{ReasonKind::CloseToFavourite, best};
    }

    Reason fallback(int32_t t) const {
        const int32_t mine = m_.reasons.playCount(profile_, t);
        const std::vector<int32_t>& favourites = m_.reasons.favourites(profile_);
        Reason r;
        if (mine > 0) {
            r.kind = ReasonKind::Favourite;
            r.count = mine;
            r.most_played = std::find(favourites.begin(), favourites.end(), t) != favourites.end();
        } else if (prev_ >= 0 && sameArtist(m_.catalog, prev_, t)) {
            r = {ReasonKind::SameArtist, prev_};
        } else if (const int32_t g = prev_ >= 0 ? sharedGenre(m_.catalog, prev_, t) : -1; g >= 0) {
            r = {ReasonKind::SharedGenre, prev_, 0, g};
        } else {
            r = filler(m_, t);
        }
        return r;
    }

    const PublishedModel& m_;
    int32_t profile_, prev_, hour_;
    std::vector<int32_t> today_, favourites_;
};

// Reasons for "similar to": what ties the track to the seed itself comes first.
class SimilarReasons {
public:
    SimilarReasons(const PublishedModel& m, int32_t seed, bool playable_only)
        : m_(m), seed_(nameable(m, seed, playable_only) ? seed : -1) {}

    Reason choose(int32_t t) const {
        if (seed_ < 0)
            return filler(m_, t);
        const int32_t times = m_.reasons.playedAfter(ReasonIndex::kAnyProfile, seed_, t);
        if (times >= Recommender::kMinTimesAfter)
            return {ReasonKind::PlayedAfter, seed_, times};
        const reco::CandidateIndex* index = m_.scorers.index.get();
        if (index && cosine(*index, seed_, t) >= Recommender::kCloseCosine)
            return {ReasonKind::SimilarListening, seed_};
        if (sameArtist(m_.catalog, seed_, t))
            return {ReasonKind::SameArtist, seed_};
        if (const int32_t g = sharedGenre(m_.catalog, seed_, t); g >= 0)
            return {ReasonKind::SharedGenre, seed_, 0, g};
        return filler(m_, t);
    }

private:
    const PublishedModel& m_;
    int32_t seed_;
};

// The rule of engine/reco/README.md "Ranking and reasons": evidence tier first, score second.
// Gives each servable track a key that orders it so (its rank from the bottom); the reasons.
template <typename Reasons, typename Tier>
std::vector<Reason> rankByTier(const Reasons& reasons, Tier tier, std::vector<float>& scores) {
    std::vector<Reason> chosen(scores.size());
    std::vector<std::pair<int, int32_t>> order;  // (tier, track)
    for (size_t t = 0; t < scores.size(); ++t) {
        if (std::isnan(scores[t]))
            continue;
        chosen[t] = reasons.choose(static_cast<int32_t>(t));
        order.emplace_back(tier(chosen[t].kind), static_cast<int32_t>(t));
    }
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first > b.first;
        if (scores[a.second] != scores[b.second])
            return scores[a.second] > scores[b.second];
        return a.second < b.second;
    });
    for (size_t i = 0; i < order.size(); ++i)
        scores[order[i].second] = static_cast<float>(order.size() - i);
    return chosen;
}

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

// The top `count` by `keys`: every track with evidence before any filler, the artist rule
// applied within each of the two, so that it never lifts a filler over evidence.
QList<Recommendation> listed(const PublishedModel& m, const std::vector<float>& keys,
                             const std::vector<float>& scores, const std::vector<Reason>& reasons,
                             int count) {
    QList<Recommendation> out;
    for (const bool fillers : {false, true}) {
        std::vector<float> part = keys;
        for (size_t t = 0; t < part.size(); ++t) {
            if (isFiller(reasons[t].kind) != fillers)
                part[t] = kUnplayable;
        }
        const std::vector<reco::ScoredTrack> top =
            reco::selectTopK(part.data(), part.size(), diverseRequest(count - int(out.size())),
                             m.catalog.artist.data());
        for (const reco::ScoredTrack& s : top) {
            if (std::isnan(s.score))
                continue;
            Recommendation r = describe(m, s.track, scores[s.track]);
            applyReason(m, s.track, reasons[s.track], r);
            out.append(r);
        }
    }
    return out;
}

// Whether `list` is what explaining every track would give: `count` tracks with evidence and the
// artist rule met in the window (else the window had to take held-back tracks).
bool settled(const PublishedModel& m, const QList<Recommendation>& list, int count) {
    if (list.size() < count)
        return false;
    QHash<int32_t, int> per_artist;
    for (int i = 0; i < list.size(); ++i) {
        if (isFiller(list[i].reason_kind))
            return false;
        const int32_t artist = m.catalog.artist[m.vocabulary.trackIndex(list[i].track_id)];
        if (i < Recommender::kDiversityWindow && artist >= 0 &&
            ++per_artist[artist] > Recommender::kMaxPerArtist)
            return false;
    }
    return true;
}

// "Recommended next" with two tiers explains tracks in score order only as far as the list
// needs: a track below every explained one could only enter while the evidence found so far
// does not fill the list (51,207 tracks, bench_served_tier: 1.4 ms a list instead of 34).
QList<Recommendation> listNext(const PublishedModel& m, const NextReasons& reasons,
                               const std::vector<float>& scores, int count) {
    std::vector<int32_t> order;
    for (size_t t = 0; t < scores.size(); ++t) {
        if (!std::isnan(scores[t]))
            order.push_back(static_cast<int32_t>(t));
    }
    const auto better = [&](int32_t a, int32_t b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
    };
    std::vector<Reason> chosen(scores.size());
    std::vector<float> keys(scores.size(), kUnplayable);
    const auto first = order.begin();
    size_t explained = 0;
    for (size_t pool = std::min(order.size(), size_t(std::max(count, 0)) * 4 + 16);;
         pool = std::min(order.size(), pool * 4)) {
        std::nth_element(first + std::ptrdiff_t(explained), first + std::ptrdiff_t(pool),
                         order.end(), better);
        std::sort(first + std::ptrdiff_t(explained), first + std::ptrdiff_t(pool), better);
        for (size_t i = explained; i < pool; ++i)
            chosen[order[i]] = reasons.choose(order[i]);
        explained = pool;
        for (size_t i = 0; i < explained; ++i)
            keys[order[i]] = static_cast<float>(explained - i);
        QList<Recommendation> out = listed(m, keys, scores, chosen, count);
        if (explained == order.size() || settled(m, out, count))
            return out;
    }
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
    const NextReasons reasons(m, c, query.profile, query.prev_track, query.hour_of_week,
                              playable_only);
    return listNext(m, reasons, scores, count);
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
        BlendScorer(m.scorers.blendComponents(), {{"cooccurrence", 1.0f}, {"content", 1.0f}})
            .score(query, scores.data());
    }
    maskUnservable(m, {anchor}, playable_only, scores);
    const std::vector<float> blended = scores;
    const std::vector<Reason> chosen =
        rankByTier(SimilarReasons(m, anchor, playable_only), similarTier, scores);
    return listed(m, scores, blended, chosen, count);
}

}  // namespace encore
