#pragma once

#include "store/profilestore.h"

#include <QGroupBox>

class QListWidget;
class QMessageBox;
class QPushButton;

namespace encore {

class Engine;

// Settings → Profiles: who listens here. Switch the active profile (whose listens are logged
// and shown), add one, remove one with its listens after a confirmation.
class ProfilesSection : public QGroupBox {
    Q_OBJECT

public:
    explicit ProfilesSection(Engine& engine, QWidget* parent = nullptr);

    QListWidget* list() const { return list_; }
    QPushButton* useButton() const { return use_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* removeButton() const { return remove_; }

    // The profile named on the selected row (empty: none).
    QString selectedName() const;
    void select(const QString& name);
    // Asks for a name (a non-blocking dialog), then adds the profile.
    void requestAdd();
    // Asks to confirm (a non-blocking dialog, returned), then removes the profile.
    QMessageBox* requestRemove(const QString& name);

private:
    void fill(const QList<Profile>& profiles);
    void updateButtons();

    Engine& engine_;
    QListWidget* list_;
    QPushButton* use_;
    QPushButton* add_;
    QPushButton* remove_;
    QList<Profile> profiles_;  // as shown
    QString active_name_;      // as the profile list says (it arrives before the switch signal)
};

}  // namespace encore
