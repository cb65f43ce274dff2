// Hostile tags and file names on real files, through the real scanner and store: a 10 MB
// title, NUL bytes, control and right-to-left override characters, SQL metacharacters and
// path-like values are stored as text (long ones cut to the normaliser's limit, invisible
// controls made spaces), never interpreted, and the library stays whole.
#include "fixturelibrary.h"
#include "library/scanjob.h"
#include "scanfixture.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QThreadPool>
#include <QtTest>

using namespace encore;

namespace {

constexpr int kTenMegabytes = 10 * 1024 * 1024;
constexpr int kStoredLimit = 512;  // TagNormalizer's kMaxTagLength

using Fixture = test::ScanFixture;

}  // namespace

class TestHostileTags : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostileTextIsStoredAsText() {
        Fixture f;
        const QString sql = QStringLiteral("x'); DROP TABLE tracks; --");
        const QString rtl = QStringLiteral("Evil\u202Egnp.exe");
        QString withNul = QStringLiteral("Before");
        withNul += QChar(0);
        withNul += QStringLiteral("After\tTab\x01");
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("huge.flac")),
                                     test::tags(QStringLiteral("Artist"), QStringLiteral("Album"),
                                                QString(kTenMegabytes, QLatin1Char('x')))));
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("sql.flac")),
                                     test::tags(sql, QStringLiteral("../../etc/passwd"), rtl)));
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("nul.ogg")),
                                     test::tags(withNul, QStringLiteral("%1 %n %s"),
                                                QStringLiteral("<b>bold</b> & \"q\""))));
        // A file name that looks like an option, SQL and a path.
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("--help; rm -rf ~ ' OR 1=1.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"))));
        QElapsedTimer timer;
        timer.start();
        const ScanReport report = f.scan();
        QCOMPARE(report.added, 4);
        QCOMPARE(report.errors, 0);
        QVERIFY2(timer.elapsed() < 30000, "a 10 MB title must not make the scan crawl");

        // The table is still there, with every file.
        QSqlQuery count(f.connection.db());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM tracks")) && count.next());
        QCOMPARE(count.value(0).toInt(), 4);

        const Track huge = f.trackAt(QStringLiteral("huge.flac"));
        QCOMPARE(huge.tags.title, QString(kStoredLimit, QLatin1Char('x')));
        const Track injected = f.trackAt(QStringLiteral("sql.flac"));
        QCOMPARE(injected.tags.artist, sql);                                // stored exactly
        QCOMPARE(injected.tags.album, QStringLiteral("../../etc/passwd"));  // text, not a path
        // The override became a space: the name can no longer show reversed.
        QCOMPARE(injected.tags.title, QStringLiteral("Evil gnp.exe"));
        const Track nul = f.trackAt(QStringLiteral("nul.ogg"));
        QVERIFY2(!nul.tags.artist.contains(QChar(0)) && !nul.tags.artist.contains(QChar(1)),
                 qPrintable(nul.tags.artist));
        QVERIFY2(nul.tags.artist.startsWith(QStringLiteral("Before")), qPrintable(nul.tags.artist));
        QCOMPARE(nul.tags.album, QStringLiteral("%1 %n %s"));  // no format expansion anywhere
        QCOMPARE(nul.tags.title, QStringLiteral("<b>bold</b> & \"q\""));
        const Track named = f.trackAt(QStringLiteral("--help; rm -rf ~ ' OR 1=1.mp3"));
        QCOMPARE(named.tags.title, QStringLiteral("C"));

        // A rescan changes nothing: the stored text reads back equal to what the tags give.
        const ScanReport again = f.scan();
        QCOMPARE(again.added, 0);
        QCOMPARE(again.updated, 0);
    }
};

QTEST_GUILESS_MAIN(TestHostileTags)
#include "tst_hostiletags.moc"
