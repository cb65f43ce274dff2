#include "library/libraryindex.h"
#include "uitestsupport.h"

#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace encore;

namespace {

// Rows of `index` in ascending order of `field` (ties by row).
std::vector<int> sortedBy(const LibraryIndex& index, LibraryIndex::Field field) {
    std::vector<int> rows(static_cast<size_t>(index.size()));
    std::iota(rows.begin(), rows.end(), 0);
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        return index.sortKey(field, a) < index.sortKey(field, b);
    });
    return rows;
}

QStringList titles(const LibraryIndex& index, const std::vector<int>& rows) {
    QStringList out;
    for (const int row : rows)
        out << index.title(row);
    return out;
}

int facetNamed(const LibraryIndex& index, const QString& name) {
    for (int a = 0; a < index.artistCount(); ++a) {
        if (index.artistName(a) == name)
            return a;
    }
    return -1;
}

}  // namespace

class TestLibraryIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void foldsForSearch_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("case") << QStringLiteral("Miles DAVIS") << QStringLiteral("miles davis");
        QTest::newRow("accents") << QStringLiteral("Björk Générique")
                                 << QStringLiteral("bjork generique");
        QTest::newRow("combining accent") << QStringLiteral("Cafe\u0301") << QStringLiteral("cafe");
        QTest::newRow("punctuation") << QStringLiteral("AC/DC") << QStringLiteral("ac dc");
        QTest::newRow("spacing") << QStringLiteral("  Hello,   World! ")
                                 << QStringLiteral("hello world");
        QTest::newRow("apostrophe") << QStringLiteral("l'échafaud") << QStringLiteral("l echafaud");
        QTest::newRow("digits") << QStringLiteral("Track 01") << QStringLiteral("track 01");
        QTest::newRow("no decomposition") << QStringLiteral("ÆON") << QStringLiteral("æon");
        // Case folding turns the final sigma into the ordinary one.
        QTest::newRow("greek") << QStringLiteral("Σίσυφος") << QStringLiteral("σισυφοσ");
        QTest::newRow("only punctuation") << QStringLiteral("?!") << QString();
    }
    void foldsForSearch() {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(LibraryIndex::foldForSearch(text), folded);
    }

    void splitsQueriesIntoTerms() {
        QCOMPARE(
            LibraryIndex::searchTerms(QStringLiteral("  Kind  of-BLUE ")),
            QStringList({QStringLiteral("kind"), QStringLiteral("of"), QStringLiteral("blue")}));
        QVERIFY(LibraryIndex::searchTerms(QStringLiteral(" - ")).isEmpty());
    }

    void buildsFacets() {
        const auto index = LibraryIndex::build(test::smallLibrary());
        QCOMPARE(index->size(), 10);
        QCOMPARE(index->artistCount(), 3);
        QCOMPARE(index->albumCount(), 4);
        QCOMPARE(index->genreCount(), 5);  // Jazz, Soundtrack, Trip Hop, Electronic, none
        QCOMPARE(index->artistOf(0), index->artistOf(3));
        QVERIFY(index->artistOf(0) != index->artistOf(4));
        QCOMPARE(index->albumOf(0), index->albumOf(2));
        QVERIFY(index->albumOf(0) != index->albumOf(3));
        QCOMPARE(index->genreText(3), QStringLiteral("Jazz, Soundtrack"));
        QCOMPARE(int(index->genresEnd(3) - index->genresBegin(3)), 2);
        QCOMPARE(index->genreName(*index->genresBegin(9)), QString());  // untagged genre
        QCOMPARE(index->rowOf(8), 7);
        QCOMPARE(index->rowOf(999), -1);
        QCOMPARE(index->id(7), TrackId(8));
    }

    void ordersFacetsByFoldedName() {
        const auto index = LibraryIndex::build(test::smallLibrary());
        QStringList artists;
        for (const int a : index->artistsInOrder())
            artists << index->artistName(a);
        QCOMPARE(artists, QStringList({QStringLiteral("Björk"), QStringLiteral("Massive Attack"),
                                       QStringLiteral("Miles Davis")}));
        QStringList genres;
        for (const int g : index->genresInOrder())
            genres << index->genreName(g);
        QCOMPARE(genres,
                 QStringList({QString(), QStringLiteral("Electronic"), QStringLiteral("Jazz"),
                              QStringLiteral("Soundtrack"), QStringLiteral("Trip Hop")}));
    }

    void groupsByAlbumArtistAndSeparatesSameNamedAlbums() {
        QList<Track> tracks = {
            test::makeTrack(1, QStringLiteral("A"), QStringLiteral("Guest One"),
                            QStringLiteral("Greatest Hits")),
            test::makeTrack(2, QStringLiteral("B"), QStringLiteral("Guest Two"),
                            QStringLiteral("Greatest Hits")),
            test::makeTrack(3, QStringLiteral("C"), QStringLiteral("Queen"),
                            QStringLiteral("Greatest Hits")),
        };
        tracks[0].tags.album_artist = QStringLiteral("Various Artists");
        tracks[1].tags.album_artist = QStringLiteral("various artists");  // folds the same
        const auto index = LibraryIndex::build(tracks);
        QCOMPARE(index->artistCount(), 2);
        QCOMPARE(index->artistOf(0), index->artistOf(1));
        QCOMPARE(index->albumOf(0), index->albumOf(1));
        QVERIFY(index->albumOf(0) != index->albumOf(2));
        QCOMPARE(index->albumArtistName(index->albumOf(2)), QStringLiteral("Queen"));
        QCOMPARE(index->artist(0),
                 QStringLiteral("Guest One"));  // the column keeps the track artist
    }

    void fallsBackToTheFileName() {
        Track untitled = test::makeTrack(1, QString(), QStringLiteral("X"), QStringLiteral("Y"));
        untitled.path = QStringLiteral("/music/x/04 Lost Song.mp3");
        const auto index = LibraryIndex::build({untitled});
        QCOMPARE(index->title(0), QStringLiteral("04 Lost Song.mp3"));
        QVERIFY(index->matches(0, LibraryIndex::searchTerms(QStringLiteral("lost"))));
    }

    void matchesEveryTerm_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<TrackId>>("ids");
        QTest::newRow("artist and album")
            << QStringLiteral("miles blue") << QList<TrackId>{1, 2, 3};
        QTest::newRow("accent-free") << QStringLiteral("bjork joga") << QList<TrackId>{8};
        QTest::newRow("genre") << QStringLiteral("trip hop") << QList<TrackId>{5, 6, 7};
        QTest::newRow("two genres") << QStringLiteral("jazz soundtrack") << QList<TrackId>{4};
        QTest::newRow("part of a word") << QStringLiteral("ezza") << QList<TrackId>{5, 6, 7};
        QTest::newRow("nothing") << QStringLiteral("polka") << QList<TrackId>{};
        QTest::newRow("punctuation ignored") << QStringLiteral("l'echafaud") << QList<TrackId>{4};
    }
    void matchesEveryTerm() {
        QFETCH(QString, query);
        QFETCH(QList<TrackId>, ids);
        const auto index = LibraryIndex::build(test::smallLibrary());
        const QStringList terms = LibraryIndex::searchTerms(query);
        QList<TrackId> found;
        for (int row = 0; row < index->size(); ++row) {
            if (index->matches(row, terms))
                found << index->id(row);
        }
        QCOMPARE(found, ids);
    }

    void sortsByPrecomputedKeys() {
        const auto index = LibraryIndex::build(test::smallLibrary());
        QCOMPARE(titles(*index, sortedBy(*index, LibraryIndex::Field::Title)).first(3),
                 QStringList({QStringLiteral("Angel"), QStringLiteral("Bachelorette"),
                              QStringLiteral("Blue in Green")}));
        // Default: artist, album, disc, track number.
        QCOMPARE(
            titles(*index, sortedBy(*index, LibraryIndex::Field::Default)),
            QStringList({QStringLiteral("Jóga"), QStringLiteral("Bachelorette"),
                         QStringLiteral("Untitled"), QStringLiteral("Angel"),
                         QStringLiteral("Teardrop"), QStringLiteral("Inertia Creeps"),
                         QStringLiteral("Générique"), QStringLiteral("So What"),
                         QStringLiteral("Freddie Freeloader"), QStringLiteral("Blue in Green")}));
        const std::vector<int> byYear = sortedBy(*index, LibraryIndex::Field::Year);
        QCOMPARE(index->title(byYear.front()), QStringLiteral("Untitled"));  // unknown first
        QCOMPARE(index->year(byYear.back()), 1998);
        const std::vector<int> byDuration = sortedBy(*index, LibraryIndex::Field::Duration);
        QCOMPARE(index->title(byDuration.back()), QStringLiteral("Freddie Freeloader"));
        // Equal folded values share a key.
        QCOMPARE(index->sortKey(LibraryIndex::Field::Artist, 0),
                 index->sortKey(LibraryIndex::Field::Artist, 3));
        QVERIFY(index->sortKey(LibraryIndex::Field::Artist, 7) <
                index->sortKey(LibraryIndex::Field::Artist, 4));  // Björk < Massive Attack
    }

    void findsFacetsByName() {
        const auto index = LibraryIndex::build(test::smallLibrary());
        QVERIFY(facetNamed(*index, QStringLiteral("Björk")) >= 0);
        QCOMPARE(facetNamed(*index, QStringLiteral("Nobody")), -1);
        const TrackInfo info = index->info(0);
        QCOMPARE(info.id, TrackId(1));
        QCOMPARE(info.title, QStringLiteral("So What"));
        QCOMPARE(info.album, QStringLiteral("Kind of Blue"));
        QCOMPARE(info.duration_ms, 562000);
    }

    void buildsAnEmptyIndex() {
        const auto index = LibraryIndex::build({});
        QCOMPARE(index->size(), 0);
        QCOMPARE(index->artistCount(), 0);
        QVERIFY(index->artistsInOrder().empty());
    }
};

QTEST_GUILESS_MAIN(TestLibraryIndex)
#include "tst_libraryindex.moc"
