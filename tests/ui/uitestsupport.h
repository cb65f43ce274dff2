#pragma once

// Helpers for Encore's UI tests: isolated QSettings, and library snapshots built in memory.

#include "core/track.h"
#include "library/libraryindex.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace encore::test {

// QSettings in a temporary folder, so tests neither read nor change the user's settings.
struct IsolatedSettings {
    QTemporaryDir dir;
    IsolatedSettings() {
        QCoreApplication::setOrganizationName(QStringLiteral("EncoreTest"));
        QCoreApplication::setApplicationName(QStringLiteral("EncoreTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QSettings().clear();
        qputenv("XDG_CACHE_HOME", QFile::encodeName(dir.filePath(QStringLiteral("cache"))));
    }
};

inline Track makeTrack(TrackId id, const QString& title, const QString& artist,
                       const QString& album, QStringList genres = {}, int year = 0,
                       int durationMs = 200000, int trackNo = 0) {
    Track t;
    t.id = id;
    t.path = QStringLiteral("/music/%1/%2/%3.flac").arg(artist, album, title);
    t.tags.title = title;
    t.tags.artist = artist;
    t.tags.album = album;
    t.tags.genres = std::move(genres);
    t.tags.year = year;
    t.tags.duration_ms = durationMs;
    t.tags.track_no = trackNo;
    return t;
}

// Ten tracks over three artists, four albums and four genres (one track has two genres,
// one has none, one artist name has an accent).
inline QList<Track> smallLibrary() {
    return {
        makeTrack(1, QStringLiteral("So What"), QStringLiteral("Miles Davis"),
                  QStringLiteral("Kind of Blue"), {QStringLiteral("Jazz")}, 1959, 562000, 1),
        makeTrack(2, QStringLiteral("Freddie Freeloader"), QStringLiteral("Miles Davis"),
                  QStringLiteral("Kind of Blue"), {QStringLiteral("Jazz")}, 1959, 586000, 2),
        makeTrack(3, QStringLiteral("Blue in Green"), QStringLiteral("Miles Davis"),
                  QStringLiteral("Kind of Blue"), {QStringLiteral("Jazz")}, 1959, 337000, 3),
        makeTrack(4, QStringLiteral("Générique"), QStringLiteral("Miles Davis"),
                  QStringLiteral("Ascenseur pour l'échafaud"),
                  {QStringLiteral("Jazz"), QStringLiteral("Soundtrack")}, 1958, 168000, 1),
        makeTrack(5, QStringLiteral("Teardrop"), QStringLiteral("Massive Attack"),
                  QStringLiteral("Mezzanine"), {QStringLiteral("Trip Hop")}, 1998, 330000, 3),
        makeTrack(6, QStringLiteral("Angel"), QStringLiteral("Massive Attack"),
                  QStringLiteral("Mezzanine"), {QStringLiteral("Trip Hop")}, 1998, 378000, 1),
        makeTrack(7, QStringLiteral("Inertia Creeps"), QStringLiteral("Massive Attack"),
                  QStringLiteral("Mezzanine"), {QStringLiteral("Trip Hop")}, 1998, 356000, 4),
        makeTrack(8, QStringLiteral("Jóga"), QStringLiteral("Björk"), QStringLiteral("Homogenic"),
                  {QStringLiteral("Electronic")}, 1997, 305000, 2),
        makeTrack(9, QStringLiteral("Bachelorette"), QStringLiteral("Björk"),
                  QStringLiteral("Homogenic"), {QStringLiteral("Electronic")}, 1997, 312000, 3),
        makeTrack(10, QStringLiteral("Untitled"), QStringLiteral("Björk"),
                  QStringLiteral("Homogenic"), {}, 0, 0, 11),
    };
}

}  // namespace encore::test
