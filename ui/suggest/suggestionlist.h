#pragma once

#include "suggest/suggestionprovider.h"

#include <QListWidget>

namespace encore {

// A list of suggestions: title and artist, the reason below in a quieter colour. Double-click
// or Enter plays; the context menu plays, queues, or says "not for me". Refilling keeps the
// selected track selected (no flicker when a new model arrives).
class SuggestionList : public QListWidget {
    Q_OBJECT

public:
    static constexpr int kTrackIdRole = Qt::UserRole + 1;
    static constexpr int kReasonRole = Qt::UserRole + 2;

    explicit SuggestionList(QWidget* parent = nullptr);

    void setSuggestions(const QList<Suggestion>& suggestions);
    const QList<Suggestion>& suggestions() const { return suggestions_; }
    QList<TrackId> trackIds() const;

Q_SIGNALS:
    // Play the list from `row`.
    void playRequested(int row);
    void enqueueRequested(encore::TrackId track);
    void notForMeRequested(encore::TrackId track);

private:
    void showContextMenu(const QPoint& pos);

    QList<Suggestion> suggestions_;
};

}  // namespace encore
