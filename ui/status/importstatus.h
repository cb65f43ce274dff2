#pragma once

#include "listens/historywriter.h"

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace encore {

class Engine;
class ElidedLabel;
class ImportReportDialog;

// The history import's part of the status bar: the file being read and how many records so
// far, with Cancel; afterwards a one-line summary and "Details…" for the per-file report.
// Hidden while there is nothing to say.
class ImportStatus : public QWidget {
    Q_OBJECT

public:
    explicit ImportStatus(Engine& engine, QWidget* parent = nullptr);

    // The whole line of the last import (or of the one running).
    QString text() const;
    // What the status bar shows of it.
    QString shownText() const;
    bool isRunning() const { return running_; }
    QToolButton* cancelButton() const { return cancel_; }
    QToolButton* detailsButton() const { return details_; }
    const ImportReport& lastReport() const { return report_; }

    // Opens the per-file report of the last import.
    ImportReportDialog* showDetails();

private:
    void started(const QStringList& paths);
    void progressed(const ImportProgress& progress);
    void finished(const ImportReport& report);

    Engine& engine_;
    ElidedLabel* label_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QToolButton* details_;
    ImportReport report_;
    bool running_ = false;
    QString summary_;  // the finished import's whole summary (the label shows a short one)
};

}  // namespace encore
