// Match keys: spellings of the same song across exports and tags meet; different songs don't.
#include "core/matchkey.h"

#include <QtTest>

using namespace encore;

class TestMatchKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSong_data() {
        QTest::addColumn<QString>("artistA");
        QTest::addColumn<QString>("titleA");
        QTest::addColumn<QString>("artistB");
        QTest::addColumn<QString>("titleB");
        auto row = [](const char* name, const char* a1, const char* t1, const char* a2,
                      const char* t2) {
            QTest::newRow(name) << QString::fromUtf8(a1) << QString::fromUtf8(t1)
                                << QString::fromUtf8(a2) << QString::fromUtf8(t2);
        };
        row("case", "THE BEATLES", "COME TOGETHER", "The Beatles", "Come Together");
        row("accents", "Beyoncé", "Déjà Vu", "Beyonce", "Deja Vu");
        row("punctuation", "AC/DC", "T.N.T.", "AC DC", "TNT");
        row("article moved", "Beatles, The", "Help!", "The Beatles", "Help");
        row("article dropped", "Beatles", "Help!", "The Beatles", "Help!");
        row("ampersand", "Simon & Garfunkel", "Mrs. Robinson", "Simon and Garfunkel",
            "Mrs Robinson");
        row("feat. in brackets", "All Time Low", "Monsters (feat. Demi Lovato and blackbear)",
            "All Time Low", "Monsters");
        row("featuring, no brackets", "Charli XCX", "guess featuring billie eilish", "Charli XCX",
            "Guess");
        row("ft. in the artist", "Charli XCX ft. Billie Eilish", "Guess", "Charli XCX", "Guess");
        row("with, Spotify style", "Ed Sheeran", "Bad Habits (with X)", "Ed Sheeran", "Bad Habits");
        row("remastered in brackets", "Queen", "Bohemian Rhapsody (Remastered 2011)", "Queen",
            "Bohemian Rhapsody");
        row("dash remaster", "The Beatles", "Come Together - 2019 Remaster", "The Beatles",
            "Come Together");
        row("dash remastered year", "David Bowie", "Heroes - 2017 Remastered Version",
            "David Bowie", "Heroes");
        row("dash live", "Nirvana", "Lithium - Live", "Nirvana", "Lithium");
        row("live at", "Nirvana", "Lithium (Live at Reading)", "Nirvana", "Lithium");
        row("mono", "The Kinks", "Waterloo Sunset (Mono)", "The Kinks", "Waterloo Sunset");
        row("radio edit", "Daft Punk", "One More Time - Radio Edit", "Daft Punk", "One More Time");
        row("two labels", "X", "Song (feat. Y) - 2011 Remaster", "X", "Song");
        row("en dash", "X", "Song \u2013 Live", "X", "Song");
        row("spacing", "  Nina   Simone ", "Feeling  Good", "Nina Simone", "Feeling Good");
        row("japanese", "今堀恒雄", "YELLOW ALERT", "今堀恒雄", "Yellow Alert");
    }
    void sameSong() {
        QFETCH(QString, artistA);
        QFETCH(QString, titleA);
        QFETCH(QString, artistB);
        QFETCH(QString, titleB);
        QCOMPARE(matchKey(artistA, titleA), matchKey(artistB, titleB));
    }

    void differentSongs_data() {
        QTest::addColumn<QString>("artistA");
        QTest::addColumn<QString>("titleA");
        QTest::addColumn<QString>("artistB");
        QTest::addColumn<QString>("titleB");
        auto row = [](const char* name, const char* a1, const char* t1, const char* a2,
                      const char* t2) {
            QTest::newRow(name) << QString::fromUtf8(a1) << QString::fromUtf8(t1)
                                << QString::fromUtf8(a2) << QString::fromUtf8(t2);
        };
        row("a remix is another song", "Bob Moses", "Hanging On - CRi Remix", "Bob Moses",
            "Hanging On");
        row("acoustic", "X", "Song (Acoustic)", "X", "Song");
        row("another artist", "Nina Simone", "Feeling Good", "Muse", "Feeling Good");
        row("title words kept", "Oasis", "Live Forever", "Oasis", "Forever");
        row("artist and title do not run together", "AB", "C", "A", "BC");
    }
    void differentSongs() {
        QFETCH(QString, artistA);
        QFETCH(QString, titleA);
        QFETCH(QString, artistB);
        QFETCH(QString, titleB);
        QVERIFY(matchKey(artistA, titleA) != matchKey(artistB, titleB));
    }

    void onlyALabelKeepsItsText() {
        // Stripping must never leave nothing: "(Live)" alone is the title.
        QCOMPARE(foldTitleForMatch(QStringLiteral("(Live)")), QStringLiteral("live"));
        QCOMPARE(matchKey(QStringLiteral("A"), QStringLiteral("B")), QStringLiteral("a\tb"));
        QCOMPARE(foldArtistForMatch(QStringLiteral("The The")), QStringLiteral("the"));
    }
};

QTEST_GUILESS_MAIN(TestMatchKey)
#include "tst_matchkey.moc"
