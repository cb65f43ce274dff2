#include "reco/trainingdata.h"

#include "core/textfold.h"
#include "reco/core/popularity.h"

#include <QHash>

#include <algorithm>

namespace encore {

namespace {

constexpr qint64 kSecondsPerHour = 3600;
constexpr qint64 kEpochHourOfWeek = 72;     // 1970-01-01 was a Thursday: 3 days after Monday
constexpr int kMinTokenLength = 2;          // "a", "I", "&" carry nothing
constexpr int32_t kPopularityBuckets = 16;  // as ModelConfig::num_popularity_buckets
constexpr size_t kCancelCheckRows = 16384;

qint64 floorDiv(qint64 a, qint64 b) {
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

void addCatalogRow(reco::Catalog& catalog, RecoVocabulary& vocabulary, const SnapshotTrack& t) {
    std::vector<int32_t> genres, tokens;
    for (const QString& genre : t.genres) {
        const int32_t g = vocabulary.addGenre(foldForComparison(genre));
        if (g >= 0 && std::find(genres.begin(), genres.end(), g) == genres.end())
            genres.push_back(g);
    }
    for (const QString& token : titleTokens(t.title))
        tokens.push_back(vocabulary.addToken(token));
    catalog.addTrack(vocabulary.addArtist(foldForComparison(t.artist)), genres, tokens);
}

}  // namespace

int32_t hourOfWeek(qint64 utcSeconds, int utcOffsetMinutes) {
    const qint64 local = utcSeconds + 60LL * utcOffsetMinutes;
    const qint64 hours = floorDiv(local, kSecondsPerHour) + kEpochHourOfWeek;
    return static_cast<int32_t>(hours - floorDiv(hours, reco::kHoursPerWeek) * reco::kHoursPerWeek);
}

QStringList titleTokens(const QString& title) {
    QStringList tokens;
    for (const QString& word :
         foldForComparison(title).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.size() >= kMinTokenLength && !tokens.contains(word))
            tokens.append(word);
    }
    return tokens;
}

std::optional<TrainingData> TrainingData::build(const LogSnapshot& snapshot,
                                                RecoVocabulary& vocabulary,
                                                const std::atomic<bool>* cancel) {
    TrainingData d;
    // Old vocabulary entries keep their rows even when the track is gone (never recommended).
    QHash<TrackId, const SnapshotTrack*> by_id;
    by_id.reserve(snapshot.tracks.size());
    for (const SnapshotTrack& t : snapshot.tracks)
        by_id.insert(t.id, &t);
    for (const SnapshotTrack& t : snapshot.tracks)
        vocabulary.addTrack(t.id);
    for (const SnapshotProfile& p : snapshot.profiles)
        vocabulary.addProfile(p.id);
    d.tracks.resize(static_cast<size_t>(vocabulary.trackCount()));
    for (int32_t i = 0; i < vocabulary.trackCount(); ++i) {
        const SnapshotTrack* t = by_id.value(vocabulary.trackId(i), nullptr);
        if (t) {
            addCatalogRow(d.catalog, vocabulary, *t);
            d.tracks[i] = {t->id, t->title, t->artist, t->genres, t->playable, t->added_at};
        } else {
            d.catalog.addTrack(-1, {}, {});
            d.tracks[i].id = vocabulary.trackId(i);
        }
    }
    d.catalog.num_artists = vocabulary.artistCount();
    d.catalog.num_genres = vocabulary.genreCount();
    d.catalog.num_tokens = vocabulary.tokenCount();
    d.num_profiles = vocabulary.profileCount();

    d.log.history_length = kSessionHistory;
    const size_t n = snapshot.listens.size();
    std::vector<int32_t> history;
    int32_t prev = reco::kNoTrack;
    for (size_t i = 0; i < n; ++i) {
        if (i % kCancelCheckRows == 0 && cancelled(cancel))
            return std::nullopt;
        const SnapshotListen& l = snapshot.listens[i];
        const bool new_session = i == 0 || l.profile != snapshot.listens[i - 1].profile ||
                                 l.session_id != snapshot.listens[i - 1].session_id;
        if (new_session) {
            history.clear();
            prev = reco::kNoTrack;
        }
        if (!l.counted && !l.skipped)
            continue;  // stopped early or failed: neither a choice nor a rejection
        const int32_t track = vocabulary.trackIndex(l.track);
        const int32_t profile = vocabulary.profileIndex(l.profile);
        if (track < 0 || profile < 0)
            continue;
        d.log.add(profile, prev, hourOfWeek(l.started_at, l.utc_offset_minutes), history, track,
                  l.counted ? reco::Feedback::kPlay : reco::Feedback::kSkip, l.started_at);
        prev = track;
        if (l.counted) {
            history.insert(history.begin(), track);
            if (history.size() > static_cast<size_t>(kSessionHistory))
                history.pop_back();
            ++d.plays;
        }
    }
    for (const SnapshotFeedback& f : snapshot.feedback) {
        const int32_t track = vocabulary.trackIndex(f.track);
        const int32_t profile = vocabulary.profileIndex(f.profile);
        if (track < 0 || profile < 0)
            continue;
        const int32_t context = f.context_track ? vocabulary.trackIndex(f.context_track) : -1;
        d.log.add(profile, context < 0 ? reco::kNoTrack : context,
                  hourOfWeek(f.created_at, f.utc_offset_minutes), {}, track, reco::Feedback::kSkip,
                  f.created_at, kNotForMeWeight);
    }
    d.catalog.popularity_bucket.assign(static_cast<size_t>(d.catalog.size()), 0);
    return d;
}

void TrainingData::assignPopularity(const reco::Interactions& train) {
    catalog.popularity_bucket = reco::popularityBuckets(train, catalog.size(), kPopularityBuckets);
}

reco::Catalog TrainingData::catalogWithPopularityOf(const reco::Interactions& part) const {
    reco::Catalog copy = catalog;
    copy.popularity_bucket = reco::popularityBuckets(part, catalog.size(), kPopularityBuckets);
    return copy;
}

}  // namespace encore
