#pragma once

#include "core/canceltickets.h"
#include "store/database.h"
#include "store/loudnessstore.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace encore {

struct LoudnessProgress {
    int done = 0;   // files measured (or failed) in this run
    int total = 0;  // files this run set out to measure
    QString current_path;
};

struct LoudnessReport {
    int measured = 0;
    int failed = 0;  // could not be decoded: named in `problems`, tried again when they change
    QList<QPair<QString, QString>> problems;  // path, reason (the first few)
    double audio_seconds = 0.0;
    qint64 elapsed_ms = 0;
    bool cancelled = false;
    QString fatal_error;  // the database could not be read or written
};

// Measures the EBU R128 loudness of library files without ReplayGain tags, album by album, on
// its own QThread (IdlePriority: only when nothing else wants the CPU). Results go to the
// database as each album is done, so a cancelled or interrupted run resumes where it stopped;
// the files themselves are never written. Call run() through a queued connection with a
// ticket from queueRun(); cancel() from any thread.
class LoudnessWorker : public QObject {
    Q_OBJECT

public:
    explicit LoudnessWorker(Database database, QObject* parent = nullptr);
    ~LoudnessWorker() override;

    quint64 queueRun() { return tickets_.issue(); }
    // The running measure stops within a buffer's decoding; queued runs start cancelled.
    void cancel() { tickets_.cancelAll(); }

public Q_SLOTS:
    void run(quint64 ticket);

Q_SIGNALS:
    void started();
    void progress(const encore::LoudnessProgress& progress);
    void finished(const encore::LoudnessReport& report);
    // New measures are in the database (the library index reloads to play with them).
    void measured();

private:
    QList<LoudnessResult> measureAlbum(const QList<LoudnessWork>& album, LoudnessReport& report);

    Database database_;
    std::unique_ptr<ScopedConnection> connection_;
    CancelTickets tickets_;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::LoudnessProgress)
Q_DECLARE_METATYPE(encore::LoudnessReport)
