#pragma once

#include "playback/audiooutput.h"

#include <gst/gst.h>

#include <functional>

namespace encore {

// The sound devices (GstDeviceMonitor, Audio/Sink), kept current: `changed` runs on a
// GStreamer thread when one appears or goes away. Internal to the playback room.
class OutputDevices {
public:
    explicit OutputDevices(std::function<void()> changed);
    ~OutputDevices();
    OutputDevices(const OutputDevices&) = delete;
    OutputDevices& operator=(const OutputDevices&) = delete;

    void start();
    QList<OutputDevice> list() const;
    bool has(const QString& id) const;
    QString nameOf(const QString& id) const;
    // A sink for the device (floating ref), or nullptr when it is not there.
    GstElement* createSink(const QString& id) const;

private:
    static GstBusSyncReply onMessage(GstBus* bus, GstMessage* message, gpointer self);

    GstDeviceMonitor* monitor_ = nullptr;
    std::function<void()> changed_;
    bool started_ = false;
};

}  // namespace encore
