#include "playback/mp3gapless.h"

#include <gst/gst.h>

#include <QFile>

#include <cstring>

namespace encore {

namespace {

quint32 be32(const uchar* p) {
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

// Bytes of ID3v2 tag at the start of `data` (0 when there is none).
qint64 id3v2Size(const QByteArray& data) {
    if (data.size() < 10 || !data.startsWith("ID3"))
        return 0;
    const auto* d = reinterpret_cast<const uchar*>(data.constData());
    const qint64 size = (qint64(d[6] & 0x7f) << 21) | (qint64(d[7] & 0x7f) << 14) |
                        (qint64(d[8] & 0x7f) << 7) | qint64(d[9] & 0x7f);
    const bool footer = d[5] & 0x10;
    return 10 + size + (footer ? 10 : 0);
}

}  // namespace

std::optional<Mp3Gapless> Mp3Gapless::read(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    constexpr qint64 kHead = 16 * 1024;
    QByteArray head = file.read(kHead);
    const qint64 tag = id3v2Size(head);
    if (tag > 0) {
        if (!file.seek(tag))
            return std::nullopt;
        head = file.read(kHead);
    }
    // The first frame header (a little junk before it is allowed).
    const auto* d = reinterpret_cast<const uchar*>(head.constData());
    const int n = int(head.size());
    int at = 0;
    while (at + 4 <= n && !(d[at] == 0xff && (d[at + 1] & 0xe0) == 0xe0))
        ++at;
    if (at + 4 > n || at > 4096)
        return std::nullopt;
    const uchar* h = d + at;
    const int version = (h[1] >> 3) & 3;  // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    const int layer = (h[1] >> 1) & 3;    // 1: layer III
    const bool crc = !(h[1] & 1);
    const int rateIndex = (h[2] >> 2) & 3;
    const bool mono = ((h[3] >> 6) & 3) == 3;
    if (version == 1 || layer != 1 || rateIndex == 3)
        return std::nullopt;
    static const int kRates[3] = {44100, 48000, 32000};
    const int rate = kRates[rateIndex] / (version == 3 ? 1 : version == 2 ? 2 : 4);
    const int samplesPerFrame = version == 3 ? 1152 : 576;
    const int sideInfo = version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    int p = at + 4 + (crc ? 2 : 0) + sideInfo;
    if (p + 8 > n)
        return std::nullopt;
    if (memcmp(d + p, "Xing", 4) != 0 && memcmp(d + p, "Info", 4) != 0)
        return std::nullopt;
    const quint32 flags = be32(d + p + 4);
    p += 8;
    if (!(flags & 1) || p + 4 > n)
        return std::nullopt;  // no frame count: nothing to trim against
    const qint64 frames = be32(d + p);
    p += 4;
    if (flags & 2)
        p += 4;  // bytes
    if (flags & 4)
        p += 100;  // seek table
    if (flags & 8)
        p += 4;  // quality
    // LAME extension: version string (9), revision, lowpass, peak (4), gains (4), flags, abr,
    // then 12 bits of encoder delay and 12 of padding.
    if (p + 24 > n)
        return std::nullopt;
    const char* encoder = reinterpret_cast<const char*>(d + p);
    if (memcmp(encoder, "LAME", 4) != 0 && memcmp(encoder, "Lavc", 4) != 0 &&
        memcmp(encoder, "Lavf", 4) != 0)
        return std::nullopt;
    const uchar* delays = d + p + 21;
    const int delay = (delays[0] << 4) | (delays[1] >> 4);
    const int padding = ((delays[1] & 0x0f) << 8) | delays[2];
    Mp3Gapless g;
    g.sample_rate = rate;
    g.skip_samples = delay + kDecoderDelay;
    g.end_sample = frames * samplesPerFrame + kDecoderDelay - padding;
    if (g.end_sample <= g.skip_samples)
        return std::nullopt;
    return g;
}

bool Mp3Gapless::gstreamerTrims() {
    guint major = 0, minor = 0, micro = 0, nano = 0;
    gst_version(&major, &minor, &micro, &nano);
    return major > 1 || (major == 1 && minor >= 24);
}

}  // namespace encore
