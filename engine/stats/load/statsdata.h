#pragma once

#include "core/track.h"
#include "stats/load/catalogue.h"
#include "stats/load/playcolumns.h"
#include "stats/load/profileref.h"

#include <QString>

#include <utility>
#include <vector>

namespace encore::stats {

// Everything the statistics are computed from: the tracks and the whole listening log of
// every profile. Held by one thread (the statistics worker); results leave it, never this.
struct StatsData {
    Catalogue catalogue;
    PlayColumns plays;
    std::vector<ProfileRef> profiles;

    QString profileName(ProfileId id) const;
    ProfileId activeProfile() const;  // 0 when none is marked active
};

}  // namespace encore::stats
