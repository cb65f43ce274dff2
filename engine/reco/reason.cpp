#include "reco/reason.h"

#include "core/textfold.h"

namespace encore {

namespace {

QString titleOf(const PublishedModel& m, int32_t track) {
    const QString& title = m.tracks[track].title;
    return title.isEmpty() ? QStringLiteral("track %1").arg(m.tracks[track].id) : title;
}

// The display name of genre `genre` as tagged on `track`.
QString genreName(const PublishedModel& m, int32_t track, int32_t genre) {
    const QString& key = m.vocabulary.genreKey(genre);
    for (const QString& name : m.tracks[track].genres) {
        if (foldForComparison(name) == key)
            return name;
    }
    return key;
}

QString times(int32_t count) {
    return count == 1 ? QStringLiteral("once") : QStringLiteral("%1 times").arg(count);
}

}  // namespace

bool isFiller(ReasonKind kind) {
    return kind == ReasonKind::Popular || kind == ReasonKind::NewInLibrary;
}

int similarTier(ReasonKind kind) {
    switch (kind) {
        case ReasonKind::PlayedAfter:
            return 3;
        case ReasonKind::SimilarListening:
            return 2;
        case ReasonKind::SameArtist:
        case ReasonKind::SharedGenre:
            return 1;
        default:
            return 0;
    }
}

QString reasonText(const PublishedModel& m, int32_t track, const Reason& r) {
    const QString about = r.about >= 0 ? titleOf(m, r.about) : QString();
    switch (r.kind) {
        case ReasonKind::PlayedAfter:
            return (r.mine ? QStringLiteral("you often play this after %1 (%2)")
                           : QStringLiteral("often played after %1 (%2)"))
                .arg(about, times(r.count));
        case ReasonKind::SameArtistToday:
            return QStringLiteral("by the same artist as %1, which you played today").arg(about);
        case ReasonKind::CloseToFavourite:
            return QStringLiteral("new to you, and much like %1, a favourite of yours").arg(about);
        case ReasonKind::GenreAtTime:
            return QStringLiteral("you play %1 on %2")
                .arg(genreName(m, track, r.genre), ReasonIndex::segmentName(r.segment));
        case ReasonKind::Favourite:
            return r.most_played ? QStringLiteral("one of your most played (%1 plays)").arg(r.count)
                                 : QStringLiteral("you played it %1").arg(times(r.count));
        case ReasonKind::SameArtist:
            return QStringLiteral("by the same artist as %1").arg(about);
        case ReasonKind::SharedGenre:
            return QStringLiteral("also %1, like %2").arg(genreName(m, track, r.genre), about);
        case ReasonKind::SimilarListening:
            return QStringLiteral("often played alongside %1").arg(about);
        case ReasonKind::Popular:
            return r.count == 1 ? QStringLiteral("popular in your library (1 play)")
                                : QStringLiteral("popular in your library (%1 plays)").arg(r.count);
        case ReasonKind::NewInLibrary:
            return QStringLiteral("new in your library");
    }
    return QString();
}

void applyReason(const PublishedModel& m, int32_t track, const Reason& reason, Recommendation& r) {
    r.reason_kind = reason.kind;
    r.reason = reasonText(m, track, reason);
    r.reason_track_id = reason.about >= 0 ? m.tracks[reason.about].id : 0;
    r.reason_count = reason.count;
}

}  // namespace encore
