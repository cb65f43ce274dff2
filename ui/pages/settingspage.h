#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace encore {

class Engine;
class Player;

// Settings: library folders (add, remove, rescan), playback output, how often the
// recommender retrains, incognito, and light/dark appearance. Every choice is kept in
// QSettings and handed to the engine at once.
class SettingsPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMinRetrainMinutes = 5;
    static constexpr int kMaxRetrainMinutes = 24 * 60;

    SettingsPage(Engine& engine, const Player& player, QWidget* parent = nullptr);

    // Gives the engine the stored choices (incognito, retrain interval); call at startup.
    static void applyStored(Engine& engine);

    QListWidget* folderList() const { return folders_; }
    QCheckBox* incognitoBox() const { return incognito_; }
    QSpinBox* retrainBox() const { return retrain_; }
    QComboBox* appearanceBox() const { return appearance_; }

    // Re-reads the library folders (off the GUI thread).
    void reloadFolders();

Q_SIGNALS:
    // The listener wants to add a folder (MainWindow opens the picker and starts the scan).
    void addFolderRequested();

private:
    void removeSelectedFolder();

    Engine& engine_;
    QListWidget* folders_;
    QPushButton* add_;
    QPushButton* remove_;
    QPushButton* rescan_;
    QLabel* output_;
    QSpinBox* retrain_;
    QCheckBox* incognito_;
    QComboBox* appearance_;
};

}  // namespace encore
