#pragma once

#include <QWidget>

class QTimer;
class QToolButton;

namespace encore {

class ElidedLabel;
class RecommenderProvider;

// The recommender's part of the status bar: "Trained 12:04 on 18,233 plays · HR@10 0.31 vs
// 0.12 popular · next retrain in 14 min" (the figures behind it in the tooltip) with "Retrain
// now", which turns into "Stop" while a training runs. The countdown is redrawn every half
// minute.
class ModelStatus : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRefreshMs = 30000;

    explicit ModelStatus(RecommenderProvider& provider, QWidget* parent = nullptr);

    QString text() const;
    QToolButton* retrainButton() const { return retrain_; }

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshIcon();

    RecommenderProvider& provider_;
    ElidedLabel* label_;
    QToolButton* retrain_;
    QTimer* timer_;
};

}  // namespace encore
