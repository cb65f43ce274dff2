#pragma once

// Builds small libraries of real audio files for scanner tests: copies the tiny encodings in
// tests/data/audio and tags them with TagLib.

#include "library/tagwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace encore::test {

inline QString clipPath(const QString& extension) {
    return QStringLiteral(ENCORE_TEST_DATA "/audio/clip.") + extension;
}

// Copies clip.<ext> to `path` (creating folders) and writes `tags`. Fails the test on error.
inline bool makeTaggedFile(const QString& path, const TrackTags& tags) {
    const QString extension = QFileInfo(path).suffix().toLower();
    QDir().mkpath(QFileInfo(path).path());
    QFile::remove(path);
    if (!QFile::copy(clipPath(extension), path)) {
        qWarning("cannot copy %s to %s", qPrintable(clipPath(extension)), qPrintable(path));
        return false;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    const Status written = writeTrackTags(path, tags);
    if (!written)
        qWarning("%s", qPrintable(written.error()));
    return written.ok();
}

inline TrackTags tags(const QString& artist, const QString& album, const QString& title,
                      int trackNo = 0, QStringList genres = {}) {
    TrackTags t;
    t.artist = artist;
    t.album = album;
    t.title = title;
    t.track_no = trackNo;
    t.genres = std::move(genres);
    return t;
}

inline bool writeBytes(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

}  // namespace encore::test
