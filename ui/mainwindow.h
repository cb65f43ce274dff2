#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace encore {

class Engine;
class LibraryModel;
struct ScanProgress;
struct ScanReport;

// Encore's window: the library table with a filter box, scan progress in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(Engine& engine, QWidget* parent = nullptr);

    LibraryModel* libraryModel() const { return model_; }
    QTableView* libraryView() const { return view_; }

    // Loads the library off the GUI thread and fills the table when it arrives.
    void reloadLibrary();

private:
    void showProgress(const ScanProgress& progress);
    void showReport(const ScanReport& report);

    Engine& engine_;
    LibraryModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* view_;
    QLineEdit* filter_;
    QLabel* status_;
    QProgressBar* progress_;
    QToolButton* cancel_;
};

}  // namespace encore
