#include "pages/dashboardspage.h"

#include "widgets/emptystate.h"

#include <QVBoxLayout>

namespace encore {

DashboardsPage::DashboardsPage(QWidget* parent)
    : QWidget(parent)
    , empty_(new EmptyState(
          QStringLiteral("view-statistics"), tr("Your listening, in charts"),
          tr("Once you have played some music, this page shows your favourite genres, when "
             "you listen during the day and the week, and what the songs you play most have in "
             "common."),
          this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(empty_);
}

}  // namespace encore
