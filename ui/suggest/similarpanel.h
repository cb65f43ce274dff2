#pragma once

#include "suggest/suggestionprovider.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTimer;

namespace encore {

class SuggestionList;

// "Similar to <track>": the songs most like the selected one, each with its reason, from the
// suggestion provider. Follows the Library's current row after a short pause (arrow keys
// through the table ask once, not once per row). Double-click plays the list from there.
class SimilarPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kCount = 15;
    static constexpr int kSettleMs = 150;

    explicit SimilarPanel(SuggestionProvider* provider, QWidget* parent = nullptr);

    // Where the similar songs come from (the window keeps it alive); null: none.
    void setProvider(SuggestionProvider* provider);
    SuggestionList* list() const { return list_; }
    QString headingText() const;
    QString noteText() const;
    TrackId track() const { return track_; }
    QSize sizeHint() const override;

public Q_SLOTS:
    // Shows what is like `track` (0: nothing selected); `title` names it in the heading.
    void showSimilar(encore::TrackId track, const QString& title);
    // Asks again for the track shown (a new model).
    void refresh();

Q_SIGNALS:
    void playRequested(const std::vector<encore::TrackId>& context, int start);
    void enqueueRequested(const QList<encore::TrackId>& ids, bool playNext);
    // A list arrived (possibly empty).
    void updated();
    // Something the listener should read (a "not for me" that could not be stored).
    void message(const QString& text);

private:
    void request();
    void notForMe(TrackId track);

    SuggestionProvider* provider_ = nullptr;
    QLabel* heading_;
    QLabel* note_;
    SuggestionList* list_;
    QTimer* settle_;
    TrackId track_ = 0;
    quint64 generation_ = 0;
};

}  // namespace encore
