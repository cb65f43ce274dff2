#pragma once

#include "library/libraryindex.h"
#include "library/lyrics.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;

namespace encore {

class PlaybackController;

// The playing song's lyrics: synced ones scroll with the position, the line sung now in bold
// in the middle; plain ones as text. Read off the GUI thread when the song changes (an .lrc
// beside the file, else its tags); offline only.
class LyricsPanel : public QWidget {
    Q_OBJECT

public:
    explicit LyricsPanel(PlaybackController& playback, QWidget* parent = nullptr);

    const std::optional<Lyrics>& lyrics() const { return lyrics_; }
    // The line highlighted now (-1: none).
    int currentLine() const { return current_; }
    QListWidget* lines() const { return lines_; }
    QString note() const;

Q_SIGNALS:
    // The lyrics of the current song were read (or found missing).
    void loaded();

private:
    void load(const std::optional<TrackInfo>& track);
    void show(const QString& path, const Result<std::optional<Lyrics>>& read);
    void follow(qint64 positionMs);

    PlaybackController& playback_;
    QLabel* note_;
    QListWidget* lines_;
    std::optional<Lyrics> lyrics_;
    QString path_;  // the song they belong to
    int current_ = -1;
};

}  // namespace encore
