#pragma once

#include <QString>

namespace encore {

// Folds text for comparison, never for display: case, accents, punctuation and spacing
// are dropped, and a trailing ", The" moves to the front ("Beatles, The" == "the beatles").
QString foldForComparison(const QString& text);

}  // namespace encore
