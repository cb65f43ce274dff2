#pragma once

#include "playback/playbacksettings.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace encore {

class Player;

// Settings' Playback group: the sound output and its device, crossfade (off by default,
// never within an album, on skips only if asked), ReplayGain mode, pre-amp and clipping
// prevention. Kept in QSettings; the player follows every change at once.
class PlaybackSection : public QGroupBox {
    Q_OBJECT

public:
    explicit PlaybackSection(Player& player, QWidget* parent = nullptr);

    QComboBox* deviceBox() const { return device_; }
    QCheckBox* crossfadeBox() const { return crossfade_; }
    QDoubleSpinBox* crossfadeSecondsBox() const { return crossfade_seconds_; }
    QCheckBox* crossfadeOnSkipBox() const { return crossfade_on_skip_; }
    QComboBox* replayGainBox() const { return replaygain_; }
    QDoubleSpinBox* preampBox() const { return preamp_; }
    QCheckBox* clippingBox() const { return clipping_; }
    QLabel* outputLabel() const { return output_; }
    // What the controls say.
    PlaybackSettings settings() const;

private:
    void fillDevices();
    void apply();

    Player& player_;
    QLabel* output_;
    QComboBox* device_;
    QCheckBox* crossfade_;
    QDoubleSpinBox* crossfade_seconds_;
    QCheckBox* crossfade_on_skip_;
    QComboBox* replaygain_;
    QDoubleSpinBox* preamp_;
    QCheckBox* clipping_;
    QString saved_device_;
};

}  // namespace encore
