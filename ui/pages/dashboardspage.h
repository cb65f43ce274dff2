#pragma once

#include <QWidget>

namespace encore {

class EmptyState;

// Dashboards: charts of how you listen. Until there is history it says what they will show.
class DashboardsPage : public QWidget {
    Q_OBJECT

public:
    explicit DashboardsPage(QWidget* parent = nullptr);

    EmptyState* emptyState() const { return empty_; }

private:
    EmptyState* empty_;
};

}  // namespace encore
