// Checkpoints: identical scores after a round trip, optimiser state kept, corrupt or
// incompatible files refused with a message (never a crash), warm start when the catalog grew.

#include "reco/core/testing/plantedlog.h"
#include "reco/core/twotowermodel.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace encore::reco;

namespace {

TrainOptions shortRun(uint64_t seed = 1) {
    TrainOptions options;
    options.epochs = 2;
    options.batch_size = 256;
    options.seed = seed;
    return options;
}

Query someQuery(int32_t prev) {
    Query q;
    q.profile = 2;
    q.prev_track = prev;
    q.history = {prev, 5};
    q.hour_of_week = 100;
    return q;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

}  // namespace

class TestModelCheckpoint : public QObject {
    Q_OBJECT

    testing::PlantedLog planted_;
    QTemporaryDir dir_;
    QString saved_;  // a valid checkpoint of a trained model
    std::unique_ptr<TwoTowerModel> model_;

    std::string path(const char* name) const {
        return dir_.filePath(QLatin1String(name)).toStdString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        planted_ = testing::makePlantedLog();
        model_ = std::make_unique<TwoTowerModel>(
            TwoTowerModel::create(ModelConfig::forCatalog(planted_.catalog, planted_.num_profiles))
                .value());
        QVERIFY(model_->train(planted_.log, planted_.catalog, shortRun()).ok());
        saved_ = dir_.filePath(QStringLiteral("model.ckpt"));
        const CoreStatus status = model_->save(saved_.toStdString());
        QVERIFY2(status.ok(), status.error().c_str());
    }

    void roundTripGivesIdenticalScores() {
        const Expected<TwoTowerModel> loaded = TwoTowerModel::load(saved_.toStdString());
        QVERIFY2(loaded.ok(), loaded.error().c_str());
        QCOMPARE(loaded->config().num_tracks, model_->config().num_tracks);
        QCOMPARE(loaded->optimizerSteps(), model_->optimizerSteps());
        QCOMPARE(loaded->temperature(), model_->temperature());
        QCOMPARE(loaded->buildIndex(planted_.catalog)->matrix(),
                 model_->buildIndex(planted_.catalog)->matrix());
        for (int32_t prev : {kNoTrack, 0, 17, 199})
            QCOMPARE(loaded->embedQuery(someQuery(prev)), model_->embedQuery(someQuery(prev)));
        QVERIFY(!QFile::exists(saved_ + QStringLiteral(".tmp")));  // renamed, not left behind
    }

    void optimizerStateSurvives() {
        // Training on from the file must equal training on in memory, step for step (the Adam
        // moments and step count are part of the checkpoint).
        TwoTowerModel reloaded = TwoTowerModel::load(saved_.toStdString()).value();
        TwoTowerModel in_memory = TwoTowerModel::load(saved_.toStdString()).value();
        QVERIFY(in_memory.train(planted_.log, planted_.catalog, shortRun(9)).ok());
        const std::string again = path("again.ckpt");
        QVERIFY(reloaded.save(again).ok());
        TwoTowerModel from_file = TwoTowerModel::load(again).value();
        QVERIFY(from_file.train(planted_.log, planted_.catalog, shortRun(9)).ok());
        QCOMPARE(from_file.embedQuery(someQuery(3)), in_memory.embedQuery(someQuery(3)));
        QCOMPARE(from_file.optimizerSteps(), in_memory.optimizerSteps());
    }

    void corruptCheckpointIsRefused_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("missing file") << "missing";
        QTest::newRow("empty file") << "empty";
        QTest::newRow("text file") << "text";
        QTest::newRow("truncated to half") << "half";
        QTest::newRow("truncated by 100 bytes") << "short";
        QTest::newRow("one byte flipped in the weights") << "flip";
        QTest::newRow("64 KB zeroed in the middle") << "zeros";
    }

    void corruptCheckpointIsRefused() {
        QFETCH(QString, damage);
        const QByteArray good = readAll(saved_);
        QVERIFY(good.size() > 200000);
        const QString bad = dir_.filePath(QStringLiteral("bad-%1.ckpt").arg(damage));
        QByteArray bytes = good;
        if (damage == QLatin1String("empty"))
            bytes.clear();
        else if (damage == QLatin1String("text"))
            bytes = "this is not a model\n";
        else if (damage == QLatin1String("half"))
            bytes.truncate(good.size() / 2);
        else if (damage == QLatin1String("short"))
            bytes.chop(100);
        else if (damage == QLatin1String("flip"))
            bytes[good.size() / 2] = char(bytes[good.size() / 2] ^ 0x10);
        else if (damage == QLatin1String("zeros"))
            bytes.replace(good.size() / 3, 65536, QByteArray(65536, '\0'));
        if (damage != QLatin1String("missing"))
            writeAll(bad, bytes);
        const Expected<TwoTowerModel> loaded = TwoTowerModel::load(bad.toStdString());
        QVERIFY(!loaded.ok());
        const QString message = QString::fromStdString(loaded.error());
        QVERIFY2(message.contains(bad), qPrintable(message));  // names the file
        qInfo("%s", qPrintable(message));
    }

    void growWithDifferentDimensionsIsRefused() {
        ModelConfig other = model_->config();
        other.output_dim = 64;
        const Expected<TwoTowerModel> loaded = TwoTowerModel::load(saved_.toStdString(), other);
        QVERIFY(!loaded.ok());
        QVERIFY(QString::fromStdString(loaded.error()).contains(QLatin1String("dimensions")));
        ModelConfig smaller = model_->config();
        smaller.num_tracks -= 1;
        QVERIFY(!TwoTowerModel::load(saved_.toStdString(), smaller).ok());
    }

    void warmStartKeepsOldRowsAndAddsNewOnes() {
        Catalog grown = planted_.catalog;
        grown.num_artists += 1;
        grown.num_genres += 1;
        const int32_t added = grown.addTrack(grown.num_artists - 1, {grown.num_genres - 1}, {3}, 0);
        grown.addTrack(1, {2}, {4}, 0);
        ModelConfig bigger = ModelConfig::forCatalog(grown, planted_.num_profiles + 1);
        const Expected<TwoTowerModel> warm = TwoTowerModel::load(saved_.toStdString(), bigger);
        QVERIFY2(warm.ok(), warm.error().c_str());
        QCOMPARE(warm->config().num_tracks, planted_.catalog.size() + 2);
        QCOMPARE(warm->optimizerSteps(), model_->optimizerSteps());

        // Old tracks keep their embeddings (up to BLAS blocking of a larger batch); old queries
        // score the same.
        const CandidateIndex before = model_->buildIndex(planted_.catalog).value();
        const CandidateIndex after = warm->buildIndex(grown).value();
        const int d = before.dim();
        for (size_t i = 0; i < before.matrix().size(); ++i)
            QVERIFY(std::abs(before.matrix()[i] - after.matrix()[i]) < 1e-6f);
        QCOMPARE(warm->embedQuery(someQuery(17)), model_->embedQuery(someQuery(17)));
        for (int j = 0; j < d; ++j)
            QVERIFY(std::isfinite(after.row(added)[j]));

        // And training goes on over the grown vocabulary, including the new profile and tracks.
        TwoTowerModel trainable = TwoTowerModel::load(saved_.toStdString(), bigger).value();
        Interactions log = planted_.log;
        log.add(planted_.num_profiles, 0, 10, {0}, added, Feedback::kPlay, 1800000000);
        const Expected<TrainStats> stats = trainable.train(log, grown, shortRun());
        QVERIFY2(stats.ok(), stats.error().c_str());
        QVERIFY(stats->epochs_completed == 2);
    }

    void queryArtistsSurviveAGrowingArtistTable() {
        // Track 3 has no artist: the query side uses the artist OOV row, which moves to the end
        // of the table when artists are added; the checkpoint must follow it there.
        Catalog catalog = planted_.catalog;
        catalog.artist[3] = -1;
        TwoTowerModel model =
            TwoTowerModel::create(ModelConfig::forCatalog(catalog, planted_.num_profiles)).value();
        QVERIFY(model.train(planted_.log, catalog, shortRun()).ok());
        const QString path = dir_.filePath(QStringLiteral("artists.ckpt"));
        QVERIFY(model.save(path.toStdString()).ok());
        catalog.num_artists += 3;
        catalog.addTrack(catalog.num_artists - 1, {1}, {2}, 0);
        const Expected<TwoTowerModel> grown = TwoTowerModel::load(
            path.toStdString(), ModelConfig::forCatalog(catalog, planted_.num_profiles));
        QVERIFY2(grown.ok(), grown.error().c_str());
        for (int32_t prev : {3, 4, 100000})  // unknown artist, known artist, beyond the vocabulary
            QCOMPARE(grown->embedQuery(someQuery(prev)), model.embedQuery(someQuery(prev)));
    }

    void learnedTemperatureIsKept() {
        ModelConfig config = ModelConfig::forCatalog(planted_.catalog, planted_.num_profiles);
        config.learn_temperature = true;
        TwoTowerModel model = TwoTowerModel::create(config).value();
        QVERIFY(model.train(planted_.log, planted_.catalog, shortRun()).ok());
        const std::string file = path("learned.ckpt");
        QVERIFY(model.save(file).ok());
        const TwoTowerModel loaded = TwoTowerModel::load(file).value();
        QVERIFY(loaded.config().learn_temperature);
        QCOMPARE(loaded.temperature(), model.temperature());
        QCOMPARE(loaded.embedQuery(someQuery(4)), model.embedQuery(someQuery(4)));
    }

    void saveIntoMissingFolderFails() {
        const std::string nowhere =
            dir_.filePath(QStringLiteral("no/such/dir/m.ckpt")).toStdString();
        const CoreStatus status = model_->save(nowhere);
        QVERIFY(!status.ok());
        QVERIFY(status.error().find(nowhere) != std::string::npos);
    }

    void saveReplacesAnExistingCheckpoint() {
        const std::string target = path("replace.ckpt");
        writeAll(QString::fromStdString(target), "old junk");
        QVERIFY(model_->save(target).ok());
        QVERIFY(TwoTowerModel::load(target).ok());
    }
};

QTEST_GUILESS_MAIN(TestModelCheckpoint)
#include "tst_modelcheckpoint.moc"
