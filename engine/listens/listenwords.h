#pragma once

// One meaning per word, shown as the tooltip wherever the word counts something (Dashboards,
// History, the import report, encore-cli): a listen, a play, a skip, an imported listen.

#include <QString>

namespace encore::listenwords {

// "A listen: every time a song was started and heard, however briefly ..."
QString listen();
// "A play: a listen heard for half the song or 4 minutes ..."
QString play();
QString skip();
QString imported();
// The four together, for a tooltip that explains a whole summary line.
QString all();

}  // namespace encore::listenwords
