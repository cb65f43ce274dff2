#pragma once

#include <QLabel>

namespace encore {

// A short word in a rounded pill of the palette's highlight colour ("Incognito"), for a state
// that must not be missed. Follows light and dark palettes.
class Badge : public QLabel {
    Q_OBJECT

public:
    explicit Badge(const QString& text, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
};

}  // namespace encore
