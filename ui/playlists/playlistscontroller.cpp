#include "playlistscontroller.h"

#include "browse/librarypage.h"
#include "playback/playbackcontroller.h"
#include "playlists/playlistpage.h"
#include "playlists/playlistservice.h"
#include "playlists/playlistsidebar.h"
#include "playlists/smartplaylisteditor.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

namespace {

const char kSmartFilter[] =
    QT_TRANSLATE_NOOP("PlaylistsController", "Encore smart playlist (*.encore-smart.json)");
constexpr int kMissingListed = 3;  // paths named in the message; the rest are counted

}  // namespace

PlaylistsController::PlaylistsController(PlaylistService& service, PlaybackController& playback,
                                         LibraryPage& library, QWidget* window)
    : QObject(window)
    , service_(service)
    , playback_(playback)
    , window_(window)
    , sidebar_(new PlaylistSidebar(window))
    , page_(new PlaylistPage(service, window)) {
    connect(sidebar_, &PlaylistSidebar::playlistActivated, this, &PlaylistsController::open);
    connect(sidebar_, &PlaylistSidebar::newPlaylistRequested, this, [this] { newPlaylist({}); });
    connect(sidebar_, &PlaylistSidebar::newSmartPlaylistRequested, this,
            &PlaylistsController::newSmart);
    connect(sidebar_, &PlaylistSidebar::importRequested, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(window_, tr("Import a playlist"), QDir::homePath(),
                                         tr("Playlists (*.m3u *.m3u8 *.pls *.xspf)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(sidebar_, &PlaylistSidebar::importSmartRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(window_, tr("Import a smart playlist"),
                                                          QDir::homePath(), tr(kSmartFilter));
        if (!path.isEmpty())
            importSmart(path);
    });
    connect(page_, &PlaylistPage::playRequested, &playback_, &PlaybackController::playContext);
    connect(page_, &PlaylistPage::enqueueRequested, &playback_, &PlaybackController::enqueue);
    connect(page_, &PlaylistPage::editRequested, this, &PlaylistsController::edit);
    connect(page_, &PlaylistPage::renameRequested, this, &PlaylistsController::rename);
    connect(page_, &PlaylistPage::deleteRequested, this, &PlaylistsController::remove);
    connect(page_, &PlaylistPage::exportRequested, this, &PlaylistsController::chooseExport);
    connect(page_, &PlaylistPage::exportRulesRequested, this,
            &PlaylistsController::chooseRulesExport);
    connect(page_, &PlaylistPage::message, this, &PlaylistsController::message);
    connect(&service_, &PlaylistService::playlistsChanged, this, &PlaylistsController::reloadList);
    library.addMenuExtension(
        [this](QMenu& menu, const QList<TrackId>& selected) { extendLibraryMenu(menu, selected); });
    reloadList();
}

template <typename T, typename Then>
void PlaylistsController::whenDone(const QFuture<T>& future, Then then) {
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcher<T>::finished, this, [watcher, then] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            then(watcher->result());
    });
    watcher->setFuture(future);
}

void PlaylistsController::setIndex(std::shared_ptr<const LibraryIndex> index) {
    page_->setIndex(std::move(index));
}

void PlaylistsController::reloadList() {
    whenDone(service_.playlists(), [this](const Result<QList<PlaylistSummary>>& read) {
        if (!read) {
            Q_EMIT message(read.error());
            return;
        }
        playlists_ = read.value();
        sidebar_->setPlaylists(playlists_);
        if (open_after_reload_ > 0) {
            open(std::exchange(open_after_reload_, 0));
        } else if (page_->playlistId() > 0 && !summary(page_->playlistId())) {
            sidebar_->select(0);  // the open playlist was deleted
        }
        Q_EMIT listReloaded();
    });
}

const PlaylistSummary* PlaylistsController::summary(PlaylistId id) const {
    for (const PlaylistSummary& p : playlists_) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void PlaylistsController::open(PlaylistId id) {
    if (id <= 0)
        return;
    sidebar_->select(id);
    page_->showPlaylist(id);
    Q_EMIT pageRequested();
}

// Window-modal and never a nested event loop.
void PlaylistsController::askName(const QString& title, const QString& initial,
                                  std::function<void(const QString&)> then) {
    auto* ask = new QInputDialog(window_);
    ask->setObjectName(QStringLiteral("playlistNameDialog"));
    ask->setWindowTitle(title);
    ask->setLabelText(tr("Name"));
    ask->setTextValue(initial);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QInputDialog::textValueSelected, this, [then](const QString& name) {
        if (!name.trimmed().isEmpty())
            then(name.trimmed());
    });
    ask->open();
}

void PlaylistsController::newPlaylist(const QList<TrackId>& tracks) {
    askName(tr("New playlist"), tr("New playlist"),
            [this, tracks](const QString& name) { createPlaylist(name, tracks); });
}

void PlaylistsController::createPlaylist(const QString& name, const QList<TrackId>& tracks) {
    whenDone(service_.create(name, tracks), [this, name, tracks](const Result<PlaylistId>& id) {
        if (!id) {
            Q_EMIT message(id.error());
            return;
        }
        open_after_reload_ = id.value();
        Q_EMIT message(
            tracks.isEmpty()
                ? tr("Created the playlist %1: add songs from the Library's menu.").arg(name)
                : tr("Created the playlist %1 with %2")
                      .arg(name, Formatting::songs(tracks.size())));
    });
}

void PlaylistsController::newSmart() {
    SmartRules rules;
    rules.conditions.append({QStringLiteral("plays_at_least"), 5.0, 0});
    rules.limit = 100;
    auto* editor = new SmartPlaylistEditor(service_, tr("New smart playlist"), rules, window_);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        whenDone(service_.createSmart(editor->name(), editor->rules()),
                 [this](const Result<PlaylistId>& id) {
                     if (!id)
                         Q_EMIT message(id.error());
                     else
                         open_after_reload_ = id.value();
                 });
    });
    editor->open();
}

void PlaylistsController::edit(PlaylistId id) {
    const std::optional<PlaylistContents>& shown = page_->contents();
    if (!shown || shown->playlist.id != id || !shown->rules)
        return;
    auto* editor = new SmartPlaylistEditor(service_, shown->playlist.name, *shown->rules, window_);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, id, old = shown->playlist.name] {
        const QString name = editor->name();
        whenDone(service_.setRules(id, editor->rules()), [this, id, name, old](const Status& s) {
            if (!s)
                Q_EMIT message(s.error());
            else if (name != old)
                whenDone(service_.rename(id, name), [this](const Status& renamed) {
                    if (!renamed)
                        Q_EMIT message(renamed.error());
                });
        });
    });
    editor->open();
}

void PlaylistsController::rename(PlaylistId id) {
    const PlaylistSummary* p = summary(id);
    if (!p)
        return;
    askName(tr("Rename the playlist"), p->name, [this, id](const QString& name) {
        whenDone(service_.rename(id, name), [this](const Status& s) {
            if (!s)
                Q_EMIT message(s.error());
        });
    });
}

void PlaylistsController::remove(PlaylistId id) {
    const PlaylistSummary* p = summary(id);
    if (!p)
        return;
    auto* ask = new QMessageBox(QMessageBox::Question, tr("Delete the playlist"),
                                tr("Delete the playlist \u201c%1\u201d? Its songs stay in your "
                                   "library.")
                                    .arg(p->name),
                                QMessageBox::Cancel, window_);
    ask->setObjectName(QStringLiteral("deletePlaylistDialog"));
    QPushButton* yes = ask->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::buttonClicked, this, [this, id, yes](QAbstractButton* button) {
        if (button != yes)
            return;
        whenDone(service_.remove(id), [this](const Status& s) {
            if (!s)
                Q_EMIT message(s.error());
        });
    });
    ask->open();
}

void PlaylistsController::importFile(const QString& path) {
    whenDone(service_.importFile(path), [this](const Result<PlaylistImport>& done) {
        if (!done) {
            Q_EMIT message(done.error());
            return;
        }
        open_after_reload_ = done->id;
        QString text =
            tr("Imported the playlist %1: %2").arg(done->name, Formatting::songs(done->added));
        if (!done->missing.isEmpty()) {
            const QStringList named = done->missing.mid(0, kMissingListed);
            text +=
                tr("; %1 not in your library, left out (%2%3)")
                    .arg(Formatting::songs(done->missing.size()), named.join(QLatin1String(", ")),
                         done->missing.size() > kMissingListed ? QStringLiteral(", …") : QString());
        }
        if (!done->skipped.isEmpty())
            text += QStringLiteral("; ") + done->skipped.join(QLatin1Char(' '));
        Q_EMIT message(text);
    });
}

void PlaylistsController::importSmart(const QString& path) {
    whenDone(service_.importSmart(path), [this](const Result<PlaylistId>& id) {
        if (!id)
            Q_EMIT message(id.error());
        else
            open_after_reload_ = id.value();
    });
}

void PlaylistsController::chooseExport(PlaylistId id) {
    const PlaylistSummary* p = summary(id);
    if (!p)
        return;
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export the playlist"),
        QDir::homePath() + QLatin1Char('/') + p->name + QStringLiteral(".m3u8"),
        tr("M3U8 playlist (*.m3u8)"));
    if (!path.isEmpty())
        Q_EMIT exportRequested(path,
                               page_->contents() ? page_->contents()->tracks : QList<TrackId>());
}

void PlaylistsController::chooseRulesExport(PlaylistId id) {
    const PlaylistSummary* p = summary(id);
    if (!p || !p->isSmart())
        return;
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export the smart playlist's rules"),
        QDir::homePath() + QLatin1Char('/') + p->name + QStringLiteral(".encore-smart.json"),
        tr(kSmartFilter));
    if (!path.isEmpty())
        exportRules(id, path);
}

void PlaylistsController::exportRules(PlaylistId id, const QString& path) {
    const PlaylistSummary* p = summary(id);
    if (!p || !p->isSmart())
        return;
    const Result<SmartRules> rules = parseSmartRules(*p->rules);
    if (!rules) {
        Q_EMIT message(rules.error());
        return;
    }
    const QByteArray bytes = exportSmartPlaylist(p->name, rules.value());
    whenDone(
        QtConcurrent::run([path, bytes]() -> Status {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
                !file.commit())
                return Error{
                    QStringLiteral("Could not write %1: %2.").arg(path, file.errorString())};
            return {};
        }),
        [this, path](const Status& s) {
            Q_EMIT message(s ? tr("Saved the smart playlist's rules as %1").arg(path) : s.error());
        });
}

void PlaylistsController::extendLibraryMenu(QMenu& menu, const QList<TrackId>& selected) {
    QMenu* add =
        menu.addMenu(Icons::get(QStringLiteral("view-media-playlist")), tr("Add to playlist"));
    add->addAction(tr("New playlist…"), this, [this, selected] { newPlaylist(selected); });
    add->addSeparator();
    for (const PlaylistSummary& p : playlists_) {
        if (p.isSmart())
            continue;  // its rules choose its songs
        const PlaylistId id = p.id;
        const QString name = p.name;
        add->addAction(name, this, [this, id, name, selected] {
            whenDone(service_.append(id, selected), [this, name, selected](const Status& s) {
                Q_EMIT message(
                    s ? tr("Added %1 to %2").arg(Formatting::songs(selected.size()), name)
                      : s.error());
            });
        });
    }
}

}  // namespace encore
