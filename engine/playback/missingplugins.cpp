#include "playback/missingplugins.h"

#include <QStringList>

namespace encore {

namespace {

constexpr const char* kBase = "gstreamer1.0-plugins-base";
constexpr const char* kGood = "gstreamer1.0-plugins-good";
constexpr const char* kBad = "gstreamer1.0-plugins-bad";
constexpr const char* kUgly = "gstreamer1.0-plugins-ugly";
constexpr const char* kLibav = "gstreamer1.0-libav";

// Media type (the caps' name) -> the Debian 12 package whose plugin handles it.
struct Rule {
    const char* media;
    const char* package;
};
constexpr Rule kRules[] = {
    {"audio/x-vorbis", kBase},    {"audio/x-opus", kBase},         {"application/ogg", kBase},
    {"audio/ogg", kBase},         {"audio/x-flac", kGood},         {"audio/x-wavpack", kGood},
    {"audio/x-wav", kGood},       {"audio/x-speex", kGood},        {"audio/x-matroska", kGood},
    {"video/x-matroska", kGood},  {"video/quicktime", kGood},      {"audio/x-m4a", kGood},
    {"application/x-id3", kGood}, {"application/x-apetag", kGood}, {"audio/x-alac", kLibav},
    {"audio/x-ac3", kLibav},      {"audio/x-eac3", kLibav},        {"audio/x-dts", kLibav},
    {"audio/x-wma", kLibav},      {"video/x-ms-asf", kLibav},      {"audio/x-ape", kLibav},
    {"audio/x-tta", kLibav},      {"audio/x-ttafile", kLibav},     {"audio/x-musepack", kLibav},
    {"audio/x-aiff", kLibav},     {"audio/x-dsd", kLibav},         {"audio/x-dsf", kLibav},
    {"audio/x-amr-nb-sh", kUgly}, {"audio/x-amr-wb-sh", kLibav},   {"audio/x-sid", kUgly},
    {"video/mpegts", kBad},       {"audio/x-midi-event", kBad},    {"audio/midi", kBad},
};

// "decoder-audio/mpeg, mpegversion=(int)4" -> ("decoder", "audio/mpeg", full caps text).
struct Detail {
    QString kind;
    QString media;
    QString caps;
    QString description;
};

Detail parse(const QString& installerDetail) {
    const QStringList parts = installerDetail.split(QLatin1Char('|'));
    Detail d;
    d.description = parts.value(3).trimmed();
    const QString request = parts.value(4).trimmed();
    const int dash = request.indexOf(QLatin1Char('-'));
    d.kind = dash > 0 ? request.left(dash) : QString();
    d.caps = dash > 0 ? request.mid(dash + 1) : request;
    d.media = d.caps.section(QLatin1Char(','), 0, 0).trimmed();
    return d;
}

}  // namespace

QString MissingPlugins::debianPackage(const QString& installerDetail) {
    const Detail d = parse(installerDetail);
    if (d.media == QLatin1String("audio/mpeg")) {
        // MPEG-1/2 layers I-III (MP3) are in -good (mpg123); AAC (mpegversion 2 or 4) in libav.
        const bool aac = d.caps.contains(QLatin1String("mpegversion=(int)4")) ||
                         d.caps.contains(QLatin1String("mpegversion=(int)2"));
        return QString::fromLatin1(aac ? kLibav : kGood);
    }
    if (d.media == QLatin1String("video/mpeg") &&
        d.caps.contains(QLatin1String("systemstream=(boolean)true")))
        return QString::fromLatin1(kBad);  // MPEG program streams (mpegpsdemux)
    for (const Rule& rule : kRules) {
        if (d.media == QLatin1String(rule.media))
            return QString::fromLatin1(rule.package);
    }
    if (d.kind == QLatin1String("element") || d.kind == QLatin1String("urisource")) {
        if (d.caps == QLatin1String("rglimiter") || d.caps == QLatin1String("rgvolume") ||
            d.caps == QLatin1String("autoaudiosink") || d.caps == QLatin1String("pulsesink") ||
            d.caps == QLatin1String("wavenc"))
            return QString::fromLatin1(kGood);
        if (d.caps == QLatin1String("audioconvert") || d.caps == QLatin1String("playbin") ||
            d.caps == QLatin1String("audioresample") || d.caps == QLatin1String("alsasink"))
            return QString::fromLatin1(d.caps == QLatin1String("alsasink") ? "gstreamer1.0-alsa"
                                                                           : kBase);
    }
    return {};
}

QString MissingPlugins::description(const QString& installerDetail) {
    const Detail d = parse(installerDetail);
    return d.description.isEmpty() ? d.caps : d.description;
}

QString MissingPlugins::explain(const QString& installerDetail) {
    const QString what = description(installerDetail);
    const QString package = debianPackage(installerDetail);
    if (package.isEmpty())
        return QStringLiteral(
                   "GStreamer has no plugin here for %1, and no Debian package is known to "
                   "bring one; convert the file to FLAC or Ogg to play it")
            .arg(what);
    return QStringLiteral(
               "GStreamer needs a plugin for %1; install the Debian package %2 "
               "(sudo apt install %2) and play it again")
        .arg(what, package);
}

}  // namespace encore
