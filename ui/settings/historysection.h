#pragma once

#include "core/track.h"

#include <QGroupBox>
#include <QStringList>

#include <optional>

class QDateEdit;
class QLabel;
class QMessageBox;
class QPushButton;

namespace encore {

class Engine;

// Settings → Listening history: import an export (files or a folder, .zip included) into
// the active profile, and delete the active profile's listens of a range of days after a
// confirmation that says how many go.
class HistorySection : public QGroupBox {
    Q_OBJECT

public:
    // What the file picker offers; every format is recognised from its content anyway.
    static QString fileFilter();

    explicit HistorySection(Engine& engine, QWidget* parent = nullptr);

    QPushButton* importFilesButton() const { return import_files_; }
    QPushButton* importFolderButton() const { return import_folder_; }
    QDateEdit* fromEdit() const { return from_; }
    QDateEdit* toEdit() const { return to_; }
    QPushButton* deleteButton() const { return delete_; }
    QString rangeCountText() const;
    // Listens of the active profile in the chosen days (-1 while counting).
    qint64 rangeCount() const { return range_count_; }

    // The chosen days as [since, until) unix seconds, in local time.
    std::pair<qint64, qint64> range() const;
    void setRange(const QDate& from, const QDate& to);
    // Asks to confirm (a non-blocking dialog, returned), then deletes the range.
    QMessageBox* requestDelete();

Q_SIGNALS:
    // The listener picked histories to import (the window starts the import).
    void importRequested(const QStringList& paths);

private:
    void recount();
    void updateImportButtons();

    Engine& engine_;
    QPushButton* import_files_;
    QPushButton* import_folder_;
    QDateEdit* from_;
    QDateEdit* to_;
    QLabel* count_;
    QPushButton* delete_;
    qint64 range_count_ = -1;
    quint64 count_request_ = 0;
};

}  // namespace encore
