#include "stats/load/statsdata.h"

namespace encore::stats {

QString StatsData::profileName(ProfileId id) const {
    for (const ProfileRef& p : profiles) {
        if (p.id == id)
            return p.name;
    }
    return {};
}

ProfileId StatsData::activeProfile() const {
    for (const ProfileRef& p : profiles) {
        if (p.active)
            return p.id;
    }
    return 0;
}

}  // namespace encore::stats
