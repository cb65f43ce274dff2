#include "soak.h"

#include "import/listengenerator.h"
#include "reco/recoservice.h"
#include "stats/statsservice.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>

#include <sys/stat.h>
#include <utime.h>

#include <atomic>
#include <cstdio>

namespace encore::bench {

namespace {

std::atomic<int> g_locked_messages{0};
QtMessageHandler g_previous_handler = nullptr;

void lockedMessageCounter(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (text.contains(QLatin1String("database is locked"), Qt::CaseInsensitive))
        ++g_locked_messages;
    if (g_previous_handler)
        g_previous_handler(type, context, text);
}

// Runs `done` on `context`'s thread with the result of `future`.
template <typename T, typename Done>
void whenReady(QObject* context, QFuture<T> future, Done done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

}  // namespace

qint64 residentKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void Soak::countLockedMessages() {
    g_previous_handler = qInstallMessageHandler(lockedMessageCounter);
}

Soak::Soak(Engine& engine, stats::StatsService& stats, SoakOptions options)
    : engine_(engine), stats_(stats), o_(std::move(options)) {
    connect(&engine_, &Engine::scanFinished, this, [this](const ScanReport& r) {
        ++ops_["scans"];
        if (!r.fatal_error.isEmpty())
            noteError(QStringLiteral("scan: ") + r.fatal_error);
        if (r.errors > 0)
            noteError(QStringLiteral("scan: %1 files could not be read").arg(r.errors));
        refreshTrackIds();
    });
    connect(&engine_, &Engine::importFinished, this, [this](const ImportReport& r) {
        ++ops_["imports"];
        for (const FileImportReport& f : r.files)
            if (!f.ok())
                noteError(QStringLiteral("import: ") + f.error);
        refreshTrackIds();
    });
    connect(&engine_, &Engine::playLogged, this, [this] { ++ops_["plays logged"]; });
    connect(&engine_, &Engine::writeFailed, this,
            [this](const QString& m) { noteError(QStringLiteral("write: ") + m); });
    connect(&engine_, &Engine::loudnessFinished, this, [this](const LoudnessReport& r) {
        ++ops_["loudness analyses"];
        ops_["files measured"] += r.measured;
        if (!r.fatal_error.isEmpty())
            noteError(QStringLiteral("loudness: ") + r.fatal_error);
        if (r.failed > 0)
            noteError(QStringLiteral("loudness: %1 files failed, first %2: %3")
                          .arg(r.failed)
                          .arg(r.problems.value(0).first, r.problems.value(0).second));
    });
    connect(engine_.recommender(), &RecoService::modelPublished, this,
            [this] { ++ops_["models published"]; });
    connect(engine_.recommender(), &RecoService::statusChanged, this, [this](const RecoStatus& s) {
        if (s.state == RecoStatus::State::Failed)
            noteError(QStringLiteral("retrain: ") + s.message);
    });
    connect(&stats_, &stats::StatsService::finished, this, [this] { ++ops_["dashboard pages"]; });
    connect(&stats_, &stats::StatsService::failed, this,
            [this](quint64, const QString& m) { noteError(QStringLiteral("dashboards: ") + m); });
}

void Soak::start() {
    clock_.start();
    refreshTrackIds();
    const auto every = [this](int ms, void (Soak::*job)()) {
        auto* timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, job);
        timer->start(ms);
        timers_ << timer;
    };
    every(3000, &Soak::logPlay);              // a listen every few seconds, as playback logs
    every(20000, &Soak::changeLibrary);       // then a rescan
    every(30000, &Soak::importNext);          // a history file (the rotation below)
    every(60000, &Soak::retrain);             // besides the retrains the new plays trigger
    every(2000, &Soak::readDashboards);       // the dashboards page
    every(1000, &Soak::readRecommendations);  // "recommended next" and "similar songs"
    QTimer::singleShot(o_.warmup_seconds * 1000, this, [this] { rss_start_kb_ = residentKb(); });
    QTimer::singleShot(o_.seconds * 1000, this, &Soak::stop);
    every(60000, &Soak::sampleRss);
    for (int i = 0; i < 4; ++i)  // the first round of the rotation, one after the other
        QTimer::singleShot(i * 5000, this, &Soak::importNext);
}

void Soak::refreshTrackIds() {
    whenReady(this, engine_.loadTracks(), [this](const Result<QList<Track>>& tracks) {
        if (!tracks) {
            noteError(QStringLiteral("tracks: ") + tracks.error());
            return;
        }
        ++ops_["library reads"];
        track_ids_.clear();
        for (const Track& t : tracks.value())
            track_ids_ << t.id;
    });
}

void Soak::changeLibrary() {
    if (engine_.isScanning())
        return;  // files change between scans; one vanishing mid-read is another test (§5)
    const QString library = o_.work + QStringLiteral("/library");
    QStringList files;
    QDirIterator it(library, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    if (files.isEmpty())
        return;
    // 20 files get a new mtime (read again), one copy comes and the one before it goes.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < 20; ++i) {
        const QByteArray path = QFile::encodeName(files[random_.bounded(int(files.size()))]);
        utimbuf times{now, now};
        utime(path.constData(), &times);
    }
    const auto extra = [&library](int n) {
        return QStringLiteral("%1/extra/extra-%2.flac").arg(library).arg(n);
    };
    QString source;
    for (const QString& f : files)
        if (f.endsWith(QLatin1String(".flac")) && !f.contains(QLatin1String("/extra/")))
            source = f;
    QDir().mkpath(library + QStringLiteral("/extra"));
    if (!source.isEmpty() && QFile::copy(source, extra(extra_file_ + 1))) {
        QFile::remove(extra(extra_file_));
        ++extra_file_;
    }
    engine_.scan();
}

// The histories come in a rotation of kHistories files: the first round (at the start, within
// the warm-up) adds their listens, every later one re-imports a file (all duplicates), so the
// data stops growing and RSS at the end compares with RSS after the warm-up.
void Soak::importNext() {
    constexpr int kHistories = 4;
    const int n = imports_written_++;
    const QString path = QStringLiteral("%1/history-%2.jsonl").arg(o_.work).arg(n % kHistories);
    if (n < kHistories) {
        ListenPlan plan;
        plan.listens = o_.listens_per_import;
        plan.seed = quint32(100 + n);
        plan.first_second = 1420070400 + qint64(n) * 20'000'000;  // 2015 + 7.6 months a file
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            noteError(QStringLiteral("cannot write ") + path);
            return;
        }
        writeListenBrainzLines(plan, out);
    }
    engine_.importHistory({path});
}

void Soak::sampleRss() {
    rss_by_minute_ << residentKb();
}

void Soak::logPlay() {
    if (track_ids_.isEmpty())
        return;
    Play play;
    play.track_id = track_ids_[random_.bounded(int(track_ids_.size()))];
    play.started_at = QDateTime::currentSecsSinceEpoch() - 180;
    play.ms_played = 180000;
    play.duration_ms = 180000;
    play.end_reason = EndReason::Finished;
    play.counted = true;
    engine_.logListen(play);
}

void Soak::retrain() {
    engine_.recommender()->retrainNow();
}

void Soak::readDashboards() {
    stats_.request(stats::StatsQuery{}, stats::StatsService::Scope::Everything);
}

void Soak::readRecommendations() {
    whenReady(this, engine_.recommender()->recommendedNext(),
              [this](const Result<QList<Recommendation>>& r) {
                  if (r)
                      ++ops_["recommendation lists"];
                  else if (!notReadyYet(r.error()))
                      noteError(QStringLiteral("recommended next: ") + r.error());
              });
    if (track_ids_.isEmpty())
        return;
    const qint64 track = track_ids_[random_.bounded(int(track_ids_.size()))];
    whenReady(this, engine_.recommender()->similar(track),
              [this](const Result<QList<Recommendation>>& r) {
                  if (r)
                      ++ops_["similar lists"];
                  else if (!notReadyYet(r.error()))
                      noteError(QStringLiteral("similar: ") + r.error());
              });
}

// The recommender's two answers that say "not yet" (no model yet; a track newer than the model)
// are what the panels show while a retrain is due: answers, counted apart, not failures.
bool Soak::notReadyYet(const QString& message) {
    const bool notYet = message.contains(QLatin1String("they appear in a moment")) ||
                        message.contains(QLatin1String("is not known to the recommender yet"));
    if (notYet)
        ++ops_["answers: not ready yet"];
    return notYet;
}

void Soak::noteError(const QString& what) {
    errors_ << QStringLiteral("%1 s: %2").arg(clock_.elapsed() / 1000).arg(what);
}

void Soak::stop() {
    if (stopping_)
        return;
    stopping_ = true;
    for (QTimer* t : timers_)
        t->stop();
    rss_end_kb_ = residentKb();
    engine_.cancelScan();
    engine_.cancelImport();
    engine_.cancelLoudness();
    engine_.recommender()->cancelTraining();
    Q_EMIT finished();
}

void Soak::printSummary() const {
    std::printf("soak: %.0f s, every job at once\n", clock_.elapsed() / 1000.0);
    for (const auto& [name, count] : ops_)
        std::printf("  %-22s %lld\n", qPrintable(name), static_cast<long long>(count));
    std::printf("errors: %lld\n", static_cast<long long>(errors_.size()));
    for (const QString& e : errors_.mid(0, 20))
        std::printf("  %s\n", qPrintable(e));
    std::printf("\"database is locked\" messages: %d\n", g_locked_messages.load());
    const double growth =
        rss_start_kb_ > 0 ? 100.0 * (rss_end_kb_ - rss_start_kb_) / rss_start_kb_ : 0;
    QStringList minutes;
    for (qint64 kb : rss_by_minute_)
        minutes << QString::number(kb / 1024.0, 'f', 0);
    std::printf("RSS by minute (MB): %s\n", qPrintable(minutes.join(QLatin1Char(' '))));
    std::printf("RSS: %.1f MB after %d s of warm-up, %.1f MB at the end (%+.1f%%, target < 10%%)\n",
                rss_start_kb_ / 1024.0, o_.warmup_seconds, rss_end_kb_ / 1024.0, growth);
}

int Soak::exitCode() const {
    bool ok = errors_.isEmpty() && g_locked_messages.load() == 0 && rss_start_kb_ > 0 &&
              rss_end_kb_ < rss_start_kb_ * 1.10;
    for (const char* op : {"scans", "imports", "plays logged", "models published",
                           "dashboard pages", "recommendation lists", "loudness analyses"}) {
        const auto it = ops_.find(QString::fromLatin1(op));
        if (it == ops_.end() || it->second == 0) {
            std::printf("FAIL: no %s in the run\n", op);
            ok = false;
        }
    }
    return ok ? 0 : 1;
}

}  // namespace encore::bench
