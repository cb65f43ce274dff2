#pragma once

#include "core/track.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <functional>

class QImage;
class QWidget;

namespace encore {

class CoverLoader;
class MprisPlayer;
class MprisRoot;
class Engine;
class PlaybackController;

// Encore on the session bus as an MPRIS2 media player (org.mpris.MediaPlayer2.encore, object
// /org/mpris/MediaPlayer2): media keys, the desktop's media widgets and playerctl drive the
// player through it. Owns the two interface adaptors (MprisRoot, MprisPlayer) and says every
// change of their properties with org.freedesktop.DBus.Properties.PropertiesChanged.
class Mpris : public QObject, public QDBusContext {
    Q_OBJECT

public:
    static constexpr auto kObjectPath = "/org/mpris/MediaPlayer2";
    static constexpr auto kServiceName = "org.mpris.MediaPlayer2.encore";

    Mpris(QWidget& window, PlaybackController& playback, Engine& engine, QObject* parent = nullptr);

    // Registers the object and the service name on `bus` (a second Encore takes
    // "org.mpris.MediaPlayer2.encore.instance<pid>", as MPRIS allows). False, with the reason
    // in `error`, when the bus is not there or refuses.
    bool registerOn(QDBusConnection bus, QString* error = nullptr);
    QString serviceName() const { return service_; }

    // How often a track was played, from the log (xesam:useCount).
    void setUseCount(std::function<int(TrackId)> useCount) { use_count_ = std::move(useCount); }

    QWidget& window() const { return window_; }
    PlaybackController& playback() const { return playback_; }
    // The playing track's xesam/mpris metadata (empty when nothing is loaded).
    QVariantMap metadata() const;
    // "/org/encore/track/<id>", or MPRIS's "no track" path.
    static QString trackPath(TrackId id);

    // Tells the bus that these properties of `interface` changed (their new values read now).
    void propertiesChanged(const QString& interface, const QStringList& names);

private:
    void trackChanged();
    void coverReady(const QString& audioPath, const QImage& image);

    QWidget& window_;
    PlaybackController& playback_;
    CoverLoader* covers_;
    QDBusConnection bus_;
    QString service_;
    std::function<int(TrackId)> use_count_;
    QString art_path_;  // the audio file art_url_ belongs to
    QString art_url_;   // file:// of the cover, cached as a PNG
    MprisRoot* root_ = nullptr;
    MprisPlayer* player_ = nullptr;
};

}  // namespace encore
