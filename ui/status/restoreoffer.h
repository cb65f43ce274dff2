#pragma once

#include "store/database.h"
#include "store/databasehealth.h"

class QWidget;

namespace encore {

// Before the window opens on a damaged database: says what is wrong, which backup would come
// back and what it would lose, and restores it when the listener agrees (the damaged file is
// kept beside it). True when the backup is in place and the engine may start again.
bool offerRestore(const Database& database, const DatabaseHealth& health,
                  QWidget* parent = nullptr);

}  // namespace encore
