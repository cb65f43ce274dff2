#pragma once

// The SQL behind the statistics, in one place so a test can check every statement's query
// plan (no full scan of plays). All of it reads; nothing here writes.

#include <vector>

namespace encore::stats::sql {

// Listens with ?1 < id <= ?2: the first refresh reads the log once, later ones only what was
// added since (a range of the integer primary key either way).
extern const char* const kPlaysAfterId;
extern const char* const kMaxPlayId;
// Sums of the derived per-track counts: they change whenever a listen is added, removed or
// moved to another track, so comparing them with the same sums over the listens held in
// memory tells whether an incremental refresh is enough.
extern const char* const kLogFingerprint;
// Changes when another connection commits: equal since the last refresh, nothing changed.
extern const char* const kDataVersion;
extern const char* const kTracks;
extern const char* const kGenres;
extern const char* const kTrackGenres;
extern const char* const kProfiles;

struct Statement {
    const char* name;
    const char* text;
    int parameters;  // bound as 1, 2, ... in plan checks
};

// Every statement a dashboard refresh runs.
std::vector<Statement> mainStatements();

}  // namespace encore::stats::sql
