#pragma once

#include "suggest/suggestionprovider.h"

#include <QListView>
#include <QPersistentModelIndex>

namespace encore {

class SuggestionModel;

// A list of suggestions: title and artist, the reason below in a quieter colour, and on the
// hovered or selected row three buttons: play now, add to queue, "not for me". Double-click
// or Enter plays, Delete says "not for me", the context menu offers all three. Refilling goes
// through SuggestionModel in place, so the selected track stays selected.
class SuggestionList : public QListView {
    Q_OBJECT

public:
    enum class Action { Play, Queue, NotForMe };
    static constexpr int kActionCount = 3;

    explicit SuggestionList(QWidget* parent = nullptr);

    SuggestionModel* suggestionModel() const { return model_; }
    void setSuggestions(const QList<Suggestion>& suggestions);
    const QList<Suggestion>& suggestions() const;
    QList<TrackId> trackIds() const;
    int count() const;
    // The current row's track (0: none) and choosing a row as the listener would.
    TrackId currentTrackId() const;
    void setCurrentRow(int row);

    // Where an action's button of `row` is, in viewport coordinates (for tests and clicks).
    QRect actionRect(int row, Action action) const;
    // Does what the action's button does for `row`.
    void trigger(int row, Action action);

Q_SIGNALS:
    // Play the list from `row`.
    void playRequested(int row);
    void enqueueRequested(encore::TrackId track);
    void notForMeRequested(encore::TrackId track);
    // The listener wants the whole list kept as a playlist file.
    void saveRequested();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Hit {
        QPersistentModelIndex index;
        int action = -1;
    };
    Hit hitAt(const QPoint& pos) const;
    void showContextMenu(const QPoint& pos);

    SuggestionModel* model_;
    Hit pressed_;
};

}  // namespace encore
