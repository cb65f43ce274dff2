#include "reco/blendtuner.h"

#include "reco/core/metrics.h"
#include "reco/offlineevaluation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

namespace encore {

namespace {

constexpr size_t kPoolPerComponent = 100;  // each component's top tracks enter the re-ranking
constexpr int kTunedK = 10;                // the figure the weights are chosen for: HR@10
constexpr int kSoftmaxSteps = 150;         // full-batch Adam steps of the listwise model
constexpr float kSoftmaxRate = 0.05f;
constexpr float kSoftmaxL2 = 1e-3f;
constexpr int kSearchRounds = 4;

// Weights tried for a term with none yet. The model's term is cosine / temperature (about
// +-20), the others are log counts (0..5): hence its small steps.
const std::vector<float> kModelLadder = {0.01f, 0.02f, 0.05f, 0.1f, 0.2f, 0.5f, 1.0f};
const std::vector<float> kEvidenceLadder = {0.125f, 0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
const std::vector<float> kRelativeSteps = {0.0f, 0.5f, 0.7f, 1.4f, 2.0f};

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Every validation query's pool: rows of component terms, the target's row first.
struct Pools {
    size_t components = 0;
    std::vector<size_t> starts;  // pool p is rows starts[p] .. starts[p + 1]
    std::vector<float> rows;     // row-major, `components` per row

    size_t count() const { return starts.empty() ? 0 : starts.size() - 1; }
    const float* row(size_t r) const { return rows.data() + r * components; }
};

std::optional<Pools> buildPools(const BlendScorer& scorer, const reco::Interactions& plays,
                                const std::atomic<bool>* cancel) {
    const size_t n = static_cast<size_t>(scorer.size());
    Pools pools;
    pools.components = scorer.components().size();
    pools.starts.push_back(0);
    std::vector<float> parts(pools.components * n);
    std::vector<int32_t> order(n), candidates;
    std::vector<uint8_t> in_pool(n, 0);
    const size_t m = std::min(kPoolPerComponent, n);
    for (size_t i = 0; i < plays.size(); ++i) {
        if (cancelled(cancel))
            return std::nullopt;
        scorer.componentScores(reco::Query::fromExample(plays, i), parts.data());
        const int32_t target = plays.target[i];
        candidates.assign(1, target);
        in_pool[target] = 1;
        for (size_t c = 0; c < pools.components && m > 0; ++c) {
            const float* p = parts.data() + c * n;
            std::iota(order.begin(), order.end(), 0);
            std::nth_element(order.begin(), order.begin() + static_cast<long>(m - 1), order.end(),
                             [p](int32_t a, int32_t b) { return p[a] > p[b]; });
            for (size_t j = 0; j < m; ++j) {
                if (!in_pool[order[j]]) {
                    in_pool[order[j]] = 1;
                    candidates.push_back(order[j]);
                }
            }
        }
        for (int32_t t : candidates) {
            in_pool[t] = 0;
            for (size_t c = 0; c < pools.components; ++c)
                pools.rows.push_back(parts[c * n + static_cast<size_t>(t)]);
        }
        pools.starts.push_back(pools.starts.back() + candidates.size());
    }
    return pools;
}

// HR@10 of weights `w` over the pools, with every row's blended score left in `scores`.
double hitRate(const Pools& pools, const std::vector<float>& w, std::vector<float>& scores) {
    scores.resize(pools.starts.back());
    for (size_t r = 0; r < scores.size(); ++r) {
        const float* x = pools.row(r);
        float s = 0.0f;
        for (size_t c = 0; c < pools.components; ++c)
            s += w[c] * x[c];
        scores[r] = s;
    }
    double hits = 0.0;
    for (size_t p = 0; p < pools.count(); ++p) {
        const float target = scores[pools.starts[p]];
        reco::RankOutcome rank;
        for (size_t r = pools.starts[p] + 1; r < pools.starts[p + 1]; ++r) {
            rank.greater += scores[r] > target ? 1 : 0;
            rank.ties += scores[r] == target ? 1 : 0;
        }
        hits += reco::hitRate(rank, kTunedK);
    }
    return pools.count() ? hits / static_cast<double>(pools.count()) : 0.0;
}

// Hits (expected, at 10) of the even and the odd pools when component c's weight moves by
// `delta` from the weights that gave `scores`.
std::array<double, 2> hitsMoved(const Pools& pools, const std::vector<float>& scores, size_t c,
                                float delta) {
    std::array<double, 2> hits{};
    for (size_t p = 0; p < pools.count(); ++p) {
        const size_t t = pools.starts[p];
        const float target = scores[t] + delta * pools.row(t)[c];
        reco::RankOutcome rank;
        for (size_t r = t + 1; r < pools.starts[p + 1]; ++r) {
            const float s = scores[r] + delta * pools.row(r)[c];
            rank.greater += s > target ? 1 : 0;
            rank.ties += s == target ? 1 : 0;
        }
        hits[p % 2] += reco::hitRate(rank, kTunedK);
    }
    return hits;
}

// The listwise logistic model: maximises the mean log-probability of the target within its
// pool under softmax(w . x), full batch, Adam, a little L2.
std::optional<std::vector<float>> fitSoftmax(const Pools& pools, std::vector<float> w,
                                             const std::atomic<bool>* cancel) {
    const size_t k = pools.components;
    std::vector<float> m(k, 0.0f), v(k, 0.0f), grad(k), logits;
    for (int step = 1; step <= kSoftmaxSteps; ++step) {
        if (cancelled(cancel))
            return std::nullopt;
        std::fill(grad.begin(), grad.end(), 0.0f);
        for (size_t p = 0; p < pools.count(); ++p) {
            const size_t first = pools.starts[p], last = pools.starts[p + 1];
            logits.resize(last - first);
            float top = -INFINITY;
            for (size_t r = first; r < last; ++r) {
                float s = 0.0f;
                for (size_t c = 0; c < k; ++c)
                    s += w[c] * pools.row(r)[c];
                logits[r - first] = s;
                top = std::max(top, s);
            }
            double sum = 0.0;
            for (float& l : logits) {
                l = std::exp(l - top);
                sum += l;
            }
            // d log p(target) / d w = x_target - E_p[x]
            for (size_t c = 0; c < k; ++c) {
                double expected = 0.0;
                for (size_t r = first; r < last; ++r)
                    expected += logits[r - first] * pools.row(r)[c];
                grad[c] += pools.row(first)[c] - static_cast<float>(expected / sum);
            }
        }
        const float scale = 1.0f / static_cast<float>(std::max<size_t>(pools.count(), 1));
        for (size_t c = 0; c < k; ++c) {
            const float g = -(grad[c] * scale - kSoftmaxL2 * w[c]);  // descend on -log p
            m[c] = 0.9f * m[c] + 0.1f * g;
            v[c] = 0.999f * v[c] + 0.001f * g * g;
            const float mh = m[c] / (1.0f - std::pow(0.9f, float(step)));
            const float vh = v[c] / (1.0f - std::pow(0.999f, float(step)));
            w[c] = std::max(0.0f, w[c] - kSoftmaxRate * mh / (std::sqrt(vh) + 1e-8f));
        }
    }
    return w;
}

}  // namespace

std::optional<TunedBlend> tuneBlend(const BlendScorer::Components& components,
                                    const reco::Interactions& validation, size_t max_queries,
                                    const BlendWeights& defaults, const std::atomic<bool>* cancel) {
    TunedBlend tuned;
    tuned.weights = defaults;
    if (components.empty())
        return tuned;
    const BlendScorer scorer(components, defaults);
    const std::optional<Pools> pools =
        buildPools(scorer, samplePlays(validation, max_queries), cancel);
    if (!pools)
        return std::nullopt;
    tuned.queries = pools->count();
    if (tuned.queries == 0)
        return tuned;

    const size_t k = components.size();
    std::vector<float> start(k), scores;
    for (size_t c = 0; c < k; ++c)
        start[c] = weightOf(defaults, components[c].name);
    tuned.default_hr10 = hitRate(*pools, start, scores);
    std::optional<std::vector<float>> softmax = fitSoftmax(*pools, start, cancel);
    if (!softmax)
        return std::nullopt;
    tuned.softmax_hr10 = hitRate(*pools, *softmax, scores);
    std::vector<float> w = tuned.softmax_hr10 > tuned.default_hr10 ? *softmax : start;
    double best = hitRate(*pools, w, scores);

    // Coordinate search on HR@10 itself: each term's weight in turn, kept when it gains on the
    // validation plays and loses on neither half of them (a gain only one half sees is noise).
    for (int round = 0; round < kSearchRounds; ++round) {
        bool gained = false;
        for (size_t c = 0; c < k; ++c) {
            if (cancelled(cancel))
                return std::nullopt;
            std::vector<float> tries =
                components[c].term == BlendTerm::ModelCosine ? kModelLadder : kEvidenceLadder;
            for (float step : kRelativeSteps)
                tries.push_back(w[c] * step);
            const std::array<double, 2> now = hitsMoved(*pools, scores, c, 0.0f);
            double best_hits = now[0] + now[1];
            float chosen = w[c];
            for (float value : tries) {
                const std::array<double, 2> hits = hitsMoved(*pools, scores, c, value - w[c]);
                if (hits[0] + hits[1] > best_hits && hits[0] >= now[0] && hits[1] >= now[1]) {
                    best_hits = hits[0] + hits[1];
                    chosen = value;
                }
            }
            if (chosen != w[c]) {
                w[c] = chosen;
                best = hitRate(*pools, w, scores);
                gained = true;
            }
        }
        if (!gained)
            break;
    }
    tuned.hr10 = best;
    tuned.weights.clear();
    for (size_t c = 0; c < k; ++c) {
        if (w[c] != 0.0f)
            tuned.weights[components[c].name] = w[c];
    }
    return tuned;
}

}  // namespace encore
