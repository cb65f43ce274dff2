#include "playlistservice.h"

#include "listens/clock.h"
#include "playlists/playlistfile.h"
#include "store/poolread.h"

#include <QFile>
#include <QPromise>

namespace encore {

namespace {

constexpr qint64 kSecondsPerHour = 3600;
constexpr int kHoursPerDay = 24;
constexpr qint64 kMaxRulesFileBytes = 1 << 20;  // an exported smart playlist is a few hundred

Status checkName(const QString& name) {
    if (name.trimmed().isEmpty())
        return Error{QStringLiteral("A playlist needs a name: type one and save again.")};
    return {};
}

}  // namespace

PlaylistService::PlaylistService(Database database, QThreadPool* reads, WriteRunner writes,
                                 std::shared_ptr<const Clock> clock, ProfileSource profile,
                                 QObject* parent)
    : QObject(parent)
    , database_(std::move(database))
    , reads_(reads)
    , writes_(std::move(writes))
    , clock_(std::move(clock))
    , profile_(std::move(profile)) {
    live_.setSingleShot(true);
    live_.setInterval(kLiveDebounceMs);
    connect(&live_, &QTimer::timeout, this, &PlaylistService::contentsChanged);
}

void PlaylistService::noteLiveChange() {
    if (!live_.isActive())
        live_.start();
}

SmartContext PlaylistService::contextNow() const {
    const qint64 nowMs = clock_->nowMs();
    const qint64 local = nowMs / 1000 + 60 * qint64(clock_->utcOffsetMinutes(nowMs));
    return {profile_(), nowMs / 1000, int((local / kSecondsPerHour) % kHoursPerDay)};
}

QFuture<Result<QList<PlaylistSummary>>> PlaylistService::playlists() const {
    return readOnPool<QList<PlaylistSummary>>(
        reads_, database_, [](const QSqlDatabase& db) { return PlaylistStore(db).playlists(); });
}

QFuture<Result<PlaylistContents>> PlaylistService::contents(PlaylistId id) const {
    const SmartContext context = contextNow();
    return readOnPool<PlaylistContents>(
        reads_, database_, [id, context](const QSqlDatabase& db) -> Result<PlaylistContents> {
            PlaylistStore store(db);
            const Result<std::optional<PlaylistSummary>> found = store.playlist(id);
            if (!found)
                return Error{found.error()};
            if (!found.value())
                return Error{QStringLiteral("This playlist no longer exists.")};
            PlaylistContents contents{*found.value(), std::nullopt, {}};
            Result<QList<TrackId>> tracks = Error{};
            if (contents.playlist.isSmart()) {
                Result<SmartRules> rules = parseSmartRules(*contents.playlist.rules);
                if (!rules)
                    return Error{rules.error()};
                contents.rules = rules.value();
                tracks = evaluateSmartRules(db, *contents.rules, context);
            } else {
                tracks = store.tracks(id);
            }
            if (!tracks)
                return Error{tracks.error()};
            contents.tracks = std::move(tracks).value();
            return contents;
        });
}

QFuture<Result<QList<TrackId>>> PlaylistService::evaluate(const SmartRules& rules) const {
    const SmartContext context = contextNow();
    return readOnPool<QList<TrackId>>(reads_, database_, [rules, context](const QSqlDatabase& db) {
        return evaluateSmartRules(db, rules, context);
    });
}

template <typename T, typename Job>
QFuture<Result<T>> PlaylistService::write(Job job) {
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    writes_([this, promise, job](const QSqlDatabase& db) {
        Result<T> result =
            db.isValid()
                ? job(db)
                : Result<T>(Error{QStringLiteral("The database cannot be opened for writing: the "
                                                 "playlist was not saved.")});
        const bool ok = result.ok();
        promise->addResult(std::move(result));
        promise->finish();
        if (ok)
            QMetaObject::invokeMethod(
                this, [this] { Q_EMIT playlistsChanged(); }, Qt::QueuedConnection);
    });
    return future;
}

QFuture<Result<PlaylistId>> PlaylistService::create(const QString& name,
                                                    const QList<TrackId>& tracks) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<PlaylistId>([=](const QSqlDatabase& db) -> Result<PlaylistId> {
        if (const Status named = checkName(name); !named)
            return Error{named.error()};
        return PlaylistStore(db).create(name.trimmed(), std::nullopt, tracks, now);
    });
}

QFuture<Result<PlaylistId>> PlaylistService::createSmart(const QString& name,
                                                         const SmartRules& rules) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<PlaylistId>([=](const QSqlDatabase& db) -> Result<PlaylistId> {
        if (const Status named = checkName(name); !named)
            return Error{named.error()};
        return PlaylistStore(db).create(name.trimmed(), smartRulesToJson(rules), {}, now);
    });
}

QFuture<Status> PlaylistService::rename(PlaylistId id, const QString& name) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<void>([=](const QSqlDatabase& db) -> Status {
        if (const Status named = checkName(name); !named)
            return named;
        return PlaylistStore(db).rename(id, name.trimmed(), now);
    });
}

QFuture<Status> PlaylistService::setRules(PlaylistId id, const SmartRules& rules) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<void>([=](const QSqlDatabase& db) {
        return PlaylistStore(db).setRules(id, smartRulesToJson(rules), now);
    });
}

QFuture<Status> PlaylistService::setTracks(PlaylistId id, const QList<TrackId>& tracks) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<void>(
        [=](const QSqlDatabase& db) { return PlaylistStore(db).setTracks(id, tracks, now); });
}

QFuture<Status> PlaylistService::append(PlaylistId id, const QList<TrackId>& tracks) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<void>(
        [=](const QSqlDatabase& db) { return PlaylistStore(db).appendTracks(id, tracks, now); });
}

QFuture<Status> PlaylistService::remove(PlaylistId id) {
    return write<void>([=](const QSqlDatabase& db) { return PlaylistStore(db).remove(id); });
}

QFuture<Result<PlaylistImport>> PlaylistService::importFile(const QString& path) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<PlaylistImport>([=](const QSqlDatabase& db) -> Result<PlaylistImport> {
        const Result<PlaylistFile> file = readPlaylist(path);
        if (!file)
            return Error{file.error()};
        QStringList paths;
        for (const PlaylistEntry& entry : file->entries)
            paths << entry.path;
        PlaylistStore store(db);
        const Result<ResolvedPaths> resolved = store.resolvePaths(paths);
        if (!resolved)
            return Error{resolved.error()};
        if (resolved->tracks.isEmpty())
            return Error{QStringLiteral("None of the %1 songs of %2 is in your library: add their "
                                        "folder to the library first, then import it again.")
                             .arg(paths.size())
                             .arg(path)};
        const QString name = file->name.isEmpty() ? QStringLiteral("Imported") : file->name;
        const Result<PlaylistId> id = store.create(name, std::nullopt, resolved->tracks, now);
        if (!id)
            return Error{id.error()};
        return PlaylistImport{id.value(), name, int(resolved->tracks.size()), resolved->missing,
                              file->skipped};
    });
}

QFuture<Result<PlaylistId>> PlaylistService::importSmart(const QString& path) {
    const qint64 now = clock_->nowMs() / 1000;
    return write<PlaylistId>([=](const QSqlDatabase& db) -> Result<PlaylistId> {
        QFile file(path);
        if (file.size() > kMaxRulesFileBytes)
            return Error{QStringLiteral("%1 is too large to be a smart playlist.").arg(path)};
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString())};
        const Result<SmartPlaylistExport> parsed = parseSmartPlaylistExport(file.readAll());
        if (!parsed)
            return Error{QStringLiteral("%1: %2").arg(path, parsed.error())};
        return PlaylistStore(db).create(parsed->name, smartRulesToJson(parsed->rules), {}, now);
    });
}

}  // namespace encore
