#include "playback/seekslider.h"

#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>

namespace encore {

SeekSlider::SeekSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent) {
    setRange(0, 0);
    setFocusPolicy(Qt::NoFocus);  // arrow keys belong to the lists
    connect(this, &QSlider::sliderReleased, this, [this] { Q_EMIT seekRequested(value()); });
}

void SeekSlider::follow(qint64 ms) {
    if (!isSliderDown())
        setValue(int(qMin<qint64>(ms, maximum())));
}

void SeekSlider::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || maximum() <= 0) {
        QSlider::mousePressEvent(event);
        return;
    }
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    if (handle.contains(event->position().toPoint())) {
        QSlider::mousePressEvent(event);  // grab the handle and drag
        return;
    }
    const QRect groove =
        style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
    const int span = groove.width() - handle.width();
    const int x = int(event->position().x()) - groove.x() - handle.width() / 2;
    const int value = QStyle::sliderValueFromPosition(minimum(), maximum(), x, qMax(1, span));
    setValue(value);
    Q_EMIT seekRequested(value);
    event->accept();
}

}  // namespace encore
