// Encore as an MPRIS2 player on a private session bus (a real dbus-daemon started here), driven
// the way media keys, desktop widgets and playerctl drive it: a client connection of its own
// reads properties, calls methods, sets properties, and receives PropertiesChanged and Seeked.

#include "desktop/mpris.h"
#include "engine.h"
#include "library/fixturelibrary.h"
#include "playback/clockedplayer.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

using namespace encore;

namespace {

constexpr auto kPath = "/org/mpris/MediaPlayer2";
constexpr auto kRoot = "org.mpris.MediaPlayer2";
constexpr auto kPlayer = "org.mpris.MediaPlayer2.Player";
constexpr int kWaitMs = 5000;

// A session bus of this test's own: dbus-daemon with a minimal configuration.
struct PrivateBus {
    QTemporaryDir dir;
    QProcess daemon;
    QString address;

    bool start() {
        const QString config = dir.filePath(QStringLiteral("session.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus "
                                  "Configuration 1.0//EN\" \"http://www.freedesktop.org/standards/"
                                  "dbus/1.0/busconfig.dtd\">\n<busconfig><type>session</type>"
                                  "<listen>unix:dir=%1</listen><policy context=\"default\">"
                                  "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow "
                                  "eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                       .arg(dir.path())
                       .toUtf8());
        file.close();
        daemon.start(QStringLiteral(ENCORE_DBUS_DAEMON),
                     {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                      QStringLiteral("--print-address")});
        if (!daemon.waitForStarted(kWaitMs))
            return false;
        QElapsedTimer t;
        t.start();
        while (!daemon.canReadLine() && t.elapsed() < kWaitMs)
            daemon.waitForReadyRead(100);
        address = QString::fromUtf8(daemon.readLine()).trimmed();
        return !address.isEmpty();
    }
    ~PrivateBus() {
        daemon.kill();
        daemon.waitForFinished();
    }
};

// What the client connection heard.
class Recorder : public QObject {
    Q_OBJECT

public:
    QList<QVariantMap> changes;  // PropertiesChanged of the Player interface, in order
    QList<qlonglong> seeks;

    // The newest value said for `name` (invalid when none was).
    QVariant last(const QString& name) const {
        for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
            if (it->contains(name))
                return it->value(name);
        }
        return {};
    }

public Q_SLOTS:
    void changed(const QString& interface, const QVariantMap& properties, const QStringList&) {
        if (interface == QLatin1String(kPlayer))
            changes.append(properties);
    }
    void seeked(qlonglong positionUs) { seeks.append(positionUs); }
};

QVariantMap asMap(const QVariant& value) {
    if (value.canConvert<QDBusArgument>())
        return qdbus_cast<QVariantMap>(value.value<QDBusArgument>());
    return value.toMap();
}

}  // namespace

class TestMpris : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        settings_ = std::make_unique<test::IsolatedSettings>();
        bus_ = std::make_unique<PrivateBus>();
        QVERIFY2(bus_->start(), "dbus-daemon did not start");
        QVERIFY(music_.isValid());
        QList<Track> tracks = test::smallLibrary();
        for (Track& t : tracks) {
            t.path = music_.filePath(QStringLiteral("%1.flac").arg(t.id));
            QVERIFY(test::writeBytes(t.path, "stand-in audio"));  // ClockedPlayer opens nothing
        }
        tracks_ = tracks;
        engine_ = std::make_unique<Engine>(temp_.database);
        QVERIFY(engine_->start().ok());
        controller_ =
            std::make_unique<PlaybackController>(std::make_unique<ClockedPlayer>(), &queue_);
        controller_->setLibrary(LibraryIndex::build(tracks));
        window_ = std::make_unique<QWidget>();
        mpris_ = std::make_unique<Mpris>(*window_, *controller_, *engine_);
        mpris_->setUseCount([](TrackId id) { return int(id) * 10; });
        service_ = QDBusConnection::connectToBus(bus_->address, QStringLiteral("mpris-service"));
        QString why;
        QVERIFY2(mpris_->registerOn(service_, &why), qPrintable(why));
        client_ = QDBusConnection::connectToBus(bus_->address, QStringLiteral("mpris-client"));
        QVERIFY(client_.isConnected());
        recorder_ = std::make_unique<Recorder>();
        QVERIFY(client_.connect(mpris_->serviceName(), QString::fromLatin1(kPath),
                                QStringLiteral("org.freedesktop.DBus.Properties"),
                                QStringLiteral("PropertiesChanged"), recorder_.get(),
                                SLOT(changed(QString, QVariantMap, QStringList))));
        QVERIFY(client_.connect(mpris_->serviceName(), QString::fromLatin1(kPath),
                                QString::fromLatin1(kPlayer), QStringLiteral("Seeked"),
                                recorder_.get(), SLOT(seeked(qlonglong))));
    }
    void cleanup() {
        recorder_.reset();
        mpris_.reset();
        QDBusConnection::disconnectFromBus(QStringLiteral("mpris-client"));
        QDBusConnection::disconnectFromBus(QStringLiteral("mpris-service"));
        controller_.reset();
        window_.reset();
        engine_.reset();
        bus_.reset();
        settings_.reset();
    }

    // Who the player is, under the name media widgets look for.
    void saysWhoItIs() {
        QCOMPARE(mpris_->serviceName(), QStringLiteral("org.mpris.MediaPlayer2.encore"));
        QCOMPARE(get(kRoot, "Identity").toString(), QStringLiteral("Encore"));
        QCOMPARE(get(kRoot, "DesktopEntry").toString(), QStringLiteral("org.encore.Encore"));
        QVERIFY(get(kRoot, "CanQuit").toBool() && get(kRoot, "CanRaise").toBool());
        QVERIFY(!get(kRoot, "HasTrackList").toBool());
        QCOMPARE(get(kRoot, "SupportedUriSchemes").toStringList(), QStringList{"file"});
        QVERIFY(get(kRoot, "SupportedMimeTypes").toStringList().contains("audio/flac"));
        QCOMPARE(get(kPlayer, "PlaybackStatus").toString(), QStringLiteral("Stopped"));
        QVERIFY(asMap(get(kPlayer, "Metadata")).isEmpty());
        QVERIFY(!get(kPlayer, "CanPause").toBool());
        QVERIFY(get(kPlayer, "CanControl").toBool());
    }

    // Play, pause, next and previous from the desktop; each change is said with its metadata.
    void mediaKeysDriveThePlayer() {
        controller_->playContext({1, 2, 3}, 0);  // the listener picked an album
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->last("PlaybackStatus").toString(),
                                  QStringLiteral("Playing"), kWaitMs);
        QVariantMap meta = asMap(recorder_->last("Metadata"));
        QCOMPARE(meta.value("mpris:trackid").value<QDBusObjectPath>().path(),
                 QStringLiteral("/org/encore/track/1"));
        QCOMPARE(meta.value("xesam:title").toString(), QStringLiteral("So What"));
        QCOMPARE(meta.value("xesam:artist").toStringList(), QStringList{"Miles Davis"});
        QCOMPARE(meta.value("xesam:album").toString(), QStringLiteral("Kind of Blue"));
        QCOMPARE(meta.value("xesam:albumArtist").toStringList(), QStringList{"Miles Davis"});
        QCOMPARE(meta.value("xesam:genre").toStringList(), QStringList{"Jazz"});
        QCOMPARE(meta.value("xesam:trackNumber").toInt(), 1);
        QCOMPARE(meta.value("xesam:useCount").toInt(), 10);
        QCOMPARE(meta.value("mpris:length").toLongLong(), 562000LL * 1000);
        QVERIFY(get(kPlayer, "CanGoNext").toBool() && get(kPlayer, "CanPause").toBool());

        call(kPlayer, "Pause");
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->last("PlaybackStatus").toString(),
                                  QStringLiteral("Paused"), kWaitMs);
        QCOMPARE(controller_->state(), Player::State::Paused);
        call(kPlayer, "PlayPause");
        QTRY_COMPARE(controller_->state(), Player::State::Playing);
        call(kPlayer, "Next");
        QTRY_COMPARE_WITH_TIMEOUT(
            asMap(recorder_->last("Metadata")).value("xesam:title").toString(),
            QStringLiteral("Freddie Freeloader"), kWaitMs);
        QCOMPARE(controller_->current()->id, 2);
        call(kPlayer, "Previous");  // early in the track: the one before
        QTRY_COMPARE(controller_->current()->id, 1);
        call(kPlayer, "Stop");
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->last("PlaybackStatus").toString(),
                                  QStringLiteral("Stopped"), kWaitMs);
        QCOMPARE(get(kPlayer, "PlaybackStatus").toString(), QStringLiteral("Stopped"));
    }

    // Seek by an offset and to a position of the track playing; a position meant for another
    // track is ignored. Each jump is said with Seeked.
    void seeksWithinTheTrack() {
        controller_->playContext({5}, 0);
        QTRY_COMPARE(controller_->state(), Player::State::Playing);
        QTRY_VERIFY(get(kPlayer, "CanSeek").toBool());
        call(kPlayer, "Seek", {qlonglong(60'000'000)});
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->seeks.size(), 1, kWaitMs);
        QVERIFY2(std::abs(recorder_->seeks[0] - 60'000'000) < 1'000'000,
                 qPrintable(QString::number(recorder_->seeks[0])));
        call(kPlayer, "SetPosition",
             {QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/encore/track/5"))),
              qlonglong(200'000'000)});
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->seeks.size(), 2, kWaitMs);
        const qlonglong at = get(kPlayer, "Position").toLongLong();
        QVERIFY2(at >= 200'000'000 && at < 202'000'000, qPrintable(QString::number(at)));
        call(kPlayer, "SetPosition",
             {QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/encore/track/6"))),
              qlonglong(10'000'000)});
        QTest::qWait(200);
        QCOMPARE(recorder_->seeks.size(), 2);  // another track's position: nothing happens
        QVERIFY(get(kPlayer, "Position").toLongLong() >= 200'000'000);
    }

    // Volume, shuffle and repeat set from the desktop reach the player, and are said back.
    void propertiesSetFromTheDesktop() {
        set(kPlayer, "Volume", 0.25);
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->last("Volume").toDouble(), 0.25, kWaitMs);
        QCOMPARE(controller_->player()->volume(), 0.25f);
        set(kPlayer, "Shuffle", true);
        QTRY_VERIFY_WITH_TIMEOUT(recorder_->last("Shuffle").toBool(), kWaitMs);
        QVERIFY(controller_->shuffle());
        set(kPlayer, "LoopStatus", QStringLiteral("Track"));
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->last("LoopStatus").toString(), QStringLiteral("Track"),
                                  kWaitMs);
        QCOMPARE(controller_->repeat(), RepeatMode::One);
        set(kPlayer, "LoopStatus", QStringLiteral("Playlist"));
        QTRY_COMPARE(controller_->repeat(), RepeatMode::All);
        controller_->player()->setVolume(0.5f);  // from the player bar: the desktop hears it
        QTRY_COMPARE_WITH_TIMEOUT(recorder_->last("Volume").toDouble(), 0.5, kWaitMs);
    }

    // OpenUri plays a library file; one outside the library is an error that says what to do.
    void opensFilesOfTheLibrary() {
        call(kPlayer, "OpenUri", {QUrl::fromLocalFile(tracks_[7].path).toString()});
        QTRY_COMPARE_WITH_TIMEOUT(controller_->state(), Player::State::Playing, kWaitMs);
        QCOMPARE(controller_->current()->id, 8);
        const QDBusMessage reply =
            call(kPlayer, "OpenUri", {QStringLiteral("file:///elsewhere.flac")});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QVERIFY2(reply.errorMessage().contains(QStringLiteral("not in Encore's library")),
                 qPrintable(reply.errorMessage()));
        QCOMPARE(controller_->current()->id, 8);
    }

    // Raise shows the window; Quit closes it as its own close button would.
    void raisesAndQuits() {
        QVERIFY(!window_->isVisible());
        call(kRoot, "Raise");
        QTRY_VERIFY(window_->isVisible());
        call(kRoot, "Quit");
        QTRY_VERIFY(!window_->isVisible());
    }

private:
    QDBusMessage call(const char* interface, const char* method, const QVariantList& args = {}) {
        QDBusMessage message = QDBusMessage::createMethodCall(
            mpris_->serviceName(), QString::fromLatin1(kPath), QString::fromLatin1(interface),
            QString::fromLatin1(method));
        message.setArguments(args);
        // BlockWithGui: the service answers from this thread's event loop
        return client_.call(message, QDBus::BlockWithGui, kWaitMs);
    }
    QVariant get(const char* interface, const char* property) {
        QDBusMessage message = QDBusMessage::createMethodCall(
            mpris_->serviceName(), QString::fromLatin1(kPath),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        message << QString::fromLatin1(interface) << QString::fromLatin1(property);
        const QDBusMessage reply = client_.call(message, QDBus::BlockWithGui, kWaitMs);
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qWarning("Get %s: %s", property, qPrintable(reply.errorMessage()));
            return {};
        }
        return reply.arguments().value(0).value<QDBusVariant>().variant();
    }
    void set(const char* interface, const char* property, const QVariant& value) {
        QDBusMessage message = QDBusMessage::createMethodCall(
            mpris_->serviceName(), QString::fromLatin1(kPath),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Set"));
        message << QString::fromLatin1(interface) << QString::fromLatin1(property)
                << QVariant::fromValue(QDBusVariant(value));
        const QDBusMessage reply = client_.call(message, QDBus::BlockWithGui, kWaitMs);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

    std::unique_ptr<test::IsolatedSettings> settings_;
    std::unique_ptr<PrivateBus> bus_;
    QTemporaryDir music_;
    QList<Track> tracks_;
    test::TempDatabase temp_;
    std::unique_ptr<Engine> engine_;
    PlayQueue queue_;
    std::unique_ptr<PlaybackController> controller_;
    std::unique_ptr<QWidget> window_;
    std::unique_ptr<Mpris> mpris_;
    QDBusConnection service_{QStringLiteral("unset")};
    QDBusConnection client_{QStringLiteral("unset")};
    std::unique_ptr<Recorder> recorder_;
};

QTEST_MAIN(TestMpris)
#include "tst_mpris.moc"
