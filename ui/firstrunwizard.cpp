#include "firstrunwizard.h"

#include "settings/historysection.h"
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

QLabel* hint(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QStringList texts(const QListWidget* list) {
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

void addPath(QListWidget* list, const QString& path, const QString& icon) {
    if (path.isEmpty() || texts(list).contains(path))
        return;
    list->addItem(new QListWidgetItem(Icons::get(icon, QPalette::PlaceholderText), path));
}

}  // namespace

FirstRunWizard::FirstRunWizard(QWidget* parent)
    : QWizard(parent), list_(new QListWidget), history_(new QListWidget) {
    setWindowTitle(tr("Welcome to Encore"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Start scanning"));
    setButtonText(QWizard::CancelButton, tr("Skip"));
    addPage(buildFoldersPage());
    addPage(buildHistoryPage());

    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (!music.isEmpty() && QDir(music).exists())
        setFolders({music});
    resize(640, 440);
}

QWizardPage* FirstRunWizard::buildFoldersPage() {
    auto* page = new QWizardPage;
    page->setTitle(tr("Where is your music?"));
    page->setSubTitle(
        tr("Encore reads the tags of the files in these folders and keeps "
           "watching them. You can change this later in Settings."));
    auto* add = new QPushButton(Icons::get(QStringLiteral("list-add")), tr("Add folder…"));
    auto* remove = new QPushButton(Icons::get(QStringLiteral("list-remove")), tr("Remove"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(list_, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(
        hint(tr("Scanning runs in the background: you can listen to what is "
                "already found while the rest is read.")));

    connect(add, &QPushButton::clicked, this, [this] {
        addPath(list_,
                QFileDialog::getExistingDirectory(this, tr("Add a music folder"), QDir::homePath()),
                QStringLiteral("folder"));
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(list_->selectedItems()); });
    return page;
}

QWizardPage* FirstRunWizard::buildHistoryPage() {
    auto* page = new QWizardPage;
    page->setTitle(tr("Bring your listening history (optional)"));
    page->setSubTitle(
        tr("Encore learns what you like from what you play. If you have an export from "
           "Spotify, Last.fm, ListenBrainz or a Rockbox player, it can start from there."));
    auto* files =
        new QPushButton(Icons::get(QStringLiteral("document-open-recent")), tr("Add files…"));
    auto* folder = new QPushButton(Icons::get(QStringLiteral("folder")), tr("Add a folder…"));
    auto* remove = new QPushButton(Icons::get(QStringLiteral("list-remove")), tr("Remove"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(files);
    buttons->addWidget(folder);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(history_, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(
        hint(tr("Spotify's “my_spotify_data.zip” can be added as it is. The "
                "import runs after the scan, so that listens find their songs; "
                "you can also import later from Settings.")));

    connect(files, &QPushButton::clicked, this, [this] {
        const QStringList chosen = QFileDialog::getOpenFileNames(
            this, tr("Import listening history"), QDir::homePath(), HistorySection::fileFilter());
        for (const QString& path : chosen)
            addPath(history_, path, QStringLiteral("document-open-recent"));
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        addPath(history_,
                QFileDialog::getExistingDirectory(
                    this, tr("Import the listening history in a folder"), QDir::homePath()),
                QStringLiteral("folder"));
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(history_->selectedItems()); });
    return page;
}

QStringList FirstRunWizard::folders() const {
    return texts(list_);
}

void FirstRunWizard::setFolders(const QStringList& folders) {
    list_->clear();
    for (const QString& folder : folders)
        addPath(list_, folder, QStringLiteral("folder"));
}

QStringList FirstRunWizard::historyPaths() const {
    return texts(history_);
}

void FirstRunWizard::setHistoryPaths(const QStringList& paths) {
    history_->clear();
    for (const QString& path : paths)
        addPath(history_, path, QStringLiteral("document-open-recent"));
}

bool FirstRunWizard::wasShown() {
    return QSettings().value(kShownKey, false).toBool();
}

void FirstRunWizard::markShown() {
    QSettings().setValue(kShownKey, true);
}

}  // namespace encore
