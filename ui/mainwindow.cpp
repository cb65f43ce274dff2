#include "mainwindow.h"

#include "engine.h"
#include "librarymodel.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore {

MainWindow::MainWindow(Engine& engine, QWidget* parent)
    : QMainWindow(parent)
    , engine_(engine)
    , model_(new LibraryModel(this))
    , proxy_(new QSortFilterProxyModel(this))
    , view_(new QTableView(this))
    , filter_(new QLineEdit(this))
    , status_(new QLabel(this))
    , progress_(new QProgressBar(this))
    , cancel_(new QToolButton(this)) {
    setWindowTitle(tr("Encore"));
    proxy_->setSourceModel(model_);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);

    filter_->setPlaceholderText(tr("Filter by title, artist, album or genre"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    view_->horizontalHeader()->setStretchLastSection(false);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view_->setColumnWidth(LibraryModel::Title, 280);
    view_->setColumnWidth(LibraryModel::Artist, 200);
    view_->setColumnWidth(LibraryModel::Album, 220);
    view_->setColumnWidth(LibraryModel::Genre, 140);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(filter_);
    layout->addWidget(view_);
    setCentralWidget(central);

    progress_->setMaximumWidth(240);
    progress_->hide();
    cancel_->setText(tr("Cancel"));
    cancel_->hide();
    connect(cancel_, &QToolButton::clicked, &engine_, &Engine::cancelScan);
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);

    connect(&engine_, &Engine::scanStarted, this, [this] {
        progress_->setRange(0, 0);
        progress_->show();
        cancel_->show();
    });
    connect(&engine_, &Engine::scanProgress, this, &MainWindow::showProgress);
    connect(&engine_, &Engine::scanFinished, this, &MainWindow::showReport);
    connect(&engine_, &Engine::libraryChanged, this, &MainWindow::reloadLibrary);
    resize(1100, 700);
}

void MainWindow::reloadLibrary() {
    auto* watcher = new QFutureWatcher<Result<QList<Track>>>(this);
    connect(watcher, &QFutureWatcher<Result<QList<Track>>>::finished, this, [this, watcher] {
        Result<QList<Track>> tracks = watcher->result();
        watcher->deleteLater();
        if (!tracks) {
            status_->setText(tracks.error());
            return;
        }
        model_->setTracks(std::move(tracks).value());
        status_->setText(tr("%n tracks", nullptr, model_->rowCount()));
    });
    watcher->setFuture(engine_.loadTracks());
}

void MainWindow::showProgress(const ScanProgress& progress) {
    if (progress.files_total >= 0) {
        progress_->setRange(0, int(qMax<qint64>(1, progress.files_total)));
        progress_->setValue(int(progress.files_done));
        status_->setText(tr("Reading %1 of %2 files · %3")
                             .arg(progress.files_done)
                             .arg(progress.files_total)
                             .arg(progress.current_folder));
    } else {
        status_->setText(tr("Looking for music: %1 files · %2")
                             .arg(progress.files_seen)
                             .arg(progress.current_folder));
    }
}

void MainWindow::showReport(const ScanReport& report) {
    progress_->hide();
    cancel_->hide();
    if (!report.fatal_error.isEmpty()) {
        status_->setText(report.fatal_error);
        return;
    }
    status_->setText(tr("Scan %1: %2 added, %3 updated, %4 moved, %5 removed, %6 problems")
                         .arg(report.cancelled ? tr("cancelled") : tr("done"))
                         .arg(report.added)
                         .arg(report.updated)
                         .arg(report.moved)
                         .arg(report.removed)
                         .arg(report.errors));
}

}  // namespace encore
