#include "status/importstatus.h"

#include "engine.h"
#include "status/importreportdialog.h"
#include "widgets/elidedlabel.h"
#include "widgets/formatting.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace encore {

ImportStatus::ImportStatus(Engine& engine, QWidget* parent)
    : QWidget(parent)
    , engine_(engine)
    , label_(new ElidedLabel(this))
    , progress_(new QProgressBar(this))
    , cancel_(new QToolButton(this))
    , details_(new QToolButton(this)) {
    progress_->setFixedWidth(140);
    progress_->setTextVisible(false);
    progress_->setRange(0, 0);  // records of a file are streamed: no total to show
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(
        tr("Stop the import; the file being read leaves nothing behind, the "
           "files before it stay imported"));
    cancel_->setAutoRaise(true);
    details_->setText(tr("Details…"));
    details_->setToolTip(tr("What each file added, and why a file could not be imported"));
    details_->setAutoRaise(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(label_, 1);
    layout->addWidget(details_);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);
    hide();

    connect(cancel_, &QToolButton::clicked, this, [this] {
        cancel_->setEnabled(false);
        label_->setFullText(tr("Cancelling the import…"));
        engine_.cancelImport();
    });
    connect(details_, &QToolButton::clicked, this, &ImportStatus::showDetails);
    connect(&engine_, &Engine::importStarted, this, &ImportStatus::started);
    connect(&engine_, &Engine::importProgress, this, &ImportStatus::progressed);
    connect(&engine_, &Engine::importFinished, this, &ImportStatus::finished);
}

QString ImportStatus::text() const {
    return running_ || summary_.isEmpty() ? label_->fullText() : summary_;
}

QString ImportStatus::shownText() const {
    return label_->fullText();
}

void ImportStatus::started(const QStringList& paths) {
    summary_.clear();
    running_ = true;
    show();
    progress_->show();
    cancel_->show();
    cancel_->setEnabled(true);
    details_->hide();
    label_->setFullText(tr("Importing listening history from %1…")
                            .arg(paths.size() == 1 ? QFileInfo(paths.first()).fileName()
                                                   : tr("%1 places").arg(paths.size())));
}

void ImportStatus::progressed(const ImportProgress& p) {
    if (!running_ || !cancel_->isEnabled())
        return;
    label_->setFullText(
        tr("Importing listening history: %1 · %2 records read")
            .arg(p.file.section(QLatin1Char('/'), -1), Formatting::count(p.records)));
}

void ImportStatus::finished(const ImportReport& report) {
    running_ = false;
    report_ = report;
    progress_->hide();
    cancel_->hide();
    show();
    // A few words that fit beside the other messages; the whole summary is the tooltip.
    summary_ = ImportReportDialog::summary(report);
    label_->setFullText(ImportReportDialog::shortSummary(report));
    label_->setToolTip(summary_);
    details_->setVisible(!report.files.isEmpty());
}

ImportReportDialog* ImportStatus::showDetails() {
    auto* dialog = new ImportReportDialog(report_, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

}  // namespace encore
