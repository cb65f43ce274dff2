// bench_recommend: serving latency on one core.
//   top-50 over 10k / 100k / 1M candidates: p50 and p99 of the index's loop, of torch::mv under
//   InferenceMode, with exclusions and the artist diversity pass; query-tower and index-build time.
//   GATE: the served re-ranker (every registered scorer's term, weighted, over 100,000 songs
//   of a 1M-play synthetic log) plus top-50 with exclusions and diversity: p50 <= 2 ms.
// Exits 1 when the gate is missed.

#include "../train/synthlog.h"

#include "reco/blendscorer.h"
#include "reco/core/candidateindex.h"
#include "reco/core/twotowermodel.h"
#include "reco/scorerset.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace encore;
using namespace encore::reco;

namespace {

constexpr int kDim = 32;
constexpr int kQueries = 1000;  // timed queries per configuration
constexpr int kWarmup = 20;
constexpr size_t kTopK = 50;
constexpr int kExcluded = 20;  // "played in the last hour"
constexpr int kTracksPerArtist = 10;
constexpr double kServedBlendP50Ms = 2.0;  // issue 14: top-50 over 100k songs with the re-ranker

using Clock = std::chrono::steady_clock;

struct Percentiles {
    double p50_ms, p99_ms;
};

Percentiles percentiles(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

template <typename F>
Percentiles time(F&& run) {
    std::vector<double> ms;
    for (int i = 0; i < kWarmup + kQueries; ++i) {
        const auto start = Clock::now();
        run(i);
        const double elapsed =
            std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (i >= kWarmup)
            ms.push_back(elapsed);
    }
    return percentiles(std::move(ms));
}

std::vector<Percentiles> timeInTurns(const std::vector<std::function<void(int)>>& methods) {
    std::vector<std::vector<double>> ms(methods.size());
    for (int i = 0; i < kWarmup + kQueries; ++i) {
        for (size_t m = 0; m < methods.size(); ++m) {
            const auto start = Clock::now();
            methods[m](i);
            const double elapsed =
                std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            if (i >= kWarmup)
                ms[m].push_back(elapsed);
        }
    }
    std::vector<Percentiles> out;
    for (std::vector<double>& m : ms)
        out.push_back(percentiles(std::move(m)));
    return out;
}

std::vector<float> unitRows(int64_t rows, std::mt19937_64& rng) {
    std::normal_distribution<float> normal;
    std::vector<float> v(static_cast<size_t>(rows * kDim));
    for (int64_t r = 0; r < rows; ++r) {
        float norm = 0.0f;
        for (int j = 0; j < kDim; ++j) {
            v[r * kDim + j] = normal(rng);
            norm += v[r * kDim + j] * v[r * kDim + j];
        }
        for (int j = 0; j < kDim; ++j)
            v[r * kDim + j] /= std::sqrt(norm);
    }
    return v;
}

void serving(int64_t n) {
    std::mt19937_64 rng(n);
    std::vector<int32_t> artists(static_cast<size_t>(n));
    for (int64_t t = 0; t < n; ++t)
        artists[t] = static_cast<int32_t>(t / kTracksPerArtist);
    const CandidateIndex index(kDim, unitRows(n, rng), artists);
    const std::vector<float> queries = unitRows(kWarmup + kQueries, rng);
    std::uniform_int_distribution<int32_t> any(0, static_cast<int32_t>(n - 1));
    TopKRequest plain;
    plain.k = kTopK;
    TopKRequest served = plain;
    for (int e = 0; e < kExcluded; ++e)
        served.exclude.push_back(any(rng));
    served.max_per_artist = 2;
    const torch::Tensor matrix =
        torch::from_blob(const_cast<float*>(index.matrix().data()), {n, kDim}, torch::kFloat32);

    // The methods take turns on every query, so machine noise hits them alike.
    const std::vector<std::function<void(int)>> methods = {
        [&](int i) { index.topK(&queries[i * kDim], plain); },
        [&](int i) { index.topK(&queries[i * kDim], served); },
        [&](int i) {
            c10::InferenceMode guard;
            const torch::Tensor q =
                torch::from_blob(const_cast<float*>(&queries[i * kDim]), {kDim}, torch::kFloat32);
            const torch::Tensor scores = matrix.mv(q);
            selectTopK(scores.data_ptr<float>(), static_cast<size_t>(n), plain);
        },
        [&](int i) {
            c10::InferenceMode guard;
            const torch::Tensor q =
                torch::from_blob(const_cast<float*>(&queries[i * kDim]), {kDim}, torch::kFloat32);
            const auto best = matrix.mv(q).topk(kTopK);
            (void)best;
        }};
    const std::vector<Percentiles> p = timeInTurns(methods);
    std::printf(
        "n=%8lld top-%zu  index loop: p50 %.3f ms p99 %.3f | +%d excluded +diversity: "
        "p50 %.3f p99 %.3f | torch mv + selectTopK: p50 %.3f p99 %.3f | torch mv + "
        "topk: p50 %.3f p99 %.3f\n",
        static_cast<long long>(n), kTopK, p[0].p50_ms, p[0].p99_ms, kExcluded, p[1].p50_ms,
        p[1].p99_ms, p[2].p50_ms, p[2].p99_ms, p[3].p50_ms, p[3].p99_ms);
}

void modelPath() {
    bench::SynthOptions options;
    options.plays = 20000;
    const bench::SynthLog synth = bench::makeSynthLog(options);
    const TwoTowerModel model =
        TwoTowerModel::create(ModelConfig::forCatalog(synth.catalog, synth.profiles)).value();
    const auto start = Clock::now();
    const CandidateIndex index = model.buildIndex(synth.catalog).value();
    const double build_s = std::chrono::duration<double>(Clock::now() - start).count();
    Query query;
    query.profile = 1;
    query.prev_track = 17;
    query.history = {17, 3, 99};
    query.hour_of_week = 100;
    const Percentiles tower = time([&](int) { model.embedQuery(query); });
    TopKRequest served;
    served.k = kTopK;
    served.exclude = {17, 3, 99};
    served.max_per_artist = 2;
    const Percentiles end_to_end = time([&](int) {
        const std::vector<float> q = model.embedQuery(query);
        index.topK(q.data(), served);
    });
    std::printf(
        "model on %d tracks: buildIndex %.2f s | query tower p50 %.3f ms p99 %.3f ms | "
        "recommend (tower + top-50 + exclusions + diversity) p50 %.3f ms p99 %.3f ms\n",
        synth.catalog.size(), build_s, tower.p50_ms, tower.p99_ms, end_to_end.p50_ms,
        end_to_end.p99_ms);
}

// The served re-ranker at 100k songs: every registered term weighted (the most work a learned
// weighting can ask for), then top-50 with exclusions and at most 2 per artist.
bool servedBlend() {
    const bench::SynthLog synth = bench::makeSynthLog({});
    const auto build_start = Clock::now();
    ScorerSet set = ScorerSet::baselines(synth.catalog, synth.log);
    const double baselines_s = std::chrono::duration<double>(Clock::now() - build_start).count();
    auto model = std::make_shared<TwoTowerModel>(
        TwoTowerModel::create(ModelConfig::forCatalog(synth.catalog, synth.profiles)).value());
    set.setModel(model, std::make_shared<CandidateIndex>(model->buildIndex(synth.catalog).value()));
    BlendWeights every;
    for (const BlendScorer::Component& c : set.blendComponents())
        every[c.name] = 1.0f;
    const BlendScorer blend(set.blendComponents(), every);
    const size_t n = static_cast<size_t>(blend.size());
    std::vector<int32_t> artists(n);
    for (size_t t = 0; t < n; ++t)
        artists[t] = synth.catalog.artist[t];
    std::vector<float> scores(n);
    // Queries spread over the log (997 is prime), the same for every timing.
    auto queryAt = [&synth](int i) {
        return Query::fromExample(synth.log, static_cast<size_t>(i) * 997 % synth.log.size());
    };
    const Percentiles p = time([&](int i) {
        const Query query = queryAt(i);
        blend.score(query, scores.data());
        TopKRequest served;
        served.k = kTopK;
        for (int32_t t : query.history) {
            if (t != kNoTrack)
                served.exclude.push_back(t);
        }
        served.max_per_artist = 2;
        selectTopK(scores.data(), n, served, artists.data());
    });
    // Each term's own cost, so a slow new scorer is named.
    for (const BlendScorer::Component& only : set.blendComponents()) {
        const BlendScorer single(set.blendComponents(), {{only.name, 1.0f}});
        const Percentiles part = time([&](int i) { single.score(queryAt(i), scores.data()); });
        std::printf("  the %s term alone p50 %.3f ms\n", only.name.c_str(), part.p50_ms);
    }
    const bool pass = p.p50_ms <= kServedBlendP50Ms;
    std::printf(
        "served re-ranker over %zu songs (%zu terms: %s; baselines built in %.1f s): "
        "p50 %.3f ms p99 %.3f ms\n",
        n, set.blendComponents().size(), describeWeights(every).c_str(), baselines_s, p.p50_ms,
        p.p99_ms);
    std::printf("GATE served re-ranker + top-50 over %zu songs p50 = %.3f ms (<= %.1f ms): %s\n", n,
                p.p50_ms, kServedBlendP50Ms, pass ? "PASS" : "FAIL");
    return pass;
}

}  // namespace

int main() {
    torch::set_num_threads(1);
    for (int64_t n : {10000, 100000, 1000000})
        serving(n);
    modelPath();
    return servedBlend() ? 0 : 1;
}
