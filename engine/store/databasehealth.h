#pragma once

#include "store/database.h"
#include "store/databasebackup.h"

#include <QString>

#include <optional>

namespace encore {

// The startup check of the library database and, when it is damaged, what restoring the
// newest good backup would bring back and lose.
struct DatabaseHealth {
    bool ok = true;
    IntegrityReport integrity;
    std::optional<BackupFile> backup;  // the newest backup that passes integrity_check
    qint64 backup_plays = 0;           // listens in that backup
    std::optional<qint64> plays_lost;  // listens logged after it, when the damaged file says
    QString message;                   // for the window and stderr; empty when ok
};

// integrity_check (quick_check over 256 MB) of an existing database; a missing file is ok.
DatabaseHealth checkDatabaseHealth(const Database& database);

}  // namespace encore
