#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QWidget>

#include <deque>
#include <optional>

class QCheckBox;
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
// and whenever it has a new model, updated in place (the selected row stays selected); each
// row plays, queues or goes ("not for me"). While the suggestions are stand-ins it says so;
// without any it says how they will come. "Autoplay recommendations" keeps playing from the
// list when the queue runs out.
class UpNextPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int kUpcomingShown = 25;
    static constexpr int kSuggestions = 20;
    // Autoplay passes over tracks among the last this many that played.
    static constexpr int kAutoplayMemory = 50;

    explicit UpNextPage(PlaybackController& playback, QWidget* parent = nullptr);

    QTreeView* queueView() const { return queue_view_; }
    QListWidget* upcomingList() const { return upcoming_; }
    EmptyState* recommendations() const { return recommendations_; }
    SuggestionList* suggestionList() const { return suggestions_; }
    QLabel* providerStatus() const { return provider_status_; }
    QLabel* providerNote() const { return provider_note_; }
    QCheckBox* autoplayBox() const { return autoplay_; }
    // The track autoplay would go on with after `current` (0: nothing playing), if any.
    std::optional<TrackId> autoplayPick(TrackId current) const;

    // Where "Recommended next" comes from (the window keeps the provider alive).
    void setProvider(SuggestionProvider* provider);

public Q_SLOTS:
    // Asks the provider again (the track changed, a new model arrived).
    void refreshSuggestions();
    void setAutoplay(bool on);

Q_SIGNALS:
    // Something the listener should read (a "not for me" that could not be stored).
    void message(const QString& text);
    // A list of suggestions was shown (possibly empty).
    void suggestionsShown();
    // The listener wants to open a playlist file into the queue, or save the queue as one.
    void openPlaylistRequested();
    void saveQueueRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateSummary();
    void updateUpcoming();
    void removeSelected();
    void refreshIcons();
    void showSuggestions(const QList<Suggestion>& suggestions, const QString& error);
    void showProviderStatus();
    void notForMe(TrackId track);

    PlaybackController& playback_;
    QTreeView* queue_view_;
    QLabel* summary_;
    QLabel* queue_hint_;
    QToolButton* remove_;
    QToolButton* clear_;
    QToolButton* open_playlist_;
    QToolButton* save_queue_;
    QListWidget* upcoming_;
    EmptyState* recommendations_;
    QStackedWidget* suggestion_stack_;
    SuggestionList* suggestions_;
    QLabel* provider_status_;
    QLabel* provider_note_;
    QCheckBox* autoplay_;
    SuggestionProvider* provider_ = nullptr;
    quint64 suggestion_request_ = 0;
    std::deque<TrackId> recently_played_;
};

}  // namespace encore
