#pragma once

#include <QString>

namespace encore {

// How the UI names the listening-history formats stored in imports.format.
class FormatNames {
public:
    // The service or program, for the History table: "Spotify", "ListenBrainz", "Rockbox".
    static QString shortName(const QString& formatId);
    // The format in full, for the import report: "Spotify extended streaming history".
    static QString title(const QString& formatId);
};

}  // namespace encore
