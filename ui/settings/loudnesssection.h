#pragma once

#include <QGroupBox>

class QCheckBox;

namespace encore {

class Engine;

// Settings' Loudness analysis group: whether Encore measures the EBU R128 loudness of songs
// without ReplayGain tags in the background (on by default; QSettings loudness/in_background).
// Switching it off stops a measurement under way; on starts one.
class LoudnessSection : public QGroupBox {
    Q_OBJECT

public:
    explicit LoudnessSection(Engine& engine, QWidget* parent = nullptr);

    QCheckBox* backgroundBox() const { return background_; }

    // The stored choice (the app applies it to the Engine before start()).
    static bool inBackground();
    static void storeInBackground(bool on);

private:
    Engine& engine_;
    QCheckBox* background_;
};

}  // namespace encore
