#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace encore {

// A listener sharing the library; every play belongs to one.
struct Profile {
    ProfileId id = 0;
    QString name;
    qint64 created_at = 0;  // unix seconds
    bool active = false;
    qint64 listens = 0;  // rows in plays (filled by profiles())
};

// SQL for the profiles table. Exactly one profile is active; the migration creates "default".
class ProfileStore {
public:
    static constexpr int kMaxNameLength = 64;
    static const QString kDefaultName;  // "default"

    explicit ProfileStore(QSqlDatabase db);

    Result<QList<Profile>> profiles();
    // The active profile; recreates "default" if a damaged database has none.
    Result<Profile> active();
    // Empty name: the active profile. An unknown name is an error that lists the known ones.
    Result<Profile> find(const QString& name);
    // The profile called `name`, created if missing (imports of someone else's history).
    Result<Profile> ensure(const QString& name, bool* created = nullptr);
    // Fails when the name is taken or not a valid name.
    Result<Profile> add(const QString& name);
    // Deletes the profile and all its plays. Refuses the active profile.
    Status remove(const QString& name);
    Status setActive(const QString& name);

    // Why `name` cannot be a profile name, or an empty string when it can.
    static QString invalidNameReason(const QString& name);

private:
    Result<QList<Profile>> select(const QString& where, const QVariant& bound);

    QSqlDatabase db_;
};

}  // namespace encore
