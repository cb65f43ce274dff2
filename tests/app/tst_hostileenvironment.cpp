// encore-cli in a hostile environment (issue 16 §5), as a user would meet it: a database file
// or folder this user cannot write, another program holding the write lock, a write past a
// file-size limit (a full disk). Each gives a message naming the file and what to do, keeps the
// data already there, and leaves the reads working. Run as root (CI), the programs run as
// `nobody` (setpriv), since root writes whatever the permissions say.

#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

namespace {

const QString kCli = QStringLiteral(ENCORE_CLI_PROGRAM);
const QString kAudio = QStringLiteral(ENCORE_TEST_DATA "/audio");
constexpr uid_t kNobody = 65534;

struct Run {
    int code = -1;
    QString out, err;
};

// Runs encore-cli as this user, or as nobody when this user is root; `fileSizeLimit` > 0 sets
// RLIMIT_FSIZE (bytes) for it, as a full disk would stop its writes.
Run cli(const QStringList& args, bool asNobody, qint64 fileSizeLimit = 0) {
    QProcess p;
    QStringList command = {kCli};
    if (fileSizeLimit > 0)
        command =
            QStringList{QStringLiteral("prlimit"), QStringLiteral("--fsize=%1").arg(fileSizeLimit),
                        QStringLiteral("--")} +
            command;
    if (asNobody && ::geteuid() == 0)
        command = QStringList{QStringLiteral("setpriv"), QStringLiteral("--reuid=%1").arg(kNobody),
                              QStringLiteral("--regid=%1").arg(kNobody),
                              QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                  command;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), QDir::tempPath());  // nobody's home is not a folder
    p.setProcessEnvironment(env);
    const QString program = command.takeFirst();
    p.start(program, command + args);
    Run run;
    if (!p.waitForFinished(120000))
        return run;
    run.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QByteArray digest(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

qint64 count(const QString& db, const QString& table) {
    const QString name = QStringLiteral("count-") + table;
    qint64 n = -1;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(db);
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

// Every parent of `path` up to / must be enterable by nobody for the program to reach it.
bool reachableByNobody(const QString& path) {
    if (::geteuid() != 0)
        return true;
    for (QDir d(path); !d.isRoot(); d.cdUp()) {
        if (!(QFileInfo(d.path()).permissions() & QFileDevice::ExeOther))
            return false;
    }
    return true;
}

}  // namespace

class TestHostileEnvironment : public QObject {
    Q_OBJECT

    QTemporaryDir temp_;
    QString library_;

    // A scanned library with one imported listen, in its own folder `name`; returns the file.
    QString makeDatabase(const QString& name) {
        const QString folder = temp_.filePath(name);
        QDir().mkpath(folder);
        const QString db = folder + QStringLiteral("/encore.sqlite");
        const Run scan = cli({QStringLiteral("scan"), library_, QStringLiteral("--db"), db}, false);
        if (scan.code != 0)
            qWarning("scan failed: %s", qPrintable(scan.err));
        QFile history(folder + QStringLiteral("/listens.jsonl"));
        history.open(QIODevice::WriteOnly);
        history.write(
            R"({"listened_at":1672940530,"track_metadata":{"artist_name":"A","track_name":"B"}})"
            "\n");
        history.close();
        cli({QStringLiteral("import"), history.fileName(), QStringLiteral("--db"), db}, false);
        return db;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(temp_.isValid());
        // The folders must be open to nobody; the files stay root's, and read-only to nobody.
        QFile::setPermissions(temp_.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther);
        if (!reachableByNobody(kCli) || !reachableByNobody(temp_.path()))
            QFAIL(
                "encore-cli or the temporary folder is not reachable by nobody: run the tests "
                "from a folder others may enter, or as a user other than root");
        library_ = temp_.filePath(QStringLiteral("library"));
        QDir().mkpath(library_);
        for (const QString& name : QDir(kAudio).entryList(QDir::Files))
            QVERIFY(
                QFile::copy(kAudio + QLatin1Char('/') + name, library_ + QLatin1Char('/') + name));
    }

    // A database nobody may write, in a folder nobody may write either (no -shm can be made):
    // reads work; a scan and an import are refused with the file's name, and change nothing.
    void aReadOnlyDatabaseIsReadButNeverChanged() {
        const QString db = makeDatabase(QStringLiteral("readonly"));
        const qint64 tracks = count(db, QStringLiteral("tracks"));
        QVERIFY(tracks > 0);
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadOther);
        QFile::setPermissions(QFileInfo(db).absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                  QFileDevice::ReadOther | QFileDevice::ExeOther);
        const QByteArray before = digest(db);

        const Run list = cli({QStringLiteral("tracks"), QStringLiteral("--db"), db}, true);
        QVERIFY2(list.code == 0, qPrintable(list.err));
        const qsizetype files =
            QDir(library_).entryList({QStringLiteral("clip.*")}, QDir::Files).size();
        QVERIFY2(list.out.count(QLatin1Char('\n')) == files, qPrintable(list.out));
        const Run plays = cli({QStringLiteral("plays"), QStringLiteral("--db"), db}, true);
        QVERIFY2(plays.code == 0, qPrintable(plays.err));

        const Run scan = cli({QStringLiteral("scan"), library_, QStringLiteral("--db"), db}, true);
        QCOMPARE(scan.code, 2);
        QVERIFY2(scan.err.contains(QStringLiteral("is read-only for you")), qPrintable(scan.err));
        QVERIFY2(scan.err.contains(db), qPrintable(scan.err));
        const Run import = cli({QStringLiteral("import"),
                                QFileInfo(db).absolutePath() + QStringLiteral("/listens.jsonl"),
                                QStringLiteral("--db"), db},
                               true);
        QCOMPARE(import.code, 2);
        QVERIFY2(import.err.contains(db), qPrintable(import.err));
        QCOMPARE(digest(db), before);
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
    }

    // A data folder nobody may write: no database can be made there, and the message says where.
    void aFolderThatCannotBeWrittenIsNamed() {
        const QString folder = temp_.filePath(QStringLiteral("closed"));
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadOther | QFileDevice::ExeOther);
        const QString db = folder + QStringLiteral("/new/encore.sqlite");
        const Run scan = cli({QStringLiteral("scan"), library_, QStringLiteral("--db"), db}, true);
        QCOMPARE(scan.code, 2);
        QVERIFY2(scan.err.contains(folder), qPrintable(scan.err));
        QVERIFY2(scan.err.contains(QStringLiteral("permissions")), qPrintable(scan.err));
        QVERIFY(!QFile::exists(db));
    }

    // Another program holds the write lock: reads go on at once, and an import waits for the
    // lock instead of failing, then adds its listens; nothing of the other's is lost.
    void aLockedDatabaseWaitsForTheOtherWriter() {
        const QString db = makeDatabase(QStringLiteral("locked"));
        const qint64 playsBefore = count(db, QStringLiteral("plays"));
        QSqlDatabase holder =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(db);
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(lock.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('held', '1')")));

        const Run list = cli({QStringLiteral("tracks"), QStringLiteral("--db"), db}, false);
        QVERIFY2(list.code == 0, qPrintable(list.err));
        QFile history(temp_.filePath(QStringLiteral("locked/more.jsonl")));
        QVERIFY(history.open(QIODevice::WriteOnly));
        history.write(
            R"({"listened_at":1672950530,"track_metadata":{"artist_name":"C","track_name":"D"}})"
            "\n");
        history.close();
        QProcess import;
        import.start(kCli,
                     {QStringLiteral("import"), history.fileName(), QStringLiteral("--db"), db});
        QVERIFY(import.waitForStarted());
        QVERIFY2(!import.waitForFinished(3000), "the import did not wait for the lock");
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        lock = QSqlQuery();
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QVERIFY(import.waitForFinished(60000));
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
        QCOMPARE(count(db, QStringLiteral("plays")), playsBefore + 1);
        QCOMPARE(count(db, QStringLiteral("settings WHERE key = 'held'")), qint64(1));
    }

    // A write past a file-size limit (as on a full disk) fails with a message, not a signal, and
    // the import that could not be stored is entirely absent.
    void aFullDiskFailsTheImportAndKeepsTheRest() {
        const QString db = makeDatabase(QStringLiteral("full"));
        const qint64 playsBefore = count(db, QStringLiteral("plays"));
        QVERIFY(playsBefore > 0);
        QFile history(temp_.filePath(QStringLiteral("full/big.jsonl")));
        QVERIFY(history.open(QIODevice::WriteOnly));
        for (int i = 0; i < 20000; ++i)
            history.write(
                QStringLiteral(
                    R"({"listened_at":%1,"track_metadata":{"artist_name":"Artist %2","track_name":"Song %3"}})"
                    "\n")
                    .arg(1600000000 + i * 240)
                    .arg(i % 300)
                    .arg(i)
                    .toUtf8());
        history.close();
        const qint64 limit = QFileInfo(db).size() + 256 * 1024;
        const Run import =
            cli({QStringLiteral("import"), history.fileName(), QStringLiteral("--db"), db}, false,
                limit);
        QCOMPARE(import.code, 2);  // an exit code, not death by SIGXFSZ
        QVERIFY2(import.err.contains(QStringLiteral("the disk refused to store")),
                 qPrintable(import.err));
        QVERIFY2(import.err.contains(db), qPrintable(import.err));
        QCOMPARE(count(db, QStringLiteral("plays")), playsBefore);
        const Run check = cli({QStringLiteral("plays"), QStringLiteral("--db"), db}, false);
        QVERIFY2(check.code == 0, qPrintable(check.err));
    }
};

QTEST_GUILESS_MAIN(TestHostileEnvironment)
#include "tst_hostileenvironment.moc"
