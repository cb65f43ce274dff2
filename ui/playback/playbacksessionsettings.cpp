#include "playback/playbacksessionsettings.h"

#include <QSettings>
#include <QVariantList>

namespace encore {

namespace {

const auto kQueueKey = QStringLiteral("session/queue");
const auto kContextKey = QStringLiteral("session/context");
const auto kCurrentKey = QStringLiteral("session/current");
const auto kShuffleKey = QStringLiteral("session/shuffle");
const auto kRepeatKey = QStringLiteral("session/repeat");

QVariantList toVariants(const QList<TrackId>& ids) {
    QVariantList out;
    out.reserve(ids.size());
    for (const TrackId id : ids)
        out.append(qlonglong(id));
    return out;
}

QList<TrackId> toIds(const QVariant& value) {
    QList<TrackId> out;
    for (const QVariant& v : value.toList()) {
        bool ok = false;
        const TrackId id = v.toLongLong(&ok);
        if (ok && id > 0)
            out.append(id);
    }
    return out;
}

}  // namespace

void savePlaybackSession(QSettings& settings, const PlaybackSession& session) {
    settings.setValue(kQueueKey, toVariants(session.queue));
    settings.setValue(kContextKey, toVariants(session.context));
    settings.setValue(kCurrentKey, qlonglong(session.current));
    settings.setValue(kShuffleKey, session.shuffle);
    settings.setValue(kRepeatKey, int(session.repeat));
}

PlaybackSession loadPlaybackSession(const QSettings& settings) {
    PlaybackSession session;
    session.queue = toIds(settings.value(kQueueKey));
    session.context = toIds(settings.value(kContextKey));
    session.current = settings.value(kCurrentKey, 0).toLongLong();
    session.shuffle = settings.value(kShuffleKey, false).toBool();
    const int repeat = settings.value(kRepeatKey, 0).toInt();
    session.repeat = repeat == int(RepeatMode::All)   ? RepeatMode::All
                     : repeat == int(RepeatMode::One) ? RepeatMode::One
                                                      : RepeatMode::Off;
    return session;
}

}  // namespace encore
