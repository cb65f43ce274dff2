#pragma once

#include "library/libraryindex.h"
#include "playback/playbackorder.h"
#include "playback/player.h"

#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QSlider;
class QToolButton;

namespace encore {

class Badge;
class CoverLoader;
class ElidedLabel;
class PlaybackController;
class SeekSlider;

// The strip along the bottom of the window: cover, title, artist and album of what plays,
// the transport buttons, the seek bar with times, and the volume.
class NowPlayingBar : public QWidget {
    Q_OBJECT

public:
    static constexpr int kCoverSize = 56;

    NowPlayingBar(PlaybackController& playback, CoverLoader& covers, QWidget* parent = nullptr);

    QToolButton* playButton() const { return play_; }
    // A control of the window's beside the volume (the lyrics switch).
    void addControl(QWidget* control);
    QString titleText() const;
    QString detailText() const;
    QString elapsedText() const;
    bool hasCover() const { return has_cover_; }
    QSlider* volumeSlider() const { return volume_; }
    // "Incognito" shows while nothing that plays is logged.
    void setIncognito(bool on);
    bool showsIncognito() const;
    // "No sound output: nothing is being played" shows while the player reaches no output.
    bool showsNoOutput() const;
    QString noOutputText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void showTrack(const std::optional<TrackInfo>& track);
    void showState(Player::State state);
    void showPosition(qint64 ms);
    void showDuration(qint64 ms);
    void showRepeat(RepeatMode mode);
    void showCover(const QString& path, const QImage& image);
    void showPlaceholderCover();
    void refreshIcons();
    void showOutput();
    void cycleRepeat();
    QToolButton* makeButton(const QString& tip);

    PlaybackController& playback_;
    CoverLoader& covers_;
    QLabel* cover_;
    ElidedLabel* title_;
    ElidedLabel* detail_;
    QToolButton* shuffle_;
    QToolButton* previous_;
    QToolButton* play_;
    QToolButton* next_;
    QToolButton* repeat_;
    QLabel* elapsed_;
    SeekSlider* seek_;
    QLabel* total_;
    QToolButton* mute_;
    QSlider* volume_;
    Badge* incognito_;
    Badge* no_output_;
    QString cover_path_;
    bool has_cover_ = false;
    QHBoxLayout* controls_ = nullptr;  // the row with the volume
    int mute_index_ = 0;
};

}  // namespace encore
