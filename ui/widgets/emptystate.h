#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace encore {

// What a page shows while it has nothing to show: an icon, a title, a sentence saying what
// to do, and optionally the button that does it.
class EmptyState : public QWidget {
    Q_OBJECT

public:
    EmptyState(const QString& iconName, const QString& title, const QString& text,
               QWidget* parent = nullptr);

    // Adds the action button (hidden until called).
    QPushButton* setAction(const QString& text);
    void setText(const QString& text);
    void setTitle(const QString& title);
    QString title() const;
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshIcon();

    QString icon_name_;
    QLabel* icon_;
    QLabel* title_;
    QLabel* text_;
    QPushButton* button_;
};

}  // namespace encore
