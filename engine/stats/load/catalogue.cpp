#include "stats/load/catalogue.h"

#include <algorithm>

namespace encore::stats {

namespace {

// Ids up to this many times the track count are looked up in a table, larger ones hashed.
constexpr std::int64_t kDenseIdFactor = 4;
constexpr std::int64_t kDenseIdSlack = 1024;

}  // namespace

QString noGenreName() {
    return QStringLiteral("(no genre)");
}

std::size_t Catalogue::librarySize() const {
    std::size_t n = 0;
    for (std::uint8_t v : in_library)
        n += v;
    return n;
}

QString Catalogue::title(std::size_t track) const {
    const std::uint32_t begin = track == 0 ? 0 : title_end[track - 1];
    return QString::fromUtf8(title_bytes.data() + begin,
                             static_cast<qsizetype>(title_end[track] - begin));
}

void Catalogue::buildIndex() {
    index_table_.clear();
    index_map_.clear();
    TrackId max_id = 0;
    for (TrackId v : id)
        max_id = std::max(max_id, v);
    const bool dense = max_id < static_cast<TrackId>(id.size()) * kDenseIdFactor + kDenseIdSlack;
    if (dense)
        index_table_.assign(static_cast<std::size_t>(max_id) + 1, -1);
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (dense && id[i] >= 0)
            index_table_[static_cast<std::size_t>(id[i])] = static_cast<std::int32_t>(i);
        else
            index_map_.emplace(id[i], static_cast<std::int32_t>(i));
    }
}

std::int32_t Catalogue::indexOf(TrackId trackId) const {
    if (trackId >= 0 && static_cast<std::size_t>(trackId) < index_table_.size())
        return index_table_[static_cast<std::size_t>(trackId)];
    const auto it = index_map_.find(trackId);
    return it == index_map_.end() ? -1 : it->second;
}

}  // namespace encore::stats
