#include "reco/feedbackstore.h"

#include "store/profilestore.h"
#include "store/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace encore {

FeedbackStore::FeedbackStore(QSqlDatabase db) : db_(std::move(db)) {}

Result<ProfileId> FeedbackStore::resolve(ProfileId profile) {
    if (profile != 0)
        return profile;
    const Result<Profile> active = ProfileStore(db_).active();
    if (!active)
        return Error{active.error()};
    return active->id;
}

Status FeedbackStore::markNotForMe(ProfileId profile, TrackId track, qint64 nowSeconds,
                                   int utcOffsetMinutes, TrackId context) {
    const Result<ProfileId> p = resolve(profile);
    if (!p)
        return Error{p.error()};
    QSqlQuery q(db_);
    q.prepare(QStringLiteral(
        "INSERT INTO feedback(profile_id, track_id, kind, created_at, utc_offset_minutes, "
        "context_track_id) VALUES (?, ?, 'not_for_me', ?, ?, ?) "
        "ON CONFLICT(profile_id, track_id, kind) DO NOTHING"));
    q.addBindValue(p.value());
    q.addBindValue(track);
    q.addBindValue(nowSeconds);
    q.addBindValue(utcOffsetMinutes);
    q.addBindValue(context > 0 ? QVariant(context) : QVariant(QMetaType(QMetaType::LongLong)));
    if (!q.exec())
        return sqlError(QStringLiteral("Marking track %1 as not for you").arg(track), q);
    return {};
}

Status FeedbackStore::clearNotForMe(ProfileId profile, TrackId track) {
    const Result<ProfileId> p = resolve(profile);
    if (!p)
        return Error{p.error()};
    QSqlQuery q(db_);
    q.prepare(QStringLiteral(
        "DELETE FROM feedback WHERE profile_id = ? AND track_id = ? AND kind = 'not_for_me'"));
    q.addBindValue(p.value());
    q.addBindValue(track);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing the \"not for me\" mark of track %1").arg(track),
                        q);
    return {};
}

Result<QList<TrackId>> FeedbackStore::notForMe(ProfileId profile) {
    const Result<ProfileId> p = resolve(profile);
    if (!p)
        return Error{p.error()};
    QSqlQuery q(db_);
    q.prepare(
        QStringLiteral("SELECT track_id FROM feedback WHERE profile_id = ? AND "
                       "kind = 'not_for_me' ORDER BY created_at"));
    q.addBindValue(p.value());
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the \"not for me\" tracks"), q);
    QList<TrackId> tracks;
    while (q.next())
        tracks << q.value(0).toLongLong();
    return tracks;
}

}  // namespace encore
