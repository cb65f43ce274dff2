#pragma once

#include "core/result.h"
#include "core/track.h"
#include "library/libraryindex.h"
#include "library/loudnessworker.h"
#include "library/scanreport.h"
#include "library/tagedit.h"
#include "listens/historyreader.h"
#include "listens/historywriter.h"
#include "reco/recosettings.h"
#include "reco/recostatus.h"
#include "store/database.h"
#include "store/databasebackup.h"
#include "store/databasehealth.h"
#include "store/play.h"
#include "store/playlog.h"
#include "store/profilestore.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

class QTimer;

namespace encore {

class Clock;
class SessionLock;
class ListenTracker;
class PlaylistService;
class RecoService;
class Scanner;

// When the recommender retrains next (from its status): when the interval has passed since its
// last job and there are new listens, or as soon as there are enough of them.
struct RetrainSchedule {
    qint64 next_check_ms = 0;  // unix ms when the interval next looks for new listens; 0: unknown
    int new_listens = 0;       // logged, imported or deleted since the serving model was trained
    int after_listens = 0;     // a retraining starts as soon as new_listens reaches this
    int min_plays_for_model = 0;  // below: play counts and tags suggest, no model
};

// The facade the UI and the command line talk to. Owns the worker threads (scanner, database
// writer, the recommender's trainer), starts them after the migrations, stops them on
// destruction (cancel, quit, wait). Its signals arrive on the thread that created the Engine.
class Engine : public QObject {
    Q_OBJECT

public:
    // Listens are timed by the system clock.
    explicit Engine(Database database, QObject* parent = nullptr);
    // Listens are timed by `clock` (tests drive a ManualClock).
    Engine(Database database, std::shared_ptr<const Clock> clock, QObject* parent = nullptr);
    ~Engine() override;

    // Applies migrations, reads the shared settings and profiles, then starts the workers.
    // Call once, before anything else (setRecoSettings excepted).
    // The database's integrity check (integrity_check, quick_check over 256 MB) takes seconds
    // on a large library, so it runs before anything else only when the last session did not
    // end cleanly (its marker file <database>.running is still there) or when the start fails;
    // then a damaged database stops it: the error, and health(), name the newest good backup
    // and what restoring it would lose. After a clean exit it runs in the background once
    // started, and damage found there comes as databaseDamaged (the marker then stays, so the
    // next start checks first and can offer the restore).
    Status start();
    bool isStarted() const { return started_; }
    // What the startup check found (ok until start() ran).
    const DatabaseHealth& health() const { return health_; }

    const Database& database() const { return database_; }

    // --- Library ---------------------------------------------------------------------------

    // Scans these folders (none: every library folder) on the scanner thread.
    void scan(const QStringList& roots = {});
    void cancelScan();
    void removeLibraryFolder(const QString& root);
    bool isScanning() const { return scanning_; }

    // Reads run on the engine's own pool, never Qt's global one: Qt 6.4 paints large fills and
    // scales images on the global pool, so long reads there would stall the window.
    static constexpr int kReadThreads = 2;
    // The background integrity check and the daily backup wait this long after start: on two
    // cores, reading the whole file held the first population of a large library back by
    // 150 ms (ui-stall startup at 100,000 tracks). Tests set 0 (before start()).
    static constexpr int kMaintenanceDelayMs = 20000;
    void setMaintenanceDelayMs(int ms) { maintenance_delay_ms_ = ms; }
    // After that first check, whether the daily backup is due is asked again this often, so a
    // session left open for days still gets one a day. Tests set less (before start()).
    static constexpr int kBackupCheckIntervalMs = 60 * 60 * 1000;
    void setBackupCheckIntervalMs(int ms) { backup_check_interval_ms_ = ms; }

    // Reads every available track on a pool thread with its own connection.
    QFuture<Result<QList<Track>>> loadTracks() const;

    // Reads every available track and builds the browsing index, all on a pool thread.
    QFuture<Result<std::shared_ptr<const LibraryIndex>>> loadLibraryIndex() const;

    // The library folders (roots the scanner walks), on a pool thread.
    QFuture<Result<QStringList>> libraryFolders() const;

    // The encoded cover picture of a track (embedded, else from its folder); empty if none.
    // Runs on a pool thread; the caller decodes it (the engine has no image types).
    QFuture<QByteArray> coverArt(const QString& audioPath) const;

    // Writes `change` into these files on the scanner thread (never two library writers at
    // once), then rescans their folders, so the library has the new tags (a track keeps its id
    // and history: its path is its place); tagsEdited follows with what was written and the
    // undo of each file.
    void editTags(const QStringList& paths, const encore::TagChange& change);
    // Puts the files of an earlier edit back as they were (tagsEdited follows, undo = true).
    void undoTagEdit(const encore::TagEditReport& edit);

    // Changes on disk are rescanned after this debounce (tests shorten it).
    void setWatchDebounceMs(int ms);

    // --- Loudness ----------------------------------------------------------------------------

    // Measures the EBU R128 loudness of files without ReplayGain tags, on a thread of its own
    // at idle priority: loudnessStarted, loudnessProgress..., loudnessFinished, and
    // loudnessMeasured when the library index should reload to play with the new values.
    void measureLoudness();
    void cancelLoudness();
    bool isMeasuringLoudness() const { return measuring_loudness_; }
    // On: measure after start() and after every scan that changed the library (the app; tests
    // that do not look at loudness leave it off).
    void setMeasureLoudnessInBackground(bool on) { loudness_in_background_ = on; }
    static constexpr int kLoudnessStartDelayMs = 15000;  // after start(): the window first

    // --- Listening log ---------------------------------------------------------------------

    // The clock listens are timed with.
    const Clock& clock() const { return *clock_; }
    // The play and skip rules. Feed it the player's events on this (the Engine's) thread; every
    // listen it closes is logged by the database writer (queued), unless incognito is on.
    ListenTracker* listenTracker() const { return tracker_; }
    // Logs a listen (profile 0: the active one) on the writer thread; playLogged follows.
    void logListen(const encore::Play& play);

    // Imports listening histories (files, folders, .zip; every format of the listening log)
    // into `profile` (empty: the active one) on the writer thread: importStarted,
    // importProgress..., importFinished, then historyChanged when listens were added.
    void importHistory(const QStringList& paths, const QString& profile = {});
    // The running import stops; the file it was in leaves nothing behind.
    void cancelImport();
    bool isImporting() const { return importing_; }

    // Deletes listens (a profile's range, track or everything) on the writer thread:
    // historyForgotten(count), then historyChanged.
    void forgetHistory(const encore::ForgetQuery& query);

    // Reads for the views, each on a pool thread with its own connection (never waiting for
    // the writer: SQLite's WAL lets them read while an import writes).
    // A profile's listens newest first, below `after` (none: from the newest).
    QFuture<Result<QList<HistoryEntry>>> historyPage(ProfileId profile,
                                                     std::optional<HistoryCursor> after,
                                                     int limit) const;
    // Listens newer than `top`, newest first.
    QFuture<Result<QList<HistoryEntry>>> historyNewerThan(ProfileId profile, HistoryCursor top,
                                                          int limit) const;
    // Listens of a profile in [since, until) (unix seconds).
    QFuture<Result<qint64>> countListens(ProfileId profile, std::optional<qint64> since = {},
                                         std::optional<qint64> until = {}) const;
    // Play count and last play of every played track of a profile (0: the active one).
    QFuture<Result<QHash<TrackId, TrackPlayStats>>> playStats(ProfileId profile = 0) const;

    // --- Profiles --------------------------------------------------------------------------

    // As last read by the writer (listen counts included); profilesChanged tells of changes.
    const QList<Profile>& profiles() const { return profiles_; }
    const Profile& activeProfile() const { return active_profile_; }
    // Each runs on the writer thread; errors come back as writeFailed.
    void addProfile(const QString& name);
    // Deletes the profile and all its listens (not the active one).
    void removeProfile(const QString& name);
    void setActiveProfile(const QString& name);

    // --- Playlists ---------------------------------------------------------------------------

    // Saved and smart playlists (null before start()); they live on this thread. Smart ones
    // hear of every listen, import and scan (PlaylistService::contentsChanged).
    PlaylistService* playlists() const { return playlists_; }

    // --- Shared settings (in the database: encore-cli sees and changes the same) -----------

    // Incognito: listens are not logged while it is on.
    void setIncognito(bool on);
    bool incognito() const { return incognito_.load(); }

    // How often the recommender retrains, in minutes (the trainer reads this).
    void setRetrainIntervalMinutes(int minutes);
    int retrainIntervalMinutes() const { return retrain_interval_minutes_.load(); }
    static constexpr int kDefaultRetrainIntervalMinutes = 30;

    // --- Recommender -----------------------------------------------------------------------

    // How the recommender trains, if not as the product does (tests make it small and quick);
    // call before start(). The retrain interval in minutes always comes from the database.
    void setRecoSettings(const RecoSettings& settings);
    // The product's settings: checkpoint next to the database, first look 2 s after start.
    static RecoSettings defaultRecoSettings(const Database& database);
    // The recommender (null before start()); it lives on this thread. Every logged or imported
    // listen and every library change is passed on to it.
    RecoService* recommender() const { return reco_.get(); }
    RetrainSchedule retrainSchedule() const;

public Q_SLOTS:
    // Re-reads the settings other programs may have changed (also done every few seconds).
    void checkSharedSettings();

Q_SIGNALS:
    void scanStarted();
    void scanProgress(const encore::ScanProgress& progress);
    void scanFinished(const encore::ScanReport& report);
    void libraryChanged();
    void tagsEdited(const encore::TagEditReport& report);
    void loudnessStarted();
    void loudnessProgress(const encore::LoudnessProgress& progress);
    void loudnessFinished(const encore::LoudnessReport& report);
    void loudnessMeasured();
    void incognitoChanged(bool on);
    void retrainIntervalChanged(int minutes);

    // A listen is in the log, with its track's new play count and last play.
    void playLogged(const encore::Play& play, const encore::TrackPlayStats& stats);
    // Listens were added or deleted in bulk (import, delete, profile removed).
    void historyChanged();
    void importStarted(const QStringList& paths);
    void importProgress(const encore::ImportProgress& progress);
    void importFinished(const encore::ImportReport& report);
    void historyForgotten(qint64 count);
    void profilesChanged(const QList<encore::Profile>& profiles);
    void activeProfileChanged(const encore::Profile& profile);
    // A write of the listening log failed: one sentence for the listener.
    void writeFailed(const QString& message);
    // The daily backup (start() asks for one when the newest is over 24 h old) was written.
    void backedUp(const encore::BackupReport& report);
    // The background integrity check found the database damaged (health() says how).
    void databaseDamaged();

private:
    Status readSharedState();
    void startWriter();
    void backUpIfDue();
    void startBackupChecks();
    QString sessionMarkerPath() const;
    // Checks the database and keeps the result in health_; false when it is damaged.
    bool checkHealthNow();
    void checkHealthInBackground();
    void startRecommender();
    void startLoudness();
    void startPlaylists();
    void runTagEdit(std::function<TagEditReport()> edit);
    void noteListensChanged(qint64 count);
    void applyIncognito(bool on);

    Database database_;
    std::shared_ptr<const Clock> clock_;
    ListenTracker* tracker_;
    QThread scanner_thread_;
    Scanner* scanner_ = nullptr;
    QThread writer_thread_;
    HistoryWriter* writer_ = nullptr;
    QThread loudness_thread_;
    LoudnessWorker* loudness_ = nullptr;
    bool measuring_loudness_ = false;
    bool loudness_in_background_ = false;
    mutable QThreadPool reads_;
    QThreadPool checks_;  // the background integrity check: never holds up the reads
    bool started_ = false;
    DatabaseHealth health_;
    int maintenance_delay_ms_ = kMaintenanceDelayMs;
    int backup_check_interval_ms_ = kBackupCheckIntervalMs;
    QTimer* backup_timer_ = nullptr;
    std::unique_ptr<SessionLock> session_lock_;  // <database>.running, made and locked by start()
    bool keep_session_marker_ = false;           // damage was found: the next start checks first
    bool scanning_ = false;
    bool importing_ = false;
    QList<Profile> profiles_;
    Profile active_profile_;
    std::atomic<bool> incognito_{false};
    std::atomic<int> retrain_interval_minutes_{kDefaultRetrainIntervalMinutes};
    std::optional<RecoSettings> reco_settings_;
    std::unique_ptr<RecoService> reco_;
    PlaylistService* playlists_ = nullptr;
    int min_plays_for_model_ = 0;
};

}  // namespace encore
