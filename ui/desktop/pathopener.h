#pragma once

#include <QObject>
#include <QStringList>

namespace encore {

class Engine;
class PlaybackController;

// Opens what the desktop hands Encore ("Open with Encore", `encore FILE... DIR...`, a second
// start, a drop on the window, a playlist file): folders join the library and are scanned;
// songs (and a playlist's songs, in order) play when nothing plays, else join the end of the
// queue. A song outside the library has its folder scanned first and plays once it is in.
class PathOpener : public QObject {
    Q_OBJECT

public:
    PathOpener(Engine& engine, PlaybackController& playback, QObject* parent = nullptr);

    void open(const QStringList& paths);
    QStringList waiting() const { return waiting_; }

public Q_SLOTS:
    // A new library snapshot is in the player: songs waiting for it play or queue now.
    void libraryLoaded();

Q_SIGNALS:
    // What happened, for the status bar.
    void message(const QString& text);

private:
    // Plays or queues the files the library has; returns those it has not.
    QStringList playOrQueue(const QStringList& files);
    // The files whose folders were scanned: played or queued now, or said to be missing.
    void resolveWaiting();
    QStringList playlistEntries(const QString& path);

    Engine& engine_;
    PlaybackController& playback_;
    QStringList waiting_;   // files whose folders are being scanned
    QStringList deferred_;  // asked for before the library was loaded
    int scans_ = 0;         // scans this asked for that have not finished
};

}  // namespace encore
