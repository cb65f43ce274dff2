#include "reco/blendtuner.h"

#include "reco/core/metrics.h"
#include "reco/offlineevaluation.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

namespace encore {

namespace {

constexpr size_t kPoolPerComponent = 100;  // each component's top tracks enter the re-ranking
constexpr int kTunedK = 10;                // the figure the weights are chosen for: HR@10

// Grid per component (model, cooccurrence, user_popular, content). The model's term is
// cosine / temperature (about +-20), the others are log counts (0..5): hence its small steps.
const std::array<std::vector<float>, BlendScorer::kComponents> kGrid = {{
    {0.0f, 0.01f, 0.02f, 0.05f, 0.1f, 0.2f, 0.5f, 1.0f},
    {0.0f, 0.5f, 1.0f, 2.0f, 4.0f},
    {0.0f, 0.25f, 0.5f, 1.0f, 2.0f},
    {0.0f, 0.25f, 0.5f, 1.0f, 2.0f},
}};

// One validation query: the candidate pool with its component scores, target first.
struct Pool {
    std::vector<std::array<float, BlendScorer::kComponents>> rows;
};

}  // namespace

std::optional<TunedBlend> tuneBlend(const BlendScorer::Components& components,
                                    const reco::Interactions& validation, size_t max_queries,
                                    const std::atomic<bool>* cancel) {
    const BlendScorer scorer(components, BlendWeights{});
    const size_t n = static_cast<size_t>(scorer.size());
    const reco::Interactions plays = samplePlays(validation, max_queries);
    const bool present[BlendScorer::kComponents] = {
        components.model != nullptr, components.cooccurrence != nullptr,
        components.user_popular != nullptr, components.content != nullptr};
    std::vector<Pool> pools;
    pools.reserve(plays.size());
    std::vector<float> parts(BlendScorer::kComponents * n);
    std::vector<int32_t> order(n), candidates;
    std::vector<uint8_t> in_pool(n, 0);
    for (size_t i = 0; i < plays.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return std::nullopt;
        scorer.componentScores(reco::Query::fromExample(plays, i), parts.data());
        const int32_t target = plays.target[i];
        candidates.assign(1, target);
        in_pool[target] = 1;
        for (int c = 0; c < BlendScorer::kComponents; ++c) {
            if (!present[c])
                continue;
            const float* p = parts.data() + c * n;
            const size_t m = std::min(kPoolPerComponent, n);
            std::iota(order.begin(), order.end(), 0);
            std::nth_element(order.begin(), order.begin() + (m - 1), order.end(),
                             [p](int32_t a, int32_t b) { return p[a] > p[b]; });
            for (size_t j = 0; j < m; ++j) {
                if (!in_pool[order[j]]) {
                    in_pool[order[j]] = 1;
                    candidates.push_back(order[j]);
                }
            }
        }
        Pool pool;
        for (int32_t t : candidates) {
            in_pool[t] = 0;
            std::array<float, BlendScorer::kComponents> row{};
            for (int c = 0; c < BlendScorer::kComponents; ++c)
                row[c] = parts[c * n + t];
            pool.rows.push_back(row);
        }
        pools.push_back(std::move(pool));
    }
    if (pools.empty())
        return TunedBlend{};

    TunedBlend best;
    best.queries = pools.size();
    best.hr10 = -1.0;
    std::array<size_t, BlendScorer::kComponents> at{};
    for (;;) {
        float w[BlendScorer::kComponents];
        bool any = false;
        for (int c = 0; c < BlendScorer::kComponents; ++c) {
            w[c] = kGrid[c][at[c]];
            any = any || w[c] != 0.0f;
        }
        if (any) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return std::nullopt;
            double hits = 0.0;
            for (const Pool& pool : pools) {
                auto blended = [&](const std::array<float, BlendScorer::kComponents>& r) {
                    return w[0] * r[0] + w[1] * r[1] + w[2] * r[2] + w[3] * r[3];
                };
                const float target = blended(pool.rows[0]);
                reco::RankOutcome rank;
                for (size_t j = 1; j < pool.rows.size(); ++j) {
                    const float s = blended(pool.rows[j]);
                    rank.greater += s > target ? 1 : 0;
                    rank.ties += s == target ? 1 : 0;
                }
                hits += reco::hitRate(rank, kTunedK);
            }
            const double hr = hits / static_cast<double>(pools.size());
            if (hr > best.hr10) {
                best.hr10 = hr;
                best.weights = {w[0], w[1], w[2], w[3]};
            }
        }
        // Next grid point (absent components stay at weight 0).
        int c = 0;
        for (; c < BlendScorer::kComponents; ++c) {
            if (present[c] && ++at[c] < kGrid[c].size())
                break;
            at[c] = 0;
        }
        if (c == BlendScorer::kComponents)
            break;
    }
    return best;
}

}  // namespace encore
