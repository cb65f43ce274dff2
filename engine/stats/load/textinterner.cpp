#include "stats/load/textinterner.h"

namespace encore::stats {

namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
constexpr std::size_t kInitialSlots = 1024;  // a power of two

char folded(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::uint64_t hashOf(std::int32_t scope, QByteArrayView text) {
    std::uint64_t h = kFnvOffset ^ static_cast<std::uint32_t>(scope);
    for (char c : text) {
        h ^= static_cast<unsigned char>(folded(c));
        h *= kFnvPrime;
    }
    return h ^ (h >> 29);
}

}  // namespace

bool TextInterner::equals(const Entry& e, std::int32_t scope, QByteArrayView text) const {
    if (e.scope != scope || e.length != static_cast<std::uint32_t>(text.size()))
        return false;
    const char* stored = bytes_.data() + e.offset;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (stored[i] != folded(text[i]))
            return false;
    }
    return true;
}

void TextInterner::grow() {
    const std::size_t size = slots_.empty() ? kInitialSlots : slots_.size() * 2;
    slots_.assign(size, -1);
    for (std::size_t id = 0; id < entries_.size(); ++id) {
        std::size_t s = entries_[id].hash & (size - 1);
        while (slots_[s] >= 0)
            s = (s + 1) & (size - 1);
        slots_[s] = static_cast<std::int32_t>(id);
    }
}

std::int32_t TextInterner::intern(std::int32_t scope, QByteArrayView text, bool* added) {
    // Kept at most half full, so probes stay short.
    if ((entries_.size() + 1) * 2 > slots_.size())
        grow();
    const std::uint64_t hash = hashOf(scope, text);
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = hash & mask;
    for (; slots_[s] >= 0; s = (s + 1) & mask) {
        const Entry& e = entries_[static_cast<std::size_t>(slots_[s])];
        if (e.hash == hash && equals(e, scope, text)) {
            *added = false;
            return slots_[s];
        }
    }
    const std::int32_t id = static_cast<std::int32_t>(entries_.size());
    entries_.push_back({hash, scope, static_cast<std::uint32_t>(bytes_.size()),
                        static_cast<std::uint32_t>(text.size())});
    for (char c : text)
        bytes_.push_back(folded(c));
    slots_[s] = id;
    *added = true;
    return id;
}

}  // namespace encore::stats
