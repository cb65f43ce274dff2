// dashboards_screenshot [--db PATH] [--out DIR] [--listens DIR]
// Renders the Dashboards page to PNG files: the whole page (dashboards.png) and every card
// (<card>.png). Without --db it builds a database from real Spotify histories in
// ../shared/data/listens (four people, genres from artist-tags.tsv). Run it under
// QT_QPA_PLATFORM=offscreen.
#include "sharedhistories.h"

#include "dashboards/chartcard.h"
#include "dashboards/dashboardspage.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace encore;

namespace {

constexpr int kWidth = 1400;
constexpr int kTimeoutMs = 60000;

const char* const kHistories[] = {
    "spotify/katarzynajanicka__my-spotify-streaming-habits",
    "spotify/vnegi10__Spotify_data_analysis",
    "spotify/jcarlsso__Music_Data_Project",
    "spotify/mattgath__SpotifyListeningData",
};

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database to show."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder for the PNG files."),
                      QStringLiteral("DIR"), QStringLiteral("dashboards-screenshots")});
    parser.addOption({QStringLiteral("listens"), QStringLiteral("../shared/data/listens"),
                      QStringLiteral("DIR"), QStringLiteral(ENCORE_SHARED_DATA "/listens")});
    parser.addHelpOption();
    parser.process(app);

    QTemporaryDir temp;
    QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        path = temp.filePath(QStringLiteral("encore.sqlite"));
        Database database(path);
        if (Status s = database.migrate(); !s) {
            out << s.error() << "\n";
            return 2;
        }
        ScopedConnection connection(database, QStringLiteral("screenshot-import"));
        QStringList folders;
        for (const char* f : kHistories)
            folders.append(QString::fromLatin1(f));
        const QString listens = parser.value(QStringLiteral("listens"));
        if (Status s = bench::importSharedHistories(connection.db(), listens, folders); !s) {
            out << s.error() << "\n";
            return 2;
        }
        const Result<int> tagged = bench::tagFromArtistTags(
            connection.db(), QDir(listens).filePath(QStringLiteral("artist-tags.tsv")));
        if (!tagged) {
            out << tagged.error() << "\n";
            return 2;
        }
        out << "imported " << folders.size() << " histories, tagged " << tagged.value()
            << " tracks\n";
    }
    Database database(path);
    dashboards::DashboardsPage page(database);
    page.setProfile(0);
    page.resize(kWidth, 1000);
    QEventLoop loop;
    QObject::connect(&page, &dashboards::DashboardsPage::updated, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    page.show();
    loop.exec();
    if (!page.report()) {
        out << "the dashboards did not fill in within " << kTimeoutMs / 1000 << " s\n";
        return 2;
    }
    QDir dir(parser.value(QStringLiteral("out")));
    dir.mkpath(QStringLiteral("."));
    // The whole page at its full height (the scroll area's content), then each card.
    auto* scroll = page.findChild<QScrollArea*>();
    QWidget* content = scroll->widget();
    content->resize(kWidth, content->sizeHint().height());
    content->grab().save(dir.filePath(QStringLiteral("dashboards.png")));
    int saved = 1;
    for (dashboards::ChartCard* card : page.cards())
        saved += card->grab().save(dir.filePath(card->key() + QStringLiteral(".png"))) ? 1 : 0;
    out << "wrote " << saved << " images to " << dir.absolutePath() << "\n";
    return 0;
}
