#include "stats/load/sqlitereader.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace encore::stats {

SqliteReader::SqliteReader(const QSqlDatabase& db, const char* sql) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        prepare_error_ = QStringLiteral("the connection is not an open SQLite database");
        return;
    }
    handle_ = *static_cast<sqlite3* const*>(handle.constData());
    if (!handle_ || sqlite3_prepare_v2(handle_, sql, -1, &statement_, nullptr) != SQLITE_OK) {
        prepare_error_ = handle_ ? QString::fromUtf8(sqlite3_errmsg(handle_))
                                 : QStringLiteral("no SQLite handle");
        statement_ = nullptr;
    }
}

SqliteReader::~SqliteReader() {
    if (statement_)
        sqlite3_finalize(statement_);
}

QString SqliteReader::error(const QString& doing) const {
    const QString message = !prepare_error_.isEmpty() ? prepare_error_
                            : handle_                 ? QString::fromUtf8(sqlite3_errmsg(handle_))
                                                      : QString();
    return QStringLiteral("%1 failed: %2").arg(doing, message);
}

void SqliteReader::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(statement_, index, value);
}

bool SqliteReader::next() {
    if (!statement_) {
        failed_ = true;
        return false;
    }
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW)
        return true;
    failed_ = rc != SQLITE_DONE;
    return false;
}

void SqliteReader::reset() {
    if (statement_) {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    failed_ = false;
}

bool SqliteReader::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t SqliteReader::int64(int column) const {
    return sqlite3_column_int64(statement_, column);
}

double SqliteReader::real(int column) const {
    return sqlite3_column_double(statement_, column);
}

QByteArrayView SqliteReader::text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(statement_, column))
                 : QByteArrayView();
}

}  // namespace encore::stats
