#include "reco/core/topk.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace encore::reco {

namespace {

// Extra pool beyond k so that the diversity pass rarely needs a second, larger pass.
constexpr size_t kDiversityPoolExtra = 64;

bool better(const ScoredTrack& a, const ScoredTrack& b) {
    return a.score > b.score || (a.score == b.score && a.track < b.track);
}

// The best m non-excluded entries, best first (size-m min-heap over one scan).
std::vector<ScoredTrack> bestM(const float* scores, size_t n, size_t m,
                               const std::vector<int32_t>& sorted_exclude) {
    std::vector<ScoredTrack> heap;
    heap.reserve(m + 1);
    auto worse_on_top = [](const ScoredTrack& a, const ScoredTrack& b) { return better(a, b); };
    for (size_t i = 0; i < n; ++i) {
        const float s = scores[i];
        if (std::isnan(s))
            continue;
        const ScoredTrack item{static_cast<int32_t>(i), s};
        if (heap.size() == m && !better(item, heap.front()))
            continue;
        if (!sorted_exclude.empty() &&
            std::binary_search(sorted_exclude.begin(), sorted_exclude.end(), item.track))
            continue;
        heap.push_back(item);
        std::push_heap(heap.begin(), heap.end(), worse_on_top);
        if (heap.size() > m) {
            std::pop_heap(heap.begin(), heap.end(), worse_on_top);
            heap.pop_back();
        }
    }
    std::sort(heap.begin(), heap.end(), better);
    return heap;
}

struct DiversityResult {
    std::vector<ScoredTrack> picked;
    bool window_complete = false;  // false: the pool ran out before the window filled
};

// Greedy: fill the window in score order with at most max_per_artist per artist, deferring the
// rest; after the window, deferred and unvisited tracks continue in score order.
DiversityResult diversify(const std::vector<ScoredTrack>& pool, const TopKRequest& request,
                          const int32_t* artists) {
    DiversityResult result;
    const size_t window = std::min(request.diversity_window, request.k);
    std::unordered_map<int32_t, int> per_artist;
    std::vector<ScoredTrack> rest;
    size_t i = 0;
    for (; i < pool.size() && result.picked.size() < window; ++i) {
        const int32_t artist = artists[pool[i].track];
        if (artist >= 0 && per_artist[artist] >= request.max_per_artist) {
            rest.push_back(pool[i]);
            continue;
        }
        if (artist >= 0)
            ++per_artist[artist];
        result.picked.push_back(pool[i]);
    }
    result.window_complete = result.picked.size() == window;
    rest.insert(rest.end(), pool.begin() + static_cast<std::ptrdiff_t>(i), pool.end());
    std::sort(rest.begin(), rest.end(), better);
    for (const ScoredTrack& item : rest) {
        if (result.picked.size() >= request.k)
            break;
        result.picked.push_back(item);
    }
    return result;
}

}  // namespace

std::vector<ScoredTrack> selectTopK(const float* scores, size_t n, const TopKRequest& request,
                                    const int32_t* artists) {
    if (request.k == 0 || n == 0)
        return {};
    std::vector<int32_t> exclude = request.exclude;
    std::sort(exclude.begin(), exclude.end());
    const bool diverse =
        request.max_per_artist > 0 && request.diversity_window > 0 && artists != nullptr;
    if (!diverse)
        return bestM(scores, n, request.k, exclude);
    for (size_t m = request.k + kDiversityPoolExtra;; m *= 4) {
        const std::vector<ScoredTrack> pool = bestM(scores, n, m, exclude);
        DiversityResult result = diversify(pool, request, artists);
        if (result.window_complete || pool.size() < m)
            return std::move(result.picked);
    }
}

}  // namespace encore::reco
