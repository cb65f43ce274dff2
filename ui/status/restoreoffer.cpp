#include "status/restoreoffer.h"

#include "store/databasebackup.h"

#include <QMessageBox>
#include <QPushButton>

namespace encore {

bool offerRestore(const Database& database, const DatabaseHealth& health, QWidget* parent) {
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(QStringLiteral("Encore: the library database is damaged"));
    box.setText(health.message);
    QPushButton* restore = nullptr;
    if (health.backup)
        restore = box.addButton(QStringLiteral("Restore the backup"), QMessageBox::AcceptRole);
    box.addButton(QStringLiteral("Quit"), QMessageBox::RejectRole);
    box.exec();
    if (!restore || box.clickedButton() != restore)
        return false;
    const Result<RestoreReport> restored = DatabaseBackup(database).restore(health.backup->path);
    if (!restored) {
        QMessageBox::critical(parent, QStringLiteral("Encore: the restore failed"),
                              restored.error());
        return false;
    }
    QMessageBox::information(
        parent, QStringLiteral("Encore: backup restored"),
        QStringLiteral("Restored %1 listens from %2. The damaged file is kept at %3.")
            .arg(restored->plays)
            .arg(restored->backup, restored->set_aside));
    return true;
}

}  // namespace encore
