#pragma once

// Every main view (Library, Up Next, the Dashboards' charts, Your month, Your year, History,
// Settings) at 1280x800 and 1920x1080, light and dark, on three histories in turn: empty, the
// demo library after one listening session, and a real Spotify export imported on top.

#include <QDir>
#include <QString>

namespace encore::shots {

// Writes m-<history>-<width>x<height>-<theme>-<view>.png into `out`, working in `work` (its own
// database). `library` is scanned after the empty round; `history` ('' for none) is imported
// for the third. Returns the number of pictures written.
int renderViewMatrix(const QDir& out, const QString& work, const QString& library,
                     const QString& history);

}  // namespace encore::shots
