#pragma once

#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace encore {

// Ids of rows in the genres table, created on first use and cached per writer: a scan or an
// import asks for the same few genres once per track.
class GenreIds {
public:
    explicit GenreIds(QSqlDatabase db) : db_(std::move(db)) {}

    Result<qint64> idOf(const QString& name);

private:
    QSqlDatabase db_;
    QHash<QString, qint64> ids_;  // case-folded name -> id
};

}  // namespace encore
