#include "reco/servingcontext.h"

#include "store/play.h"
#include "store/profilestore.h"
#include "store/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace encore {

Result<ServingContext> ServingContext::read(QSqlDatabase db, const RecommendRequest& request) {
    ServingContext c;
    c.now = request.now > 0 ? request.now : QDateTime::currentSecsSinceEpoch();
    c.utc_offset_minutes = request.has_utc_offset
                               ? request.utc_offset_minutes
                               : QDateTime::fromSecsSinceEpoch(c.now).offsetFromUtc() / 60;
    c.profile = request.profile;
    if (c.profile == 0) {
        const Result<Profile> active = ProfileStore(db).active();
        if (!active)
            return Error{active.error()};
        c.profile = active->id;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT track_id, started_at, coalesce(ms_played, duration_ms, 0), utc_offset_minutes, "
        "counted FROM plays WHERE profile_id = ? AND started_at >= ? AND started_at <= ? "
        "ORDER BY started_at DESC, id DESC"));
    q.addBindValue(c.profile);
    q.addBindValue(c.now - kRecentSeconds);
    q.addBindValue(c.now);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the recent plays for recommendations"), q);
    while (q.next()) {
        RecentListen l;
        l.track = q.value(0).toLongLong();
        l.started_at = q.value(1).toLongLong();
        l.ended_at = l.started_at + q.value(2).toLongLong() / 1000;
        l.utc_offset_minutes = q.value(3).toInt();
        l.counted = q.value(4).toInt() != 0;
        c.recent.append(l);
    }
    // The running session: back from now while the gaps stay within the session rule.
    qint64 next_start = c.now;
    for (const RecentListen& l : c.recent) {
        if (!sameSession(l.ended_at * 1000, next_start * 1000))
            break;
        if (l.counted)
            c.session.append(l.track);
        next_start = l.started_at;
    }
    c.current_track = request.current_track;
    if (c.current_track == 0) {
        QSqlQuery last(db);
        last.prepare(
            QStringLiteral("SELECT track_id FROM plays WHERE profile_id = ? AND "
                           "started_at <= ? ORDER BY started_at DESC, id DESC LIMIT 1"));
        last.addBindValue(c.profile);
        last.addBindValue(c.now);
        if (!last.exec())
            return sqlError(QStringLiteral("Reading the last played track"), last);
        if (last.next())
            c.current_track = last.value(0).toLongLong();
    }
    QSqlQuery fb(db);
    fb.prepare(QStringLiteral(
        "SELECT track_id FROM feedback WHERE profile_id = ? AND kind = 'not_for_me'"));
    fb.addBindValue(c.profile);
    if (!fb.exec())
        return sqlError(QStringLiteral("Reading the \"not for me\" tracks"), fb);
    while (fb.next())
        c.not_for_me.insert(fb.value(0).toLongLong());
    return c;
}

}  // namespace encore
