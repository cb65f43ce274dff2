// The seams the recommender plugs into: Up Next and the similar-songs panel read a
// SuggestionProvider; the Dashboards slot takes another page. The provider here answers from
// the library itself (same artist), which is all the window needs to know of it.

#include "browse/librarypage.h"
#include "engine.h"
#include "historytestsupport.h"
#include "mainwindow.h"
#include "pages/upnextpage.h"
#include "playback/clockedplayer.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "suggest/similarpanel.h"
#include "suggest/suggestionlist.h"
#include "suggest/suggestionprovider.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

using namespace encore;

namespace {

// Suggests the other tracks of the same artist; "not for me" is remembered.
class SameArtistProvider : public SuggestionProvider {
public:
    std::shared_ptr<const LibraryIndex> index;
    QSet<TrackId> rejected;
    int asked = 0;

    QFuture<Result<QList<Suggestion>>> upNext(TrackId playing, int count) override {
        ++asked;
        return QtFuture::makeReadyFuture(Result<QList<Suggestion>>(like(playing, count)));
    }
    QFuture<Result<QList<Suggestion>>> similar(TrackId track, int count) override {
        ++asked;
        return QtFuture::makeReadyFuture(Result<QList<Suggestion>>(like(track, count)));
    }
    QFuture<Status> notForMe(TrackId track, TrackId) override {
        rejected.insert(track);
        return QtFuture::makeReadyFuture(Status());
    }
    QString status() const override { return QStringLiteral("answers from the library"); }

private:
    QList<Suggestion> like(TrackId track, int count) const {
        QList<Suggestion> out;
        const int row = index ? index->rowOf(track) : -1;
        if (row < 0)
            return out;
        const TrackInfo seed = index->info(row);
        for (int r = 0; r < index->size() && out.size() < count; ++r) {
            const TrackInfo t = index->info(r);
            if (t.id != track && t.artist == seed.artist && !rejected.contains(t.id))
                out.append({t.id, t.title, t.artist,
                            QStringLiteral("by the same artist as %1").arg(seed.title)});
        }
        return out;
    }
};

struct Fixture {
    test::TempDatabase temp;
    Engine engine{temp.database};
    QList<TrackId> songs;
    std::unique_ptr<MainWindow> window;
    SameArtistProvider provider;

    Fixture() {
        if (!engine.start())
            qFatal("engine did not start");
        ScopedConnection c(temp.database, QStringLiteral("test-songs"));
        songs =
            test::addLibrarySongs(c.db(), {{QStringLiteral("Muse"), QStringLiteral("Uprising")},
                                           {QStringLiteral("Muse"), QStringLiteral("Resistance")},
                                           {QStringLiteral("Muse"), QStringLiteral("Undisclosed")},
                                           {QStringLiteral("Björk"), QStringLiteral("Jóga")}});
        auto player = std::make_unique<ClockedPlayer>(ClockedPlayer::Audience::SimulatedListener);
        player->setTickInterval(0);
        window = std::make_unique<MainWindow>(engine, std::move(player));
        window->show();
        window->reloadLibrary();
    }

    int rowOf(TrackId id) const { return window->libraryPage()->model()->rowOfTrack(id); }
};

}  // namespace

class TestSuggestions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void upNextFillsFromTheProviderAndForgetsWhatIsNotForMe() {
        Fixture f;
        QTRY_VERIFY(f.window->isLibraryLoaded());
        f.provider.index = f.window->libraryPage()->model()->libraryIndex();
        UpNextPage* page = f.window->upNextPage();
        QVERIFY(!page->suggestionList()->isVisibleTo(page));  // no provider: the empty state
        f.window->setSuggestionProvider(&f.provider);
        QCOMPARE(page->providerStatus()->text(), QStringLiteral("answers from the library"));

        // A track starts: suggestions follow it.
        f.window->playback()->playContext({f.songs[0]}, 0);
        QTRY_COMPARE(page->suggestionList()->count(), 2);
        QVERIFY(page->suggestionList()->isVisibleTo(page));
        QCOMPARE(page->suggestionList()->suggestions().first().reason,
                 QStringLiteral("by the same artist as Uprising"));

        // A new model: asked again, the selected row stays selected.
        page->suggestionList()->setCurrentRow(1);
        const TrackId selected = page->suggestionList()->suggestions().at(1).track_id;
        const int before = f.provider.asked;
        Q_EMIT f.provider.changed();
        QTRY_VERIFY(f.provider.asked > before);
        QCOMPARE(page->suggestionList()->currentTrackId(), selected);

        Q_EMIT page->suggestionList()->notForMeRequested(selected);
        QVERIFY(f.provider.rejected.contains(selected));
        QTRY_COMPARE(page->suggestionList()->count(), 1);

        QSignalSpy queued(f.window->playback()->queue(), &PlayQueue::changed);
        Q_EMIT page->suggestionList()->enqueueRequested(f.songs[3]);
        QCOMPARE(queued.count(), 1);
    }

    void similarFollowsTheSelectedTrack() {
        Fixture f;
        QTRY_VERIFY(f.window->isLibraryLoaded());
        f.provider.index = f.window->libraryPage()->model()->libraryIndex();
        f.window->setSuggestionProvider(&f.provider);
        SimilarPanel* similar = f.window->similarPanel();
        QVERIFY(similar);
        QCOMPARE(f.window->libraryPage()->sidePanel(), similar);
        QSignalSpy updated(similar, &SimilarPanel::updated);
        f.window->libraryPage()->view()->selectRow(f.rowOf(f.songs[1]));
        QVERIFY(updated.wait(5000));
        QCOMPARE(similar->headingText(), QStringLiteral("Similar to “Resistance”"));
        QCOMPARE(similar->list()->count(), 2);

        QSignalSpy play(similar, &SimilarPanel::playRequested);
        Q_EMIT similar->list()->playRequested(1);
        QCOMPARE(play.count(), 1);
        const auto context = play.first().at(0).value<std::vector<TrackId>>();
        QCOMPARE(int(context.size()), 2);
        QCOMPARE(play.first().at(1).toInt(), 1);

        // Jóga has no other track by Björk: the panel says so instead of an empty list.
        f.window->libraryPage()->view()->selectRow(f.rowOf(f.songs[3]));
        QVERIFY(updated.wait(5000));
        QCOMPARE(similar->list()->count(), 0);
    }

    void theDashboardsSlotTakesAnotherPage() {
        Fixture f;
        auto* page = new QLabel(QStringLiteral("charts"));
        f.window->showPage(MainWindow::Dashboards);
        f.window->setDashboardsPage(page);
        QCOMPARE(f.window->dashboardsPage(), page);
        QCOMPARE(f.window->currentPage(), MainWindow::Dashboards);
        QVERIFY(page->isVisible());
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
