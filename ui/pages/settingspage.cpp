#include "pages/settingspage.h"

#include "engine.h"
#include "playback/player.h"
#include "settings/historysection.h"
#include "settings/loudnesssection.h"
#include "settings/playbacksection.h"
#include "settings/profilessection.h"
#include "widgets/appearance.h"
#include "widgets/icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace encore {

namespace {

QLabel* note(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

}  // namespace

SettingsPage::SettingsPage(Engine& engine, Player& player, QWidget* parent)
    : QWidget(parent)
    , engine_(engine)
    , folders_(new QListWidget(this))
    , add_(new QPushButton(tr("Add folder…"), this))
    , remove_(new QPushButton(tr("Remove"), this))
    , rescan_(new QPushButton(tr("Rescan now"), this))
    , playback_(new PlaybackSection(player, this))
    , loudness_(new LoudnessSection(engine, this))
    , retrain_(new QSpinBox(this))
    , incognito_(new QCheckBox(tr("Incognito: don't log what I play"), this))
    , appearance_(new QComboBox(this))
    , profiles_(new ProfilesSection(engine, this))
    , history_(new HistorySection(engine, this)) {
    // Library folders
    auto* library = new QGroupBox(tr("Library folders"), this);
    folders_->setSelectionMode(QAbstractItemView::SingleSelection);
    folders_->setMinimumHeight(110);
    add_->setIcon(Icons::get(QStringLiteral("list-add")));
    remove_->setIcon(Icons::get(QStringLiteral("list-remove")));
    rescan_->setIcon(Icons::get(QStringLiteral("view-refresh")));
    remove_->setEnabled(false);
    auto* folderButtons = new QVBoxLayout;
    folderButtons->addWidget(add_);
    folderButtons->addWidget(remove_);
    folderButtons->addWidget(rescan_);
    folderButtons->addStretch();
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folders_, 1);
    folderRow->addLayout(folderButtons);
    auto* libraryLayout = new QVBoxLayout(library);
    libraryLayout->addLayout(folderRow);
    libraryLayout->addWidget(note(tr("Encore watches these folders and picks up changes by "
                                     "itself. Removing a folder keeps the listening history "
                                     "of its tracks."),
                                  library));
    connect(add_, &QPushButton::clicked, this, &SettingsPage::addFolderRequested);
    connect(remove_, &QPushButton::clicked, this, &SettingsPage::removeSelectedFolder);
    connect(rescan_, &QPushButton::clicked, &engine_, [this] { engine_.scan(); });
    connect(folders_, &QListWidget::itemSelectionChanged, this,
            [this] { remove_->setEnabled(!folders_->selectedItems().isEmpty()); });

    // Recommendations
    auto* reco = new QGroupBox(tr("Recommendations"), this);
    auto* recoLayout = new QFormLayout(reco);
    retrain_->setRange(kMinRetrainMinutes, kMaxRetrainMinutes);
    retrain_->setSuffix(tr(" min"));
    retrain_->setValue(engine_.retrainIntervalMinutes());
    recoLayout->addRow(tr("Retrain every:"), retrain_);
    recoLayout->addRow(note(tr("Encore also retrains after you have played enough new songs. "
                               "Training runs in the background at low priority."),
                            reco));
    connect(retrain_, &QSpinBox::valueChanged, &engine_, &Engine::setRetrainIntervalMinutes);
    connect(&engine_, &Engine::retrainIntervalChanged, retrain_, [this](int minutes) {
        const QSignalBlocker quiet(retrain_);
        retrain_->setValue(minutes);
    });

    // Privacy
    auto* privacy = new QGroupBox(tr("Privacy"), this);
    auto* privacyLayout = new QVBoxLayout(privacy);
    incognito_->setChecked(engine_.incognito());
    privacyLayout->addWidget(incognito_);
    privacyLayout->addWidget(note(tr("Your history stays on this computer. While incognito is "
                                     "on, nothing you play is added to it. The command "
                                     "“encore-cli incognito on” or “off” flips the same "
                                     "switch."),
                                  privacy));
    // clicked, not toggled: only the listener's own click changes the engine.
    connect(incognito_, &QCheckBox::clicked, &engine_, &Engine::setIncognito);
    connect(&engine_, &Engine::incognitoChanged, incognito_, &QCheckBox::setChecked);
    connect(history_, &HistorySection::importRequested, this, &SettingsPage::importRequested);

    // Appearance
    auto* look = new QGroupBox(tr("Appearance"), this);
    auto* lookLayout = new QFormLayout(look);
    appearance_->addItem(tr("Follow the system"), int(Appearance::Mode::System));
    appearance_->addItem(tr("Light"), int(Appearance::Mode::Light));
    appearance_->addItem(tr("Dark"), int(Appearance::Mode::Dark));
    appearance_->setCurrentIndex(appearance_->findData(int(Appearance::stored())));
    lookLayout->addRow(tr("Colours:"), appearance_);
    connect(appearance_, &QComboBox::currentIndexChanged, this, [this] {
        const auto mode = Appearance::Mode(appearance_->currentData().toInt());
        Appearance::store(mode);
        Appearance::apply(mode);
    });

    auto* content = new QWidget(this);
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(12);
    for (QGroupBox* group :
         {library, static_cast<QGroupBox*>(profiles_), static_cast<QGroupBox*>(history_), privacy,
          reco, static_cast<QGroupBox*>(playback_), static_cast<QGroupBox*>(loudness_), look})
        column->addWidget(group);
    column->addStretch();
    content->setMaximumWidth(720);

    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto* holder = new QWidget(scroll);
    auto* holderLayout = new QHBoxLayout(holder);
    holderLayout->setContentsMargins(16, 16, 16, 16);
    holderLayout->addWidget(content, 1);
    holderLayout->addStretch(0);
    scroll->setWidget(holder);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&engine_, &Engine::scanFinished, this, &SettingsPage::reloadFolders);
    reloadFolders();
}

void SettingsPage::reloadFolders() {
    auto* watcher = new QFutureWatcher<Result<QStringList>>(this);
    connect(watcher, &QFutureWatcher<Result<QStringList>>::finished, this, [this, watcher] {
        const Result<QStringList> folders = watcher->result();
        watcher->deleteLater();
        folders_->clear();
        if (!folders) {
            auto* item =
                new QListWidgetItem(Icons::get(QStringLiteral("dialog-warning")), folders.error());
            item->setFlags(Qt::ItemIsEnabled);
            folders_->addItem(item);
            return;
        }
        for (const QString& folder : folders.value())
            folders_->addItem(new QListWidgetItem(
                Icons::get(QStringLiteral("folder"), QPalette::PlaceholderText), folder));
        remove_->setEnabled(!folders_->selectedItems().isEmpty());
    });
    watcher->setFuture(engine_.libraryFolders());
}

void SettingsPage::removeSelectedFolder() {
    const QList<QListWidgetItem*> items = folders_->selectedItems();
    if (items.isEmpty())
        return;
    const QString folder = items.first()->text();
    const auto answer = QMessageBox::question(
        this, tr("Remove library folder"),
        tr("Remove %1 from the library? Its tracks disappear from the Library page; their "
           "listening history is kept and comes back if you add the folder again.")
            .arg(folder));
    if (answer == QMessageBox::Yes)
        engine_.removeLibraryFolder(folder);
}

}  // namespace encore
