#include "status/scanstatus.h"

#include "engine.h"
#include "status/scanproblemsdialog.h"
#include "widgets/elidedlabel.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QDir>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace encore {

ScanStatus::ScanStatus(Engine& engine, QWidget* parent)
    : QWidget(parent)
    , engine_(engine)
    , label_(new ElidedLabel(this))
    , progress_(new QProgressBar(this))
    , cancel_(new QToolButton(this))
    , details_(new QToolButton(this)) {
    progress_->setFixedWidth(200);
    progress_->setTextVisible(false);
    progress_->hide();
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop the scan; what was read so far is kept"));
    cancel_->setAutoRaise(true);
    cancel_->hide();
    details_->setText(tr("Details…"));
    details_->setToolTip(tr("Which files could not be read, and why"));
    details_->setAutoRaise(true);
    details_->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(label_, 1);
    layout->addWidget(details_);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);

    connect(cancel_, &QToolButton::clicked, &engine_, &Engine::cancelScan);
    connect(details_, &QToolButton::clicked, this, &ScanStatus::showDetails);
    connect(&engine_, &Engine::scanStarted, this, &ScanStatus::started);
    connect(&engine_, &Engine::scanProgress, this, &ScanStatus::progressed);
    connect(&engine_, &Engine::scanFinished, this, &ScanStatus::finished);
}

QString ScanStatus::text() const {
    return label_->fullText();
}

void ScanStatus::started() {
    running_ = true;
    progress_->setRange(0, 0);
    progress_->show();
    cancel_->show();
    cancel_->setEnabled(true);
    details_->hide();
    label_->setFullText(tr("Looking for music…"));
}

void ScanStatus::progressed(const ScanProgress& p) {
    if (!running_)
        started();
    const QString folder = QDir::toNativeSeparators(p.current_folder);
    if (p.files_total >= 0) {
        progress_->setRange(0, int(qMax<qint64>(1, p.files_total)));
        progress_->setValue(int(p.files_done));
        label_->setFullText(
            tr("Reading %1 of %2 files · %3")
                .arg(Formatting::count(p.files_done), Formatting::count(p.files_total), folder));
    } else {
        label_->setFullText(tr("Looking for music: %1 files found · %2")
                                .arg(Formatting::count(p.files_seen), folder));
    }
}

void ScanStatus::finished(const ScanReport& report) {
    const bool wasRunning = running_;
    running_ = false;
    progress_->hide();
    cancel_->hide();
    report_ = report;
    if (!report.fatal_error.isEmpty()) {
        label_->setFullText(report.fatal_error);
        details_->hide();
        return;
    }
    if (!wasRunning) {  // a folder was removed: no scan ran
        label_->setFullText(tr("Library updated"));
        return;
    }
    QStringList parts;
    if (report.added)
        parts << tr("%1 added").arg(Formatting::count(report.added));
    if (report.updated)
        parts << tr("%1 updated").arg(Formatting::count(report.updated));
    if (report.moved)
        parts << tr("%1 moved").arg(Formatting::count(report.moved));
    if (report.removed)
        parts << tr("%1 gone").arg(Formatting::count(report.removed));
    if (report.restored)
        parts << tr("%1 back").arg(Formatting::count(report.restored));
    QString summary;
    if (report.cancelled)
        summary =
            tr("Scan cancelled") +
            (parts.isEmpty() ? QString() : QStringLiteral(": ") + parts.join(QStringLiteral(", ")));
    else if (parts.isEmpty())
        summary =
            tr("Library up to date: %1 files checked").arg(Formatting::count(report.files_seen));
    else
        summary = tr("Scan finished: ") + parts.join(QStringLiteral(", "));
    if (report.errors > 0)
        summary += tr(" · %n files could not be read", nullptr, report.errors);
    if (report.damaged_tags > 0)
        summary += tr(" · %n files with damaged tags", nullptr, report.damaged_tags);
    label_->setFullText(summary);
    details_->setVisible(report.errors + report.damaged_tags > 0 && !report.problems.isEmpty());
}

void ScanStatus::showDetails() {
    auto* dialog = new ScanProblemsDialog(report_, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

}  // namespace encore
