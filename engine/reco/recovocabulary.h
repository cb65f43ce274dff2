#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <cstdint>

namespace encore {

// Dense indices for the recommender: tracks, profiles, artists, genres and title tokens.
// Indices are never reused or reordered: a vocabulary only grows, so that a model warm-started
// from a checkpoint keeps every old row where it was (new items get the next indices).
class RecoVocabulary {
public:
    static constexpr int32_t kMissing = -1;

    int32_t trackIndex(TrackId id) const { return tracks_.value(id, kMissing); }
    TrackId trackId(int32_t index) const { return track_ids_.at(index); }
    int32_t profileIndex(ProfileId id) const { return profiles_.value(id, kMissing); }
    ProfileId profileId(int32_t index) const { return profile_ids_.at(index); }
    // Keys are folded names (foldForComparison); an empty key has no index.
    int32_t artistIndex(const QString& key) const { return artists_.value(key, kMissing); }
    int32_t genreIndex(const QString& key) const { return genres_.value(key, kMissing); }
    // Title tokens count from 1 (0 is the model's padding).
    int32_t tokenIndex(const QString& token) const { return tokens_.value(token, kMissing); }

    const QString& artistKey(int32_t index) const { return artist_keys_.at(index); }
    const QString& genreKey(int32_t index) const { return genre_keys_.at(index); }

    // The index of an item, added at the end when it is new.
    int32_t addTrack(TrackId id);
    int32_t addProfile(ProfileId id);
    int32_t addArtist(const QString& key);
    int32_t addGenre(const QString& key);
    int32_t addToken(const QString& token);

    int32_t trackCount() const { return static_cast<int32_t>(track_ids_.size()); }
    int32_t profileCount() const { return static_cast<int32_t>(profile_ids_.size()); }
    int32_t artistCount() const { return static_cast<int32_t>(artist_keys_.size()); }
    int32_t genreCount() const { return static_cast<int32_t>(genre_keys_.size()); }
    int32_t tokenCount() const { return static_cast<int32_t>(token_keys_.size()); }

    // Versioned binary form for checkpoints; deserialize() names what is wrong with a bad blob.
    QByteArray serialize() const;
    static Result<RecoVocabulary> deserialize(const QByteArray& bytes);

private:
    QHash<TrackId, int32_t> tracks_;
    QVector<TrackId> track_ids_;
    QHash<ProfileId, int32_t> profiles_;
    QVector<ProfileId> profile_ids_;
    QHash<QString, int32_t> artists_, genres_, tokens_;
    QVector<QString> artist_keys_, genre_keys_, token_keys_;
};

}  // namespace encore
