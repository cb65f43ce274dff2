#include "listens/import/historyexporter.h"

#include "store/playlog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace encore {

namespace {

QString csvField(const QString& value) {
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
                       value != value.trimmed();
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString isoUtc(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QByteArray listenBrainzLine(const PlayRecord& r) {
    const Play& p = r.play;
    QJsonObject info{
        {QStringLiteral("submission_client"), QStringLiteral("Encore")},
        {QStringLiteral("encore_end_reason"), endReasonName(p.end_reason)},
        {QStringLiteral("encore_counted"), p.counted},
        {QStringLiteral("encore_utc_offset_minutes"), p.utc_offset_minutes},
    };
    if (p.duration_ms > 0)
        info.insert(QStringLiteral("duration_ms"), p.duration_ms);
    if (p.ms_played >= 0)
        info.insert(QStringLiteral("ms_played"), p.ms_played);
    if (p.shuffle)
        info.insert(QStringLiteral("encore_shuffle"), *p.shuffle);
    QJsonObject meta{
        {QStringLiteral("artist_name"), r.artist},
        {QStringLiteral("track_name"), r.title},
        {QStringLiteral("additional_info"), info},
    };
    if (!r.album.isEmpty())
        meta.insert(QStringLiteral("release_name"), r.album);
    const QJsonObject listen{
        {QStringLiteral("listened_at"), p.started_at},
        {QStringLiteral("track_metadata"), meta},
    };
    return QJsonDocument(listen).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray csvLine(const PlayRecord& r) {
    const Play& p = r.play;
    const QStringList fields{
        isoUtc(p.started_at),
        QString::number(p.utc_offset_minutes),
        csvField(r.artist),
        csvField(r.title),
        csvField(r.album),
        p.duration_ms > 0 ? QString::number(p.duration_ms) : QString(),
        p.ms_played >= 0 ? QString::number(p.ms_played) : QString(),
        endReasonName(p.end_reason),
        p.counted ? QStringLiteral("1") : QStringLiteral("0"),
        p.shuffle ? QString::number(*p.shuffle ? 1 : 0) : QString(),
        p.import_id > 0 ? QStringLiteral("import:%1").arg(p.import_id) : QStringLiteral("local"),
        csvField(r.profile_name),
    };
    return fields.join(QLatin1Char(',')).toUtf8() + '\n';
}

}  // namespace

HistoryExporter::HistoryExporter(QSqlDatabase db) : db_(std::move(db)) {}

std::optional<ExportFormat> HistoryExporter::formatFromName(const QString& name) {
    const QString folded = name.trimmed().toLower();
    if (folded == QLatin1String("listenbrainz") || folded == QLatin1String("jsonl"))
        return ExportFormat::ListenBrainz;
    if (folded == QLatin1String("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

QString HistoryExporter::csvHeader() {
    return QStringLiteral(
        "started_at,utc_offset_minutes,artist,title,album,duration_ms,ms_played,end_reason,"
        "counted,shuffle,source,profile");
}

Result<qint64> HistoryExporter::write(const ExportOptions& options, QIODevice& out) {
    if (options.profile_id <= 0)
        return Error{QStringLiteral("Exporting needs a profile.")};
    if (options.format == ExportFormat::Csv && out.write(csvHeader().toUtf8() + '\n') < 0)
        return Error{QStringLiteral("Cannot write the export: %1").arg(out.errorString())};
    PlayQuery query;
    query.profile_id = options.profile_id;
    query.since = options.since;
    query.until = options.until;
    query.counted_only = options.counted_only;
    query.newest_first = false;
    qint64 written = 0;
    QString writeError;
    PlayLog log(db_);
    const Status status = log.forEach(query, [&](const PlayRecord& r) {
        const QByteArray line =
            options.format == ExportFormat::Csv ? csvLine(r) : listenBrainzLine(r);
        if (out.write(line) != line.size()) {
            writeError = out.errorString();
            return false;
        }
        ++written;
        return true;
    });
    if (!status)
        return Error{status.error()};
    if (!writeError.isEmpty())
        return Error{QStringLiteral("Cannot write the export: %1").arg(writeError)};
    return written;
}

}  // namespace encore
