#include "desktop/pathopener.h"

#include "engine.h"
#include "library/audioformats.h"
#include "playback/playbackcontroller.h"
#include "playlists/playlistfile.h"

#include <QDir>
#include <QFileInfo>

namespace encore {

PathOpener::PathOpener(Engine& engine, PlaybackController& playback, QObject* parent)
    : QObject(parent), engine_(engine), playback_(playback) {
    connect(&engine_, &Engine::scanFinished, this, [this](const ScanReport& report) {
        if (scans_ > 0 && --scans_ == 0 && !report.changedLibrary())
            resolveWaiting();  // nothing new comes: no reload will follow
    });
}

void PathOpener::open(const QStringList& paths) {
    if (!playback_.library()) {
        deferred_ += paths;  // opened once the library is loaded
        return;
    }
    QStringList folders, files;
    for (const QString& given : paths) {
        const QFileInfo info(given);
        const QString path = QDir::cleanPath(info.absoluteFilePath());
        if (info.isDir()) {
            folders << path;
        } else if (info.isFile() && isPlaylistFileName(path)) {
            files += playlistEntries(path);
        } else if (info.isFile() && isAudioFileName(QFile::encodeName(info.fileName()))) {
            files << path;
        } else {
            Q_EMIT message(
                tr("%1 is not a music file, playlist or folder Encore can open.").arg(given));
        }
    }
    const QStringList missing = playOrQueue(files);
    QStringList toScan = folders;
    for (const QString& file : missing) {
        const QString folder = QFileInfo(file).path();
        if (!toScan.contains(folder))
            toScan << folder;
    }
    waiting_ += missing;
    if (!toScan.isEmpty()) {
        ++scans_;
        engine_.scan(toScan);
        Q_EMIT message(missing.isEmpty()
                           ? tr("Adding %1 to the library…").arg(toScan.join(QStringLiteral(", ")))
                           : tr("Adding %1 to the library: the songs play when it is scanned.")
                                 .arg(toScan.join(QStringLiteral(", "))));
    }
}

// A playlist's songs, in order (what it names that is no file is said and left out).
QStringList PathOpener::playlistEntries(const QString& path) {
    const Result<PlaylistFile> read = readPlaylist(path);
    if (!read) {
        Q_EMIT message(read.error());
        return {};
    }
    QStringList files;
    for (const PlaylistEntry& entry : read->entries)
        files << entry.path;
    if (!read->skipped.isEmpty())
        Q_EMIT message(tr("%1: %n entries left out (%2)", nullptr, int(read->skipped.size()))
                           .arg(read->name, read->skipped.first()));
    return files;
}

void PathOpener::libraryLoaded() {
    if (scans_ == 0)
        resolveWaiting();
    if (!deferred_.isEmpty())
        open(std::exchange(deferred_, {}));
}

void PathOpener::resolveWaiting() {
    if (waiting_.isEmpty())
        return;
    const QStringList still = playOrQueue(std::exchange(waiting_, {}));
    for (const QString& file : still)
        Q_EMIT message(tr("%1 could not be added to the library (the scan report says why).")
                           .arg(QFileInfo(file).fileName()));
}

QStringList PathOpener::playOrQueue(const QStringList& files) {
    if (files.isEmpty())
        return {};
    const std::shared_ptr<const LibraryIndex>& index = playback_.library();
    std::vector<TrackId> ids;
    QStringList missing;
    for (const QString& file : files) {
        if (const int row = index ? index->rowOfFile(file) : -1; row >= 0)
            ids.push_back(index->id(row));
        else
            missing << file;
    }
    if (ids.empty())
        return missing;
    if (playback_.state() != Player::State::Playing) {
        playback_.playContext(ids, 0);
    } else {
        playback_.enqueue(QList<TrackId>(ids.begin(), ids.end()), false);
        Q_EMIT message(ids.size() == 1 ? tr("Added 1 song to the queue.")
                                       : tr("Added %1 songs to the queue.").arg(ids.size()));
    }
    return missing;
}

}  // namespace encore
