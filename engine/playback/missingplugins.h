#pragma once

#include <QString>

namespace encore {

// Names the Debian 12 package that brings a GStreamer plugin playback lacks, from the
// "installer detail" of GStreamer's missing-plugin message
// ("gstreamer|1.0|playbin|MPEG-2 Transport Stream demuxer|decoder-video/mpegts, ...").
class MissingPlugins {
public:
    // "gstreamer1.0-plugins-bad", or empty when no Debian package is known to provide it.
    static QString debianPackage(const QString& installerDetail);
    // What is missing, in words ("MPEG-2 Transport Stream demuxer").
    static QString description(const QString& installerDetail);
    // The sentence after "Encore cannot play FILE: ".
    static QString explain(const QString& installerDetail);
};

}  // namespace encore
