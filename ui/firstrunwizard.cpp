#include "firstrunwizard.h"

#include "settings/historysection.h"
#include "widgets/icons.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
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

// A page that is complete only while the folder list has a folder: a first run that scans
// nothing would end on an empty library (Skip says so instead).
class NeedsFolderPage : public QWizardPage {
public:
    explicit NeedsFolderPage(QListWidget* folders) {
        QAbstractItemModel* model = folders->model();
        // The count comes with the model's own signals: the list may be half destroyed (it
        // clears itself in its destructor) when the wizard asks isComplete() again.
        const auto recount = [this, model] {
            folders_ = model->rowCount();
            Q_EMIT completeChanged();
        };
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connections_ << connect(model, signal, this, recount);
        connections_ << connect(model, &QAbstractItemModel::modelReset, this, recount);
        folders_ = model->rowCount();
    }
    // Nothing the list's model says after this reaches a page that is only a QWidget by then.
    ~NeedsFolderPage() override {
        for (const QMetaObject::Connection& c : connections_)
            disconnect(c);
    }
    bool isComplete() const override { return folders_ > 0; }

private:
    int folders_ = 0;
    QList<QMetaObject::Connection> connections_;
};

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

    setFolders({suggestedFolder()});
    resize(640, 440);
}

QWizardPage* FirstRunWizard::buildFoldersPage() {
    auto* page = new NeedsFolderPage(list_);
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
    auto* needed =
        hint(tr("Add at least one folder to go on, or Skip to start with an empty "
                "library and add folders later in Settings."));
    needed->setForegroundRole(QPalette::WindowText);
    layout->addWidget(needed);
    const auto showNeeded = [this, needed] { needed->setVisible(list_->count() == 0); };
    connect(page, &QWizardPage::completeChanged, needed, showNeeded);
    showNeeded();

    connect(add, &QPushButton::clicked, this, [this] {
        addPath(list_,
                QFileDialog::getExistingDirectory(this, tr("Add a music folder"), QDir::homePath()),
                QStringLiteral("folder"));
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(list_->selectedItems()); });
    return page;
}

QWizardPage* FirstRunWizard::buildHistoryPage() {
    auto* page = new NeedsFolderPage(list_);
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

QString FirstRunWizard::demoLibraryFolder() {
    // where scripts/run has bench/make-library write it
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/Encore/demo-library");
}

QString FirstRunWizard::suggestedFolder() {
    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    // Without XDG user folders Qt names the home folder itself: never suggest all of it.
    if (!music.isEmpty() && music != QDir::homePath() && QDir(music).exists())
        return music;
    const QString demo = demoLibraryFolder();
    if (QFileInfo::exists(demo + QStringLiteral("/.encore-library.json")))
        return demo;
    return {};
}

bool FirstRunWizard::wasShown() {
    return QSettings().value(kShownKey, false).toBool();
}

void FirstRunWizard::markShown() {
    QSettings().setValue(kShownKey, true);
}

}  // namespace encore
