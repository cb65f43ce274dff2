#pragma once

#include <QSlider>

namespace encore {

// A horizontal slider that jumps to where it is clicked (not by page steps) and ignores
// position updates while the listener drags it.
class SeekSlider : public QSlider {
    Q_OBJECT

public:
    explicit SeekSlider(QWidget* parent = nullptr);

    // Follows playback unless the listener is dragging.
    void follow(qint64 ms);

Q_SIGNALS:
    // The listener picked a position (click or end of a drag).
    void seekRequested(qint64 ms);

protected:
    void mousePressEvent(QMouseEvent* event) override;
};

}  // namespace encore
