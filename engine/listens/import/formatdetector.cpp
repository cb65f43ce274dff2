#include "listens/import/formatdetector.h"

#include "listens/import/csvcolumns.h"
#include "listens/import/csvreader.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

namespace encore {

namespace {

bool has(const QByteArray& head, const char* key) {
    return head.contains(QByteArray("\"") + key + "\"");
}

DetectedFormat json(HistoryFormat format, JsonRecordReader::Layout layout, QStringList path = {}) {
    return DetectedFormat{format, layout, std::move(path)};
}

DetectedFormat detectArray(const QByteArray& head) {
    using L = JsonRecordReader::Layout;
    // Any two of a format's keys: a record may lack one (the parser then names it), and a
    // huge first record may push the others past the head.
    if (has(head, "endTime") &&
        (has(head, "trackName") || has(head, "artistName") || has(head, "msPlayed"))) {
        if (!has(head, "trackName") && (has(head, "episodeName") || has(head, "podcastName")))
            return json(HistoryFormat::SpotifyPodcasts, L::Array);
        return json(HistoryFormat::SpotifyBasic, L::Array);
    }
    if (has(head, "ts") && (has(head, "ms_played") || has(head, "master_metadata_track_name")))
        return json(HistoryFormat::SpotifyExtended, L::Array);
    if (has(head, "listened_at") || has(head, "track_metadata"))
        return json(HistoryFormat::ListenBrainzJson, L::Array);
    if (has(head, "timeMs") && has(head, "track"))
        return json(HistoryFormat::PanoScrobbler, L::Array);
    return {};
}

// A JSON object at the top: a wrapper around the records (Maloja, payloads, API responses).
DetectedFormat detectWrapper(const QByteArray& head) {
    using L = JsonRecordReader::Layout;
    if (has(head, "lovedtracks"))
        return json(HistoryFormat::LovedTracks, L::Wrapped);
    if (has(head, "scrobbles"))
        return json(HistoryFormat::Maloja, L::Wrapped, {QStringLiteral("scrobbles")});
    if (has(head, "payload")) {
        if (has(head, "listens") && !has(head, "listen_type"))
            return json(HistoryFormat::ListenBrainzJson, L::Wrapped,
                        {QStringLiteral("payload"), QStringLiteral("listens")});
        return json(HistoryFormat::ListenBrainzJson, L::Wrapped, {QStringLiteral("payload")});
    }
    if (has(head, "items") && has(head, "played_at"))
        return json(HistoryFormat::SpotifyRecentlyPlayed, L::Wrapped, {QStringLiteral("items")});
    return {};
}

DetectedFormat detectObject(const QByteArray& head) {
    using L = JsonRecordReader::Layout;
    const qsizetype newline = head.indexOf('\n');
    const QByteArray firstLine = newline < 0 ? head : head.left(newline);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(firstLine, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        if (o.contains(QLatin1String("listened_at")) || o.contains(QLatin1String("track_metadata")))
            return json(HistoryFormat::ListenBrainzLines, L::Lines);
        if (o.contains(QLatin1String("timeMs")))
            return json(HistoryFormat::PanoScrobbler, L::Lines);
    }
    return detectWrapper(head);
}

DetectedFormat detectText(const QByteArray& head, const QString& fileName) {
    const QByteArray firstLine = head.left(head.indexOf('\n')).trimmed().toLower();
    if (firstLine.startsWith("user_id,song_id"))
        return {HistoryFormat::SeedRatings, {}, {}};
    if (firstLine.startsWith("song id,song title"))
        return {HistoryFormat::SeedSongs, {}, {}};
    QByteArray copy = head;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, fileName);
    QStringList fields;
    for (int i = 0; i < 50; ++i) {
        const Result<bool> got = reader.next(fields);
        if (!got) {
            // Not UTF-8 (a Latin-1 CSV): let the CSV parser report it with its line.
            const bool looksCsv = fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
            return looksCsv ? DetectedFormat{HistoryFormat::ScrobbleCsv, {}, {}} : DetectedFormat{};
        }
        if (!got.value())
            break;
        if (CsvColumns::isComment(fields))
            continue;
        if (CsvColumns::fromHeader(fields) || CsvColumns::headerlessLastfm(fields))
            return {HistoryFormat::ScrobbleCsv, {}, {}};
    }
    return {};
}

}  // namespace

DetectedFormat FormatDetector::detect(QIODevice& device, const QString& fileName) {
    return detectHead(device.peek(kHeadBytes), fileName);
}

DetectedFormat FormatDetector::detectHead(const QByteArray& rawHead, const QString& fileName) {
    QByteArray head = rawHead;
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    qsizetype start = 0;
    while (start < head.size() && QChar::isSpace(uchar(head[start])))
        ++start;
    if (start == head.size())
        return {};
    const char first = head[start];
    if (first == '[')
        return detectArray(head);
    if (first == '{')
        return detectObject(head.mid(start));
    if (head.mid(start).startsWith("#AUDIOSCROBBLER/"))
        return {HistoryFormat::ScrobblerLog, {}, {}};
    return detectText(head.mid(start), fileName);
}

}  // namespace encore
