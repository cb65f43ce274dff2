#pragma once

#include <QWidget>

namespace encore {

class EmptyState;

// History: the play log, newest first. Until listens are logged it explains what will appear.
class HistoryPage : public QWidget {
    Q_OBJECT

public:
    explicit HistoryPage(QWidget* parent = nullptr);

    EmptyState* emptyState() const { return empty_; }

private:
    EmptyState* empty_;
};

}  // namespace encore
