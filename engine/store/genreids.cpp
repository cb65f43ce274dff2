#include "store/genreids.h"

#include "store/sqlerror.h"

#include <QSqlQuery>

namespace encore {

Result<qint64> GenreIds::idOf(const QString& name) {
    const QString folded = name.toCaseFolded();
    const auto cached = ids_.constFind(folded);
    if (cached != ids_.constEnd())
        return *cached;
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("INSERT INTO genres(name) VALUES (?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(QStringLiteral("Adding genre \"%1\"").arg(name), q);
    q.prepare(QStringLiteral("SELECT id FROM genres WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("Reading genre \"%1\"").arg(name), q);
    const qint64 id = q.value(0).toLongLong();
    ids_.insert(folded, id);
    return id;
}

}  // namespace encore
