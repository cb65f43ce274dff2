#pragma once

#include "listens/import/importreport.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace encore {

// What an import did, file by file: listens of songs in the library, of songs not in it (kept,
// linked when the files appear), already in the history, left out, and why a file failed.
class ImportReportDialog : public QDialog {
    Q_OBJECT

public:
    enum Column {
        File,
        Format,
        Matched,
        Unmatched,
        Plays,
        Duplicates,
        LeftOut,
        Problem,
        ColumnCount
    };

    explicit ImportReportDialog(const ImportReport& report, QWidget* parent = nullptr);

    QTreeWidget* list() const { return list_; }
    QString summaryText() const;

    // One sentence for the status bar: what was added, or that nothing could be.
    static QString summary(const ImportReport& report);
    // The status bar's few words: "Imported 24,852 listens" (the summary is its tooltip).
    static QString shortSummary(const ImportReport& report);

private:
    QLabel* intro_;
    QTreeWidget* list_;
};

}  // namespace encore
