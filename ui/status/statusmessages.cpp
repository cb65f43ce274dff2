#include "status/statusmessages.h"

#include <QEvent>
#include <QStatusBar>

#include <algorithm>

namespace encore {

namespace {

// QStatusBar draws its message 6 px from the left and stops 12 px short of the right edge.
constexpr int kLeftMargin = 6;
constexpr int kRightMargin = 12;

}  // namespace

StatusMessages::StatusMessages(QStatusBar* bar) : QObject(bar), bar_(bar) {
    bar->installEventFilter(this);
    connect(bar, &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (message == shown_)
            return;
        full_.clear();  // timed out, or another message took its place
        shown_.clear();
        bar_->setToolTip({});
    });
}

int StatusMessages::room() const {
    int right = bar_->width() - kRightMargin;
    for (const QPointer<QWidget>& widget : permanent_) {
        if (widget && widget->isVisible())
            right = std::min(right, widget->geometry().left());
    }
    return std::max(0, right - kLeftMargin);
}

void StatusMessages::show(const QString& text, int timeoutMs) {
    if (text.isEmpty()) {
        bar_->clearMessage();
        return;
    }
    if (text == full_ && !bar_->currentMessage().isEmpty())
        return;
    full_ = text;
    until_ = timeoutMs > 0 ? QDeadlineTimer(timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    display(timeoutMs);
}

void StatusMessages::display(int timeoutMs) {
    shown_ = bar_->fontMetrics().elidedText(full_, Qt::ElideRight, room());
    bar_->setToolTip(shown_ == full_ ? QString() : full_);
    bar_->showMessage(shown_, timeoutMs);
}

bool StatusMessages::eventFilter(QObject* watched, QEvent* event) {
    if (watched == bar_ && event->type() == QEvent::Resize && !full_.isEmpty() &&
        !until_.hasExpired())
        display(until_.isForever() ? 0 : int(std::max<qint64>(1, until_.remainingTime())));
    return QObject::eventFilter(watched, event);
}

}  // namespace encore
