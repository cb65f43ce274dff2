#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace encore {

// One suggested track and why, as the Up Next and Similar lists show it.
struct Suggestion {
    TrackId track_id = 0;
    QString title;
    QString artist;
    QString reason;  // "you often play this after Teardrop (5 times)"
};

// Where the window's suggestion lists come from: the recommender behind an adapter (the
// engine's recommendation service answers with futures and signals a new model). Lives on the
// GUI thread; the futures may finish on any thread.
class SuggestionProvider : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // "Recommended next" for the active profile while `playing` plays (0: nothing) and now.
    virtual QFuture<Result<QList<Suggestion>>> upNext(TrackId playing, int count) = 0;
    // Tracks like `track`, each with its reason.
    virtual QFuture<Result<QList<Suggestion>>> similar(TrackId track, int count) = 0;
    // The listener said "not for me" about `track` while `context` played (0: nothing); the
    // future finishes when it is stored (later lists leave the track out).
    virtual QFuture<Status> notForMe(TrackId track, TrackId context) = 0;
    // One line on how the suggestions are made ("trained 12:04 on 18,233 plays · next retrain
    // in 14 min"); empty: nothing to say.
    virtual QString status() const { return {}; }
    // Said above "Recommended next" while the suggestions are stand-ins (too few plays to learn
    // from: "Play a few songs and suggestions will appear; until then: popular in your
    // library"); empty when they are the real thing.
    virtual QString note() const { return {}; }

Q_SIGNALS:
    // A new model serves or the profile changed: lists ask again.
    void changed();
    // status() or note() changed.
    void statusChanged();
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::Suggestion)
