#include "core/textfold.h"
#include "library/audioformats.h"
#include "library/tagnormalizer.h"
#include "library/trackidentity.h"

#include <QtTest>

using namespace encore;

class TestTagNormalizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void genres_data() {
        QTest::addColumn<QStringList>("raw");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("single") << QStringList{QStringLiteral(" Rock ")}
                                << QStringList{QStringLiteral("Rock")};
        QTest::newRow("semicolon") << QStringList{QStringLiteral("Rock; Pop")}
                                   << QStringList{QStringLiteral("Rock"), QStringLiteral("Pop")};
        QTest::newRow("slash") << QStringList{QStringLiteral("Hip-Hop/Rap")}
                               << QStringList{QStringLiteral("Hip-Hop"), QStringLiteral("Rap")};
        QTest::newRow("comma") << QStringList{QStringLiteral("Jazz,Blues")}
                               << QStringList{QStringLiteral("Jazz"), QStringLiteral("Blues")};
        QTest::newRow("nul") << QStringList{QStringLiteral("Folk") + QChar(0) +
                                            QStringLiteral("Country")}
                             << QStringList{QStringLiteral("Folk"), QStringLiteral("Country")};
        QTest::newRow("multi-valued field")
            << QStringList{QStringLiteral("Ambient"), QStringLiteral("Techno")}
            << QStringList{QStringLiteral("Ambient"), QStringLiteral("Techno")};
        QTest::newRow("numeric bare")
            << QStringList{QStringLiteral("17")} << QStringList{QStringLiteral("Rock")};
        QTest::newRow("numeric parenthesised")
            << QStringList{QStringLiteral("(8)")} << QStringList{QStringLiteral("Jazz")};
        QTest::newRow("numeric list") << QStringList{QStringLiteral("(17)(13)")}
                                      << QStringList{QStringLiteral("Rock"), QStringLiteral("Pop")};
        QTest::newRow("numeric refined") << QStringList{QStringLiteral("(17)Krautrock")}
                                         << QStringList{QStringLiteral("Krautrock")};
        QTest::newRow("out of range number kept")
            << QStringList{QStringLiteral("(999)")} << QStringList{QStringLiteral("(999)")};
        QTest::newRow("duplicates folded") << QStringList{QStringLiteral("rock;Rock; ROCK")}
                                           << QStringList{QStringLiteral("rock")};
        QTest::newRow("discogs style")
            << QStringList{QStringLiteral("Folk, World, & Country")}
            << QStringList{QStringLiteral("Folk"), QStringLiteral("World"),
                           QStringLiteral("Country")};
        QTest::newRow("empty parts") << QStringList{QStringLiteral(";; ;")} << QStringList{};
    }
    void genres() {
        QFETCH(QStringList, raw);
        QFETCH(QStringList, expected);
        QCOMPARE(normaliseGenres(raw), expected);
    }

    void genresAreCapped() {
        QStringList many;
        for (int i = 0; i < 100; ++i)
            many << QStringLiteral("g%1").arg(i);
        QCOMPARE(normaliseGenres({many.join(QLatin1Char(';'))}).size(), 16);
    }

    void cleanText_data() {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trim") << QStringLiteral("  Song  ") << QStringLiteral("Song");
        QTest::newRow("control chars") << QStringLiteral(
                                              "A\x01\x02"
                                              "B")
                                       << QStringLiteral("A B");
        QTest::newRow("inner whitespace") << QStringLiteral("A \t\n B") << QStringLiteral("A B");
        QTest::newRow("unicode kept")
            << QStringLiteral("Björk – Jóga") << QStringLiteral("Björk – Jóga");
    }
    void cleanText() {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(cleanTagText(raw), expected);
    }

    void absurdLengthIsCapped() {
        const QString huge(1'000'000, QLatin1Char('x'));
        QCOMPARE(cleanTagText(huge).size(), 512);
    }

    // The cap cuts neither a character outside the BMP in half nor leaves a space at the end.
    void theCapKeepsWholeCharactersAndNoTrailingSpace() {
        const QString emoji = QString::fromUtf8("\xF0\x9F\x8E\xB5");  // U+1F3B5, two UTF-16 units
        const QString atTheCut = QString(511, QLatin1Char('x')) + emoji + QStringLiteral("tail");
        const QString cut = cleanTagText(atTheCut);
        QCOMPARE(cut, QString(511, QLatin1Char('x')));
        const QString spaceAtTheCut = QString(511, QLatin1Char('x')) + QStringLiteral(" yz");
        QCOMPARE(cleanTagText(spaceAtTheCut), QString(511, QLatin1Char('x')));
        const QString pastTheReadLimit = QString(1023, QLatin1Char(' ')) + emoji;
        QCOMPARE(cleanTagText(pastTheReadLimit), QString());
        for (const QString& text : {cut, cleanTagText(spaceAtTheCut)})
            QCOMPARE(cleanTagText(text), text);
    }

    void numbers() {
        QCOMPARE(leadingNumber(QStringLiteral("3/12")), 3);
        QCOMPARE(leadingNumber(QStringLiteral(" 07 ")), 7);
        QCOMPARE(leadingNumber(QStringLiteral("A1")), 0);
        QCOMPARE(leadingNumber(QStringLiteral("2011-05-04")), 2011);
        QCOMPARE(plausibleYear(1969), 1969);
        QCOMPARE(plausibleYear(0), 0);
        QCOMPARE(plausibleYear(99999), 0);
        QCOMPARE(plausibleNumber(4294967295LL, 9999), 0);
        QCOMPARE(plausibleNumber(12, 9999), 12);
    }

    void foldingForIdentity_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("article moved")
            << QStringLiteral("Beatles, The") << QStringLiteral("The Beatles") << true;
        QTest::newRow("case") << QStringLiteral("THE BEATLES") << QStringLiteral("the beatles")
                              << true;
        QTest::newRow("accents") << QStringLiteral("Beyoncé") << QStringLiteral("Beyonce") << true;
        QTest::newRow("punctuation") << QStringLiteral("AC/DC") << QStringLiteral("AC DC") << true;
        QTest::newRow("different")
            << QStringLiteral("The Beatles") << QStringLiteral("The Byrds") << false;
        QTest::newRow("comma inside") << QStringLiteral("Crosby, Stills & Nash")
                                      << QStringLiteral("Crosby Stills Nash") << true;
    }
    void foldingForIdentity() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(foldForComparison(a) == foldForComparison(b), same);
    }

    void identityKeyUsesAlbumArtistFirst() {
        TrackTags a;
        a.artist = QStringLiteral("Guest Singer");
        a.album_artist = QStringLiteral("Beatles, The");
        a.album = QStringLiteral("Abbey Road");
        a.title = QStringLiteral("Something");
        a.track_no = 2;
        TrackTags b = a;
        b.artist = QStringLiteral("Another Guest");
        b.album_artist = QStringLiteral("The Beatles");
        QCOMPARE(trackIdentityKey(a, QStringLiteral("x"), 1),
                 trackIdentityKey(b, QStringLiteral("y"), 2));
        b.track_no = 3;
        QVERIFY(trackIdentityKey(a, QStringLiteral("x"), 1) !=
                trackIdentityKey(b, QStringLiteral("x"), 1));
    }

    void untaggedKeyFallsBackToFileName() {
        const TrackTags none;
        QCOMPARE(trackIdentityKey(none, QStringLiteral("Track 01"), 100),
                 trackIdentityKey(none, QStringLiteral("track 01"), 100));
        QVERIFY(trackIdentityKey(none, QStringLiteral("Track 01"), 100) !=
                trackIdentityKey(none, QStringLiteral("Track 01"), 101));
    }

    void audioExtensions_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("audio");
        for (const char* ext :
             {"mp3", "FLAC", "ogg", "opus", "spx", "m4a", "mp4", "m4b", "wav", "aiff", "wma",
              "ape", "wv",   "mpc", "tta",  "dsf", "dff", "mod", "xm",  "s3m", "it"})
            QTest::newRow(ext) << QStringLiteral("song.%1").arg(QLatin1String(ext)) << true;
        for (const char* ext : {"m3u", "m3u8", "pls", "cue", "jpg", "txt", "nfo", "log"})
            QTest::newRow(ext) << QStringLiteral("file.%1").arg(QLatin1String(ext)) << false;
        QTest::newRow("no extension") << QStringLiteral("no-extension") << false;
    }
    void audioExtensions() {
        QFETCH(QString, name);
        QFETCH(bool, audio);
        QCOMPARE(isAudioFileName(name.toUtf8()), audio);
    }
};

QTEST_GUILESS_MAIN(TestTagNormalizer)
#include "tst_tagnormalizer.moc"
