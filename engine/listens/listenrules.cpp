#include "listens/listenrules.h"

namespace encore {

qint64 ListenRules::playThresholdMs(qint64 durationMs) {
    if (durationMs <= 0)
        return kUnknownDurationThresholdMs;
    if (durationMs <= kShortTrackMs)
        return durationMs;
    return qMin(kMaxThresholdMs, (durationMs + 1) / 2);  // "at least half": round up
}

bool ListenRules::isPlay(qint64 heardMs, qint64 durationMs) {
    return heardMs >= playThresholdMs(durationMs);
}

bool ListenRules::isSkip(qint64 heardMs, qint64 positionMs, qint64 durationMs, EndCause cause) {
    if (cause != EndCause::UserChange || heardMs <= kBrowseMs || isPlay(heardMs, durationMs))
        return false;
    return durationMs <= 0 || durationMs - positionMs > kSkipTailMs;
}

ListenOutcome ListenRules::classify(qint64 heardMs, qint64 positionMs, qint64 durationMs,
                                    EndCause cause) {
    ListenOutcome outcome;
    outcome.counted = isPlay(heardMs, durationMs);
    outcome.logged = heardMs > 0 || cause == EndCause::Error;
    switch (cause) {
        case EndCause::Finished:
            outcome.reason = EndReason::Finished;
            break;
        case EndCause::Error:
            outcome.reason = EndReason::Error;
            break;
        case EndCause::UserChange:
            outcome.reason = isSkip(heardMs, positionMs, durationMs, cause) ? EndReason::Skipped
                                                                            : EndReason::Stopped;
            break;
        case EndCause::Stop:
        case EndCause::Unknown:
            outcome.reason = EndReason::Stopped;
            break;
    }
    return outcome;
}

ListenOutcome ListenRules::classifyImported(qint64 heardMs, qint64 durationMs, EndCause cause) {
    if (heardMs < 0) {
        // Scrobbles and ratings: the service only records plays; a rating of "skipped" is not.
        ListenOutcome outcome;
        outcome.counted = cause != EndCause::UserChange;
        outcome.reason = outcome.counted ? EndReason::Finished : EndReason::Skipped;
        return outcome;
    }
    if (cause != EndCause::Unknown) {
        ListenOutcome outcome = classify(heardMs, heardMs, durationMs, cause);
        outcome.logged = true;  // an export's record is kept even at 0 ms: it is skip signal
        return outcome;
    }
    // No reason given (Spotify basic): short of the threshold and past browsing is a skip.
    ListenOutcome outcome;
    outcome.counted = isPlay(heardMs, durationMs);
    const bool nearEnd = durationMs > 0 && durationMs - heardMs <= kSkipTailMs;
    if (outcome.counted)
        outcome.reason = (durationMs <= 0 || nearEnd) ? EndReason::Finished : EndReason::Stopped;
    else
        outcome.reason =
            (heardMs > kBrowseMs && !nearEnd) ? EndReason::Skipped : EndReason::Stopped;
    return outcome;
}

}  // namespace encore
