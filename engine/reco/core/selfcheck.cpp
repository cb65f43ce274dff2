// reco-selfcheck: trains a few epochs on a planted log and checks what the model learned.
// Usage: reco-selfcheck [--device cpu|cuda|cuda:N]. Exit code 0 = every check passed.

#include "reco/core/testing/plantedlog.h"
#include "reco/core/twotowermodel.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

using namespace encore::reco;

namespace {

constexpr int kEpochs = 15;
constexpr int kBatchSize = 256;

int failures = 0;

void check(bool ok, const std::string& what) {
    std::printf("%s  %s\n", ok ? "PASS" : "FAIL", what.c_str());
    if (!ok)
        ++failures;
}

}  // namespace

int main(int argc, char** argv) {
    std::string device = "cpu";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--device") == 0 && i + 1 < argc) {
            device = argv[++i];
        } else {
            std::fprintf(stderr, "usage: %s [--device cpu|cuda|cuda:N]\n", argv[0]);
            return 2;
        }
    }
    const testing::PlantedLog planted = testing::makePlantedLog();
    ModelConfig config = ModelConfig::forCatalog(planted.catalog, planted.num_profiles);
    config.device = device;
    Expected<TwoTowerModel> created = TwoTowerModel::create(config);
    if (!created) {
        std::fprintf(stderr, "cannot create the model: %s\n", created.error().c_str());
        return 1;
    }
    TwoTowerModel model = std::move(created).value();
    TrainOptions options;
    options.epochs = kEpochs;
    options.batch_size = kBatchSize;
    const Expected<TrainStats> stats = model.train(planted.log, planted.catalog, options);
    check(stats.ok(), "training runs on " + device + (stats ? "" : ": " + stats.error()));
    if (!stats)
        return 1;
    std::printf("      %lld examples, final loss %.4f, %.0f examples/s\n",
                static_cast<long long>(stats->examples), stats->final_loss,
                stats->examples_per_second);

    const Expected<CandidateIndex> index = model.buildIndex(planted.catalog);
    check(index.ok(), "candidate index builds");
    if (!index)
        return 1;
    Query after_a;
    after_a.profile = 3;
    after_a.prev_track = planted.track_a;
    after_a.history = {planted.track_a};
    after_a.hour_of_week = 40;
    TopKRequest top1;
    top1.k = 1;
    top1.exclude = {planted.track_a};
    const auto next = index->topK(model.embedQuery(after_a).data(), top1);
    check(!next.empty() && next[0].track == planted.track_b, "B ranks first after A");

    Query night;
    night.profile = planted.night_profile;
    night.hour_of_week = planted.night_hour;
    const auto nightly = index->topK(model.embedQuery(night).data(), top1);
    check(!nightly.empty() && planted.hasNightGenre(nightly[0].track),
          "a night-genre track ranks first for the night profile at night");

    Catalog grown = planted.catalog;
    const int32_t cold = grown.addTrack(0, {planted.night_genre}, {1, 2}, 0);
    const Expected<CandidateIndex> cold_index = model.buildIndex(grown);
    bool finite = cold_index.ok();
    for (int j = 0; finite && j < cold_index->dim(); ++j)
        finite = std::isfinite(cold_index->row(cold)[j]);
    check(finite, "a track without plays gets a finite content embedding");

    const std::string path = "reco-selfcheck.ckpt";
    const CoreStatus saved = model.save(path);
    const Expected<TwoTowerModel> loaded = TwoTowerModel::load(path, std::nullopt, device);
    bool same = saved.ok() && loaded.ok();
    if (same) {
        const auto a = model.embedQuery(after_a);
        const auto b = loaded->embedQuery(after_a);
        same = a == b;
    }
    check(same, "checkpoint round trip gives identical query embeddings");
    std::remove(path.c_str());
    return failures == 0 ? 0 : 1;
}
