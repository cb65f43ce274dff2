#pragma once

#include "core/canceltickets.h"
#include "listens/historyreader.h"
#include "listens/import/importreport.h"
#include "store/database.h"
#include "store/play.h"
#include "store/playlog.h"
#include "store/profilestore.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace encore {

// Where a running import is: the file being read and how many records of it so far.
struct ImportProgress {
    QString file;  // "StreamingHistory0.json", "export.zip!/listens.jsonl"
    qint64 records = 0;
    int files_started = 0;  // files begun so far in this run (the current one included)
};

// The database writer of the listening log: a long-lived worker on its own thread with its own
// connection. It logs listens (checking the shared incognito switch right before each one),
// runs imports with progress and cancel, deletes history and manages profiles, one job at a
// time in the order they were asked for. Call its slots through queued connections;
// cancelImport() may be called from any thread.
class HistoryWriter : public QObject {
    Q_OBJECT

public:
    // How often the shared settings are re-read, so that encore-cli's changes reach the app.
    static constexpr int kSettingsPollMs = 3000;
    // At most one progress signal per this many ms (an import reads ~50,000 records a second).
    static constexpr int kProgressIntervalMs = 100;

    // `incognitoAtStart`: what the Engine read at start; open() tells it when that changed.
    explicit HistoryWriter(Database database, bool incognitoAtStart = false,
                           QObject* parent = nullptr);
    ~HistoryWriter() override;

    // Thread-safe: the running import stops at its next check (the file it was in leaves
    // nothing), and imports queued before this call start cancelled.
    void cancelImport();
    // Thread-safe: the ticket of an import about to be queued (see importPaths).
    quint64 queueImport() { return import_tickets_.issue(); }
    // A small write of another room (playlists) in the writer's turn, on its connection; an
    // invalid connection when it cannot open (failed() says why).
    using Job = std::function<void(const QSqlDatabase& db)>;
    void run(const Job& job);

public Q_SLOTS:
    // Opens the connection, announces the profiles, starts polling the shared settings.
    void open();
    // Logs a listen for the active profile (unless incognito is on in the database).
    void append(const encore::Play& play);
    // Imports files, folders and .zip archives into `profile` (empty: the active one).
    // `ticket` from queueImport() when it was queued; 0: issued as it starts.
    void importPaths(const QStringList& paths, const QString& profile, quint64 ticket = 0);
    void forget(const encore::ForgetQuery& query);
    void addProfile(const QString& name);
    void removeProfile(const QString& name);
    void setActiveProfile(const QString& name);
    void setIncognito(bool on);
    void setRetrainIntervalMinutes(int minutes);
    // Re-reads the shared settings and the active profile; signals what changed.
    void checkSettings();

Q_SIGNALS:
    // A listen was logged (`play` with its id, profile, session), with its track's new figures.
    void playLogged(const encore::Play& play, const encore::TrackPlayStats& stats);
    // A listen was not logged because incognito is on (set in the app or by encore-cli).
    void playDropped(const encore::Play& play);
    // Plays were added or removed in bulk (import, forget, a profile removed).
    void historyChanged();
    void importStarted(const QStringList& paths);
    void importProgress(const encore::ImportProgress& progress);
    void importFinished(const encore::ImportReport& report);
    // How many listens a forget() deleted.
    void forgotten(qint64 count);
    void profilesChanged(const QList<encore::Profile>& profiles);
    void activeProfileChanged(const encore::Profile& profile);
    void incognitoChanged(bool on);
    // A write that failed, in words for the listener (nothing of it was written).
    void failed(const QString& message);

private:
    bool ensureConnection();
    void announceProfiles();

    Database database_;
    std::unique_ptr<ScopedConnection> connection_;
    std::unique_ptr<PlayLog> log_;
    QTimer* poll_ = nullptr;
    CancelTickets import_tickets_;
    bool incognito_ = false;
    ProfileId active_profile_ = 0;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::ImportProgress)
Q_DECLARE_METATYPE(encore::ImportReport)
Q_DECLARE_METATYPE(encore::ForgetQuery)
Q_DECLARE_METATYPE(encore::Profile)
Q_DECLARE_METATYPE(QList<encore::Profile>)
