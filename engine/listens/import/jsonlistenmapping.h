#pragma once

#include "listens/import/historyformat.h"
#include "listens/import/importedlisten.h"

#include <QJsonObject>
#include <QString>

namespace encore {

// What one JSON record of an export turned out to be.
enum class MappedRecord { Listen, NotMusic, Private, Invalid };

// Reads one record of a JSON history format into `listen`. Invalid: `problem` says which
// field is missing or wrong, in words a user can act on.
MappedRecord mapJsonRecord(HistoryFormat format, const QJsonObject& record, ImportedListen& listen,
                           QString& problem);

}  // namespace encore
