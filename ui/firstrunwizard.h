#pragma once

#include <QStringList>
#include <QWizard>

class QListWidget;

namespace encore {

// First start: where the music is (~/Music when it exists). Finishing starts the scan;
// progress shows in the status bar.
class FirstRunWizard : public QWizard {
    Q_OBJECT

public:
    explicit FirstRunWizard(QWidget* parent = nullptr);

    QStringList folders() const;
    void setFolders(const QStringList& folders);
    QListWidget* folderList() const { return list_; }

    // Whether the wizard was already shown (it is offered once).
    static bool wasShown();
    static void markShown();

private:
    QListWidget* list_;
};

}  // namespace encore
