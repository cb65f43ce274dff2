#include "stats/summary/evidence.h"

#include "stats/summary/plainwords.h"

namespace encore::stats {

namespace {

QString count(std::int64_t n, const char* one, const char* many) {
    return formatCount(std::size_t(n)) + QLatin1Char(' ') +
           QString::fromLatin1(n == 1 ? one : many);
}

// What there is so far, in the terms of the part of the need that is not met.
QString sofar(const Evidence& have, const EvidenceNeed& need) {
    if (have.plays == 0)
        return QStringLiteral("No plays in this period yet.");
    if (have.known_genre_plays < need.known_genre_plays && have.plays >= need.plays)
        return have.known_genre_plays == 0
                   ? QStringLiteral("So far none of your %1 is of a song with a genre.")
                         .arg(count(have.plays, "play", "plays"))
                   : QStringLiteral("So far: %1 of your %2 are of songs with a genre.")
                         .arg(formatCount(std::size_t(have.known_genre_plays)),
                              count(have.plays, "play", "plays"));
    if (have.listens < need.listens)
        return QStringLiteral("So far: %1.").arg(count(have.listens, "listen", "listens"));
    return QStringLiteral("So far: %1 on %2.")
        .arg(count(have.plays, "play", "plays"), count(have.active_days, "day", "days"));
}

}  // namespace

QString missingEvidence(const Evidence& have, const EvidenceNeed& need) {
    const bool met = have.plays >= need.plays && have.listens >= need.listens &&
                     have.known_genre_plays >= need.known_genre_plays &&
                     have.active_days >= need.active_days && have.span_days >= need.span_days;
    if (met)
        return {};
    return QString::fromUtf8(need.ask) + QLatin1Char(' ') + sofar(have, need);
}

}  // namespace encore::stats
