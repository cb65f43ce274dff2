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
class HistorySection;
class LoudnessSection;
class PlaybackSection;
class Player;
class ProfilesSection;

// Settings: library folders (add, remove, rescan), profiles, the listening history (import,
// delete a range), incognito, how often the recommender retrains, playback (output device,
// crossfade, ReplayGain), background loudness analysis and light/dark appearance. Incognito and the
// retrain interval live in the database (shared with encore-cli); playback and the appearance in
// QSettings.
class SettingsPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMinRetrainMinutes = 5;
    static constexpr int kMaxRetrainMinutes = 24 * 60;

    SettingsPage(Engine& engine, Player& player, QWidget* parent = nullptr);

    QListWidget* folderList() const { return folders_; }
    QCheckBox* incognitoBox() const { return incognito_; }
    QSpinBox* retrainBox() const { return retrain_; }
    QComboBox* appearanceBox() const { return appearance_; }
    ProfilesSection* profiles() const { return profiles_; }
    HistorySection* history() const { return history_; }
    PlaybackSection* playback() const { return playback_; }
    LoudnessSection* loudness() const { return loudness_; }

    // Re-reads the library folders (off the GUI thread).
    void reloadFolders();

Q_SIGNALS:
    // The listener wants to add a folder (MainWindow opens the picker and starts the scan).
    void addFolderRequested();
    // The listener picked listening histories to import.
    void importRequested(const QStringList& paths);

private:
    void removeSelectedFolder();

    Engine& engine_;
    QListWidget* folders_;
    QPushButton* add_;
    QPushButton* remove_;
    QPushButton* rescan_;
    PlaybackSection* playback_;
    LoudnessSection* loudness_;
    QSpinBox* retrain_;
    QCheckBox* incognito_;
    QComboBox* appearance_;
    ProfilesSection* profiles_;
    HistorySection* history_;
};

}  // namespace encore
