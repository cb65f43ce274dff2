#pragma once

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

#include <cstdint>

struct sqlite3;
struct sqlite3_stmt;

namespace encore::stats {

// A read-only prepared statement on the SQLite handle under a QSqlDatabase connection: the
// statistics stream a million plays, where QSqlQuery's QVariant per value costs more than the
// read itself. Values are read in place; text views live until the next step().
class SqliteReader {
public:
    SqliteReader(const QSqlDatabase& db, const char* sql);
    ~SqliteReader();
    SqliteReader(const SqliteReader&) = delete;
    SqliteReader& operator=(const SqliteReader&) = delete;

    bool ok() const { return statement_ != nullptr; }
    // "<doing> failed: <SQLite's message>".
    QString error(const QString& doing) const;

    // Parameters count from 1, as in SQLite.
    void bind(int index, std::int64_t value);
    // Next row: true while there is one; false at the end or on failure (see failed()).
    bool next();
    bool failed() const { return failed_; }
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    // UTF-8 bytes of a text column (empty for NULL).
    QByteArrayView text(int column) const;
    QString string(int column) const { return QString::fromUtf8(text(column)); }

private:
    sqlite3* handle_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
    QString prepare_error_;
    bool failed_ = false;
};

}  // namespace encore::stats
