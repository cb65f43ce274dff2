#include "library/cuesheet.h"

#include "core/loudness.h"
#include "core/textdecode.h"
#include "library/audioformats.h"

#include <libcue.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>

#include <memory>

namespace encore {

namespace {

constexpr qint64 kMaxSheetBytes = 1 << 20;  // a sheet of 99 tracks is a few kB
constexpr int kFramesPerSecond = 75;        // CD frames: INDEX mm:ss:ff

// libcue's parser keeps its state in globals: one parse at a time.
QMutex gLibcueMutex;

struct CdDeleter {
    void operator()(Cd* cd) const { cd_delete(cd); }
};

qint64 framesToMs(long frames) {
    return (qint64(frames) * 1000 + kFramesPerSecond / 2) / kFramesPerSecond;
}

QString text(const char* value) {
    return value ? QString::fromUtf8(value).trimmed() : QString();
}

// The audio file a FILE line names, beside the sheet: exactly, in another case, or with the
// same base name and another audio extension (rips converted after the sheet was written).
QString resolveAudio(const QDir& folder, const QString& named) {
    QString name = named;
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (QFileInfo(name).isAbsolute() && QFileInfo::exists(name))
        return QFileInfo(name).absoluteFilePath();
    name = name.section(QLatin1Char('/'), -1);  // "C:\Rips\CD.wav": its name only
    if (name.isEmpty())
        return {};
    if (QFileInfo::exists(folder.filePath(name)))
        return folder.filePath(name);
    const QString base = QFileInfo(name).completeBaseName();
    const QStringList entries = folder.entryList(QDir::Files);
    for (const QString& entry : entries) {
        if (entry.compare(name, Qt::CaseInsensitive) == 0)
            return folder.filePath(entry);
    }
    for (const QString& entry : entries) {
        const QByteArray bytes = QFile::encodeName(entry);
        if (QFileInfo(entry).completeBaseName().compare(base, Qt::CaseInsensitive) == 0 &&
            isAudioFileName(bytes))
            return folder.filePath(entry);
    }
    return {};
}

// "REM GENRE Rock" / "REM GENRE "Hard Rock"": libcue keeps only DATE and ReplayGain REMs.
QString remGenre(const QString& sheet) {
    static const QRegularExpression kGenre(
        QStringLiteral(R"re(^\s*REM\s+GENRE\s+"?([^"\r\n]*)"?\s*$)re"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const qsizetype firstTrack = sheet.indexOf(QStringLiteral("TRACK"), 0, Qt::CaseInsensitive);
    const QRegularExpressionMatch match = kGenre.match(sheet.left(firstTrack));
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

}  // namespace

QStringList CueSheet::audioFiles() const {
    QStringList files;
    for (const CueTrack& track : tracks) {
        if (!files.contains(track.audio_path))
            files << track.audio_path;
    }
    return files;
}

bool isCueSheetName(const char* name, qsizetype length) {
    return length > 4 && name[length - 4] == '.' &&
           QByteArray(name + length - 3, 3).toLower() == "cue";
}

Result<CueSheet> readCueSheet(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("CUE sheet %1 cannot be read (%2); its audio is listed as "
                                    "whole files")
                         .arg(path, file.errorString())};
    if (file.size() > kMaxSheetBytes)
        return Error{QStringLiteral("CUE sheet %1 is %2 bytes, too large to be one; its audio is "
                                    "listed as whole files")
                         .arg(path)
                         .arg(file.size())};
    return parseCueSheet(file.readAll(), path);
}

Result<CueSheet> parseCueSheet(const QByteArray& bytes, const QString& path) {
    const auto broken = [&path](const QString& what) {
        return Error{QStringLiteral("CUE sheet %1 %2; its audio is listed as whole files. Fix or "
                                    "remove the sheet and rescan.")
                         .arg(path, what)};
    };
    CueSheet sheet;
    sheet.path = path;
    QString content = decodeForeignText(bytes, &sheet.encoding);
    content.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    content.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (content.contains(QChar(0)))
        return broken(QStringLiteral("is not text"));
    const QByteArray utf8 = content.toUtf8() + '\n';

    QMutexLocker lock(&gLibcueMutex);
    const std::unique_ptr<Cd, CdDeleter> cd(cue_parse_string(utf8.constData()));
    if (!cd)
        return broken(QStringLiteral("could not be parsed (a line that is not CUE syntax)"));
    const Cdtext* discText = cd_get_cdtext(cd.get());
    sheet.title = text(cdtext_get(PTI_TITLE, discText));
    sheet.performer = text(cdtext_get(PTI_PERFORMER, discText));
    sheet.genre = text(cdtext_get(PTI_GENRE, discText));
    if (sheet.genre.isEmpty())
        sheet.genre = remGenre(content);
    Rem* discRem = cd_get_rem(cd.get());
    sheet.year = text(rem_get(REM_DATE, discRem)).left(4).toInt();
    sheet.rg_album_gain = parseReplayGainDb(text(rem_get(REM_REPLAYGAIN_ALBUM_GAIN, discRem)));
    sheet.rg_album_peak = parseReplayGainPeak(text(rem_get(REM_REPLAYGAIN_ALBUM_PEAK, discRem)));

    const QDir folder = QFileInfo(path).absoluteDir();
    const int count = cd_get_ntrack(cd.get());
    QHash<QString, QString> resolved;  // FILE as written -> the file found
    for (int i = 1; i <= count; ++i) {
        const Track* track = cd_get_track(cd.get(), i);
        if (!track || track_get_mode(track) != MODE_AUDIO)
            continue;  // data tracks of enhanced CDs
        const QString named = text(track_get_filename(track));
        if (named.isEmpty())
            return broken(QStringLiteral("has track %1 without a FILE").arg(i));
        auto found = resolved.find(named);
        if (found == resolved.end())
            found = resolved.insert(named, resolveAudio(folder, named));
        if (found->isEmpty())
            return broken(
                QStringLiteral("names the audio file \"%1\", which is not beside it").arg(named));
        const long index1 = track_get_index(track, 1);
        const long start = index1 >= 0 ? index1 : track_get_start(track);
        if (start < 0)
            return broken(QStringLiteral("has track %1 without an INDEX 01").arg(i));
        CueTrack entry;
        entry.number = i;
        entry.audio_path = *found;
        entry.start_ms = framesToMs(start);
        const Cdtext* trackText = track_get_cdtext(track);
        entry.title = text(cdtext_get(PTI_TITLE, trackText));
        entry.performer = text(cdtext_get(PTI_PERFORMER, trackText));
        entry.songwriter = text(cdtext_get(PTI_SONGWRITER, trackText));
        Rem* trackRem = track_get_rem(track);
        entry.rg_track_gain = parseReplayGainDb(text(rem_get(REM_REPLAYGAIN_TRACK_GAIN, trackRem)));
        entry.rg_track_peak =
            parseReplayGainPeak(text(rem_get(REM_REPLAYGAIN_TRACK_PEAK, trackRem)));
        if (!sheet.tracks.isEmpty() && sheet.tracks.last().audio_path == entry.audio_path) {
            CueTrack& previous = sheet.tracks.last();
            if (entry.start_ms <= previous.start_ms)
                return broken(QStringLiteral("has track %1 starting at or before track %2")
                                  .arg(i)
                                  .arg(previous.number));
            previous.end_ms = entry.start_ms;  // a pregap belongs to the track before it
        }
        sheet.tracks.append(entry);
    }
    if (sheet.tracks.isEmpty())
        return broken(QStringLiteral("has no audio tracks"));
    return sheet;
}

}  // namespace encore
