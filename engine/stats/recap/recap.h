#pragma once

// "Your month" and "Your year": a few cards a listener reads at a glance, each with one big
// figure and one sentence (top artist, album and song with their covers, hours listened, new
// discoveries, the streak, the hour you listen most, how your taste moved), made from the
// statistics of the period and of the one before it. A card without the evidence it needs
// says what it needs instead, as the dashboards' headlines do.

#include "core/track.h"
#include "stats/load/statsdata.h"
#include "stats/report/statsreport.h"
#include "stats/statsquery.h"

#include <QMetaType>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace encore::stats {

enum class RecapSpan { Month, Year };

struct RecapQuery {
    ProfileId profile_id = kActiveProfile;
    RecapSpan span = RecapSpan::Month;
    int year = 2026;
    int month = 1;           // 1..12; ignored for a year
    int offset_minutes = 0;  // the listener's UTC offset: where the local month begins
    qint64 now_seconds = 0;  // 0: the real time
};

struct RecapEntry {
    QString name;
    QString artist;  // of an album or song
    TrackId cover_track = 0;
    std::int64_t plays = 0;
};

struct RecapCard {
    QString key;                   // "top-artist", "hours", ...
    QString title;                 // "Top artist"
    QString figure;                // the big text: "Alpha", "42 h", "21:00"
    QString sentence;              // one sentence under it
    TrackId cover_track = 0;       // 0: no cover
    std::vector<RecapEntry> list;  // the runners-up of a top card, first one included
    bool enough = true;            // false: the sentence says what the card needs
};

struct Recap {
    RecapSpan span = RecapSpan::Month;
    QString title;          // "Your November 2026"
    QString period_name;    // "November 2026", "2026"
    QString previous_name;  // "October 2026", "2025"
    qint64 since = 0;       // UTC seconds, inclusive
    qint64 until = 0;       // exclusive
    std::int64_t plays = 0;
    std::vector<RecapCard> cards;
};

using RecapPtr = std::shared_ptr<const Recap>;

// The UTC bounds of the local month or year of `query`.
void recapBounds(const RecapQuery& query, qint64* since, qint64* until, qint64* previousSince);

// The cards from the two periods' statistics (the parts up to Discovery are enough).
Recap makeRecap(const RecapQuery& query, const StatsReport& period, const StatsReport& previous);

// Computes both periods' statistics from `data` and makes the cards. Pure, like computeStats;
// returns an empty recap (no cards) when cancelled.
Recap computeRecap(const StatsData& data, const RecapQuery& query,
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace encore::stats

Q_DECLARE_METATYPE(encore::stats::RecapQuery)
Q_DECLARE_METATYPE(encore::stats::RecapPtr)
