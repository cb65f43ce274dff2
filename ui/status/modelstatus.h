#pragma once

#include <QWidget>

class QTimer;
class QToolButton;

namespace encore {

class ElidedLabel;
class RecommenderProvider;

// The recommender's part of the status bar: "Suggestions learned from 18,233 of your plays,
// 12:04; they find your next song 4x as often as 'most played'", "Details" (the figures behind
// it: HR@10, what it was measured on, the next retraining; also the tooltip) and "Retrain now",
// which turns into "Stop" while a training runs. Redrawn every half minute.
class ModelStatus : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRefreshMs = 30000;

    explicit ModelStatus(RecommenderProvider& provider, QWidget* parent = nullptr);

    // The whole line; the status bar shows its first clause (shownText).
    QString text() const;
    QString shownText() const;
    QToolButton* retrainButton() const { return retrain_; }
    QToolButton* detailsButton() const { return details_; }
    // What "Details" shows: the figures behind the line.
    QString detailsText() const;

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshIcon();

    RecommenderProvider& provider_;
    ElidedLabel* label_;
    QToolButton* details_;
    QToolButton* retrain_;
    QTimer* timer_;
};

}  // namespace encore
