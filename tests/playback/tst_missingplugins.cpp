// A missing GStreamer plugin is named with the Debian package that brings it.

#include "playback/missingplugins.h"

#include <QtTest>

using namespace encore;

class TestMissingPlugins : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesTheDebianPackage_data() {
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("package");
        auto detail = [](const char* what, const char* caps) {
            return QStringLiteral("gstreamer|1.0|playbin|%1|decoder-%2")
                .arg(QString::fromLatin1(what), QString::fromLatin1(caps));
        };
        QTest::newRow("mpegts") << detail("MPEG-2 Transport Stream demuxer",
                                          "video/mpegts, systemstream=(boolean)true")
                                << QStringLiteral("gstreamer1.0-plugins-bad");
        QTest::newRow("aac") << detail("MPEG-4 AAC decoder", "audio/mpeg, mpegversion=(int)4")
                             << QStringLiteral("gstreamer1.0-libav");
        QTest::newRow("mp3") << detail("MPEG-1 Layer 3 (MP3) decoder",
                                       "audio/mpeg, mpegversion=(int)1, layer=(int)3")
                             << QStringLiteral("gstreamer1.0-plugins-good");
        QTest::newRow("flac") << detail("FLAC decoder", "audio/x-flac")
                              << QStringLiteral("gstreamer1.0-plugins-good");
        QTest::newRow("opus") << detail("Opus decoder", "audio/x-opus")
                              << QStringLiteral("gstreamer1.0-plugins-base");
        QTest::newRow("wma") << detail("Windows Media Audio 9 decoder",
                                       "audio/x-wma, wmaversion=(int)3")
                             << QStringLiteral("gstreamer1.0-libav");
        QTest::newRow("amr") << detail("AMR-NB decoder", "audio/x-amr-nb-sh")
                             << QStringLiteral("gstreamer1.0-plugins-ugly");
        QTest::newRow("program stream")
            << detail("MPEG-1 System Stream demuxer",
                      "video/mpeg, systemstream=(boolean)true, mpegversion=(int)1")
            << QStringLiteral("gstreamer1.0-plugins-bad");
        QTest::newRow("caf, none")
            << detail("Apple Core Audio Format demuxer", "audio/x-caf") << QString();
    }
    void namesTheDebianPackage() {
        QFETCH(QString, detail);
        QFETCH(QString, package);
        QCOMPARE(MissingPlugins::debianPackage(detail), package);
        const QString text = MissingPlugins::explain(detail);
        QVERIFY(text.contains(MissingPlugins::description(detail)));
        if (package.isEmpty())
            QVERIFY(text.contains(QStringLiteral("no Debian package")));
        else
            QVERIFY(text.contains(QStringLiteral("apt install ") + package));
    }
};

QTEST_GUILESS_MAIN(TestMissingPlugins)
#include "tst_missingplugins.moc"
