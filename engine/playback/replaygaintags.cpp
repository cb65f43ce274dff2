#include "playback/replaygaintags.h"

#include <taglib/fileref.h>
#include <taglib/tpropertymap.h>

#include <QFile>

namespace encore {

namespace {

QString first(const TagLib::PropertyMap& map, const char* key) {
    const auto it = map.find(key);
    if (it == map.end() || it->second.isEmpty())
        return {};
    return QString::fromStdWString(it->second.front().toWString()).trimmed();
}

std::optional<double> parsePeak(const QString& text) {
    bool ok = false;
    const double peak = text.toDouble(&ok);
    return ok && peak > 0.0 ? std::optional<double>(peak) : std::nullopt;
}

}  // namespace

std::optional<double> ReplayGainTags::parseGain(const QString& text) {
    QString t = text.trimmed();
    if (t.endsWith(QLatin1String("dB"), Qt::CaseInsensitive))
        t.chop(2);
    bool ok = false;
    const double db = t.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(db) : std::nullopt;
}

ReplayGainTags ReplayGainTags::read(const QString& path) {
    ReplayGainTags tags;
    const QByteArray name = QFile::encodeName(path);
    TagLib::FileRef file(name.constData(), false);
    if (file.isNull() || !file.tag())
        return tags;
    const TagLib::PropertyMap map = file.file()->properties();
    const QString album = first(map, "ALBUM");
    QString artist = first(map, "ALBUMARTIST");
    if (artist.isEmpty())
        artist = first(map, "ARTIST");
    if (!album.isEmpty())
        tags.album_key = artist + QChar(0x1f) + album;
    if (const std::optional<double> gain = parseGain(first(map, "REPLAYGAIN_TRACK_GAIN"))) {
        Loudness l;
        l.track_gain_db = *gain;
        l.track_peak = parsePeak(first(map, "REPLAYGAIN_TRACK_PEAK"));
        l.album_gain_db = parseGain(first(map, "REPLAYGAIN_ALBUM_GAIN"));
        l.album_peak = parsePeak(first(map, "REPLAYGAIN_ALBUM_PEAK"));
        tags.loudness = l;
    }
    return tags;
}

}  // namespace encore
