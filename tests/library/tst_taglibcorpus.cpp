// TagLib's own test files (../shared/data/audio/taglib), many crafted to crash, hang or
// over-allocate readers: the scan must finish, account for every file, and stay bounded.

#include "library/scanjob.h"
#include "library/tagreader.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QThreadPool>
#include <QtTest>

#include <sys/resource.h>

using namespace encore;

class TestTaglibCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scanSurvivesTheCorpus() {
        ENCORE_REQUIRE_SHARED_DATA("audio/taglib");
        const QString corpus = test::sharedDataDir(QStringLiteral("audio/taglib"));
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("corpus"));
        QThreadPool pool;
        std::atomic<bool> cancel{false};
        ScanJob job(connection.db(), cancel, &pool);
        const ScanReport report = job.run({corpus});
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QVERIFY(!report.cancelled);

        // every audio file is either a track or a listed problem
        QCOMPARE(report.added + report.errors, int(report.files_seen));
        QVERIFY2(report.added >= 100, qPrintable(QString::number(report.added)));
        for (const ScanProblem& problem : report.problems) {
            QVERIFY(problem.path.startsWith(corpus));
            QVERIFY(!problem.reason.isEmpty());
        }
        // files read although TagLib dropped a tag of theirs are listed, with what was kept
        QStringList damaged;
        for (const ScanProblem& problem : report.problems) {
            if (problem.reason.contains(QLatin1String("ID3v2 tag")))
                damaged << QFileInfo(problem.path).fileName();
        }
        QVERIFY2(damaged.contains(QStringLiteral("mac-399-id3v2.ape")),
                 qPrintable(damaged.join(',')));
        QVERIFY2(damaged.contains(QStringLiteral("compressed_id3_frame_invalid.mp3")),
                 qPrintable(damaged.join(',')));
        QCOMPARE(report.damaged_tags, int(damaged.size()));
        // bounded memory: crafted "excessive_alloc" files must not blow up the process
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        QVERIFY2(usage.ru_maxrss < 300 * 1024, qPrintable(QString::number(usage.ru_maxrss)));

        const ScanReport again = job.run({corpus});
        QCOMPARE(again.files_read, 0);
        QCOMPARE(again.unchanged, report.added);
    }

    void dsdFilesAreRead() {
        ENCORE_REQUIRE_SHARED_DATA("audio/taglib");
        for (const char* name : {"empty10ms.dsf", "empty10ms.dff"}) {
            const QString path =
                (test::sharedDataDir(QStringLiteral("audio/taglib")) + QLatin1Char('/')) +
                QLatin1String(name);
            const TagReadResult result = readTrackTags(QFile::encodeName(path));
            QVERIFY2(result.ok, qPrintable(path + QLatin1String(": ") + result.error));
            QCOMPARE(result.tags.codec, QStringLiteral("DSD"));
            QCOMPARE(result.tags.sample_rate, 2822400);
            QCOMPARE(result.tags.channels, 2);
            QCOMPARE(result.tags.duration_ms, 10);
        }
    }

    void knownTagsAreRead() {
        ENCORE_REQUIRE_SHARED_DATA("audio/taglib");
        const QString dir =
            (test::sharedDataDir(QStringLiteral("audio/taglib")) + QLatin1Char('/'));
        const TagReadResult compressed =
            readTrackTags(QFile::encodeName(dir + QStringLiteral("compressed_id3_frame.mp3")));
        QVERIFY(compressed.ok);
        QVERIFY(compressed.tags.title.startsWith(QStringLiteral("Braveheart Theme")));
        const TagReadResult flac =
            readTrackTags(QFile::encodeName(dir + QStringLiteral("silence-44-s.flac")));
        QVERIFY(flac.ok);
        QCOMPARE(flac.tags.title, QStringLiteral("Silence"));
        QCOMPARE(flac.tags.codec, QStringLiteral("FLAC"));
    }
};

QTEST_GUILESS_MAIN(TestTaglibCorpus)
#include "tst_taglibcorpus.moc"
