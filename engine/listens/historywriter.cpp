#include "listens/historywriter.h"

#include "listens/import/historyimporter.h"
#include "store/settingsstore.h"
#include "store/sqlerror.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QVariant>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace encore {

namespace {

// Background work yields to the GUI thread. QThread priorities other than Idle do nothing on
// Linux, and Idle would starve imports on a busy machine; a nice value on this thread does it.
void lowerThisThreadsPriority() {
#ifdef Q_OS_LINUX
    constexpr int kWriterNice = 10;
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), kWriterNice);
#endif
}

// The id of the active profile, without the listen counts ProfileStore adds.
Result<ProfileId> activeProfileId(const QSqlDatabase& db) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM profiles WHERE is_active = 1")))
        return sqlError(QStringLiteral("Reading the active profile"), q);
    return q.next() ? q.value(0).toLongLong() : ProfileId(0);
}

}  // namespace

HistoryWriter::HistoryWriter(Database database, bool incognitoAtStart, QObject* parent)
    : QObject(parent), database_(std::move(database)), incognito_(incognitoAtStart) {
    qRegisterMetaType<encore::Play>("encore::Play");
    qRegisterMetaType<encore::TrackPlayStats>("encore::TrackPlayStats");
    qRegisterMetaType<encore::ImportProgress>("encore::ImportProgress");
    qRegisterMetaType<encore::ImportReport>("encore::ImportReport");
    qRegisterMetaType<encore::ForgetQuery>("encore::ForgetQuery");
    qRegisterMetaType<encore::Profile>("encore::Profile");
    qRegisterMetaType<QList<encore::Profile>>("QList<encore::Profile>");
}

HistoryWriter::~HistoryWriter() {
    log_.reset();  // its prepared statement goes before the connection
    connection_.reset();
}

void HistoryWriter::cancelImport() {
    import_tickets_.cancelAll();
}

bool HistoryWriter::ensureConnection() {
    if (connection_ && connection_->ok())
        return true;
    log_.reset();
    connection_ = std::make_unique<ScopedConnection>(
        database_, QStringLiteral("encore-writer-%1").arg(quintptr(QThread::currentThreadId())));
    if (!connection_->ok()) {
        Q_EMIT failed(connection_->error());
        return false;
    }
    log_ = std::make_unique<PlayLog>(connection_->db());
    return true;
}

void HistoryWriter::run(const Job& job) {
    job(ensureConnection() ? connection_->db() : QSqlDatabase());
}

void HistoryWriter::open() {
    lowerThisThreadsPriority();
    if (!ensureConnection())
        return;
    const Result<bool> incognito = SettingsStore(connection_->db()).incognito();
    // encore-cli may have switched it since the Engine read it at start, before this thread
    // opened (late on a busy machine): then the Engine is told.
    if (incognito && incognito.value() != incognito_) {
        incognito_ = incognito.value();
        Q_EMIT incognitoChanged(incognito_);
    }
    announceProfiles();
    if (!poll_) {
        poll_ = new QTimer(this);
        poll_->setInterval(kSettingsPollMs);
        connect(poll_, &QTimer::timeout, this, &HistoryWriter::checkSettings);
        poll_->start();
    }
}

void HistoryWriter::announceProfiles() {
    const Result<QList<Profile>> profiles = ProfileStore(connection_->db()).profiles();
    if (!profiles) {
        Q_EMIT failed(profiles.error());
        return;
    }
    Q_EMIT profilesChanged(profiles.value());
    for (const Profile& p : profiles.value()) {
        if (p.active && p.id != active_profile_) {
            active_profile_ = p.id;
            Q_EMIT activeProfileChanged(p);
        }
    }
}

void HistoryWriter::checkSettings() {
    if (!ensureConnection())
        return;
    const Result<bool> incognito = SettingsStore(connection_->db()).incognito();
    if (incognito && incognito.value() != incognito_) {
        incognito_ = incognito.value();
        Q_EMIT incognitoChanged(incognito_);
    }
    const Result<ProfileId> active = activeProfileId(connection_->db());
    if (active && active.value() != active_profile_)
        announceProfiles();  // switched with encore-cli profiles use
}

void HistoryWriter::append(const Play& listen) {
    if (!ensureConnection())
        return;
    // The shared switch is read right before logging: encore-cli may have turned it on.
    const Result<bool> incognito = SettingsStore(connection_->db()).incognito();
    if (!incognito) {
        Q_EMIT failed(QStringLiteral("A listen was not logged: %1").arg(incognito.error()));
        return;
    }
    if (incognito.value() != incognito_) {
        incognito_ = incognito.value();
        Q_EMIT incognitoChanged(incognito_);
    }
    if (incognito_) {
        Q_EMIT playDropped(listen);
        return;
    }
    const Result<qint64> id = log_->append(listen);
    if (!id) {
        Q_EMIT failed(QStringLiteral("A listen was not logged: %1").arg(id.error()));
        return;
    }
    if (id.value() == 0)
        return;  // the same listen was already logged
    Play logged = listen;
    logged.id = id.value();
    QSqlQuery q(connection_->db());
    q.prepare(QStringLiteral(
        "SELECT profile_id, session_id, coalesce(previous_track_id, 0) FROM plays WHERE id = ?"));
    q.addBindValue(logged.id);
    if (q.exec() && q.next()) {
        logged.profile_id = q.value(0).toLongLong();
        logged.session_id = q.value(1).toLongLong();
        logged.previous_track_id = q.value(2).toLongLong();
    }
    const Result<TrackPlayStats> stats =
        HistoryReader(connection_->db()).playStats(logged.profile_id, logged.track_id);
    Q_EMIT playLogged(logged, stats ? stats.value() : TrackPlayStats{});
}

void HistoryWriter::importPaths(const QStringList& paths, const QString& profile, quint64 ticket) {
    const bool go = import_tickets_.begin(ticket);
    Q_EMIT importStarted(paths);
    if (!go) {
        ImportReport report;
        for (const QString& path : paths) {
            FileImportReport cancelled;
            cancelled.path = path;
            cancelled.error = QStringLiteral(
                                  "Import of %1 cancelled before it started; nothing from it was "
                                  "imported.")
                                  .arg(path);
            report.files << cancelled;
        }
        Q_EMIT importFinished(report);
        return;
    }
    if (!ensureConnection()) {
        ImportReport report;
        FileImportReport failure;
        failure.path = paths.join(QStringLiteral(", "));
        failure.error = connection_ ? connection_->error() : QString();
        report.files << failure;
        Q_EMIT importFinished(report);
        return;
    }
    ImportProgress progress;
    QElapsedTimer since;
    since.start();
    ImportOptions options;
    options.profile = profile;
    options.cancel = &import_tickets_.running();
    options.progress = [this, &progress, &since](const QString& file, qint64 records) {
        const bool newFile = file != progress.file;
        if (newFile)
            ++progress.files_started;
        progress.file = file;
        progress.records = records;
        if (newFile || since.elapsed() >= kProgressIntervalMs) {
            since.restart();
            Q_EMIT importProgress(progress);
        }
    };
    const ImportReport report = HistoryImporter(connection_->db()).importPaths(paths, options);
    const FileImportReport total = report.total();
    Q_EMIT importFinished(report);
    if (total.added() > 0) {
        Q_EMIT historyChanged();
        announceProfiles();  // new profiles, new listen counts
    }
}

void HistoryWriter::forget(const ForgetQuery& query) {
    if (!ensureConnection())
        return;
    const Result<qint64> deleted = log_->forget(query);
    if (!deleted) {
        Q_EMIT failed(QStringLiteral("The history was not deleted: %1").arg(deleted.error()));
        return;
    }
    Q_EMIT forgotten(deleted.value());
    if (deleted.value() > 0) {
        Q_EMIT historyChanged();
        announceProfiles();  // listen counts changed
    }
}

void HistoryWriter::addProfile(const QString& name) {
    if (!ensureConnection())
        return;
    const Result<Profile> added = ProfileStore(connection_->db()).add(name);
    if (!added) {
        Q_EMIT failed(added.error());
        return;
    }
    announceProfiles();
}

void HistoryWriter::removeProfile(const QString& name) {
    if (!ensureConnection())
        return;
    const Status removed = ProfileStore(connection_->db()).remove(name);
    if (!removed) {
        Q_EMIT failed(removed.error());
        return;
    }
    announceProfiles();
    Q_EMIT historyChanged();
}

void HistoryWriter::setActiveProfile(const QString& name) {
    if (!ensureConnection())
        return;
    const Status used = ProfileStore(connection_->db()).setActive(name);
    if (!used) {
        Q_EMIT failed(used.error());
        return;
    }
    announceProfiles();
}

void HistoryWriter::setIncognito(bool on) {
    if (!ensureConnection())
        return;
    const Status saved = SettingsStore(connection_->db()).setIncognito(on);
    if (!saved) {
        Q_EMIT failed(saved.error());
        return;
    }
    if (on != incognito_) {
        incognito_ = on;
        Q_EMIT incognitoChanged(on);
    }
}

void HistoryWriter::setRetrainIntervalMinutes(int minutes) {
    if (!ensureConnection())
        return;
    const Status saved = SettingsStore(connection_->db()).setRetrainIntervalMinutes(minutes);
    if (!saved)
        Q_EMIT failed(saved.error());
}

}  // namespace encore
