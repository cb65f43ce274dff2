// Sound devices: the one chosen in Settings is used while it is there; when it goes away
// playback falls back to the system default, with a message; with none left, to the clocked
// sink that plays to nobody. This machine has no sound device, so the test registers a device
// provider of its own (a test double at the one boundary the machine lacks): its "devices"
// are fake sinks that keep real time.

#include "audiofixtures.h"
#include "playback/playbackengine.h"

#include <gst/gst.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

// --- The test's device provider ---------------------------------------------------------------

struct TestSinkDevice {
    GstDevice parent;
};
struct TestSinkDeviceClass {
    GstDeviceClass parent_class;
};
G_DEFINE_TYPE(TestSinkDevice, test_sink_device, GST_TYPE_DEVICE)

static GstElement* testSinkCreate(GstDevice*, const gchar* name) {
    GstElement* sink = gst_element_factory_make("fakesink", name);
    g_object_set(sink, "sync", TRUE, nullptr);
    return sink;
}
static void test_sink_device_class_init(TestSinkDeviceClass* klass) {
    GST_DEVICE_CLASS(klass)->create_element = testSinkCreate;
}
static void test_sink_device_init(TestSinkDevice*) {}

struct TestSinkProvider {
    GstDeviceProvider parent;
};
struct TestSinkProviderClass {
    GstDeviceProviderClass parent_class;
};
G_DEFINE_TYPE(TestSinkProvider, test_sink_provider, GST_TYPE_DEVICE_PROVIDER)

static GstDevice* makeDevice(const char* id, const char* name) {
    GstCaps* caps = gst_caps_new_empty_simple("audio/x-raw");
    GstStructure* props = gst_structure_new("props", "device.name", G_TYPE_STRING, id, nullptr);
    auto* device =
        GST_DEVICE(g_object_new(test_sink_device_get_type(), "display-name", name, "device-class",
                                "Audio/Sink", "caps", caps, "properties", props, nullptr));
    gst_caps_unref(caps);
    gst_structure_free(props);
    return device;
}
static GList* testProviderProbe(GstDeviceProvider*) {
    return g_list_append(g_list_append(nullptr, makeDevice("test-dac", "Test DAC")),
                         makeDevice("test-speakers", "Test Speakers"));
}
static void test_sink_provider_class_init(TestSinkProviderClass* klass) {
    GstDeviceProviderClass* provider = GST_DEVICE_PROVIDER_CLASS(klass);
    provider->probe = testProviderProbe;
    gst_device_provider_class_set_static_metadata(provider, "Encore test sinks", "Sink/Audio",
                                                  "Fake sound devices for tests", "Encore");
}
static void test_sink_provider_init(TestSinkProvider*) {}

// -------------------------------------------------------------------------------------------

using namespace encore;

namespace {

// Takes a device of the test provider away, as unplugging it would.
void unplug(const char* name) {
    GstDeviceProvider* provider = gst_device_provider_factory_get_by_name("encoretestsinks");
    QVERIFY(provider);
    GList* devices = gst_device_provider_get_devices(provider);
    for (GList* l = devices; l; l = l->next) {
        gchar* display = gst_device_get_display_name(GST_DEVICE(l->data));
        if (g_strcmp0(display, name) == 0)
            gst_device_provider_device_remove(provider, GST_DEVICE(l->data));
        g_free(display);
    }
    g_list_free_full(devices, gst_object_unref);
    gst_object_unref(provider);
}

}  // namespace

class TestOutputDevices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        gst_init(nullptr, nullptr);
        // Ranked above everything, and the only provider that finds devices here.
        QVERIFY(gst_device_provider_register(nullptr, "encoretestsinks", GST_RANK_PRIMARY + 100,
                                             test_sink_provider_get_type()));
        QVERIFY(dir_.isValid());
        QVERIFY(test::makeTone(dir_.filePath(QStringLiteral("t.wav")), 6.0, 440.0, 0.3));
        QVERIFY(test::encode(dir_.filePath(QStringLiteral("t.wav")),
                             dir_.filePath(QStringLiteral("t.flac"))));
    }

    // A remembered device that is not connected at start: the system default plays.
    void aDeviceNotConnectedIsNotUsed() {
        PlaybackSettings settings;
        settings.output_device = QStringLiteral("usb-dac-unplugged");
        PlaybackEngine engine(AudioOutput::device(), settings);
        QTRY_VERIFY(!engine.devices().isEmpty() || !engine.reachesOutput());
        QTRY_COMPARE(engine.outputDescription(), QStringLiteral("System default output"));
    }

    // The chosen device plays; unplugged while playing, the system default takes over (or,
    // where the default cannot open, nothing), with a message naming the device; playback
    // goes on. With every device gone, nothing is heard and the engine says so.
    void fallsBackWhenTheChosenDeviceGoesAway() {
        PlaybackSettings settings;
        settings.output_device = QStringLiteral("test-dac");
        PlaybackEngine engine(AudioOutput::device(), settings);
        QSignalSpy notices(&engine, &PlaybackEngine::notice);
        QSignalSpy playing(&engine, &PlaybackEngine::itemPlaying);
        QSignalSpy positions(&engine, &PlaybackEngine::positionChanged);
        QTRY_COMPARE(engine.outputDescription(), QStringLiteral("Test DAC"));
        QVERIFY(engine.reachesOutput());
        QCOMPARE(engine.devices().size(), 2);
        QCOMPARE(engine.devices()[0].id, QStringLiteral("test-dac"));

        engine.load(PlaybackItem::file(dir_.filePath(QStringLiteral("t.flac"))), 0, true);
        QTRY_COMPARE(playing.count(), 1);
        QTRY_VERIFY(!positions.isEmpty() && positions.last()[1].toLongLong() > 300);

        unplug("Test DAC");
        QTRY_VERIFY(!notices.isEmpty());
        QVERIFY2(notices[0][0].toString().contains(QStringLiteral("“Test DAC” went away")),
                 qPrintable(notices[0][0].toString()));
        QTRY_VERIFY(engine.outputDescription() != QStringLiteral("Test DAC"));
        QCOMPARE(engine.devices().size(), 1);
        // Playback goes on from about where it was.
        const qint64 before = positions.last()[1].toLongLong();
        positions.clear();
        QTRY_VERIFY_WITH_TIMEOUT(
            !positions.isEmpty() && positions.last()[1].toLongLong() > before + 300, 5000);

        unplug("Test Speakers");
        QTRY_VERIFY(!engine.reachesOutput());
        QVERIFY(engine.outputDescription().startsWith(QStringLiteral("No sound output")));
        QVERIFY(engine.devices().isEmpty());
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestOutputDevices)
#include "tst_outputdevices.moc"
