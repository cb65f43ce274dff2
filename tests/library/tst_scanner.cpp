#include "fixturelibrary.h"
#include "library/scanner.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace encore;

namespace {

// The scanner on its own thread, as the application runs it.
struct ThreadedScanner {
    test::TempDatabase temp;
    QTemporaryDir music;
    QThread thread;
    Scanner* scanner = new Scanner(temp.database);
    QList<ScanReport> reports;

    ThreadedScanner() {
        scanner->setWatchDebounceMs(200);
        scanner->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, scanner, &QObject::deleteLater);
        QObject::connect(scanner, &Scanner::finished, &thread,
                         [this](const ScanReport& r) { reports.append(r); });
        thread.start(QThread::IdlePriority);
    }
    ~ThreadedScanner() {
        scanner->cancel();
        thread.quit();
        thread.wait();
    }
    void scan() {
        QMetaObject::invokeMethod(scanner, "scan", Qt::QueuedConnection,
                                  Q_ARG(QStringList, QStringList{music.path()}));
    }
    QString path(const QString& relative) const { return music.filePath(relative); }
    int countTracks() {
        ScopedConnection c(temp.database, QStringLiteral("check"));
        return TrackStore(c.db()).countTracks(false).value();
    }
};

}  // namespace

class TestScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scansOnItsThreadAndReports() {
        ThreadedScanner s;
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("a.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"))));
        QSignalSpy progress(s.scanner, &Scanner::progress);
        s.scan();
        QTRY_COMPARE(s.reports.size(), 1);
        QCOMPARE(s.reports[0].added, 1);
        QVERIFY(progress.size() >= 1);
        QCOMPARE(s.countTracks(), 1);
    }

    void watcherPicksUpNewChangedAndDeletedFiles() {
        ThreadedScanner s;
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("Artist/Album/1.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("One"), 1)));
        s.scan();
        QTRY_COMPARE(s.reports.size(), 1);

        // a new file in a watched folder
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("Artist/Album/2.flac")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Two"), 2)));
        QTRY_VERIFY_WITH_TIMEOUT(s.reports.size() >= 2 && s.reports.last().added == 1, 10000);
        QCOMPARE(s.countTracks(), 2);

        // a new folder with a file in it
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("Other/Record/1.ogg")),
            test::tags(QStringLiteral("O"), QStringLiteral("R"), QStringLiteral("Uno"), 1)));
        QTRY_COMPARE_WITH_TIMEOUT(s.countTracks(), 3, 10000);

        // new folders nested deep under a folder that was already there
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("Artist/Box Set/Disc 1/Side A/1.opus")),
            test::tags(QStringLiteral("A"), QStringLiteral("Box"), QStringLiteral("Deep"), 1)));
        QTRY_COMPARE_WITH_TIMEOUT(s.countTracks(), 4, 10000);
        // and a file later in one of them, seen through the watch added for it
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("Artist/Box Set/Disc 1/Side A/2.opus")),
            test::tags(QStringLiteral("A"), QStringLiteral("Box"), QStringLiteral("Deeper"), 2)));
        QTRY_COMPARE_WITH_TIMEOUT(s.countTracks(), 5, 10000);

        // a tag edited in place
        const qsizetype before = s.reports.size();
        QVERIFY(test::makeTaggedFile(s.path(QStringLiteral("Artist/Album/1.mp3")),
                                     test::tags(QStringLiteral("A"), QStringLiteral("B"),
                                                QStringLiteral("One (edited)"), 1)));
        QTRY_VERIFY_WITH_TIMEOUT(s.reports.size() > before && s.reports.last().updated == 1, 10000);

        // a file deleted
        QVERIFY(QFile::remove(s.path(QStringLiteral("Artist/Album/2.flac"))));
        QTRY_COMPARE_WITH_TIMEOUT(s.countTracks(), 4, 10000);
    }

    void cancelFromAnotherThread() {
        ThreadedScanner s;
        constexpr int kFiles = 1500;
        QVERIFY(test::makeTaggedFile(
            s.path(QStringLiteral("seed.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("S"))));
        for (int i = 1; i < kFiles; ++i)
            QVERIFY(QFile::copy(s.path(QStringLiteral("seed.mp3")),
                                s.path(QStringLiteral("c%1.mp3").arg(i))));
        // cancel from this (the GUI) thread as soon as reading starts
        QObject::connect(
            s.scanner, &Scanner::progress, &s.thread,
            [&s](const ScanProgress& p) {
                if (p.phase == ScanProgress::Phase::Reading)
                    s.scanner->cancel();
            },
            Qt::DirectConnection);
        s.scan();
        QTRY_COMPARE_WITH_TIMEOUT(s.reports.size(), 1, 20000);
        QVERIFY(s.reports[0].cancelled);
        QVERIFY(s.reports[0].added < kFiles);
    }
};

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
