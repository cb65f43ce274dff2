#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace encore {

class EmptyState;
class PlaybackController;
class SuggestionList;
class SuggestionProvider;
struct Suggestion;

// Up Next: the queue (reorder by dragging, Delete removes), what plays after it, and the
// recommendations panel: filled from a SuggestionProvider (the recommender) after each track
// and whenever it has a new model; without one, or while it has nothing, it says how it will
// fill.
class UpNextPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int kUpcomingShown = 25;
    static constexpr int kSuggestions = 20;

    explicit UpNextPage(PlaybackController& playback, QWidget* parent = nullptr);

    QTreeView* queueView() const { return queue_view_; }
    QListWidget* upcomingList() const { return upcoming_; }
    EmptyState* recommendations() const { return recommendations_; }
    SuggestionList* suggestionList() const { return suggestions_; }
    QLabel* providerStatus() const { return provider_status_; }

    // Where "Recommended next" comes from (the window keeps the provider alive).
    void setProvider(SuggestionProvider* provider);

public Q_SLOTS:
    // Asks the provider again (the track changed, a new model arrived).
    void refreshSuggestions();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateSummary();
    void updateUpcoming();
    void removeSelected();
    void refreshIcons();
    void showSuggestions(const QList<Suggestion>& suggestions, const QString& error);

    PlaybackController& playback_;
    QTreeView* queue_view_;
    QLabel* summary_;
    QLabel* queue_hint_;
    QToolButton* remove_;
    QToolButton* clear_;
    QListWidget* upcoming_;
    EmptyState* recommendations_;
    QStackedWidget* suggestion_stack_;
    SuggestionList* suggestions_;
    QLabel* provider_status_;
    SuggestionProvider* provider_ = nullptr;
    quint64 suggestion_request_ = 0;
};

}  // namespace encore
