#include "playback/mediaprobe.h"

#include "playback/gstsupport.h"
#include "playback/missingplugins.h"

#include <gst/pbutils/pbutils.h>

#include <QFileInfo>

namespace encore {

namespace {

constexpr GstClockTime kProbeTimeout = 10 * GST_SECOND;

QString cannotPlay(const QString& path, const QString& why) {
    return QStringLiteral("Encore cannot play %1: %2.").arg(path, why);
}

}  // namespace

MediaProbe MediaProbe::probe(const QString& path) {
    MediaProbe result;
    const QFileInfo file(path);
    if (!file.exists()) {
        result.problem =
            QStringLiteral("The file %1 is gone. Rescan the library to forget it, or put it back.")
                .arg(path);
        return result;
    }
    if (!file.isReadable()) {
        result.problem = QStringLiteral("The file %1 cannot be read (permissions).").arg(path);
        return result;
    }
    gst::ensureInitialized();
    GError* error = nullptr;
    GstDiscoverer* discoverer = gst_discoverer_new(kProbeTimeout, &error);
    if (!discoverer) {
        result.problem = cannotPlay(path, gst::reason(error));
        g_clear_error(&error);
        return result;
    }
    const QByteArray uri = gst::uriOf(path).toUtf8();
    GstDiscovererInfo* info = gst_discoverer_discover_uri(discoverer, uri.constData(), &error);
    const GstDiscovererResult outcome =
        info ? gst_discoverer_info_get_result(info) : GST_DISCOVERER_ERROR;
    if (outcome == GST_DISCOVERER_MISSING_PLUGINS) {
        const gchar** details = gst_discoverer_info_get_missing_elements_installer_details(info);
        const QString detail = details && details[0] ? QString::fromUtf8(details[0]) : QString();
        result.problem = cannotPlay(path, MissingPlugins::explain(detail));
    } else if (outcome == GST_DISCOVERER_TIMEOUT) {
        result.problem = cannotPlay(path, QStringLiteral("GStreamer took too long to open it"));
    } else if (outcome != GST_DISCOVERER_OK) {
        result.problem = cannotPlay(path, gst::decodeReason(error));
    } else {
        GList* audio = gst_discoverer_info_get_audio_streams(info);
        if (!audio) {
            result.problem = cannotPlay(path, QStringLiteral("it has no audio"));
        } else {
            auto* stream = GST_DISCOVERER_AUDIO_INFO(audio->data);
            result.playable = true;
            result.sample_rate = int(gst_discoverer_audio_info_get_sample_rate(stream));
            result.channels = int(gst_discoverer_audio_info_get_channels(stream));
            const GstClockTime duration = gst_discoverer_info_get_duration(info);
            result.duration_ms =
                GST_CLOCK_TIME_IS_VALID(duration) ? qint64(duration / GST_MSECOND) : 0;
        }
        gst_discoverer_stream_info_list_free(audio);
    }
    if (info)
        gst_discoverer_info_unref(info);
    g_clear_error(&error);
    g_object_unref(discoverer);
    return result;
}

}  // namespace encore
