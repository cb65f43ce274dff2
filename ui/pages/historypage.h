#pragma once

#include "core/track.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace encore {

class EmptyState;
class Engine;
class HistoryModel;

// History: the active profile's play log, newest first, with when (local time of the place
// it was played), what, how much was heard, how it ended and where it came from. Reads
// nothing until first shown; until there are listens it explains what will appear.
class HistoryPage : public QWidget {
    Q_OBJECT

public:
    explicit HistoryPage(Engine& engine, QWidget* parent = nullptr);

    HistoryModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    EmptyState* emptyState() const { return empty_; }
    QString summaryText() const;
    bool isShowingLog() const;

Q_SIGNALS:
    // The listener wants to import a listening history (the window asks for the files).
    void importRequested();
    // Double-click on a listen of a track that is in the library.
    void playRequested(encore::TrackId track);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateSummary();

    Engine& engine_;
    HistoryModel* model_;
    QLabel* summary_;
    QPushButton* import_;
    QStackedWidget* stack_;
    EmptyState* empty_;
    QTableView* view_;
};

}  // namespace encore
