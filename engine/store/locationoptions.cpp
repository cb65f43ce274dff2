#include "store/locationoptions.h"

#include <QDir>

namespace encore {

namespace {

const QString kDataDir = QStringLiteral("data-dir");
const QString kDb = QStringLiteral("db");
const QString kProfile = QStringLiteral("profile");

}  // namespace

void LocationOptions::define(QCommandLineParser& parser) {
    parser.addOption({kDataDir,
                      QStringLiteral("Folder for the library database and the recommender's "
                                     "model (default: $XDG_DATA_HOME/Encore, that is "
                                     "~/.local/share/Encore)."),
                      QStringLiteral("DIR")});
    parser.addOption({kDb,
                      QStringLiteral("Library database file (default: encore.sqlite in the data "
                                     "folder)."),
                      QStringLiteral("PATH")});
    parser.addOption({kProfile, QStringLiteral("Listener profile (default: the active one)."),
                      QStringLiteral("NAME")});
}

Database LocationOptions::database(const QCommandLineParser& parser) {
    const QString db = parser.value(kDb);
    if (!db.isEmpty())
        return Database(db);
    const QString dir = parser.value(kDataDir);
    return Database(dir.isEmpty() ? Database::defaultPath()
                                  : Database::pathIn(QDir(dir).absolutePath()));
}

QString LocationOptions::profile(const QCommandLineParser& parser) {
    return parser.value(kProfile);
}

}  // namespace encore
