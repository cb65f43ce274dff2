// bench_train: training speed of the two-tower model on one thread (synthetic power-law logs).
//   bench_train            examples/s and seconds per epoch at 100k and 1M plays; GATE: at 1M
//                          plays >= 50,000 examples/s on one thread (exit 1 when missed)
//   bench_train --sweep    batch size x optimiser at 100k plays: speed and held-out HR@10/100
//   bench_train --plays N  only N plays

#include "synthlog.h"

#include "reco/core/evaluation.h"
#include "reco/core/popularscorer.h"
#include "reco/core/split.h"
#include "reco/core/twotowermodel.h"
#include "reco/core/twotowerscorer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

using namespace encore;
using namespace encore::reco;

namespace {

constexpr int64_t kSweepPlays = 100000;
constexpr int kSweepEpochs = 2;
constexpr int kShortLogEpochs = 3;        // a 100k-play epoch is ~1.5 s: average a few
constexpr size_t kSweepTestPlays = 2000;  // held-out plays scored per configuration
constexpr float kAdamRate = 0.005f;
constexpr float kAdagradRate = 0.05f;

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bench::SynthLog generate(int64_t plays) {
    bench::SynthOptions options;
    options.plays = plays;
    const auto start = std::chrono::steady_clock::now();
    bench::SynthLog synth = bench::makeSynthLog(options);
    std::printf("generated %lld plays over %d tracks in %.1f s\n", static_cast<long long>(plays),
                synth.catalog.size(), secondsSince(start));
    return synth;
}

TwoTowerModel freshModel(const bench::SynthLog& synth) {
    Expected<TwoTowerModel> model =
        TwoTowerModel::create(ModelConfig::forCatalog(synth.catalog, synth.profiles));
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().c_str());
        std::exit(1);
    }
    return std::move(model).value();
}

constexpr int64_t kGatePlays = 1000000;
constexpr double kMinExamplesPerSecond = 50000.0;  // issue 14: the product's model, one thread

// Examples per second of one training run of the product's model on `plays` plays.
double speed(int64_t plays) {
    const bench::SynthLog synth = generate(plays);
    TwoTowerModel model = freshModel(synth);
    TrainOptions options;  // the defaults the product uses
    options.epochs = plays <= kSweepPlays ? kShortLogEpochs : 1;
    const Expected<TrainStats> stats = model.train(synth.log, synth.catalog, options);
    if (!stats) {
        std::fprintf(stderr, "%s\n", stats.error().c_str());
        std::exit(1);
    }
    std::printf("plays=%lld batch=%d threads=1: %.0f examples/s, %.2f s/epoch, loss %.3f\n",
                static_cast<long long>(plays), options.batch_size, stats->examples_per_second,
                stats->seconds / std::max(1, stats->epochs_completed), stats->final_loss);
    return stats->examples_per_second;
}

void sweep() {
    const bench::SynthLog synth = generate(kSweepPlays);
    Split split = timeSplit(synth.log, 0.9);
    std::vector<size_t> first(std::min(kSweepTestPlays, split.test.size()));
    std::iota(first.begin(), first.end(), 0);
    const Interactions test = split.test.subset(first);
    const EvalReport popular =
        evaluate(PopularScorer(split.train, synth.catalog.size()), split.train, test, {{10, 100}});
    std::printf("popular baseline: HR@10 %.4f HR@100 %.4f\n", popular.all.hr[0], popular.all.hr[1]);
    struct Setting {
        OptimizerKind kind;
        float rate;
        int batch;
    };
    std::vector<Setting> settings;
    for (OptimizerKind kind : {OptimizerKind::kAdam, OptimizerKind::kAdagrad}) {
        for (int batch : {256, 512, 1024, 2048, 4096})
            settings.push_back(
                {kind, kind == OptimizerKind::kAdam ? kAdamRate : kAdagradRate, batch});
    }
    for (float rate : {0.002f, 0.01f, 0.02f})
        settings.push_back({OptimizerKind::kAdam, rate, TrainOptions{}.batch_size});
    for (const Setting& setting : settings) {
        auto model = std::make_shared<TwoTowerModel>(freshModel(synth));
        TrainOptions options;
        options.epochs = kSweepEpochs;
        options.batch_size = setting.batch;
        options.optimizer = setting.kind;
        options.learning_rate = setting.rate;
        const Expected<TrainStats> stats = model->train(split.train, synth.catalog, options);
        if (!stats) {
            std::fprintf(stderr, "%s\n", stats.error().c_str());
            std::exit(1);
        }
        auto index = std::make_shared<CandidateIndex>(model->buildIndex(synth.catalog).value());
        const EvalReport report =
            evaluate(TwoTowerScorer(model, index), split.train, test, {{10, 100}});
        std::printf(
            "%-7s lr=%.3f batch=%4d: %7.0f examples/s, loss %.3f, HR@10 %.4f "
            "HR@100 %.4f\n",
            setting.kind == OptimizerKind::kAdam ? "adam" : "adagrad", setting.rate, setting.batch,
            stats->examples_per_second, stats->final_loss, report.all.hr[0], report.all.hr[1]);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int64_t> sizes = {100000, 1000000};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--sweep") == 0) {
            sweep();
            return 0;
        }
        if (std::strcmp(argv[i], "--plays") == 0 && i + 1 < argc) {
            sizes = {std::atoll(argv[++i])};
            continue;
        }
        std::fprintf(stderr, "usage: %s [--sweep] [--plays N]\n", argv[0]);
        return 2;
    }
    bool pass = true;
    for (int64_t plays : sizes) {
        const double rate = speed(plays);
        if (plays == kGatePlays) {
            pass = rate >= kMinExamplesPerSecond;
            std::printf("GATE training at 1M plays, one thread = %.0f examples/s (>= %.0f): %s\n",
                        rate, kMinExamplesPerSecond, pass ? "PASS" : "FAIL");
        }
    }
    return pass ? 0 : 1;
}
