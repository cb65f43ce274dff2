// Exports: ListenBrainz JSON lines and CSV hold every listen and come back in unchanged.
#include "listens/import/historyexporter.h"
#include "listens/import/historyimporter.h"
#include "listenstestsupport.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "testsupport.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace encore;

Q_DECLARE_METATYPE(encore::ExportFormat)

namespace {

// A log with a play, a skip, a short listen, an error, and awkward text.
void fillLog(QSqlDatabase db) {
    const QList<TrackId> ids = test::addLibrarySongs(
        db, {{QStringLiteral("Simon & Garfunkel"), QStringLiteral("Mrs. Robinson, Part \"2\""),
              QStringLiteral("Bookends"), 244000},
             {QStringLiteral("Beyoncé"), QStringLiteral("Déjà Vu"), QString(), 240000}});
    PlayLog log(db);
    Play p;
    p.track_id = ids[0];
    p.started_at = 1700000000;
    p.utc_offset_minutes = 120;
    p.ms_played = 244000;
    p.duration_ms = 244000;
    p.end_reason = EndReason::Finished;
    p.counted = true;
    p.shuffle = true;
    log.append(p);
    p.track_id = ids[1];
    p.started_at += 300;
    p.ms_played = 12000;
    p.duration_ms = 240000;
    p.end_reason = EndReason::Skipped;
    p.counted = false;
    p.shuffle = std::nullopt;
    log.append(p);
    p.started_at += 60;
    p.ms_played = 2000;
    p.end_reason = EndReason::Stopped;
    log.append(p);
    p.started_at += 60;
    p.ms_played = 0;
    p.end_reason = EndReason::Error;
    log.append(p);
}

struct Row {
    qint64 started_at;
    QString artist, title, album;
    qint64 ms_played;
    int offset;
    EndReason reason;
    bool counted;
    std::optional<bool> shuffle;
    bool operator==(const Row& o) const {
        return started_at == o.started_at && artist == o.artist && title == o.title &&
               album == o.album && ms_played == o.ms_played && offset == o.offset &&
               reason == o.reason && counted == o.counted && shuffle == o.shuffle;
    }
};

QList<Row> rows(QSqlDatabase db) {
    PlayQuery q;
    q.newest_first = false;
    QList<Row> out;
    const QList<PlayRecord> records = PlayLog(db).plays(q).value();
    for (const PlayRecord& r : records)
        out.append({r.play.started_at, r.artist, r.title, r.album, r.play.ms_played,
                    r.play.utc_offset_minutes, r.play.end_reason, r.play.counted, r.play.shuffle});
    return out;
}

}  // namespace

class TestExporters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<ExportFormat>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("ListenBrainz") << ExportFormat::ListenBrainz << "export.jsonl";
        QTest::newRow("CSV") << ExportFormat::Csv << "export.csv";
    }
    void roundTrip() {
        QFETCH(ExportFormat, format);
        QFETCH(QString, name);
        test::TempDatabase source;
        ScopedConnection from(source.database, QStringLiteral("from"));
        fillLog(from.db());
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        ExportOptions options;
        options.format = format;
        options.profile_id = ProfileStore(from.db()).active()->id;
        const Result<qint64> written = HistoryExporter(from.db()).write(options, file);
        file.close();
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written.value(), 4);  // every listen, skips and errors included

        test::TempDatabase target;
        ScopedConnection to(target.database, QStringLiteral("to"));
        ImportOptions importOptions;
        importOptions.time_zone = QTimeZone("UTC");
        const ImportReport report = HistoryImporter(to.db()).importPaths({path}, importOptions);
        QVERIFY2(report.ok(), qPrintable(report.files.value(0).error));
        QCOMPARE(report.total().added(), 4);
        const QList<Row> before = rows(from.db());
        const QList<Row> after = rows(to.db());
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i)
            QVERIFY2(after[i] == before[i], qPrintable(QStringLiteral("row %1 differs").arg(i)));
    }

    void listenBrainzLinesLookLikeListenBrainz() {
        test::TempDatabase temp;
        ScopedConnection c(temp.database, QStringLiteral("lb"));
        fillLog(c.db());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        ExportOptions options;
        options.profile_id = ProfileStore(c.db()).active()->id;
        options.since = 1700000300;
        options.counted_only = false;
        QCOMPARE(HistoryExporter(c.db()).write(options, buffer).value(), 3);
        const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first[QStringLiteral("listened_at")].toInteger(), 1700000300);
        const QJsonObject meta = first[QStringLiteral("track_metadata")].toObject();
        QCOMPARE(meta[QStringLiteral("artist_name")].toString(), QStringLiteral("Beyoncé"));
        QCOMPARE(meta[QStringLiteral("track_name")].toString(), QStringLiteral("Déjà Vu"));
        QVERIFY(!meta.contains(QStringLiteral("release_name")));  // no album, no key
        QCOMPARE(meta[QStringLiteral("additional_info")][QStringLiteral("duration_ms")].toInt(),
                 240000);

        QBuffer plays;
        plays.open(QIODevice::WriteOnly);
        options.since.reset();
        options.counted_only = true;
        QCOMPARE(HistoryExporter(c.db()).write(options, plays).value(), 1);
    }

    void csvHasAHeaderAndQuotes() {
        test::TempDatabase temp;
        ScopedConnection c(temp.database, QStringLiteral("csv"));
        fillLog(c.db());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        ExportOptions options;
        options.format = ExportFormat::Csv;
        options.profile_id = ProfileStore(c.db()).active()->id;
        QVERIFY(HistoryExporter(c.db()).write(options, buffer).ok());
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(QString::fromUtf8(lines[0]), HistoryExporter::csvHeader());
        QCOMPARE(lines[1],
                 QByteArray("2023-11-14T22:13:20Z,120,Simon & Garfunkel,\"Mrs. Robinson, Part "
                            "\"\"2\"\"\",Bookends,244000,244000,finished,1,1,local,default"));
    }
};

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
