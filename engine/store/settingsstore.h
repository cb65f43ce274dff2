#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace encore {

// SQL for the `settings` table (schema 4): the switches the app and encore-cli share through
// the database, read where they matter (the writer reads incognito right before logging).
class SettingsStore {
public:
    static const QString kIncognito;               // "1" / "0"
    static const QString kRetrainIntervalMinutes;  // whole minutes

    explicit SettingsStore(QSqlDatabase db);

    // nullopt when the key was never set.
    Result<std::optional<QString>> value(const QString& key);
    Status setValue(const QString& key, const QString& value);

    Result<bool> incognito();
    Status setIncognito(bool on);
    // nullopt when never set (the caller's default applies).
    Result<std::optional<int>> retrainIntervalMinutes();
    Status setRetrainIntervalMinutes(int minutes);

private:
    QSqlDatabase db_;
};

}  // namespace encore
