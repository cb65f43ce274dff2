#pragma once

// Helpers shared by Encore's tests: temporary databases and the external data folder.

#include "store/database.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace encore::test {

// ../shared/data. Under CI=true a missing folder fails the test instead of skipping it.
inline QString sharedDataDir(const QString& sub) {
    return QDir::cleanPath(QDir(QStringLiteral(ENCORE_SHARED_DATA)).filePath(sub));
}

inline bool requireSharedData(const QString& sub) {
    const QString dir = sharedDataDir(sub);
    if (QDir(dir).exists())
        return true;
    if (qEnvironmentVariable("CI") == QLatin1String("true"))
        qFatal("external data %s is missing and CI=true: this test must run", qPrintable(dir));
    return false;
}

// A fresh, migrated database in a temporary folder.
struct TempDatabase {
    QTemporaryDir dir;
    Database database{dir.filePath(QStringLiteral("encore.sqlite"))};

    TempDatabase() {
        const Status migrated = database.migrate();
        if (!migrated)
            qFatal("migration failed: %s", qPrintable(migrated.error()));
    }
};

}  // namespace encore::test

// Skips with a reason outside CI only; under CI=true the test fails (see requireSharedData).
#define ENCORE_REQUIRE_SHARED_DATA(sub)                                              \
    do {                                                                             \
        if (!encore::test::requireSharedData(QStringLiteral(sub)))                   \
            QSKIP("../shared/data/" sub " is not here (it is not part of a clone)"); \
    } while (0)
