#include "crashchecks.h"

#include "reco/checkpointfile.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace encore::bench {

namespace {

// A connection of its own that is removed again, whatever happens.
class ReadConnection {
public:
    explicit ReadConnection(const QString& path)
        : name_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        ok_ = db.open();
        if (!ok_)
            error_ = db.lastError().text();
    }
    ~ReadConnection() { QSqlDatabase::removeDatabase(name_); }
    bool ok() const { return ok_; }
    const QString& error() const { return error_; }
    qint64 number(const QString& sql, const QVariant& bound = {}) const {
        QSqlQuery q(QSqlDatabase::database(name_));
        q.prepare(sql);
        if (bound.isValid())
            q.addBindValue(bound);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
    QString text(const QString& sql) const {
        QSqlQuery q(QSqlDatabase::database(name_));
        if (!q.exec(sql))
            return q.lastError().text();
        return q.next() ? q.value(0).toString() : QStringLiteral("(no answer)");
    }

private:
    QString name_;
    bool ok_ = false;
    QString error_;
};

}  // namespace

DatabaseFacts readFacts(const QString& path) {
    DatabaseFacts facts;
    if (!QFileInfo::exists(path)) {
        facts.error = QStringLiteral("%1 does not exist").arg(path);
        return facts;
    }
    {
        ReadConnection c(path);
        if (!c.ok()) {
            facts.error = c.error();
            return facts;
        }
        facts.integrity = c.text(QStringLiteral("PRAGMA integrity_check"));
        facts.tracks = c.number(
            QStringLiteral("SELECT COUNT(*) FROM tracks WHERE path IS NOT NULL AND available = 1"));
        facts.plays = c.number(QStringLiteral("SELECT COUNT(*) FROM plays"));
        facts.imports = c.number(QStringLiteral("SELECT COUNT(*) FROM imports"));
    }
    return facts;
}

qint64 tracksWithMtime(const QString& databasePath, qint64 second) {
    ReadConnection c(databasePath);
    return c.number(
        QStringLiteral("SELECT COUNT(*) FROM tracks WHERE path IS NOT NULL AND mtime_ms = ?"),
        second * 1000);
}

qint64 playsImportedFrom(const QString& databasePath, const QString& file) {
    ReadConnection c(databasePath);
    return c.number(QStringLiteral("SELECT COUNT(*) FROM plays WHERE import_id IN "
                                   "(SELECT id FROM imports WHERE path = ?)"),
                    file);
}

QString checkpointProblem(const QString& path) {
    if (!QFileInfo::exists(path))
        return {};
    const Result<CheckpointFile::Contents> contents = CheckpointFile::read(path);
    return contents ? QString() : contents.error();
}

}  // namespace encore::bench
