#pragma once

#include "playlists/smartrules.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QVBoxLayout;

namespace encore {

class PlaylistService;

// Edits a smart playlist: its name, conditions (any registered SmartConditionKind) combined with
// all or any, order and limit; says how many songs the rules hold now while they are edited.
class SmartPlaylistEditor : public QDialog {
    Q_OBJECT

public:
    SmartPlaylistEditor(PlaylistService& service, const QString& name, const SmartRules& rules,
                        QWidget* parent = nullptr);

    QString name() const;
    SmartRules rules() const;

    // For tests: the rows of conditions and the preview line.
    int conditionCount() const;
    void addCondition(const SmartCondition& condition);
    QLabel* preview() const { return preview_; }

private:
    void removeCondition(QWidget* row);
    void schedulePreview();
    void runPreview();
    void updateSortDays();

    PlaylistService& service_;
    QLineEdit* name_;
    QComboBox* match_;
    QVBoxLayout* conditions_;
    QList<QWidget*> rows_;
    QComboBox* sort_;
    QSpinBox* sort_days_;
    QSpinBox* limit_;
    QLabel* preview_;
    QTimer* preview_timer_;
    quint32 seed_;
    int preview_generation_ = 0;
};

}  // namespace encore
