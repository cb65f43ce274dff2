#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QToolButton;
class QTreeView;

namespace encore {

class EmptyState;
class PlaybackController;

// Up Next: the queue (reorder by dragging, Delete removes), what plays after it, and the
// recommendations panel (filled by the recommender; until then it says how it will fill).
class UpNextPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int kUpcomingShown = 25;

    explicit UpNextPage(PlaybackController& playback, QWidget* parent = nullptr);

    QTreeView* queueView() const { return queue_view_; }
    QListWidget* upcomingList() const { return upcoming_; }
    EmptyState* recommendations() const { return recommendations_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateSummary();
    void updateUpcoming();
    void removeSelected();
    void refreshIcons();

    PlaybackController& playback_;
    QTreeView* queue_view_;
    QLabel* summary_;
    QLabel* queue_hint_;
    QToolButton* remove_;
    QToolButton* clear_;
    QListWidget* upcoming_;
    EmptyState* recommendations_;
};

}  // namespace encore
