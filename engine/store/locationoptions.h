#pragma once

#include "store/database.h"

#include <QCommandLineParser>
#include <QString>

namespace encore {

// The options encore and encore-cli share for where Encore keeps its files and whose listens
// they are: --data-dir DIR (the database and the recommender's model; default
// ~/.local/share/Encore, QStandardPaths' generic data folder), --db PATH (the database alone,
// anywhere) and --profile NAME (the listener).
class LocationOptions {
public:
    // Adds the three options to `parser`.
    static void define(QCommandLineParser& parser);
    // The database the options name.
    static Database database(const QCommandLineParser& parser);
    // The profile named (empty: the active one).
    static QString profile(const QCommandLineParser& parser);
};

}  // namespace encore
