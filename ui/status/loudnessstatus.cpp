#include "status/loudnessstatus.h"

#include "engine.h"
#include "widgets/elidedlabel.h"
#include "widgets/formatting.h"

#include <QDir>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace encore {

namespace {

constexpr int kProblemsInTooltip = 10;

}  // namespace

LoudnessStatus::LoudnessStatus(Engine& engine, QWidget* parent)
    : QWidget(parent)
    , label_(new ElidedLabel(this))
    , progress_(new QProgressBar(this))
    , cancel_(new QToolButton(this)) {
    progress_->setFixedWidth(120);
    progress_->setTextVisible(false);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(
        tr("Stop measuring; what was measured is kept, the rest is measured "
           "next time"));
    cancel_->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(label_, 1);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);
    hide();

    connect(cancel_, &QToolButton::clicked, &engine, &Engine::cancelLoudness);
    connect(&engine, &Engine::loudnessStarted, this, &LoudnessStatus::started);
    connect(&engine, &Engine::loudnessProgress, this, &LoudnessStatus::progressed);
    connect(&engine, &Engine::loudnessFinished, this, &LoudnessStatus::finished);
}

QString LoudnessStatus::text() const {
    return label_->fullText();
}

void LoudnessStatus::started() {
    running_ = true;
    progress_->setRange(0, 0);
    cancel_->setEnabled(true);
    label_->setFullText(tr("Measuring loudness…"));
    label_->setToolTip(
        tr("Songs without ReplayGain tags are measured (EBU R128) so that they "
           "play at an even level. The files are not changed."));
}

void LoudnessStatus::progressed(const LoudnessProgress& p) {
    if (!running_)
        started();
    if (p.total == 0)
        return;  // nothing to measure: stay out of sight
    show();
    progress_->show();
    cancel_->show();
    progress_->setRange(0, qMax(1, p.total));
    progress_->setValue(p.done);
    label_->setFullText(tr("Measuring loudness: %1 of %2 songs · %3")
                            .arg(Formatting::count(p.done), Formatting::count(p.total),
                                 QDir::toNativeSeparators(p.current_path)));
}

void LoudnessStatus::finished(const LoudnessReport& report) {
    running_ = false;
    progress_->hide();
    cancel_->hide();
    if (!report.fatal_error.isEmpty()) {
        show();
        label_->setFullText(report.fatal_error);
        return;
    }
    if (report.measured + report.failed == 0 && !report.cancelled) {
        hide();
        return;
    }
    show();
    QString text =
        report.cancelled
            ? tr("Loudness measuring stopped after %1 songs; the rest is measured "
                 "next time")
                  .arg(Formatting::count(report.measured))
            : tr("Loudness measured for %1 songs").arg(Formatting::count(report.measured));
    if (report.failed > 0)
        text += tr(" · %n could not be read", nullptr, report.failed);
    label_->setFullText(text);
    QStringList lines;
    for (const auto& [path, reason] : report.problems.mid(0, kProblemsInTooltip))
        lines << QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason;
    label_->setToolTip(lines.join(QLatin1Char('\n')));
}

}  // namespace encore
