#include "listens/import/historyimporter.h"

#include "listens/externaltracklinker.h"
#include "listens/import/csvhistoryparser.h"
#include "listens/import/formatdetector.h"
#include "listens/import/importsource.h"
#include "listens/import/jsonhistoryparser.h"
#include "listens/import/scrobblerlogparser.h"
#include "listens/import/seedratingsparser.h"
#include "listens/import/seedsongreader.h"
#include "listens/import/timeparse.h"
#include "listens/listenrules.h"
#include "listens/trackmatcher.h"
#include "store/database.h"
#include "store/externaltrackstore.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "store/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

#include <map>
#include <tuple>

namespace encore {

namespace {

constexpr qint64 kProgressEvery = 4096;
const QString kSeedKeyPrefix = QStringLiteral("seed:");

// What a refused record's message adds so the user knows the way out.
QString withAdvice(const QString& message) {
    return message + QStringLiteral(
                         ". Fix or remove that record, or import with --skip-invalid "
                         "to leave such records out; nothing from this file was "
                         "imported.");
}

std::unique_ptr<HistoryParser> makeParser(const DetectedFormat& detected, QIODevice& device,
                                          const ParseContext& context,
                                          const ImportOptions& options) {
    switch (detected.format) {
        case HistoryFormat::SpotifyBasic:
        case HistoryFormat::SpotifyExtended:
        case HistoryFormat::SpotifyRecentlyPlayed:
        case HistoryFormat::ListenBrainzLines:
        case HistoryFormat::ListenBrainzJson:
        case HistoryFormat::Maloja:
        case HistoryFormat::PanoScrobbler:
            return std::make_unique<JsonHistoryParser>(device, context, detected.format,
                                                       detected.layout, detected.path);
        case HistoryFormat::ScrobbleCsv:
            return std::make_unique<CsvHistoryParser>(device, context);
        case HistoryFormat::ScrobblerLog:
            return std::make_unique<ScrobblerLogParser>(device, context);
        case HistoryFormat::SeedRatings:
            return std::make_unique<SeedRatingsParser>(device, context,
                                                       options.seed_profile_prefix);
        default:
            return nullptr;
    }
}

QString notHistoryReason(const ImportSource& source, HistoryFormat format) {
    switch (format) {
        case HistoryFormat::LovedTracks:
            return QStringLiteral(
                       "%1 lists loved tracks, not listens; there is nothing to "
                       "import from it.")
                .arg(source.display);
        case HistoryFormat::SpotifyPodcasts:
            return QStringLiteral("%1 is Spotify's podcast history; Encore imports music only.")
                .arg(source.display);
        default:
            return QStringLiteral(
                       "%1 is not a listening history Encore can read. It reads Spotify "
                       "(StreamingHistory*.json, Streaming_History_Audio_*.json, endsong_*.json), "
                       "Last.fm / Libre.fm CSV, .scrobbler.log, ListenBrainz, Maloja, Pano "
                       "Scrobbler and the seed songs.csv + ratings.csv.")
                .arg(source.display);
    }
}

}  // namespace

// The state of one file's import, all of it inside that file's transaction.
struct HistoryImporter::FileRun {
    FileImportReport report;
    qint64 import_id = 0;
    qint64 now = 0;
    QHash<QString, qint64> new_profiles;          // created in this transaction
    QHash<qint64, QPair<qint64, qint64>> ranges;  // profile -> first, last listen added
                                                  // (its keys: the profiles listens went to)
    QHash<QString, TrackId> seed_tracks;          // "seed:<id>" -> track
    bool seed_tracks_loaded = false;
    qint64 file_profile = 0;  // the profile of a file without per-record listeners
    // The last listen added per profile: a file in time order gets its sessions right at
    // insert, and assignSessions() then only reads.
    struct Tail {
        qint64 started = 0;
        qint64 end_ms = 0;
        TrackId track = 0;
        qint64 session = 0;
    };
    QHash<qint64, Tail> tails;
    // Listens of this file so far per (profile, start second, track): the next one's occurrence.
    std::map<std::tuple<qint64, qint64, TrackId>, int> occurrences;
    std::unique_ptr<PlayLog> log;
};

HistoryImporter::HistoryImporter(QSqlDatabase db) : db_(std::move(db)) {}

HistoryImporter::~HistoryImporter() = default;

Status HistoryImporter::prepare(const std::atomic<bool>* cancel) {
    // History imported earlier may now have library files (scans since), and new library
    // rows need their match keys before matching.
    const Result<LinkReport> linked = ExternalTrackLinker(db_).run(cancel);
    if (!linked)
        return Error{linked.error()};
    matcher_ = std::make_unique<TrackMatcher>(db_);
    return matcher_->load();
}

int HistoryImporter::utcOffsetMinutes(qint64 utcSeconds, const QTimeZone& zone) {
    if (zone.id() != offsets_zone_) {
        offsets_.clear();
        offsets_zone_ = zone.id();
    }
    const qint64 quarter = utcSeconds / 900;  // zones change offset on quarter hours
    const auto cached = offsets_.constFind(quarter);
    if (cached != offsets_.constEnd())
        return *cached;
    const int offset =
        zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(quarter * 900, Qt::UTC)) / 60;
    offsets_.insert(quarter, offset);
    return offset;
}

Result<qint64> HistoryImporter::profileId(FileRun& run, const QString& name) {
    const QString key = name.toCaseFolded();
    if (const auto it = profiles_.constFind(key); it != profiles_.constEnd())
        return *it;
    if (const auto it = run.new_profiles.constFind(key); it != run.new_profiles.constEnd())
        return *it;
    ProfileStore store(db_);
    bool created = false;
    const Result<Profile> profile = name.isEmpty() ? store.active() : store.ensure(name, &created);
    if (!profile)
        return Error{profile.error()};
    if (created) {
        ++run.report.profiles_added;
        run.new_profiles.insert(key, profile->id);
    } else {
        profiles_.insert(key, profile->id);
    }
    return profile->id;
}

ImportReport HistoryImporter::importPaths(const QStringList& paths, const ImportOptions& options) {
    ImportReport report;
    const ExpandedSources expanded = expandImportPaths(paths);
    for (const QString& error : expanded.errors) {
        FileImportReport failed;
        failed.error = error;
        report.files << failed;
    }
    if (expanded.sources.isEmpty())
        return report;
    const Status prepared = prepare(options.cancel);
    if (!prepared) {
        FileImportReport failed;
        failed.error = prepared.error();
        report.files << failed;
        return report;
    }
    // Detect everything first: the seed's songs must go in before its ratings.
    QList<QPair<ImportSource, DetectedFormat>> work;
    for (const ImportSource& source : expanded.sources) {
        Result<std::unique_ptr<QIODevice>> device = source.open();
        if (!device) {
            FileImportReport failed;
            failed.path = source.display;
            failed.error = device.error();
            report.files << failed;
            continue;
        }
        work.append({source, FormatDetector::detect(*device.value(), source.display)});
    }
    std::stable_sort(work.begin(), work.end(), [](const auto& a, const auto& b) {
        return (a.second.format == HistoryFormat::SeedSongs) &&
               (b.second.format != HistoryFormat::SeedSongs);
    });
    for (const auto& [source, detected] : work) {
        if (options.cancel && options.cancel->load())
            break;
        const bool importable =
            detected.format == HistoryFormat::SeedSongs || historyFormatHasListens(detected.format);
        if (!importable) {
            FileImportReport skipped;
            skipped.path = source.display;
            skipped.format = historyFormatId(detected.format);
            if (source.named)
                skipped.error = notHistoryReason(source, detected.format);
            else
                skipped.not_history = true;
            report.files << skipped;
            continue;
        }
        report.files << importSource(source, detected, options);
    }
    return report;
}

FileImportReport HistoryImporter::importSource(const ImportSource& source,
                                               const DetectedFormat& detected,
                                               const ImportOptions& options) {
    FileRun run;
    run.report.path = source.display;
    run.report.format = historyFormatId(detected.format);
    run.now = options.now_seconds > 0 ? options.now_seconds : QDateTime::currentSecsSinceEpoch();
    run.log = std::make_unique<PlayLog>(db_);
    Result<std::unique_ptr<QIODevice>> device = source.open();
    if (!device) {
        run.report.error = device.error();
        return run.report;
    }
    Status status;
    {
        ScopedTransaction transaction(db_, options.cancel);
        if (!transaction.begun()) {
            status = Error{QStringLiteral("Starting to import %1 failed: %2")
                               .arg(source.display, transaction.error())};
        } else {
            QSqlQuery q(db_);
            q.prepare(QStringLiteral(
                "INSERT INTO imports(path, format, profile_id, imported_at, records, matched, "
                "unmatched, duplicates, skipped) VALUES (?, ?, NULL, ?, 0, 0, 0, 0, 0)"));
            q.addBindValue(source.display);
            q.addBindValue(run.report.format);
            q.addBindValue(QDateTime::currentSecsSinceEpoch());
            if (!q.exec())
                status =
                    sqlError(QStringLiteral("Recording the import of %1").arg(source.display), q);
            run.import_id = q.lastInsertId().toLongLong();
            if (status.ok()) {
                status = detected.format == HistoryFormat::SeedSongs
                             ? importSeedSongs(run, *device.value())
                             : importListens(run, *device.value(), detected, options);
            }
            for (auto it = run.ranges.constBegin(); status.ok() && it != run.ranges.constEnd();
                 ++it)
                status = run.log->assignSessions(it.key(), it->first, it->second);
            if (status.ok()) {
                const FileImportReport& r = run.report;
                q.prepare(QStringLiteral(
                    "UPDATE imports SET format = ?, profile_id = ?, records = ?, matched = ?, "
                    "unmatched = ?, duplicates = ?, skipped = ? WHERE id = ?"));
                q.addBindValue(r.format);
                q.addBindValue(run.file_profile > 0 ? QVariant(run.file_profile)
                                                    : QVariant(QMetaType(QMetaType::LongLong)));
                q.addBindValue(r.records);
                q.addBindValue(r.matched);
                q.addBindValue(r.unmatched);
                q.addBindValue(r.duplicates);
                q.addBindValue(r.skipped());
                q.addBindValue(run.import_id);
                if (!q.exec())
                    status = sqlError(
                        QStringLiteral("Recording the import of %1").arg(source.display), q);
            }
            if (status.ok())
                status = nameProfiles(run);
            if (status.ok())
                status = transaction.commit();
        }
    }
    run.log.reset();
    if (!status) {
        matcher_->rollback();
        FileImportReport failed;
        failed.path = run.report.path;
        failed.format = run.report.format;
        failed.records = run.report.records;
        failed.error = status.error();
        return failed;
    }
    matcher_->commit();
    for (auto it = run.new_profiles.constBegin(); it != run.new_profiles.constEnd(); ++it)
        profiles_.insert(it.key(), it.value());
    run.report.import_id = run.import_id;
    return run.report;
}

// The report names the profiles that received listens (new ones included, in this transaction).
Status HistoryImporter::nameProfiles(FileRun& run) {
    if (run.ranges.isEmpty())
        return {};
    const Result<QList<Profile>> profiles = ProfileStore(db_).profiles();
    if (!profiles)
        return Error{profiles.error()};
    for (const Profile& p : profiles.value()) {
        if (run.ranges.contains(p.id))
            run.report.profiles << p.name;
    }
    return {};
}

Status HistoryImporter::importSeedSongs(FileRun& run, QIODevice& device) {
    ExternalTrackStore store(db_);
    const Result<QHash<QString, TrackId>> known = store.externalIdsByKeyPrefix(kSeedKeyPrefix);
    if (!known)
        return Error{known.error()};
    SeedSongReader reader(device, run.report.path);
    SeedSong song;
    for (;;) {
        const Result<bool> got = reader.next(song);
        if (!got)
            return Error{got.error()};
        if (!got.value())
            return {};
        ++run.report.records;
        const QString key = kSeedKeyPrefix + QString::number(song.id);
        if (known->contains(key)) {
            ++run.report.duplicates;
            continue;
        }
        ExternalTrack track;
        track.track_key = key;
        track.title = song.title;
        track.match_key = matcher_->keyFor(QString(), song.title);
        track.year = song.year;
        track.genres = song.genres;
        const Result<TrackId> added = store.addExternal(track, run.now);
        if (!added)
            return Error{added.error()};
        ++run.report.tracks_added;
    }
}

Status HistoryImporter::importListens(FileRun& run, QIODevice& device,
                                      const DetectedFormat& detected,
                                      const ImportOptions& options) {
    const ParseContext context{run.report.path, options.time_zone};
    const std::unique_ptr<HistoryParser> parser = makeParser(detected, device, context, options);
    if (!parser)
        return Error{QStringLiteral("%1: no reader for this format").arg(run.report.path)};
    FileImportReport& r = run.report;
    const qint64 latest = run.now + kFutureToleranceSeconds;
    ImportedListen listen;
    ParseIssue issue;
    auto refuse = [&](const QString& message) -> Status {
        if (options.skip_invalid) {
            ++r.invalid;
            if (r.warnings.size() < kMaxWarnings)
                r.warnings << message;
            return {};
        }
        return Error{withAdvice(message)};
    };
    for (qint64 n = 1;; ++n) {
        if (n % kProgressEvery == 0) {
            if (options.cancel && options.cancel->load())
                return Error{QStringLiteral("Import of %1 cancelled; nothing from it was imported.")
                                 .arg(r.path)};
            if (options.progress)
                options.progress(r.path, parser->records());
        }
        const HistoryParser::Step step = parser->next(listen, issue);
        if (step == HistoryParser::Step::End)
            break;
        if (step == HistoryParser::Step::Issue) {
            if (!issue.recoverable)
                return Error{issue.message};
            const Status refused = refuse(issue.message);
            if (!refused)
                return refused;
            continue;
        }
        // Built only for messages: most records never need it.
        auto where = [&] { return r.path + QLatin1Char(' ') + parser->where(); };
        if (listen.started_at < kEarliestSeconds || listen.started_at > latest) {
            const Status refused = refuse(QStringLiteral("%1: the time %2 is %3")
                                              .arg(where(), timeparse::describe(listen.started_at),
                                                   listen.started_at < kEarliestSeconds
                                                       ? QStringLiteral("before 1990")
                                                       : QStringLiteral("in the future")));
            if (!refused)
                return refused;
            continue;
        }
        const Result<qint64> profile =
            profileId(run, listen.profile.isEmpty() ? options.profile : listen.profile);
        if (!profile)
            return Error{profile.error()};
        if (listen.profile.isEmpty())
            run.file_profile = profile.value();
        TrackMatch match;
        if (listen.seed_song > 0) {
            if (!run.seed_tracks_loaded) {
                const Result<QHash<QString, TrackId>> seeds =
                    ExternalTrackStore(db_).externalIdsByKeyPrefix(kSeedKeyPrefix);
                if (!seeds)
                    return Error{seeds.error()};
                run.seed_tracks = seeds.value();
                run.seed_tracks_loaded = true;
            }
            match.id = run.seed_tracks.value(kSeedKeyPrefix + QString::number(listen.seed_song));
            if (match.id == 0) {
                const Status refused = refuse(
                    QStringLiteral("%1: song %2 is not in the seed's songs.csv; import songs.csv "
                                   "(or the folder holding both files) first")
                        .arg(where())
                        .arg(listen.seed_song));
                if (!refused)
                    return refused;
                continue;
            }
        } else {
            // A listen without an artist is kept (history stays complete); without a title it
            // says nothing.
            if (listen.title.trimmed().isEmpty()) {
                const Status refused =
                    refuse(QStringLiteral("%1: the track title is empty").arg(where()));
                if (!refused)
                    return refused;
                continue;
            }
            const Result<TrackMatch> resolved = matcher_->resolve(
                listen.artist, listen.title, listen.album, listen.duration_ms, run.now);
            if (!resolved)
                return Error{resolved.error()};
            match = resolved.value();
        }
        const int duration = match.duration_ms > 0 ? match.duration_ms : listen.duration_ms;
        ListenOutcome outcome = ListenRules::classifyImported(
            listen.scrobble ? -1 : listen.ms_played, duration, listen.cause);
        if (listen.exact_reason) {
            outcome.reason = *listen.exact_reason;
            outcome.counted = listen.exact_counted.value_or(outcome.counted) &&
                              outcome.reason != EndReason::Skipped;
        }
        Play play;
        play.profile_id = profile.value();
        play.track_id = match.id;
        play.started_at = listen.started_at;
        play.utc_offset_minutes = listen.utc_offset_minutes.value_or(
            utcOffsetMinutes(listen.started_at, options.time_zone));
        play.ms_played = listen.ms_played;
        play.duration_ms = duration;
        play.end_reason = outcome.reason;
        play.counted = outcome.counted;
        play.import_id = run.import_id;
        play.shuffle = listen.shuffle;
        play.rating = listen.rating;
        play.occurrence = run.occurrences[{play.profile_id, play.started_at, play.track_id}]++;
        FileRun::Tail& tail = run.tails[play.profile_id];
        const bool continues = tail.session > 0 && play.started_at >= tail.started &&
                               sameSession(tail.end_ms, play.started_at * 1000);
        play.session_id = continues ? tail.session : play.started_at;
        play.previous_track_id = continues ? tail.track : 0;
        const Result<bool> inserted = run.log->insert(play);
        if (!inserted)
            return Error{QStringLiteral("%1: %2").arg(where(), inserted.error())};
        if (!inserted.value()) {
            ++r.duplicates;
            continue;
        }
        ++(match.has_file ? r.matched : r.unmatched);
        if (play.counted)
            ++r.plays;
        const qint64 heard = play.ms_played >= 0 ? play.ms_played : qMax(0, play.duration_ms);
        tail = {play.started_at, qMax(continues ? tail.end_ms : 0, play.started_at * 1000 + heard),
                play.track_id, play.session_id};
        auto range = run.ranges.find(play.profile_id);
        if (range == run.ranges.end())
            run.ranges.insert(play.profile_id, {play.started_at, play.started_at});
        else
            *range = {qMin(range->first, play.started_at), qMax(range->second, play.started_at)};
    }
    r.records = parser->records();
    r.not_music = parser->notMusic();
    r.private_listens = parser->privateListens();
    r.tracks_added = matcher_->createdSinceCommit();
    if (!parser->dialect().isEmpty())
        r.format = parser->dialect();
    return {};
}

}  // namespace encore
