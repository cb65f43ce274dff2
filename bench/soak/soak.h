#pragma once

// The soak of issue 16 §8: an Engine doing everything at once, timed by QTimers on its thread.

#include "engine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>

#include <map>

namespace encore::stats {
class StatsService;
}

namespace encore::bench {

struct SoakOptions {
    int seconds = 600;
    int warmup_seconds = 60;  // RSS at the start is read when this has passed
    int files = 1000;
    int listens_per_import = 20000;
    QString work;  // the library, histories and database go here
};

class Soak : public QObject {
    Q_OBJECT

public:
    Soak(Engine& engine, stats::StatsService& stats, SoakOptions options);

    // Starts every timer; the run ends (finished) after options.seconds.
    void start();
    int exitCode() const;
    void printSummary() const;

    // Qt messages that say "database is locked" (counted as errors wherever they come from).
    static void countLockedMessages();

Q_SIGNALS:
    void finished();

private:
    void changeLibrary();
    void importNext();
    void logPlay();
    void sampleRss();
    void retrain();
    void readDashboards();
    void readRecommendations();
    void noteError(const QString& what);
    bool notReadyYet(const QString& message);
    void stop();
    void refreshTrackIds();

    Engine& engine_;
    stats::StatsService& stats_;
    SoakOptions o_;
    QRandomGenerator random_{7};
    QElapsedTimer clock_;
    QList<QTimer*> timers_;
    QList<qint64> track_ids_;
    std::map<QString, qint64> ops_;
    QStringList errors_;
    int imports_written_ = 0;
    int extra_file_ = 0;
    qint64 rss_start_kb_ = 0, rss_end_kb_ = 0;
    QList<qint64> rss_by_minute_;
    bool stopping_ = false;
};

// VmRSS of this process in kB (Linux /proc/self/status).
qint64 residentKb();

}  // namespace encore::bench
