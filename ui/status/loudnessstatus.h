#pragma once

#include "library/loudnessworker.h"

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace encore {

class Engine;
class ElidedLabel;

// The loudness analysis in the status bar: songs measured of those to measure, with Cancel,
// while it runs; afterwards one line saying what it did (the files it could not read in the
// tooltip). Hidden when there was nothing to measure.
class LoudnessStatus : public QWidget {
    Q_OBJECT

public:
    explicit LoudnessStatus(Engine& engine, QWidget* parent = nullptr);

    QString text() const;
    bool isRunning() const { return running_; }
    QToolButton* cancelButton() const { return cancel_; }

private:
    void started();
    void progressed(const LoudnessProgress& progress);
    void finished(const LoudnessReport& report);

    ElidedLabel* label_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    bool running_ = false;
};

}  // namespace encore
