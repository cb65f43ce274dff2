#include "store/settingsstore.h"

#include "store/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace encore {

const QString SettingsStore::kIncognito = QStringLiteral("incognito");
const QString SettingsStore::kRetrainIntervalMinutes = QStringLiteral("retrain_interval_minutes");

SettingsStore::SettingsStore(QSqlDatabase db) : db_(std::move(db)) {}

Result<std::optional<QString>> SettingsStore::value(const QString& key) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the setting %1").arg(key), q);
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Status SettingsStore::setValue(const QString& key, const QString& value) {
    QSqlQuery q(db_);
    q.prepare(
        QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return sqlError(QStringLiteral("Saving the setting %1").arg(key), q);
    return {};
}

Result<bool> SettingsStore::incognito() {
    const Result<std::optional<QString>> stored = value(kIncognito);
    if (!stored)
        return Error{stored.error()};
    return stored.value().value_or(QStringLiteral("0")) == QLatin1String("1");
}

Status SettingsStore::setIncognito(bool on) {
    return setValue(kIncognito, on ? QStringLiteral("1") : QStringLiteral("0"));
}

Result<std::optional<int>> SettingsStore::retrainIntervalMinutes() {
    const Result<std::optional<QString>> stored = value(kRetrainIntervalMinutes);
    if (!stored)
        return Error{stored.error()};
    if (!stored.value())
        return std::optional<int>();
    bool ok = false;
    const int minutes = stored.value()->toInt(&ok);
    // A value edited into nonsense falls back to the default instead of failing the start.
    return ok && minutes > 0 ? std::optional<int>(minutes) : std::optional<int>();
}

Status SettingsStore::setRetrainIntervalMinutes(int minutes) {
    return setValue(kRetrainIntervalMinutes, QString::number(minutes));
}

}  // namespace encore
