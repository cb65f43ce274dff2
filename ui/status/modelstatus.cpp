#include "status/modelstatus.h"

#include "suggest/recommenderprovider.h"
#include "widgets/elidedlabel.h"
#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QTimer>
#include <QToolButton>

namespace encore {

ModelStatus::ModelStatus(RecommenderProvider& provider, QWidget* parent)
    : QWidget(parent)
    , provider_(provider)
    , label_(new ElidedLabel(this))
    , details_(new QToolButton(this))
    , retrain_(new QToolButton(this))
    , timer_(new QTimer(this)) {
    retrain_->setAutoRaise(true);
    retrain_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label_, 1);
    layout->addWidget(details_);
    layout->addWidget(retrain_);
    details_->setAutoRaise(true);
    details_->setText(tr("Details"));
    details_->setToolTip(tr("The figures behind this line"));
    connect(details_, &QToolButton::clicked, this, [this] {
        auto* box = new QMessageBox(QMessageBox::Information, tr("How the suggestions are doing"),
                                    provider_.status(), QMessageBox::Close, this);
        box->setInformativeText(detailsText());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();  // window-modal, never a nested event loop
    });
    timer_->setInterval(kRefreshMs);
    connect(timer_, &QTimer::timeout, this, &ModelStatus::refresh);
    timer_->start();
    connect(retrain_, &QToolButton::clicked, this, [this] {
        if (provider_.isTraining())
            provider_.cancelTraining();
        else
            provider_.retrainNow();
    });
    connect(&provider_, &SuggestionProvider::statusChanged, this, &ModelStatus::refresh);
    refresh();
}

QString ModelStatus::text() const {
    return provider_.status();
}

QString ModelStatus::shownText() const {
    return label_->fullText();
}

QString ModelStatus::detailsText() const {
    return provider_.details();
}

void ModelStatus::refresh() {
    // The status bar shows the line's first clause, which fits beside the other messages; the
    // whole line and the figures are the tooltip and behind Details.
    const QString line = provider_.status();
    QString face = line;
    for (const QString& separator : {QStringLiteral("; "), QStringLiteral(" \u00B7 ")}) {
        const qsizetype at = face.indexOf(separator);
        if (at > 0)
            face = face.left(at);
    }
    label_->setFullText(face);
    const QString details = provider_.details();
    label_->setToolTip(details.isEmpty() ? provider_.status()
                                         : provider_.status() + QStringLiteral("\n\n") + details);
    details_->setEnabled(!details.isEmpty());
    const bool training = provider_.isTraining();
    retrain_->setText(training ? tr("Stop") : tr("Retrain now"));
    retrain_->setToolTip(training ? tr("Stop this training; the current suggestions stay")
                                  : tr("Learn from your listening now instead of waiting"));
    refreshIcon();
}

void ModelStatus::refreshIcon() {
    retrain_->setIcon(Icons::get(provider_.isTraining() ? QStringLiteral("process-stop")
                                                        : QStringLiteral("view-refresh")));
}

void ModelStatus::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        refreshIcon();
    QWidget::changeEvent(event);
}

}  // namespace encore
