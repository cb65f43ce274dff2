#pragma once

#include "store/play.h"

#include <QtGlobal>

namespace encore {

// Why a listen ended, as the player (or an export) tells it.
enum class EndCause {
    Finished,    // the track reached its end
    UserChange,  // the listener moved to another track (next, previous, picked one)
    Stop,        // stop, quit, end of the queue
    Error,       // playback failed
    Unknown,     // an export that does not say (Spotify's basic history)
};

// What the rules make of a listen.
struct ListenOutcome {
    EndReason reason = EndReason::Stopped;
    bool counted = false;  // a play
    bool logged = true;    // false: nothing was heard, there is nothing to log
};

// The play and skip rules of issue 3. Pure functions of heard time, position and duration;
// the clock lives in ListenTracker, so every edge is testable without waiting.
class ListenRules {
public:
    static constexpr qint64 kMaxThresholdMs = 240'000;  // 4 minutes count whatever the length
    static constexpr qint64 kShortTrackMs = 30'000;     // up to this long: 100% needed
    static constexpr qint64 kBrowseMs = 5'000;          // heard up to this: browsing, not a skip
    static constexpr qint64 kSkipTailMs = 5'000;        // a skip leaves more than this unheard
    // Spotify's and Last.fm's minimum, for the rare listen whose track length nobody knows.
    static constexpr qint64 kUnknownDurationThresholdMs = 30'000;

    // Heard time needed for a play: min(half, 240 s); all of a track of 30 s or less.
    static qint64 playThresholdMs(qint64 durationMs);
    static bool isPlay(qint64 heardMs, qint64 durationMs);
    // A change of track by the user after more than 5 s heard, more than 5 s before the end,
    // before the play threshold. Never true for a play.
    static bool isSkip(qint64 heardMs, qint64 positionMs, qint64 durationMs, EndCause cause);
    // A listen in Encore: heard time, where playback was when it ended, the track length.
    static ListenOutcome classify(qint64 heardMs, qint64 positionMs, qint64 durationMs,
                                  EndCause cause);
    // A listen from an export. heardMs < 0: unknown (a scrobble, which its service only sends
    // for plays, unless `cause` says it was skipped).
    static ListenOutcome classifyImported(qint64 heardMs, qint64 durationMs, EndCause cause);
    // The 30-minute session rule (play.h), here so that the rules are in one place.
    static bool sameSession(qint64 previousEndMs, qint64 nextStartMs) {
        return encore::sameSession(previousEndMs, nextStartMs);
    }
};

}  // namespace encore
