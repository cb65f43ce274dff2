#pragma once

#include "core/result.h"
#include "store/database.h"

#include <QAtomicInteger>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

// Pool threads come and go: each read opens its own uniquely named connection.
inline QString poolConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("encore-loader-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Runs `read(db)` on a thread of `pool` with a connection of its own.
template <typename T, typename Read>
QFuture<Result<T>> readOnPool(QThreadPool* pool, const Database& database, Read read) {
    return QtConcurrent::run(pool, [database, read]() -> Result<T> {
        ScopedConnection connection(database, poolConnectionName());
        if (!connection.ok())
            return Error{connection.error()};
        return read(connection.db());
    });
}

}  // namespace encore
