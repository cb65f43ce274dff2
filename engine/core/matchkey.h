#pragma once

#include <QString>

namespace encore {

// Match keys join listening history to tracks across sources whose tags disagree in
// spelling. On top of foldForComparison (case, accents, punctuation, ", The"), they drop
// credits and version labels that name the same song: "feat. X", "(with X)",
// "(Remastered 2011)", " - 2011 Remaster", " - Live", "(Live at ...)", "(Mono)",
// " - Radio Edit", "(Single Version)"; "&" reads as "and", dots and apostrophes join
// ("T.N.T." = "TNT"), and a leading "The " is dropped from artists. Remixes, acoustic and
// instrumental versions stay different songs.

// The artist part: "Charli XCX feat. Billie Eilish" -> "charli xcx".
QString foldArtistForMatch(const QString& artist);
// The title part: "Come Together - 2019 Remaster" -> "come together".
QString foldTitleForMatch(const QString& title);
// "artist<TAB>title" from the two parts; stored in tracks.match_key.
QString matchKey(const QString& artist, const QString& title);

}  // namespace encore
