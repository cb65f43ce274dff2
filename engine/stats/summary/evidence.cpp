#include "stats/summary/evidence.h"

#include "stats/summary/plainwords.h"

namespace encore::stats {

namespace {

QString sofar(const Evidence& have) {
    if (have.plays == 0)
        return QStringLiteral("No plays in this period yet.");
    return QStringLiteral("So far: %1 %2 on %3 %4.")
        .arg(formatCount(std::size_t(have.plays)),
             have.plays == 1 ? QStringLiteral("play") : QStringLiteral("plays"),
             formatCount(std::size_t(have.active_days)),
             have.active_days == 1 ? QStringLiteral("day") : QStringLiteral("days"));
}

}  // namespace

QString missingEvidence(const Evidence& have, const EvidenceNeed& need) {
    const bool met = have.plays >= need.plays && have.listens >= need.listens &&
                     have.known_genre_plays >= need.known_genre_plays &&
                     have.active_days >= need.active_days && have.span_days >= need.span_days;
    if (met)
        return {};
    return QString::fromUtf8(need.ask) + QLatin1Char(' ') + sofar(have);
}

}  // namespace encore::stats
