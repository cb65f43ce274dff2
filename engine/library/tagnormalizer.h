#pragma once

#include <QString>
#include <QStringList>

namespace encore {

// Cleans tag text as read from files: trims, drops control characters, caps absurd lengths.
QString cleanTagText(const QString& raw);

// Splits multi-valued genre text on ';', '/', ',' and NUL, maps ID3v1 numeric genres
// ("17", "(17)", "(17)Rock") to names, trims and drops duplicates (case-insensitively).
QStringList normaliseGenres(const QStringList& raw);

// A year, track or disc number inside its plausible range, else 0 (unknown).
int plausibleYear(long long year);
int plausibleNumber(long long number, int max);

// "3/12" -> 3, "  07 " -> 7, "A1" -> 0.
int leadingNumber(const QString& text);

}  // namespace encore
