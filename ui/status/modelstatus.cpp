#include "status/modelstatus.h"

#include "suggest/recommenderprovider.h"
#include "widgets/elidedlabel.h"
#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QTimer>
#include <QToolButton>

namespace encore {

ModelStatus::ModelStatus(RecommenderProvider& provider, QWidget* parent)
    : QWidget(parent)
    , provider_(provider)
    , label_(new ElidedLabel(this))
    , retrain_(new QToolButton(this))
    , timer_(new QTimer(this)) {
    retrain_->setAutoRaise(true);
    retrain_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label_, 1);
    layout->addWidget(retrain_);
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
    return label_->fullText();
}

void ModelStatus::refresh() {
    label_->setFullText(provider_.status());
    const QString details = provider_.details();
    label_->setToolTip(details.isEmpty() ? provider_.status()
                                         : provider_.status() + QStringLiteral("\n\n") + details);
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
