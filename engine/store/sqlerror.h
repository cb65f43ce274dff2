#pragma once

#include "core/result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace encore {

// An Error that says what Encore was doing and what SQLite answered.
inline Error sqlError(const QString& doing, const QSqlError& error) {
    if (error.nativeErrorCode() == QLatin1String("8"))  // SQLITE_READONLY
        return Error{QStringLiteral("%1 failed: the library database is read-only for you (its "
                                    "file or its folder cannot be written); nothing was changed")
                         .arg(doing)};
    // SQLITE_FULL (no space), SQLITE_IOERR (a write refused: a file-size limit, a failing disk)
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("13") || code == QLatin1String("10") || code.toInt() % 256 == 10)
        return Error{QStringLiteral("%1 failed: the disk refused to store the library database's "
                                    "changes (it is full, a file-size limit was reached, or it is "
                                    "failing); nothing was changed. Free some space and try again")
                         .arg(doing)};
    return Error{QStringLiteral("%1 failed: %2").arg(doing, error.text())};
}

inline Error sqlError(const QString& doing, const QSqlQuery& query) {
    return sqlError(doing, query.lastError());
}

}  // namespace encore
