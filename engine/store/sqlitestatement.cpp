#include "store/sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace encore {

SqliteStatement::SqliteStatement(const QSqlDatabase& db, const char* sql) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        prepare_error_ = QStringLiteral("the connection is not an open SQLite database");
        return;
    }
    handle_ = *static_cast<sqlite3* const*>(handle.constData());
    if (!handle_ || sqlite3_prepare_v3(handle_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement_,
                                       nullptr) != SQLITE_OK) {
        prepare_error_ = handle_ ? QString::fromUtf8(sqlite3_errmsg(handle_))
                                 : QStringLiteral("no SQLite handle");
        statement_ = nullptr;
    }
}

SqliteStatement::~SqliteStatement() {
    if (statement_)
        sqlite3_finalize(statement_);
}

QString SqliteStatement::error() const {
    if (!prepare_error_.isEmpty())
        return prepare_error_;
    return handle_ ? QString::fromUtf8(sqlite3_errmsg(handle_)) : QString();
}

void SqliteStatement::bind(int index, qint64 value) {
    sqlite3_bind_int64(statement_, index, value);
}

void SqliteStatement::bind(int index, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(statement_, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index) {
    sqlite3_bind_null(statement_, index);
}

SqliteStatement::Step SqliteStatement::step() {
    switch (sqlite3_step(statement_)) {
        case SQLITE_ROW:
            return Step::Row;
        case SQLITE_DONE:
            return Step::Done;
        default:
            return Step::Failed;
    }
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

int SqliteStatement::changes() const {
    return sqlite3_changes(handle_);
}

qint64 SqliteStatement::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(handle_);
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(statement_, column);
}

}  // namespace encore
