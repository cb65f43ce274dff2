#include "browse/browsermodel.h"
#include "browse/librarymodel.h"
#include "browse/librarypage.h"
#include "browse/trackdrag.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace encore;

namespace {

QStringList column(const QAbstractItemModel& model, int col) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, col).data().toString();
    return out;
}

QList<TrackId> ids(const LibraryModel& model) {
    QList<TrackId> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.trackIdAt(row);
    return out;
}

int facetRow(const BrowserModel& model, const QString& name) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data().toString() == name)
            return row;
    }
    return -1;
}

// A bigger library with predictable words, for comparing incremental and fresh filtering.
QList<Track> generated(int n) {
    static const QStringList words = {
        QStringLiteral("red"),   QStringLiteral("blue"),    QStringLiteral("green"),
        QStringLiteral("night"), QStringLiteral("river"),   QStringLiteral("stone"),
        QStringLiteral("Ärger"), QStringLiteral("échelle"), QStringLiteral("song")};
    QList<Track> tracks;
    for (int i = 0; i < n; ++i) {
        tracks << test::makeTrack(
            i + 1, words[i % words.size()] + QLatin1Char(' ') + words[(i / 7) % words.size()],
            QStringLiteral("Artist %1").arg(i % 13), QStringLiteral("Album %1").arg(i % 29),
            {QStringLiteral("Genre %1").arg(i % 5)}, 1960 + i % 50, 1000 * (i % 300), i % 12);
    }
    return tracks;
}

}  // namespace

class TestLibraryModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { settings_ = std::make_unique<test::IsolatedSettings>(); }

    void passesTheModelTester() {
        LibraryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        model.setFilterText(QStringLiteral("miles"));
        model.sort(LibraryModel::Duration, Qt::DescendingOrder);
        model.setFilterText(QString());
        model.setSelection({-1, 0, -1});
        model.setPlayStats({{1, {3, 1700000000}}});
        model.setNowPlaying(2);
        model.setIndex(LibraryIndex::build(generated(200)));
        model.sort(LibraryModel::Plays, Qt::AscendingOrder);
        model.setIndex(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void showsEveryColumn() {
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        QCOMPARE(model.columnCount(), int(LibraryModel::ColumnCount));
        const int row = model.rowOfTrack(4);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, LibraryModel::Title).data().toString(),
                 QStringLiteral("Générique"));
        QCOMPARE(model.index(row, LibraryModel::Genre).data().toString(),
                 QStringLiteral("Jazz, Soundtrack"));
        QCOMPARE(model.index(row, LibraryModel::Year).data().toInt(), 1958);
        QCOMPARE(model.index(row, LibraryModel::Duration).data().toString(),
                 QStringLiteral("2:48"));
        QVERIFY(!model.index(row, LibraryModel::Plays).data().isValid());
        QCOMPARE(model.index(row, 0).data(LibraryModel::kTrackIdRole).toLongLong(), 4);
        QCOMPARE(
            model.headerData(LibraryModel::LastPlayed, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Last played"));
        const int untitled = model.rowOfTrack(10);
        QCOMPARE(model.index(untitled, LibraryModel::Duration).data().toString(),
                 QStringLiteral("–"));
        QVERIFY(!model.index(untitled, LibraryModel::Year).data().isValid());
    }

    void filtersByEveryWord_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<TrackId>>("expected");
        QTest::newRow("everything") << QString() << QList<TrackId>{8, 9, 10, 6, 5, 7, 4, 1, 2, 3};
        QTest::newRow("artist") << QStringLiteral("massive") << QList<TrackId>{6, 5, 7};
        QTest::newRow("two words") << QStringLiteral("davis blue") << QList<TrackId>{1, 2, 3};
        QTest::newRow("accent typed plain") << QStringLiteral("bjork") << QList<TrackId>{8, 9, 10};
        QTest::newRow("accent typed") << QStringLiteral("GÉNÉ") << QList<TrackId>{4};
        QTest::newRow("no match") << QStringLiteral("zzz") << QList<TrackId>{};
    }
    void filtersByEveryWord() {
        QFETCH(QString, text);
        QFETCH(QList<TrackId>, expected);
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        model.setFilterText(text);
        QCOMPARE(ids(model), expected);
    }

    void narrowsIncrementallyLikeAFreshFilter() {
        const auto index = LibraryIndex::build(generated(3000));
        LibraryModel typing;
        typing.setIndex(index);
        const QString query = QStringLiteral("river arg");
        for (int n = 1; n <= query.size(); ++n) {
            typing.setFilterText(query.left(n));
            LibraryModel fresh;
            fresh.setIndex(index);
            fresh.setFilterText(query.left(n));
            QCOMPARE(ids(typing), ids(fresh));
        }
        QVERIFY(typing.rowCount() > 0);
        QVERIFY(typing.rowCount() < 3000);
        typing.setFilterText(QStringLiteral("red"));  // deleting widens again
        LibraryModel fresh;
        fresh.setIndex(index);
        fresh.setFilterText(QStringLiteral("red"));
        QCOMPARE(ids(typing), ids(fresh));
    }

    void sortsEveryColumnBothWays_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<TrackId>("first");
        QTest::addColumn<TrackId>("last");
        QTest::newRow("title asc")
            << int(LibraryModel::Title) << int(Qt::AscendingOrder) << TrackId(6) << TrackId(10);
        QTest::newRow("title desc")
            << int(LibraryModel::Title) << int(Qt::DescendingOrder) << TrackId(10) << TrackId(6);
        QTest::newRow("artist asc")
            << int(LibraryModel::Artist) << int(Qt::AscendingOrder) << TrackId(8) << TrackId(3);
        QTest::newRow("artist desc")
            << int(LibraryModel::Artist) << int(Qt::DescendingOrder) << TrackId(4) << TrackId(10);
        QTest::newRow("album asc")
            << int(LibraryModel::Album) << int(Qt::AscendingOrder) << TrackId(4) << TrackId(7);
        QTest::newRow("genre asc")
            << int(LibraryModel::Genre) << int(Qt::AscendingOrder) << TrackId(10) << TrackId(7);
        QTest::newRow("year asc") << int(LibraryModel::Year) << int(Qt::AscendingOrder)
                                  << TrackId(10) << TrackId(7);
        QTest::newRow("year desc")
            << int(LibraryModel::Year) << int(Qt::DescendingOrder) << TrackId(6) << TrackId(10);
        QTest::newRow("time asc") << int(LibraryModel::Duration) << int(Qt::AscendingOrder)
                                  << TrackId(10) << TrackId(2);
        QTest::newRow("plays desc")
            << int(LibraryModel::Plays) << int(Qt::DescendingOrder) << TrackId(9) << TrackId(3);
        QTest::newRow("last played desc") << int(LibraryModel::LastPlayed)
                                          << int(Qt::DescendingOrder) << TrackId(5) << TrackId(3);
        QTest::newRow("default") << -1 << int(Qt::AscendingOrder) << TrackId(8) << TrackId(3);
    }
    void sortsEveryColumnBothWays() {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(TrackId, first);
        QFETCH(TrackId, last);
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        model.setPlayStats({{9, {12, 1600000000}}, {5, {2, 1700000000}}, {1, {1, 1500000000}}});
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(model.trackIdAt(0), first);
        QCOMPARE(model.trackIdAt(model.rowCount() - 1), last);
        QCOMPARE(model.rowCount(), 10);
    }

    void keepsTiesInAlbumOrder() {
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        model.sort(LibraryModel::Artist, Qt::DescendingOrder);
        // Miles Davis first, his tracks still in album and track order.
        QCOMPARE(ids(model).first(4), QList<TrackId>({4, 1, 2, 3}));
    }

    void keepsSelectionThroughASort() {
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        const QPersistentModelIndex kept(model.index(model.rowOfTrack(5), LibraryModel::Artist));
        model.sort(LibraryModel::Title, Qt::AscendingOrder);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(LibraryModel::kTrackIdRole).toLongLong(), 5);
        QCOMPARE(kept.column(), int(LibraryModel::Artist));
    }

    void narrowsByPicksAndCountsFacets() {
        LibraryModel model;
        const auto index = LibraryIndex::build(test::smallLibrary());
        model.setIndex(index);
        QSignalSpy facets(&model, &LibraryModel::facetsChanged);
        int jazz = -1;
        for (int g = 0; g < index->genreCount(); ++g) {
            if (index->genreName(g) == QLatin1String("Jazz"))
                jazz = g;
        }
        model.setSelection({jazz, -1, -1});
        QCOMPARE(facets.count(), 1);
        QCOMPARE(ids(model), QList<TrackId>({4, 1, 2, 3}));
        const FacetCounts& c = model.facetCounts();
        QCOMPARE(c.genre_total, 10);  // genre counts ignore the genre pick
        QCOMPARE(c.genres[size_t(jazz)], 4);
        QCOMPARE(c.artist_total, 4);
        QCOMPARE(c.artists[size_t(index->artistOf(0))], 4);
        QCOMPARE(c.artists[size_t(index->artistOf(4))], 0);
        model.setSelection({jazz, index->artistOf(0), index->albumOf(0)});
        QCOMPARE(ids(model), QList<TrackId>({1, 2, 3}));
        model.setFilterText(QStringLiteral("green"));
        QCOMPARE(ids(model), QList<TrackId>({3}));
        QCOMPARE(model.facetCounts().genre_total, 1);
    }

    void remapsPicksToANewSnapshot() {
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        const auto first = model.libraryIndex();
        model.setSelection({-1, first->artistOf(4), -1});  // Massive Attack
        QList<Track> more = test::smallLibrary();
        more.prepend(test::makeTrack(11, QStringLiteral("Aardvark"), QStringLiteral("Aaron"),
                                     QStringLiteral("A")));
        model.setIndex(LibraryIndex::build(more));
        QCOMPARE(model.libraryIndex()->artistName(model.selection().artist),
                 QStringLiteral("Massive Attack"));
        QCOMPARE(ids(model), QList<TrackId>({6, 5, 7}));
    }

    void showsPlayStatsAndNowPlaying() {
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        QSignalSpy changed(&model, &LibraryModel::dataChanged);
        model.setPlayStats({{2, {7, QDateTime::currentSecsSinceEpoch()}}});
        QCOMPARE(changed.count(), 1);
        const int row = model.rowOfTrack(2);
        QCOMPARE(model.index(row, LibraryModel::Plays).data().toInt(), 7);
        QVERIFY(model.index(row, LibraryModel::LastPlayed)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Today")));
        model.setNowPlaying(2);
        QVERIFY(model.index(row, LibraryModel::Title).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(row + 1, LibraryModel::Title).data(Qt::FontRole).isValid());
    }

    void dragsTrackIds() {
        LibraryModel model;
        model.setIndex(LibraryIndex::build(test::smallLibrary()));
        std::unique_ptr<QMimeData> mime(
            model.mimeData({model.index(2, 0), model.index(0, 1), model.index(0, 0)}));
        QCOMPARE(TrackDrag::decode(mime.get()),
                 QList<TrackId>({model.trackIdAt(0), model.trackIdAt(2)}));
    }

    void browserModelsPassTheTester() {
        const auto index = LibraryIndex::build(test::smallLibrary());
        for (const auto kind :
             {BrowserModel::Kind::Genre, BrowserModel::Kind::Artist, BrowserModel::Kind::Album}) {
            BrowserModel browser(kind);
            QAbstractItemModelTester tester(&browser,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            LibraryModel model;
            browser.setIndex(index);
            model.setIndex(index);
            const FacetCounts& c = model.facetCounts();
            const auto& counts = kind == BrowserModel::Kind::Genre    ? c.genres
                                 : kind == BrowserModel::Kind::Artist ? c.artists
                                                                      : c.albums;
            browser.setCounts(counts, 10);
            model.setFilterText(QStringLiteral("massive"));
            browser.setCounts(counts, model.rowCount());
            browser.setCounts(counts, model.rowCount());  // same rows: only data changes
            browser.setIndex(nullptr);
            QCOMPARE(browser.rowCount(), 0);
        }
    }

    void browserListsAllThenNamesWithCounts() {
        const auto index = LibraryIndex::build(test::smallLibrary());
        LibraryModel model;
        model.setIndex(index);
        BrowserModel genres(BrowserModel::Kind::Genre);
        genres.setIndex(index);
        genres.setCounts(model.facetCounts().genres, model.facetCounts().genre_total);
        QCOMPARE(column(genres, 0),
                 QStringList({QStringLiteral("All genres"), QStringLiteral("No genre"),
                              QStringLiteral("Electronic"), QStringLiteral("Jazz"),
                              QStringLiteral("Soundtrack"), QStringLiteral("Trip Hop")}));
        QCOMPARE(genres.index(0).data(BrowserModel::kCountRole).toInt(), 10);
        QCOMPARE(genres.index(0).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("5 genres · 10 tracks"));
        QCOMPARE(genres.index(3).data(BrowserModel::kCountRole).toInt(), 4);
        QCOMPARE(genres.facetAt(0), -1);
        QCOMPARE(genres.rowOfFacet(genres.facetAt(3)), 3);
        model.setFilterText(QStringLiteral("homogenic"));
        genres.setCounts(model.facetCounts().genres, model.facetCounts().genre_total);
        QCOMPARE(column(genres, 0),
                 QStringList({QStringLiteral("All genres"), QStringLiteral("No genre"),
                              QStringLiteral("Electronic")}));
        // The pick stays listed when the text leaves it empty.
        int jazzFacet = -1;
        for (int g = 0; g < index->genreCount(); ++g) {
            if (index->genreName(g) == QLatin1String("Jazz"))
                jazzFacet = g;
        }
        genres.setCounts(model.facetCounts().genres, model.facetCounts().genre_total, jazzFacet);
        QCOMPARE(facetRow(genres, QStringLiteral("Jazz")), genres.rowOfFacet(jazzFacet));
        QVERIFY(genres.rowOfFacet(jazzFacet) > 0);
    }

    void disambiguatesAlbumsOfTheSameName() {
        const QList<Track> tracks = {
            test::makeTrack(1, QStringLiteral("A"), QStringLiteral("Queen"),
                            QStringLiteral("Greatest Hits")),
            test::makeTrack(2, QStringLiteral("B"), QStringLiteral("ABBA"),
                            QStringLiteral("Greatest Hits")),
            test::makeTrack(3, QStringLiteral("C"), QStringLiteral("ABBA"),
                            QStringLiteral("Arrival")),
        };
        const auto index = LibraryIndex::build(tracks);
        LibraryModel model;
        model.setIndex(index);
        BrowserModel albums(BrowserModel::Kind::Album);
        albums.setIndex(index);
        albums.setCounts(model.facetCounts().albums, 3);
        QCOMPARE(column(albums, 0),
                 QStringList({QStringLiteral("All albums"), QStringLiteral("Arrival"),
                              QStringLiteral("Greatest Hits (ABBA)"),
                              QStringLiteral("Greatest Hits (Queen)")}));
    }

    void pageWiresFilterPicksAndPlay() {
        LibraryPage page;
        page.setIndex(LibraryIndex::build(test::smallLibrary()));
        QCOMPARE(page.model()->rowCount(), 10);
        QTest::keyClicks(page.filterEdit(), QStringLiteral("mezz"));
        QCOMPARE(page.model()->rowCount(), 3);
        page.filterEdit()->clear();
        QCOMPARE(page.model()->rowCount(), 10);

        const int bjork = facetRow(*page.artists(), QStringLiteral("Björk"));
        QVERIFY(bjork > 0);
        page.artistList()->setCurrentIndex(page.artists()->index(bjork));
        QCOMPARE(page.model()->rowCount(), 3);
        QCOMPARE(column(*page.albums(), 0),
                 QStringList({QStringLiteral("All albums"), QStringLiteral("Homogenic")}));
        // A genre pick starts the artist over.
        const int jazz = facetRow(*page.genres(), QStringLiteral("Jazz"));
        page.genreList()->setCurrentIndex(page.genres()->index(jazz));
        QCOMPARE(page.model()->selection().artist, -1);
        QCOMPARE(page.model()->rowCount(), 4);
        QCOMPARE(page.artistList()->currentIndex().row(), 0);

        QSignalSpy play(&page, &LibraryPage::playRequested);
        page.playRow(1);
        QCOMPARE(play.count(), 1);
        const auto context = play[0][0].value<std::vector<TrackId>>();
        QCOMPARE(int(context.size()), 4);
        QCOMPARE(play[0][1].toInt(), 1);
        QCOMPARE(context[1], page.model()->trackIdAt(1));
    }

    void pageKeepsTheSelectionWhileFiltering() {
        LibraryPage page;
        page.setIndex(LibraryIndex::build(test::smallLibrary()));
        const int row = page.model()->rowOfTrack(6);
        page.view()->selectRow(row);
        QCOMPARE(page.selectedTrackIds(), QList<TrackId>{6});
        page.filterEdit()->setText(QStringLiteral("attack"));
        QCOMPARE(page.selectedTrackIds(), QList<TrackId>{6});
        page.filterEdit()->setText(QStringLiteral("björk"));
        QVERIFY(page.selectedTrackIds().isEmpty());
    }

    void pageShowsAnEmptyLibrary() {
        LibraryPage page;
        QSignalSpy add(&page, &LibraryPage::addFolderRequested);
        page.setIndex(LibraryIndex::build({}));
        QPushButton* button = nullptr;  // the page has another, "Clear search"
        for (QPushButton* b : page.findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("Add a music folder…"))
                button = b;
        }
        QVERIFY(button);
        QVERIFY(button->isVisibleTo(&page));
        button->click();
        QCOMPARE(add.count(), 1);
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestLibraryModel)
#include "tst_librarymodel.moc"
