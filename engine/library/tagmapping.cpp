#include "library/tagmapping.h"

#include "library/tagnormalizer.h"

#include <taglib/audioproperties.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

namespace encore {

namespace {

constexpr int kMaxDurationMs = 48 * 3600 * 1000;  // longer "durations" come from broken headers
constexpr int kMaxBitrateKbps = 100000;
constexpr int kMaxSampleRate = 12'288'000;  // DSD512
constexpr int kMaxChannels = 64;
constexpr int kMaxTrackNumber = 9999;
constexpr int kMaxDiscNumber = 999;

QString toQString(const TagLib::String& s) {
    return QString::fromStdWString(s.toWString());
}

QString first(const TagLib::PropertyMap& map, const char* key) {
    const auto it = map.find(key);
    if (it == map.end() || it->second.isEmpty())
        return {};
    return cleanTagText(toQString(it->second.front()));
}

QStringList all(const TagLib::PropertyMap& map, const char* key) {
    QStringList values;
    const auto it = map.find(key);
    if (it == map.end())
        return values;
    for (const TagLib::String& value : it->second)
        values.append(toQString(value));
    return values;
}

int clampOrZero(int value, int max) {
    return value > 0 && value <= max ? value : 0;
}

}  // namespace

void fillMissingNames(const TagLib::Tag& tag, TrackTags& tags) {
    if (tags.title.isEmpty())
        tags.title = cleanTagText(toQString(tag.title()));
    if (tags.artist.isEmpty())
        tags.artist = cleanTagText(toQString(tag.artist()));
    if (tags.album.isEmpty())
        tags.album = cleanTagText(toQString(tag.album()));
}

std::optional<Loudness> replayGainFromProperties(const TagLib::PropertyMap& map) {
    const std::optional<double> gain = parseReplayGainDb(first(map, "REPLAYGAIN_TRACK_GAIN"));
    if (!gain)
        return std::nullopt;
    Loudness l;
    l.track_gain_db = *gain;
    l.track_peak = parseReplayGainPeak(first(map, "REPLAYGAIN_TRACK_PEAK"));
    l.album_gain_db = parseReplayGainDb(first(map, "REPLAYGAIN_ALBUM_GAIN"));
    l.album_peak = parseReplayGainPeak(first(map, "REPLAYGAIN_ALBUM_PEAK"));
    return l;
}

void applyPropertyMap(const TagLib::PropertyMap& map, const TagLib::Tag* basic, TrackTags& tags) {
    tags.title = first(map, "TITLE");
    tags.artist = first(map, "ARTIST");
    tags.album = first(map, "ALBUM");
    tags.album_artist = first(map, "ALBUMARTIST");
    tags.genres = normaliseGenres(all(map, "GENRE"));
    tags.year = plausibleYear(leadingNumber(first(map, "DATE")));
    tags.track_no = plausibleNumber(leadingNumber(first(map, "TRACKNUMBER")), kMaxTrackNumber);
    tags.disc_no = plausibleNumber(leadingNumber(first(map, "DISCNUMBER")), kMaxDiscNumber);
    tags.replaygain = replayGainFromProperties(map);
    if (!basic)
        return;
    fillMissingNames(*basic, tags);  // tracker modules and some containers fill only this
    if (tags.genres.isEmpty() && !basic->genre().isEmpty())
        tags.genres = normaliseGenres({toQString(basic->genre())});
    if (tags.year == 0)
        tags.year = plausibleYear(basic->year());
    if (tags.track_no == 0)
        tags.track_no = plausibleNumber(basic->track(), kMaxTrackNumber);
}

void applyAudioProperties(const TagLib::AudioProperties& props, TrackTags& tags) {
    tags.duration_ms = clampOrZero(props.lengthInMilliseconds(), kMaxDurationMs);
    tags.bitrate_kbps = clampOrZero(props.bitrate(), kMaxBitrateKbps);
    tags.sample_rate = clampOrZero(props.sampleRate(), kMaxSampleRate);
    tags.channels = clampOrZero(props.channels(), kMaxChannels);
}

}  // namespace encore
