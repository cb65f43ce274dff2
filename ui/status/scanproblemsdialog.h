#pragma once

#include "library/scanreport.h"

#include <QDialog>

class QTreeWidget;

namespace encore {

// The files a scan could not read and why, with a button to copy the list.
class ScanProblemsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ScanProblemsDialog(const ScanReport& report, QWidget* parent = nullptr);

    QTreeWidget* list() const { return list_; }

private:
    QTreeWidget* list_;
};

}  // namespace encore
