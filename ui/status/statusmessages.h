#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QStatusBar;
class QWidget;

namespace encore {

// The status bar's passing messages, shortened with "…" to the room left of the permanent
// widgets (QStatusBar would cut them off), the whole text in the bar's tooltip. A message that
// is already showing is not shown again, so the same news does not flash or stay longer.
class StatusMessages : public QObject {
    Q_OBJECT

public:
    explicit StatusMessages(QStatusBar* bar);

    // Widgets added with QStatusBar::addPermanentWidget: the message ends where they start.
    void addPermanentWidget(QWidget* widget) { permanent_.append(widget); }
    void show(const QString& text, int timeoutMs);
    // The whole text of the message showing; empty when none is.
    QString text() const { return full_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    int room() const;
    void display(int timeoutMs);

    QStatusBar* bar_;
    QList<QPointer<QWidget>> permanent_;
    QString full_;
    QString shown_;  // what the bar got, maybe shortened
    QDeadlineTimer until_;
};

}  // namespace encore
