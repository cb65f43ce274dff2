#pragma once

#include "core/result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace encore {

// An Error that says what Encore was doing and what SQLite answered.
inline Error sqlError(const QString& doing, const QSqlError& error) {
    return Error{QStringLiteral("%1 failed: %2").arg(doing, error.text())};
}

inline Error sqlError(const QString& doing, const QSqlQuery& query) {
    return sqlError(doing, query.lastError());
}

}  // namespace encore
