#include "firstrunwizard.h"

#include "widgets/icons.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QWizardPage>

namespace encore {

namespace {
const auto kShownKey = QStringLiteral("firstRun/shown");
}  // namespace

FirstRunWizard::FirstRunWizard(QWidget* parent) : QWizard(parent), list_(new QListWidget) {
    setWindowTitle(tr("Welcome to Encore"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Start scanning"));
    setButtonText(QWizard::CancelButton, tr("Skip"));

    auto* page = new QWizardPage;
    page->setTitle(tr("Where is your music?"));
    page->setSubTitle(
        tr("Encore reads the tags of the files in these folders and keeps "
           "watching them. You can change this later in Settings."));
    auto* add = new QPushButton(Icons::get(QStringLiteral("list-add")), tr("Add folder…"));
    auto* remove = new QPushButton(Icons::get(QStringLiteral("list-remove")), tr("Remove"));
    auto* hint =
        new QLabel(tr("Scanning runs in the background: you can listen to what is "
                      "already found while the rest is read."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(list_, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(hint);
    addPage(page);

    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Add a music folder"), QDir::homePath());
        if (!dir.isEmpty() && folders().indexOf(dir) < 0)
            list_->addItem(new QListWidgetItem(
                Icons::get(QStringLiteral("folder"), QPalette::PlaceholderText), dir));
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(list_->selectedItems()); });

    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (!music.isEmpty() && QDir(music).exists())
        setFolders({music});
    resize(640, 420);
}

QStringList FirstRunWizard::folders() const {
    QStringList out;
    for (int i = 0; i < list_->count(); ++i)
        out << list_->item(i)->text();
    return out;
}

void FirstRunWizard::setFolders(const QStringList& folders) {
    list_->clear();
    for (const QString& folder : folders)
        list_->addItem(new QListWidgetItem(
            Icons::get(QStringLiteral("folder"), QPalette::PlaceholderText), folder));
}

bool FirstRunWizard::wasShown() {
    return QSettings().value(kShownKey, false).toBool();
}

void FirstRunWizard::markShown() {
    QSettings().setValue(kShownKey, true);
}

}  // namespace encore
