#include "library/cuetracks.h"

#include "library/trackidentity.h"

#include <QFileInfo>

namespace encore {

QString cueTrackLocator(const QString& audioPath, int number) {
    return audioPath + QStringLiteral("#%1").arg(number, 2, 10, QLatin1Char('0'));
}

Result<QList<Track>> cueSheetTracks(const CueSheet& sheet, const QString& audioPath,
                                    const TrackTags& fileTags, qint64 size, qint64 mtimeMs) {
    QList<Track> tracks;
    const QString albumArtist = !sheet.performer.isEmpty()         ? sheet.performer
                                : !fileTags.album_artist.isEmpty() ? fileTags.album_artist
                                                                   : fileTags.artist;
    for (const CueTrack& cue : sheet.tracks) {
        if (cue.audio_path != audioPath)
            continue;
        const qint64 end = cue.end_ms >= 0 ? cue.end_ms : fileTags.duration_ms;
        if (fileTags.duration_ms > 0 && cue.start_ms >= fileTags.duration_ms)
            return Error{QStringLiteral("CUE sheet %1 starts track %2 at %3 s, past the end of %4 "
                                        "(%5 s); its audio is listed as a whole file. Fix or "
                                        "remove the sheet and rescan.")
                             .arg(sheet.path)
                             .arg(cue.number)
                             .arg(double(cue.start_ms) / 1000.0, 0, 'f', 2)
                             .arg(QFileInfo(audioPath).fileName())
                             .arg(double(fileTags.duration_ms) / 1000.0, 0, 'f', 2)};
        Track track;
        track.path = cueTrackLocator(audioPath, cue.number);
        track.range = TrackRange{sheet.path, audioPath, cue.start_ms, cue.end_ms};
        track.size = size;
        track.mtime_ms = mtimeMs;
        TrackTags& tags = track.tags;
        tags = fileTags;  // format, cover, and what the sheet does not say
        tags.title = !cue.title.isEmpty() ? cue.title : QStringLiteral("Track %1").arg(cue.number);
        tags.artist = !cue.performer.isEmpty() ? cue.performer : albumArtist;
        tags.album_artist = albumArtist;
        if (!sheet.title.isEmpty())
            tags.album = sheet.title;
        if (!sheet.genre.isEmpty())
            tags.genres = QStringList{sheet.genre};
        if (sheet.year > 0)
            tags.year = sheet.year;
        tags.track_no = cue.number;
        tags.duration_ms = int(qMax<qint64>(0, end - cue.start_ms));
        // The file's own gain measures the whole file: the album, as the sheet's REMs say.
        const std::optional<double> albumGain =
            sheet.rg_album_gain   ? sheet.rg_album_gain
            : fileTags.replaygain ? std::optional<double>(fileTags.replaygain->track_gain_db)
                                  : std::nullopt;
        const std::optional<double> albumPeak = sheet.rg_album_gain ? sheet.rg_album_peak
                                                : fileTags.replaygain
                                                    ? fileTags.replaygain->track_peak
                                                    : std::nullopt;
        if (cue.rg_track_gain)
            tags.replaygain = Loudness{*cue.rg_track_gain, cue.rg_track_peak, albumGain, albumPeak};
        else if (albumGain)
            tags.replaygain = Loudness{*albumGain, albumPeak, albumGain, albumPeak};
        else
            tags.replaygain.reset();
        track.key = trackIdentityKey(tags, QFileInfo(track.path).fileName(), size);
        tracks.append(track);
    }
    return tracks;
}

}  // namespace encore
