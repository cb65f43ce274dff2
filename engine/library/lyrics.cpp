#include "library/lyrics.h"

#include "core/textdecode.h"
#include "library/readonlyfileref.h"

#include <taglib/fileref.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/synchronizedlyricsframe.h>
#include <taglib/tpropertymap.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace encore {

namespace {

constexpr qint64 kMaxLrcBytes = 1 << 20;

QString fromTagLib(const TagLib::String& s) {
    return QString::fromStdWString(s.toWString());
}

// song.lrc beside song.flac (any case of the extension).
QString lrcBeside(const QString& audioPath) {
    const QFileInfo audio(audioPath);
    const QString base = audio.completeBaseName();
    const QStringList candidates =
        audio.dir().entryList({base + QStringLiteral(".*")}, QDir::Files);
    for (const QString& name : candidates) {
        if (QFileInfo(name).suffix().compare(QLatin1String("lrc"), Qt::CaseInsensitive) == 0 &&
            QFileInfo(name).completeBaseName() == base)
            return audio.dir().filePath(name);
    }
    return {};
}

std::optional<Lyrics> syltOf(TagLib::ID3v2::Tag* tag) {
    if (!tag)
        return std::nullopt;
    const TagLib::ID3v2::FrameList frames = tag->frameListMap()["SYLT"];
    for (TagLib::ID3v2::Frame* frame : frames) {
        auto* sylt = dynamic_cast<TagLib::ID3v2::SynchronizedLyricsFrame*>(frame);
        if (!sylt || sylt->type() != TagLib::ID3v2::SynchronizedLyricsFrame::Lyrics ||
            sylt->timestampFormat() != TagLib::ID3v2::SynchronizedLyricsFrame::AbsoluteMilliseconds)
            continue;  // MPEG-frame timestamps need the stream's frame rate: not used
        Lyrics lyrics;
        lyrics.synced = true;
        lyrics.source = QStringLiteral("embedded SYLT");
        for (const auto& entry : sylt->synchedText()) {
            QString text = fromTagLib(entry.text);
            // Many taggers put the line break at the start of the next entry.
            while (text.startsWith(QLatin1Char('\n')) || text.startsWith(QLatin1Char('\r')))
                text.remove(0, 1);
            lyrics.lines.append({qint64(entry.time), text.trimmed()});
        }
        std::stable_sort(
            lyrics.lines.begin(), lyrics.lines.end(),
            [](const LyricLine& a, const LyricLine& b) { return a.time_ms < b.time_ms; });
        if (!lyrics.lines.isEmpty())
            return lyrics;
    }
    return std::nullopt;
}

}  // namespace

int Lyrics::lineAt(qint64 ms) const {
    if (!synced)
        return -1;
    const auto after = std::upper_bound(lines.begin(), lines.end(), ms,
                                        [](qint64 t, const LyricLine& l) { return t < l.time_ms; });
    return int(after - lines.begin()) - 1;
}

Lyrics parseLrc(const QString& text) {
    static const QRegularExpression kTime(
        QStringLiteral(R"(\[(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?\])"));
    static const QRegularExpression kOffset(
        QStringLiteral(R"(^\s*\[offset:\s*([+-]?\d+)\s*\]\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kMetadata(QStringLiteral(R"(^\s*\[[A-Za-z#]+:[^\]]*\]\s*$)"));
    Lyrics lyrics;
    qint64 offset = 0;
    QList<LyricLine> timed;
    QStringList plain;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        const QString line = QString(raw).remove(QLatin1Char('\r'));
        if (const auto o = kOffset.match(line); o.hasMatch()) {
            offset = o.captured(1).toLongLong();  // positive: lines come earlier (LRC spec)
            continue;
        }
        QList<qint64> times;
        qsizetype end = 0;
        for (auto it = kTime.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedStart() != end)
                break;  // times only at the start of the line
            const QString fraction = m.captured(3);
            const qint64 fractionMs = fraction.isEmpty()     ? 0
                                      : fraction.size() == 1 ? fraction.toLongLong() * 100
                                      : fraction.size() == 2 ? fraction.toLongLong() * 10
                                                             : fraction.toLongLong();
            times << (m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 1000 +
                         fractionMs;
            end = m.capturedEnd();
        }
        if (times.isEmpty()) {
            if (!kMetadata.match(line).hasMatch())
                plain << line;
            continue;
        }
        const QString words = line.mid(end).trimmed();
        for (const qint64 t : times)
            timed.append({std::max<qint64>(0, t - offset), words});
    }
    if (timed.isEmpty()) {
        while (!plain.isEmpty() && plain.last().trimmed().isEmpty())
            plain.removeLast();
        for (const QString& line : plain)
            lyrics.lines.append({-1, line});
        return lyrics;
    }
    std::stable_sort(timed.begin(), timed.end(),
                     [](const LyricLine& a, const LyricLine& b) { return a.time_ms < b.time_ms; });
    lyrics.lines = timed;
    lyrics.synced = true;
    return lyrics;
}

Result<std::optional<Lyrics>> readLyrics(const QString& audioPath) {
    if (const QString lrc = lrcBeside(audioPath); !lrc.isEmpty()) {
        QFile file(lrc);
        if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxLrcBytes)
            return Error{QStringLiteral("The lyrics file %1 cannot be read (%2).")
                             .arg(lrc, file.size() > kMaxLrcBytes ? QStringLiteral("too large")
                                                                  : file.errorString())};
        Lyrics lyrics = parseLrc(decodeForeignText(file.readAll()));
        lyrics.source = QFileInfo(lrc).fileName();
        if (!lyrics.lines.isEmpty())
            return std::optional<Lyrics>(lyrics);
    }
    const QByteArray encoded = QFile::encodeName(audioPath);
    if (audioPath.endsWith(QLatin1String(".mp3"), Qt::CaseInsensitive)) {
        ReadOnlyFileRef file(encoded, false);
        if (TagLib::FileStream* stream = file.stream()) {
            TagLib::MPEG::File mpeg(stream, TagLib::ID3v2::FrameFactory::instance(), false);
            if (mpeg.isValid()) {
                if (std::optional<Lyrics> synced = syltOf(mpeg.ID3v2Tag(false)))
                    return synced;
            }
        }
    }
    ReadOnlyFileRef file(encoded, false);
    const TagLib::FileRef& ref = file.ref();
    if (ref.isNull())
        return Error{QStringLiteral("%1 cannot be read for lyrics (not an audio file TagLib "
                                    "knows, or unreadable).")
                         .arg(audioPath)};
    // TagLib maps USLT, Vorbis LYRICS, MP4 ©lyr and APE Lyrics to one property.
    const TagLib::PropertyMap properties = ref.file()->properties();
    for (const char* key : {"LYRICS", "UNSYNCEDLYRICS"}) {
        const auto found = properties.find(key);
        if (found == properties.end() || found->second.isEmpty())
            continue;
        const QString text = fromTagLib(found->second.front());
        if (text.trimmed().isEmpty())
            continue;
        Lyrics lyrics = parseLrc(text);  // some taggers embed LRC text: then it is synced
        lyrics.source = QStringLiteral("embedded lyrics tag");
        return std::optional<Lyrics>(lyrics);
    }
    return std::optional<Lyrics>();
}

}  // namespace encore
