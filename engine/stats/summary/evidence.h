#pragma once

// How much listening a period holds, and what a headline needs of it before it may claim
// anything: below the need, the card says what it needs ("Play for a few more days ...")
// instead of a finding drawn from one evening.

#include <QString>

#include <cstdint>

namespace encore::stats {

struct Evidence {
    std::int64_t plays = 0;
    std::int64_t listens = 0;            // every row of the log, skips included
    std::int64_t known_genre_plays = 0;  // plays of songs with a genre (tagged or inferred)
    std::int64_t active_days = 0;        // local days with at least one play
    std::int64_t span_days = 0;          // first to last play, both days counted
};

struct EvidenceNeed {
    const char* ask;  // what the card says until the need is met
    std::int64_t plays = 0;
    std::int64_t active_days = 0;
    std::int64_t span_days = 0;
    std::int64_t known_genre_plays = 0;
    std::int64_t listens = 0;
};

// Empty when `have` meets every part of `need`, else need.ask with what is there so far.
QString missingEvidence(const Evidence& have, const EvidenceNeed& need);

}  // namespace encore::stats
