#pragma once

#include "core/track.h"

#include <QString>

namespace encore::stats {

// A profile as the statistics name it.
struct ProfileRef {
    ProfileId id = 0;
    QString name;
    bool active = false;
};

}  // namespace encore::stats
