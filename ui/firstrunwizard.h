#pragma once

#include <QStringList>
#include <QWizard>

class QListWidget;
class QWizardPage;

namespace encore {

// First start: where the music is (~/Music when it exists, else the demo library when
// scripts/run made one), then, optionally, a listening history to import (Spotify, Last.fm,
// ListenBrainz...). It cannot finish without a folder; finishing starts the scan and then the
// import; progress shows in the status bar.
class FirstRunWizard : public QWizard {
    Q_OBJECT

public:
    explicit FirstRunWizard(QWidget* parent = nullptr);

    QStringList folders() const;
    void setFolders(const QStringList& folders);
    QListWidget* folderList() const { return list_; }
    // Exports to import after the scan (files, folders, .zip); empty: none.
    QStringList historyPaths() const;
    void setHistoryPaths(const QStringList& paths);
    QListWidget* historyList() const { return history_; }

    // ~/Music when it exists, else the demo library when it was made, else nothing.
    static QString suggestedFolder();
    static QString demoLibraryFolder();

    // Whether the wizard was already shown (it is offered once).
    static bool wasShown();
    static void markShown();

private:
    QWizardPage* buildFoldersPage();
    QWizardPage* buildHistoryPage();

    QListWidget* list_;
    QListWidget* history_;
};

}  // namespace encore
