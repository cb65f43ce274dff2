#pragma once

#include "core/track.h"
#include "stats/recap/recap.h"

#include <QImage>
#include <QWidget>

#include <functional>

class QGridLayout;
class QLabel;
class QToolButton;

namespace encore::dashboards {

// "Your month" / "Your year": the recap's cards in a grid, each a big figure and one sentence,
// the top artist, album and song with their covers; arrows to the period before and after,
// and "Save as image" for a PNG to share.
class RecapView : public QWidget {
    Q_OBJECT

public:
    // The cover of a track at thumbnail size, or a null image while it loads or when there is
    // none (coversChanged() repaints once more have arrived).
    using CoverSource = std::function<QImage(TrackId track)>;

    explicit RecapView(QWidget* parent = nullptr);

    void setRecap(const stats::Recap& recap);
    const stats::Recap& recap() const { return recap_; }
    void setCoverSource(CoverSource source);
    void coversChanged();
    // The next arrow is off for the running month or year: there is nothing after it yet.
    void setNextEnabled(bool enabled);

    // Every card in one picture, the title on top.
    QImage image() const;
    // False, with the reason in `error`, when the file cannot be written.
    bool exportPng(const QString& path, QString* error) const;
    // The figure and sentence of card `key` as shown ("" when absent).
    QString figureOf(const QString& key) const;
    QString sentenceOf(const QString& key) const;

Q_SIGNALS:
    void previousRequested();
    void nextRequested();

private:
    void rebuild();
    void saveWithDialog();

    stats::Recap recap_;
    CoverSource covers_;
    QLabel* title_;
    QToolButton* previous_;
    QToolButton* next_;
    QToolButton* save_;
    QWidget* sheet_;  // what the PNG shows: the title and the cards
    QGridLayout* grid_;
    QList<QWidget*> card_widgets_;
    QList<QPair<QLabel*, TrackId>> cover_labels_;
};

}  // namespace encore::dashboards
