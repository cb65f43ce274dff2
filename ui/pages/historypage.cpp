#include "pages/historypage.h"

#include "widgets/emptystate.h"

#include <QVBoxLayout>

namespace encore {

HistoryPage::HistoryPage(QWidget* parent)
    : QWidget(parent)
    , empty_(new EmptyState(
          QStringLiteral("document-open-recent"), tr("No listening history yet"),
          tr("Every song you play is logged here, newest first: when you played it, and whether "
             "you listened to it or skipped it. Nothing leaves this computer."),
          this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(empty_);
}

}  // namespace encore
