#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <string>
#include <vector>

namespace encore::stats {

// Gives every distinct text (ASCII case folded, under a numeric scope such as the album's
// artist) a dense id, without allocating per lookup: the catalogue interns two texts per track
// and a node-based hash map of std::string made that the slowest part of loading it.
class TextInterner {
public:
    // The id of (scope, text); `added` says whether it is new.
    std::int32_t intern(std::int32_t scope, QByteArrayView text, bool* added);
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint64_t hash;
        std::int32_t scope;
        std::uint32_t offset;  // into bytes_
        std::uint32_t length;
    };
    bool equals(const Entry& e, std::int32_t scope, QByteArrayView text) const;
    void grow();

    std::vector<Entry> entries_;       // by id
    std::vector<std::int32_t> slots_;  // open addressing, linear probing; -1 = empty
    std::string bytes_;                // folded texts, back to back
};

}  // namespace encore::stats
