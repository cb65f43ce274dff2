#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace encore {

// A prepared statement on the SQLite handle under a QSqlDatabase connection, for the few hot
// loops (logging 100,000 imported listens) where QSqlQuery's QVariant binding costs more than
// the insert itself. Takes part in the connection's transaction like any QSqlQuery.
class SqliteStatement {
public:
    enum class Step { Row, Done, Failed };

    SqliteStatement(const QSqlDatabase& db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool ok() const { return statement_ != nullptr; }
    // SQLite's message for the last failure.
    QString error() const;

    // Parameters count from 1, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, const QString& text);
    void bindNull(int index);
    Step step();
    // Ready for the next bindings (keeps none of the old ones).
    void reset();
    int changes() const;
    qint64 lastInsertRowId() const;

    bool isNull(int column) const;
    qint64 int64(int column) const;

private:
    sqlite3* handle_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
    QString prepare_error_;
};

}  // namespace encore
