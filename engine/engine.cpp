#include "engine.h"

#include "library/coverart.h"
#include "library/libraryindexloader.h"
#include "library/scanner.h"
#include "listens/listentracker.h"
#include "listens/systemclock.h"
#include "playlists/playlistservice.h"
#include "reco/recoservice.h"
#include "store/poolread.h"
#include "store/sessionlock.h"
#include "store/settingsstore.h"
#include "store/trackstore.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace encore {

namespace {

constexpr int kRecoStartDelayMs = 2000;  // the window first: the trainer's first read waits

}  // namespace

Engine::Engine(Database database, QObject* parent)
    : Engine(std::move(database), std::make_shared<SystemClock>(), parent) {}

Engine::Engine(Database database, std::shared_ptr<const Clock> clock, QObject* parent)
    : QObject(parent)
    , database_(std::move(database))
    , clock_(std::move(clock))
    , tracker_(new ListenTracker(*clock_, this)) {
    qRegisterMetaType<ScanProgress>();
    qRegisterMetaType<ScanReport>();
    qRegisterMetaType<TagEditReport>();
    scanner_thread_.setObjectName(QStringLiteral("encore-scanner"));
    writer_thread_.setObjectName(QStringLiteral("encore-writer"));
    loudness_thread_.setObjectName(QStringLiteral("encore-loudness"));
    reads_.setMaxThreadCount(kReadThreads);
    checks_.setMaxThreadCount(1);
    connect(tracker_, &ListenTracker::listenEnded, this, &Engine::logListen);
}

Engine::~Engine() {
    if (reco_)
        reco_->stop();  // cancels a running training first: it may take a while otherwise
    if (scanner_)
        scanner_->cancel();
    if (loudness_)
        loudness_->cancel();
    if (writer_) {
        writer_->cancelImport();
        // Listens closed while the window went away are still queued: write them first.
        QMetaObject::invokeMethod(
            writer_, [] {}, Qt::BlockingQueuedConnection);
    }
    writer_thread_.quit();
    scanner_thread_.quit();
    loudness_thread_.quit();
    writer_thread_.wait();
    scanner_thread_.wait();
    loudness_thread_.wait();
    reads_.waitForDone();
    checks_.waitForDone();
    // A clean exit: the next start need not check before it opens the library.
    if (session_lock_ && session_lock_->held() && !keep_session_marker_)
        QFile::remove(sessionMarkerPath());
    session_lock_.reset();
}

Status Engine::start() {
    if (started_)
        return {};
    // After a crash or power cut, check before anything reads the file; after a clean exit,
    // only when the start fails (a damaged file usually fails the first reads), else later.
    const bool uncleanExit = QFileInfo::exists(sessionMarkerPath());
    if (uncleanExit && !checkHealthNow())
        return Error{health_.message};
    auto failed = [&](const Status& s) -> Status {
        if (!uncleanExit && !checkHealthNow())
            return Error{health_.message};
        return s;
    };
    const Status migrated = database_.migrate();
    if (!migrated)
        return failed(migrated);
    const Status read = readSharedState();
    if (!read)
        return failed(read);
    session_lock_ = std::make_unique<SessionLock>(database_.path());
    scanner_ = new Scanner(database_);
    scanner_->moveToThread(&scanner_thread_);
    connect(&scanner_thread_, &QThread::finished, scanner_, &QObject::deleteLater);
    connect(scanner_, &Scanner::started, this, [this] {
        scanning_ = true;
        Q_EMIT scanStarted();
    });
    connect(scanner_, &Scanner::progress, this, &Engine::scanProgress);
    connect(scanner_, &Scanner::finished, this, [this](const ScanReport& report) {
        scanning_ = false;
        Q_EMIT scanFinished(report);
    });
    connect(scanner_, &Scanner::libraryChanged, this, &Engine::libraryChanged);
    scanner_thread_.start(QThread::IdlePriority);
    startWriter();
    startPlaylists();
    startRecommender();
    startLoudness();
    started_ = true;
    // Once the window is up and the library shown (kMaintenanceDelayMs): the check, then the
    // daily backup of a sound file; after an unclean exit the file was checked already.
    QTimer::singleShot(maintenance_delay_ms_, this, [this, uncleanExit] {
        if (uncleanExit) {
            backUpIfDue();
            startBackupChecks();
        } else {
            checkHealthInBackground();
        }
    });
    return {};
}

QString Engine::sessionMarkerPath() const {
    return SessionLock::markerPath(database_.path());
}

bool Engine::checkHealthNow() {
    health_ = checkDatabaseHealth(database_);
    return health_.ok;
}

void Engine::checkHealthInBackground() {
    using Checked = DatabaseHealth;
    auto* watcher = new QFutureWatcher<Checked>(this);
    connect(watcher, &QFutureWatcher<Checked>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->isCanceled())
            return;
        health_ = watcher->result();
        if (!health_.ok) {
            keep_session_marker_ = true;
            Q_EMIT databaseDamaged();
            return;  // a backup now would be of the damaged file
        }
        backUpIfDue();
        startBackupChecks();
    });
    const Database database = database_;
    watcher->setFuture(QtConcurrent::run(&checks_, [database] {
        QThread::currentThread()->setPriority(QThread::IdlePriority);
        return checkDatabaseHealth(database);
    }));
}

void Engine::editTags(const QStringList& paths, const TagChange& change) {
    runTagEdit([paths, change] { return applyTagChanges(paths, change); });
}

void Engine::undoTagEdit(const TagEditReport& edit) {
    runTagEdit([edit] { return encore::undoTagEdit(edit); });
}

void Engine::runTagEdit(std::function<TagEditReport()> edit) {
    if (!scanner_)
        return;
    Scanner* scanner = scanner_;
    QMetaObject::invokeMethod(
        scanner,
        [this, scanner, edit] {
            const TagEditReport report = edit();
            QStringList folders;
            for (const TagEditedFile& file : report.written)
                folders << QFileInfo(file.path).absolutePath();
            folders.removeDuplicates();
            if (!folders.isEmpty())
                scanner->rescanFolders(folders);  // before the report: the library has the tags
            QMetaObject::invokeMethod(
                this, [this, report] { Q_EMIT tagsEdited(report); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Engine::startPlaylists() {
    HistoryWriter* writer = writer_;
    auto writes = [writer](std::function<void(const QSqlDatabase&)> job) {
        QMetaObject::invokeMethod(
            writer, [writer, job] { writer->run(job); }, Qt::QueuedConnection);
    };
    playlists_ = new PlaylistService(
        database_, &reads_, writes, clock_, [this] { return active_profile_.id; }, this);
    for (auto changed : {&Engine::historyChanged, &Engine::libraryChanged})
        connect(this, changed, playlists_, &PlaylistService::noteLiveChange);
    connect(this, &Engine::playLogged, playlists_, &PlaylistService::noteLiveChange);
    connect(this, &Engine::activeProfileChanged, playlists_, &PlaylistService::noteLiveChange);
}

void Engine::startLoudness() {
    loudness_ = new LoudnessWorker(database_);
    loudness_->moveToThread(&loudness_thread_);
    connect(&loudness_thread_, &QThread::finished, loudness_, &QObject::deleteLater);
    connect(loudness_, &LoudnessWorker::started, this, [this] {
        measuring_loudness_ = true;
        Q_EMIT loudnessStarted();
    });
    connect(loudness_, &LoudnessWorker::progress, this, &Engine::loudnessProgress);
    connect(loudness_, &LoudnessWorker::finished, this, [this](const LoudnessReport& report) {
        measuring_loudness_ = false;
        Q_EMIT loudnessFinished(report);
    });
    connect(loudness_, &LoudnessWorker::measured, this, &Engine::loudnessMeasured);
    // New or changed files are measured once the scan that found them is done.
    connect(this, &Engine::scanFinished, this, [this](const ScanReport& report) {
        if (loudness_in_background_ && report.changedLibrary() && !measuring_loudness_)
            measureLoudness();
    });
    loudness_thread_.start(QThread::IdlePriority);  // SCHED_IDLE: only a CPU nothing else wants
    QTimer::singleShot(kLoudnessStartDelayMs, this, [this] {
        if (loudness_in_background_ && !measuring_loudness_)
            measureLoudness();
    });
}

void Engine::measureLoudness() {
    if (!loudness_)
        return;
    const quint64 ticket = loudness_->queueRun();
    QMetaObject::invokeMethod(
        loudness_, [w = loudness_, ticket] { w->run(ticket); }, Qt::QueuedConnection);
}

void Engine::cancelLoudness() {
    if (loudness_)
        loudness_->cancel();
}

RecoSettings Engine::defaultRecoSettings(const Database& database) {
    RecoSettings settings;
    settings.checkpoint_path = RecoService::defaultCheckpointPath(database);
    settings.start_delay_ms = kRecoStartDelayMs;
    return settings;
}

void Engine::setRecoSettings(const RecoSettings& settings) {
    reco_settings_ = settings;
}

void Engine::startRecommender() {
    RecoSettings settings = reco_settings_ ? *reco_settings_ : defaultRecoSettings(database_);
    settings.retrain_interval_minutes = retrain_interval_minutes_.load();
    min_plays_for_model_ = settings.min_plays_for_model;
    reco_ = std::make_unique<RecoService>(database_, settings);
    connect(this, &Engine::retrainIntervalChanged, reco_.get(),
            &RecoService::setRetrainIntervalMinutes);
    connect(scanner_, &Scanner::libraryChanged, reco_.get(), &RecoService::noteLibraryChanged);
    connect(writer_, &HistoryWriter::playLogged, this, [this] { noteListensChanged(1); });
    connect(writer_, &HistoryWriter::importFinished, this,
            [this](const ImportReport& report) { noteListensChanged(report.total().added()); });
    connect(writer_, &HistoryWriter::forgotten, this, &Engine::noteListensChanged);
    reco_->start();
}

// New, imported and deleted listens all change what the model should learn.
void Engine::noteListensChanged(qint64 count) {
    if (count > 0 && reco_)
        reco_->notePlaysLogged(int(qMin<qint64>(count, std::numeric_limits<int>::max())));
}

RetrainSchedule Engine::retrainSchedule() const {
    RetrainSchedule schedule;
    schedule.min_plays_for_model = min_plays_for_model_;
    if (!reco_)
        return schedule;
    const RecoStatus status = reco_->status();
    schedule.new_listens = status.new_plays;
    schedule.next_check_ms = status.next_check_ms;
    schedule.after_listens = reco_->retrainAfterPlays();
    return schedule;
}

// Settings and profiles are needed before the window shows: one small read at startup.
Status Engine::readSharedState() {
    ScopedConnection connection(database_, QStringLiteral("encore-engine-start"));
    if (!connection.ok())
        return Error{connection.error()};
    SettingsStore settings(connection.db());
    const Result<bool> incognito = settings.incognito();
    if (!incognito)
        return Error{incognito.error()};
    applyIncognito(incognito.value());
    const Result<std::optional<int>> retrain = settings.retrainIntervalMinutes();
    if (retrain && retrain.value())
        retrain_interval_minutes_ = *retrain.value();
    ProfileStore store(connection.db());
    const Result<QList<Profile>> profiles = store.profiles();
    if (!profiles)
        return Error{profiles.error()};
    profiles_ = profiles.value();
    for (const Profile& p : profiles_) {
        if (p.active)
            active_profile_ = p;
    }
    return {};
}

void Engine::startWriter() {
    writer_ = new HistoryWriter(database_, incognito_.load());
    writer_->moveToThread(&writer_thread_);
    connect(&writer_thread_, &QThread::finished, writer_, &QObject::deleteLater);
    connect(writer_, &HistoryWriter::playLogged, this, &Engine::playLogged);
    connect(writer_, &HistoryWriter::historyChanged, this, &Engine::historyChanged);
    connect(writer_, &HistoryWriter::importStarted, this, [this](const QStringList& paths) {
        importing_ = true;
        Q_EMIT importStarted(paths);
    });
    connect(writer_, &HistoryWriter::importProgress, this, &Engine::importProgress);
    connect(writer_, &HistoryWriter::importFinished, this, [this](const ImportReport& report) {
        importing_ = false;
        Q_EMIT importFinished(report);
    });
    connect(writer_, &HistoryWriter::forgotten, this, &Engine::historyForgotten);
    connect(writer_, &HistoryWriter::profilesChanged, this, [this](const QList<Profile>& profiles) {
        profiles_ = profiles;
        Q_EMIT profilesChanged(profiles);
    });
    connect(writer_, &HistoryWriter::activeProfileChanged, this, [this](const Profile& profile) {
        if (profile.id == active_profile_.id)
            return;
        active_profile_ = profile;
        Q_EMIT activeProfileChanged(profile);
    });
    connect(writer_, &HistoryWriter::incognitoChanged, this, &Engine::applyIncognito);
    connect(writer_, &HistoryWriter::failed, this, &Engine::writeFailed);
    writer_thread_.start();
    QMetaObject::invokeMethod(writer_, &HistoryWriter::open, Qt::QueuedConnection);
}

void Engine::startBackupChecks() {
    // Only once the file was found sound: never a backup of a damaged or unchecked one.
    if (backup_timer_)
        return;
    backup_timer_ = new QTimer(this);
    connect(backup_timer_, &QTimer::timeout, this, &Engine::backUpIfDue);
    backup_timer_->start(backup_check_interval_ms_);
}

void Engine::backUpIfDue() {
    const DatabaseBackup backups(database_);
    if (!backups.dailyDue(QDateTime::currentDateTimeUtc()))
        return;
    // in the writer's turn, on its connection: never on this (the window's) thread
    HistoryWriter* writer = writer_;
    QMetaObject::invokeMethod(
        writer,
        [this, writer, backups] {
            writer->run([this, backups](const QSqlDatabase& db) {
                if (!db.isValid())
                    return;
                QSqlQuery any(db);  // an empty library has nothing to lose yet
                if (!any.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM plays) OR "
                                             "EXISTS(SELECT 1 FROM tracks)")) ||
                    !any.next() || !any.value(0).toBool())
                    return;
                const Result<BackupReport> report = backups.backUpFrom(db);
                QMetaObject::invokeMethod(
                    this,
                    [this, report] {
                        if (report)
                            Q_EMIT backedUp(report.value());
                        else
                            Q_EMIT writeFailed(report.error());
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void Engine::scan(const QStringList& roots) {
    if (!scanner_)
        return;
    const quint64 ticket = scanner_->queueScan();  // a cancel before it starts reaches it
    QMetaObject::invokeMethod(
        scanner_, [s = scanner_, roots, ticket] { s->scanQueued(roots, ticket); },
        Qt::QueuedConnection);
}

void Engine::cancelScan() {
    if (scanner_)
        scanner_->cancel();
}

void Engine::removeLibraryFolder(const QString& root) {
    if (!scanner_)
        return;
    QMetaObject::invokeMethod(scanner_, "removeFolder", Qt::QueuedConnection, Q_ARG(QString, root));
}

void Engine::setWatchDebounceMs(int ms) {
    if (scanner_)
        QMetaObject::invokeMethod(
            scanner_, [s = scanner_, ms] { s->setWatchDebounceMs(ms); }, Qt::QueuedConnection);
}

QFuture<Result<std::shared_ptr<const LibraryIndex>>> Engine::loadLibraryIndex() const {
    return readOnPool<std::shared_ptr<const LibraryIndex>>(
        &reads_, database_, [](const QSqlDatabase& db) { return LibraryIndexLoader::load(db); });
}

QFuture<Result<QStringList>> Engine::libraryFolders() const {
    return readOnPool<QStringList>(
        &reads_, database_, [](const QSqlDatabase& db) -> Result<QStringList> {
            const Result<QList<LibraryFolder>> folders = TrackStore(db).folders();
            if (!folders)
                return Error{folders.error()};
            QStringList paths;
            for (const LibraryFolder& folder : folders.value())
                paths.append(folder.path);
            return paths;
        });
}

QFuture<QByteArray> Engine::coverArt(const QString& audioPath) const {
    return QtConcurrent::run(&reads_, [audioPath] {
        const std::optional<CoverArt> cover = readCoverArt(audioPath);
        return cover ? cover->data : QByteArray();
    });
}

QFuture<Result<QList<Track>>> Engine::loadTracks() const {
    return readOnPool<QList<Track>>(
        &reads_, database_, [](const QSqlDatabase& db) { return TrackStore(db).tracks({}); });
}

// --- Listening log ---------------------------------------------------------------------------

void Engine::logListen(const Play& play) {
    if (!writer_ || incognito_.load())
        return;
    QMetaObject::invokeMethod(
        writer_, [w = writer_, play] { w->append(play); }, Qt::QueuedConnection);
}

void Engine::importHistory(const QStringList& paths, const QString& profile) {
    if (!writer_ || paths.isEmpty())
        return;
    QMetaObject::invokeMethod(
        writer_,
        [w = writer_, paths, profile, ticket = writer_->queueImport()] {
            w->importPaths(paths, profile, ticket);
        },
        Qt::QueuedConnection);
}

void Engine::cancelImport() {
    if (writer_)
        writer_->cancelImport();
}

void Engine::forgetHistory(const ForgetQuery& query) {
    if (!writer_)
        return;
    QMetaObject::invokeMethod(
        writer_, [w = writer_, query] { w->forget(query); }, Qt::QueuedConnection);
}

QFuture<Result<QList<HistoryEntry>>> Engine::historyPage(ProfileId profile,
                                                         std::optional<HistoryCursor> after,
                                                         int limit) const {
    return readOnPool<QList<HistoryEntry>>(&reads_, database_, [=](const QSqlDatabase& db) {
        return HistoryReader(db).page(profile, after, limit);
    });
}

QFuture<Result<QList<HistoryEntry>>> Engine::historyNewerThan(ProfileId profile, HistoryCursor top,
                                                              int limit) const {
    return readOnPool<QList<HistoryEntry>>(&reads_, database_, [=](const QSqlDatabase& db) {
        return HistoryReader(db).newerThan(profile, top, limit);
    });
}

QFuture<Result<qint64>> Engine::countListens(ProfileId profile, std::optional<qint64> since,
                                             std::optional<qint64> until) const {
    return readOnPool<qint64>(&reads_, database_, [=](const QSqlDatabase& db) {
        return HistoryReader(db).count(profile, since, until);
    });
}

QFuture<Result<QHash<TrackId, TrackPlayStats>>> Engine::playStats(ProfileId profile) const {
    const ProfileId which = profile > 0 ? profile : active_profile_.id;
    return readOnPool<QHash<TrackId, TrackPlayStats>>(
        &reads_, database_,
        [which](const QSqlDatabase& db) { return HistoryReader(db).playStats(which); });
}

// --- Profiles --------------------------------------------------------------------------------

void Engine::addProfile(const QString& name) {
    if (writer_)
        QMetaObject::invokeMethod(
            writer_, [w = writer_, name] { w->addProfile(name); }, Qt::QueuedConnection);
}

void Engine::removeProfile(const QString& name) {
    if (writer_)
        QMetaObject::invokeMethod(
            writer_, [w = writer_, name] { w->removeProfile(name); }, Qt::QueuedConnection);
}

void Engine::setActiveProfile(const QString& name) {
    if (writer_)
        QMetaObject::invokeMethod(
            writer_, [w = writer_, name] { w->setActiveProfile(name); }, Qt::QueuedConnection);
}

// --- Shared settings -------------------------------------------------------------------------

void Engine::applyIncognito(bool on) {
    tracker_->setIncognito(on);
    if (incognito_.exchange(on) != on)
        Q_EMIT incognitoChanged(on);
}

void Engine::setIncognito(bool on) {
    applyIncognito(on);
    if (writer_)
        QMetaObject::invokeMethod(
            writer_, [w = writer_, on] { w->setIncognito(on); }, Qt::QueuedConnection);
}

void Engine::setRetrainIntervalMinutes(int minutes) {
    minutes = qMax(1, minutes);
    if (retrain_interval_minutes_.exchange(minutes) == minutes)
        return;
    Q_EMIT retrainIntervalChanged(minutes);
    if (writer_)
        QMetaObject::invokeMethod(
            writer_, [w = writer_, minutes] { w->setRetrainIntervalMinutes(minutes); },
            Qt::QueuedConnection);
}

void Engine::checkSharedSettings() {
    if (writer_)
        QMetaObject::invokeMethod(writer_, &HistoryWriter::checkSettings, Qt::QueuedConnection);
}

}  // namespace encore
