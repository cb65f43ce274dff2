#pragma once

// Fixture texts for the listening-log tests. They live here, not in the tst_*.cpp files,
// because moc cannot read raw string literals.

#include <QByteArray>

namespace encore::fx {

QByteArray albumTies();
QByteArray cliHistory();
QByteArray lbBeatles();
QByteArray lbMamas();
QByteArray lbResponsePrefix();
QByteArray lbSubmitPrefix();
QByteArray lovedTracks();
QByteArray maloja();
QByteArray panoScrobbler();
QByteArray radioheadBeforeTheFile();
QByteArray spotifyBasic();
QByteArray spotifyExtended();
QByteArray spotifyRecentlyPlayed();
QByteArray spotifyUserdata();
QByteArray zippedMusicHistory();
QByteArray zippedPlaylists();
QByteArray zippedPodcastHistory();

}  // namespace encore::fx
