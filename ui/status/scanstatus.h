#pragma once

#include "library/scanreport.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace encore {

class Engine;
class ElidedLabel;

// The scan's part of the status bar: files done of total and the current folder while it
// runs, with Cancel; afterwards a one-line summary, and "Details…" when files failed.
class ScanStatus : public QWidget {
    Q_OBJECT

public:
    explicit ScanStatus(Engine& engine, QWidget* parent = nullptr);

    QString text() const;
    bool isRunning() const { return running_; }
    QToolButton* cancelButton() const { return cancel_; }
    QToolButton* detailsButton() const { return details_; }
    QProgressBar* progressBar() const { return progress_; }
    const ScanReport& lastReport() const { return report_; }

    // Opens the problem list of the last scan.
    void showDetails();

private:
    void started();
    void progressed(const ScanProgress& progress);
    void finished(const ScanReport& report);

    Engine& engine_;
    ElidedLabel* label_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QToolButton* details_;
    ScanReport report_;
    bool running_ = false;
};

}  // namespace encore
