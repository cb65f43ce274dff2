#include "reco/core/contentscorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <unordered_map>

namespace encore::reco {

namespace {

constexpr float kAnchorDecay = 0.5f;  // older anchors count less

// Inverted list: for each key 0..keys-1, the tracks having it.
void invert(const std::vector<std::pair<int32_t, int32_t>>& key_track, int32_t keys,
            std::vector<int64_t>* offsets, std::vector<int32_t>* tracks) {
    offsets->assign(static_cast<size_t>(keys) + 1, 0);
    for (const auto& [key, track] : key_track)
        ++(*offsets)[static_cast<size_t>(key) + 1];
    for (size_t k = 1; k < offsets->size(); ++k)
        (*offsets)[k] += (*offsets)[k - 1];
    tracks->resize(key_track.size());
    std::vector<int64_t> fill(offsets->begin(), offsets->end() - 1);
    for (const auto& [key, track] : key_track)
        (*tracks)[fill[key]++] = track;
}

}  // namespace

ContentScorer::ContentScorer(const Catalog& catalog, const Interactions& train)
    : catalog_(catalog), backoff_(PopularScorer::backoff(train, catalog.size())) {
    std::vector<std::pair<int32_t, int32_t>> by_artist, by_genre;
    for (int32_t t = 0; t < catalog.size(); ++t) {
        if (catalog.artist[t] >= 0)
            by_artist.emplace_back(catalog.artist[t], t);
        for (int32_t j = catalog.genre_offsets[t]; j < catalog.genre_offsets[t + 1]; ++j)
            by_genre.emplace_back(catalog.genres[j], t);
    }
    invert(by_artist, catalog.num_artists, &artist_offsets_, &artist_tracks_);
    invert(by_genre, catalog.num_genres, &genre_offsets_, &genre_tracks_);

    std::vector<std::unordered_map<int32_t, int64_t>> plays(
        static_cast<size_t>(train.profileCount()));
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] == Feedback::kPlay && train.target[i] < catalog.size())
            ++plays[train.profile[i]][train.target[i]];
    }
    profile_favourites_.resize(plays.size());
    for (size_t p = 0; p < plays.size(); ++p) {
        std::vector<std::pair<int64_t, int32_t>> ranked;
        for (const auto& [track, count] : plays[p])
            ranked.emplace_back(-count, track);
        std::sort(ranked.begin(), ranked.end());
        for (size_t j = 0; j < std::min(ranked.size(), kMaxAnchors); ++j)
            profile_favourites_[p].push_back(ranked[j].second);
    }
}

std::vector<int32_t> ContentScorer::anchorsFor(const Query& query) const {
    std::vector<int32_t> anchors = anchorTracks(query, kMaxAnchors);
    if (anchors.empty() && query.profile >= 0 &&
        query.profile < static_cast<int32_t>(profile_favourites_.size()))
        anchors = profile_favourites_[query.profile];
    return anchors;
}

void ContentScorer::score(const Query& query, float* out) const {
    std::copy(backoff_.begin(), backoff_.end(), out);
    float weight = 1.0f;
    for (int32_t anchor : anchorsFor(query)) {
        if (anchor < 0 || anchor >= size())
            continue;
        const int32_t artist = catalog_.artist[anchor];
        if (artist >= 0 && artist < catalog_.num_artists) {
            for (int64_t j = artist_offsets_[artist]; j < artist_offsets_[artist + 1]; ++j)
                out[artist_tracks_[j]] += weight * kSameArtist;
        }
        const int32_t first = catalog_.genre_offsets[anchor];
        const int32_t count = catalog_.genre_offsets[anchor + 1] - first;
        for (int32_t g = first; g < first + count; ++g) {
            const int32_t genre = catalog_.genres[g];
            for (int64_t j = genre_offsets_[genre]; j < genre_offsets_[genre + 1]; ++j)
                out[genre_tracks_[j]] += weight * kSameGenre / static_cast<float>(count);
        }
        weight *= kAnchorDecay;
    }
}

}  // namespace encore::reco
