#include "store/profilestore.h"

#include "store/database.h"
#include "store/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace encore {

const QString ProfileStore::kDefaultName = QStringLiteral("default");

namespace {

// Listen counts come from track_stats (one row per profile and track), not a scan of plays.
const QString kSelect = QStringLiteral(
    "SELECT p.id, p.name, p.created_at, p.is_active, "
    "(SELECT coalesce(sum(listen_count), 0) FROM track_stats s WHERE s.profile_id = p.id) "
    "FROM profiles p");

QString knownNames(const QList<Profile>& profiles) {
    QStringList names;
    for (const Profile& p : profiles)
        names << p.name;
    return names.join(QStringLiteral(", "));
}

}  // namespace

ProfileStore::ProfileStore(QSqlDatabase db) : db_(std::move(db)) {}

QString ProfileStore::invalidNameReason(const QString& name) {
    if (name.trimmed().isEmpty())
        return QStringLiteral("a profile name cannot be empty");
    if (name != name.trimmed())
        return QStringLiteral("a profile name cannot start or end with spaces");
    if (name.size() > kMaxNameLength)
        return QStringLiteral("a profile name has at most %1 characters").arg(kMaxNameLength);
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("a profile name cannot contain control characters");
    }
    return {};
}

Result<QList<Profile>> ProfileStore::select(const QString& where, const QVariant& bound) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(kSelect + where + QStringLiteral(" ORDER BY p.name COLLATE NOCASE"));
    if (bound.isValid())
        q.addBindValue(bound);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading profiles"), q);
    QList<Profile> result;
    while (q.next()) {
        Profile p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.created_at = q.value(2).toLongLong();
        p.active = q.value(3).toBool();
        p.listens = q.value(4).toLongLong();
        result.append(p);
    }
    return result;
}

Result<QList<Profile>> ProfileStore::profiles() {
    return select(QString(), QVariant());
}

Result<Profile> ProfileStore::active() {
    Result<QList<Profile>> found = select(QStringLiteral(" WHERE p.is_active = 1"), QVariant());
    if (!found)
        return Error{found.error()};
    if (!found->isEmpty())
        return found->first();
    // Only a database edited by hand gets here: fall back to "default" rather than failing.
    bool created = false;
    Result<Profile> fallback = ensure(kDefaultName, &created);
    if (!fallback)
        return fallback;
    const Status activated = setActive(kDefaultName);
    if (!activated)
        return Error{activated.error()};
    fallback.value().active = true;
    return fallback;
}

Result<Profile> ProfileStore::find(const QString& name) {
    if (name.isEmpty())
        return active();
    Result<QList<Profile>> found = select(QStringLiteral(" WHERE p.name = ?"), name);
    if (!found)
        return Error{found.error()};
    if (!found->isEmpty())
        return found->first();
    const Result<QList<Profile>> all = profiles();
    return Error{QStringLiteral("There is no profile \"%1\" (profiles: %2). Create it with "
                                "`encore-cli profiles add \"%1\"`.")
                     .arg(name, all ? knownNames(all.value()) : QStringLiteral("?"))};
}

Result<Profile> ProfileStore::ensure(const QString& name, bool* created) {
    if (created)
        *created = false;
    Result<QList<Profile>> found = select(QStringLiteral(" WHERE p.name = ?"), name);
    if (!found)
        return Error{found.error()};
    if (!found->isEmpty())
        return found->first();
    Result<Profile> added = add(name);
    if (added && created)
        *created = true;
    return added;
}

Result<Profile> ProfileStore::add(const QString& name) {
    const QString invalid = invalidNameReason(name);
    if (!invalid.isEmpty())
        return Error{QStringLiteral("\"%1\" is not a valid profile name: %2.").arg(name, invalid)};
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT name FROM profiles WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading profiles"), q);
    if (q.next())
        return Error{
            QStringLiteral("A profile called \"%1\" already exists.").arg(q.value(0).toString())};
    q.prepare(QStringLiteral("INSERT INTO profiles(name, created_at, is_active) VALUES (?, ?, 0)"));
    q.addBindValue(name);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        return sqlError(QStringLiteral("Adding profile \"%1\"").arg(name), q);
    Profile p;
    p.id = q.lastInsertId().toLongLong();
    p.name = name;
    p.created_at = QDateTime::currentSecsSinceEpoch();
    return p;
}

Status ProfileStore::remove(const QString& name) {
    const Result<Profile> profile = find(name);
    if (!profile)
        return Error{profile.error()};
    if (profile->active) {
        return Error{QStringLiteral("\"%1\" is the active profile; make another one active first "
                                    "(`encore-cli profiles use NAME`).")
                         .arg(profile->name)};
    }
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return sqlError(QStringLiteral("Starting to remove a profile"), db_.lastError());
    QSqlQuery q(db_);
    // Stats first: the plays trigger then finds no row to adjust, which keeps a large delete fast.
    q.prepare(QStringLiteral("DELETE FROM track_stats WHERE profile_id = ?"));
    q.addBindValue(profile->id);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing profile \"%1\"").arg(name), q);
    q.prepare(QStringLiteral("DELETE FROM plays WHERE profile_id = ?"));
    q.addBindValue(profile->id);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing the plays of profile \"%1\"").arg(name), q);
    q.prepare(QStringLiteral("DELETE FROM profiles WHERE id = ?"));
    q.addBindValue(profile->id);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing profile \"%1\"").arg(name), q);
    return transaction.commit();
}

Status ProfileStore::setActive(const QString& name) {
    const Result<Profile> profile = find(name);
    if (!profile)
        return Error{profile.error()};
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return sqlError(QStringLiteral("Starting to switch profiles"), db_.lastError());
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("UPDATE profiles SET is_active = 0 WHERE is_active = 1")))
        return sqlError(QStringLiteral("Switching profiles"), q);
    q.prepare(QStringLiteral("UPDATE profiles SET is_active = 1 WHERE id = ?"));
    q.addBindValue(profile->id);
    if (!q.exec())
        return sqlError(QStringLiteral("Switching to profile \"%1\"").arg(name), q);
    return transaction.commit();
}

}  // namespace encore
