#include "widgets/emptystate.h"

#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace encore {

namespace {
constexpr int kIconSize = 64;
constexpr int kTextWidth = 440;  // a comfortable line length
}  // namespace

EmptyState::EmptyState(const QString& iconName, const QString& title, const QString& text,
                       QWidget* parent)
    : QWidget(parent)
    , icon_name_(iconName)
    , icon_(new QLabel(this))
    , title_(new QLabel(title, this))
    , text_(new QLabel(text, this))
    , button_(new QPushButton(this)) {
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    title_->setAlignment(Qt::AlignHCenter);
    title_->setWordWrap(true);
    text_->setAlignment(Qt::AlignHCenter);
    text_->setWordWrap(true);
    text_->setForegroundRole(QPalette::PlaceholderText);
    icon_->setAlignment(Qt::AlignHCenter);
    icon_->setEnabled(false);  // drawn in the disabled (muted) colour
    button_->hide();

    // The text column keeps a readable width and stays centred; labels fill it, so word
    // wrapping gets the height it needs.
    auto* column = new QWidget(this);
    column->setMaximumWidth(kTextWidth);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(icon_);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(title_);
    columnLayout->addWidget(text_);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(button_, 0, Qt::AlignHCenter);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
    refreshIcon();
}

QPushButton* EmptyState::setAction(const QString& text) {
    button_->setText(text);
    button_->show();
    return button_;
}

void EmptyState::setText(const QString& text) {
    text_->setText(text);
}

void EmptyState::setTitle(const QString& title) {
    title_->setText(title);
}

QString EmptyState::title() const {
    return title_->text();
}

QString EmptyState::text() const {
    return text_->text();
}

void EmptyState::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        refreshIcon();
    QWidget::changeEvent(event);
}

void EmptyState::refreshIcon() {
    icon_->setPixmap(Icons::get(icon_name_).pixmap(kIconSize, kIconSize, QIcon::Disabled));
}

}  // namespace encore
