#include "playback/outputdevices.h"

#include "playback/gstsupport.h"

namespace encore {

namespace {

QString idOf(GstDevice* device) {
    // The sound server's own name of the sink survives restarts; the display name is the
    // fallback for providers that give none.
    QString key;
    if (GstStructure* props = gst_device_get_properties(device)) {
        for (const char* field : {"node.name", "device.name", "alsa.id", "object.path"}) {
            if (const gchar* value = gst_structure_get_string(props, field)) {
                key = QString::fromUtf8(value);
                break;
            }
        }
        gst_structure_free(props);
    }
    if (key.isEmpty()) {
        gchar* name = gst_device_get_display_name(device);
        key = QString::fromUtf8(name);
        g_free(name);
    }
    return key;
}

template <typename F>
void forEachDevice(GstDeviceMonitor* monitor, F f) {
    GList* devices = gst_device_monitor_get_devices(monitor);
    for (GList* l = devices; l; l = l->next)
        f(GST_DEVICE(l->data));
    g_list_free_full(devices, gst_object_unref);
}

}  // namespace

OutputDevices::OutputDevices(std::function<void()> changed) : changed_(std::move(changed)) {
    gst::ensureInitialized();
    monitor_ = gst_device_monitor_new();
    gst_device_monitor_add_filter(monitor_, "Audio/Sink", nullptr);
    GstBus* bus = gst_device_monitor_get_bus(monitor_);
    gst_bus_set_sync_handler(bus, &OutputDevices::onMessage, this, nullptr);
    gst_object_unref(bus);
}

OutputDevices::~OutputDevices() {
    GstBus* bus = gst_device_monitor_get_bus(monitor_);
    gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
    gst_object_unref(bus);
    if (started_)
        gst_device_monitor_stop(monitor_);
    gst_object_unref(monitor_);
}

void OutputDevices::start() {
    started_ = gst_device_monitor_start(monitor_);
}

GstBusSyncReply OutputDevices::onMessage(GstBus*, GstMessage* message, gpointer self) {
    const GstMessageType type = GST_MESSAGE_TYPE(message);
    if (type == GST_MESSAGE_DEVICE_ADDED || type == GST_MESSAGE_DEVICE_REMOVED ||
        type == GST_MESSAGE_DEVICE_CHANGED)
        static_cast<OutputDevices*>(self)->changed_();
    gst_message_unref(message);
    return GST_BUS_DROP;
}

QList<OutputDevice> OutputDevices::list() const {
    QList<OutputDevice> out;
    if (!started_)
        return out;
    forEachDevice(monitor_, [&out](GstDevice* device) {
        gchar* name = gst_device_get_display_name(device);
        out.append({idOf(device), QString::fromUtf8(name)});
        g_free(name);
    });
    return out;
}

bool OutputDevices::has(const QString& id) const {
    for (const OutputDevice& d : list()) {
        if (d.id == id)
            return true;
    }
    return false;
}

QString OutputDevices::nameOf(const QString& id) const {
    for (const OutputDevice& d : list()) {
        if (d.id == id)
            return d.name;
    }
    return id;
}

GstElement* OutputDevices::createSink(const QString& id) const {
    GstElement* sink = nullptr;
    if (!started_)
        return nullptr;
    forEachDevice(monitor_, [&](GstDevice* device) {
        if (!sink && idOf(device) == id)
            sink = gst_device_create_element(device, nullptr);
    });
    return sink;
}

}  // namespace encore
