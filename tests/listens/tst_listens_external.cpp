// The real exports in ../shared/data/listens and ../shared/data/seed: each imports with the
// counts its README states, and importing it again adds nothing.
#include "listens/import/historyimporter.h"
#include "listenstestsupport.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QtTest>

using namespace encore;

namespace {

// The per-person rows of listens/README.md: "| spotify/<folder>/ | repo | format | plays | ..."
QList<QPair<QString, qint64>> spotifyPlaysFromReadme() {
    QFile readme(test::sharedDataDir(QStringLiteral("listens/README.md")));
    QList<QPair<QString, qint64>> rows;
    if (!readme.open(QIODevice::ReadOnly))
        return rows;
    static const QRegularExpression row(
        QStringLiteral("^\\|\\s*spotify/([^/|]+)/\\s*\\|[^|]*\\|[^|]*\\|\\s*([\\d,]+)\\s*\\|"));
    for (const QString& line : QString::fromUtf8(readme.readAll()).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch())
            rows.append({m.captured(1), m.captured(2).remove(QLatin1Char(',')).toLongLong()});
    }
    return rows;
}

}  // namespace

class TestListensExternal : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> connection_;

    QSqlDatabase db() { return connection_->db(); }
    ImportReport import(const QString& path, const QString& profile = {},
                        bool skipInvalid = false) {
        ImportOptions options;
        options.profile = profile;
        options.skip_invalid = skipInvalid;
        options.time_zone = QTimeZone("UTC");
        return HistoryImporter(db()).importPaths({path}, options);
    }
    QString errors(const ImportReport& report) {
        QStringList out;
        for (const FileImportReport& f : report.files)
            if (!f.ok())
                out << f.error;
        return out.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        connection_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("ext"));
    }
    void cleanup() {
        connection_.reset();
        temp_.reset();
    }

    void spotifyExports_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<qint64>("plays");
        if (!test::requireSharedData(QStringLiteral("listens")))
            return;
        const auto rows = spotifyPlaysFromReadme();
        if (rows.size() != 17)
            qFatal("listens/README.md lists %d Spotify folders, expected 17", int(rows.size()));
        for (const auto& [folder, plays] : rows)
            QTest::newRow(qPrintable(folder)) << folder << plays;
    }
    void spotifyExports() {
        ENCORE_REQUIRE_SHARED_DATA("listens");
        QFETCH(QString, folder);
        QFETCH(qint64, plays);
        const QString path = test::sharedDataDir(QStringLiteral("listens/spotify/") + folder);
        const ImportReport first = import(path, folder);
        QVERIFY2(first.ok(), qPrintable(errors(first)));
        const FileImportReport total = first.total();
        // "plays" counts entries with a track name: every one is added, a duplicate of one in
        // another file of the export (same profile, second and song), or private (Spotify's
        // incognito mode). Entries alike within one file are distinct listens (schema 8).
        QCOMPARE(total.added() + total.duplicates + total.private_listens, plays);
        QVERIFY(total.duplicates * 100 < plays);  // a handful, not a parsing accident
        PlayQuery query;
        query.profile_id = ProfileStore(db()).find(folder).value().id;
        QCOMPARE(PlayLog(db()).count(query).value(), total.added());
        QCOMPARE(test::statsMismatch(db()), QString());

        const ImportReport second = import(path, folder);
        QVERIFY2(second.ok(), qPrintable(errors(second)));
        QCOMPARE(second.total().added(), 0);
        QCOMPARE(second.total().tracks_added, 0);
        QCOMPARE(second.total().duplicates, total.added() + total.duplicates);
    }

    void lastfmCsv() {
        ENCORE_REQUIRE_SHARED_DATA("listens");
        const QString path = test::sharedDataDir(QStringLiteral("listens/lastfm-csv"));
        const ImportReport first = import(path);
        QVERIFY2(first.ok(), qPrintable(errors(first)));
        const FileImportReport total = first.total();
        QCOMPARE(total.added() + total.duplicates, 8200);  // README: 8,200 scrobbles
        QStringList formats;
        for (const FileImportReport& f : first.files)
            formats << f.format;
        QVERIFY2(formats.contains(QStringLiteral("lastfm-csv")), qPrintable(formats.join(' ')));
        // README: 2023-02-11 10:59 -> 2024-09-19 11:25 (UTC)
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT min(started_at) FROM plays")),
                 QDateTime(QDate(2023, 2, 11), QTime(10, 59), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT max(started_at) FROM plays")),
                 QDateTime(QDate(2024, 9, 19), QTime(11, 25), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(import(path).total().added(), 0);
    }

    void seedSongsAndRatings() {
        ENCORE_REQUIRE_SHARED_DATA("seed");
        const QString path = test::sharedDataDir(QStringLiteral("seed"));
        const ImportReport first = import(path);
        QVERIFY2(first.ok(), qPrintable(errors(first)));
        const FileImportReport total = first.total();
        QCOMPARE(total.tracks_added, 1682);   // songs.csv rows
        QCOMPARE(total.added(), 90570);       // ratings.csv rows
        QCOMPARE(total.profiles_added, 943);  // users
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(DISTINCT track_id) FROM plays")),
                 1680);
        // README: timestamps 1997-09-20 .. 1998-04-22 UTC
        const qint64 first_ =
            test::scalar(db(), QStringLiteral("SELECT min(started_at) FROM plays"));
        const qint64 last = test::scalar(db(), QStringLiteral("SELECT max(started_at) FROM plays"));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(first_, Qt::UTC).date(), QDate(1997, 9, 20));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(last, Qt::UTC).date(), QDate(1998, 4, 22));
        QVERIFY(test::scalar(db(), QStringLiteral("SELECT count(*) FROM track_genres")) > 1682);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM plays WHERE rating IS "
                                                   "NULL")),
                 0);
        const ImportReport second = import(path);
        QCOMPARE(second.total().added(), 0);
        QCOMPARE(second.total().tracks_added, 0);
        QCOMPARE(second.total().profiles_added, 0);
    }

    void formatFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("added");          // -1: refused
        QTest::addColumn<int>("addedSkipping");  // with --skip-invalid; -1: refused
        const auto row = [](const char* file, int added, int skipping) {
            QTest::newRow(file) << QString::fromLatin1(file) << added << skipping;
        };
        row(".scrobbler.log", 4, 4);  // 3 listened + 1 skipped (kept as a skip)
        row("librefm.csv", 3, 3);
        row("librefm_no_album_column.csv", 2, 2);
        row("librefm_no_header.csv", -1, -1);
        row("librefm_via_maloja.csv", 3, 3);
        row("librefm_with_comments.csv", 3, 3);
        row("listenbrainz_listens.jsonl", 2, 2);
        row("listenbrainz_mixed_validity.jsonl", -1, 4);  // one record has no title
        row("listenbrainz_all_invalid.jsonl", -1, 1);     // an unknown artist is still a listen
        row("maloja.json", 2, 2);
        row("maloja_malformed.json", -1, 0);
        row("panoscrobbler.jsonl", 2, 2);
        row("spinitron_sample.csv", -1, 3);
        row("spotify_streaming_2023.json", 5, 5);
        row("spotify_streaming_endsong_0.json", 5, 5);
        row("spotify_recently_played_submitted.json", 1, 1);
        row("spotify_recently_played_expected.json", 1, 1);
        row("user_export_test.json", 3, 3);
        row("valid_import.json", 2, 2);
        row("valid_single.json", 1, 1);
        row("lastfm_loved_tracks_1.json", -1, -1);  // loves, not listens
        row("librefm_loved_tracks_1.json", -1, -1);
        row("SOURCE-NOTES.md", -1, -1);
    }
    void formatFixtures() {
        ENCORE_REQUIRE_SHARED_DATA("listens");
        QFETCH(QString, file);
        QFETCH(int, added);
        QFETCH(int, addedSkipping);
        const QString path = test::sharedDataDir(QStringLiteral("listens/formats/") + file);
        for (const bool skip : {false, true}) {
            const int expected = skip ? addedSkipping : added;
            const ImportReport report =
                import(path, skip ? QStringLiteral("skip") : QString(), skip);
            QCOMPARE(report.files.size(), 1);
            if (expected < 0) {
                QVERIFY(!report.ok());
                QVERIFY2(report.files[0].error.contains(file), qPrintable(report.files[0].error));
                continue;
            }
            QVERIFY2(report.ok(), qPrintable(errors(report)));
            QCOMPARE(report.total().added(), expected);
            QCOMPARE(import(path, skip ? QStringLiteral("skip") : QString(), skip).total().added(),
                     0);
        }
    }

    void formatsFolderPassesOverWhatIsNoHistory() {
        ENCORE_REQUIRE_SHARED_DATA("listens");
        const ImportReport report =
            import(test::sharedDataDir(QStringLiteral("listens/formats")), {}, true);
        int passedOver = 0;
        for (const FileImportReport& f : report.files)
            passedOver += f.not_history ? 1 : 0;
        // two loved-tracks files, SOURCE-NOTES.md, and librefm_no_header.csv (no header, so no
        // way to tell it is a history; named on its own it is refused, see formatFixtures)
        QCOMPARE(passedOver, 4);
        QCOMPARE(report.failedFiles(), 0);
        // the per-file counts of formatFixtures, some listens being in two fixtures
        QCOMPARE(report.total().added() + report.total().duplicates, 47);
    }
};

QTEST_GUILESS_MAIN(TestListensExternal)
#include "tst_listens_external.moc"
