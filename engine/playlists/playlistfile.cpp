#include "playlists/playlistfile.h"

#include "core/textdecode.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>
#include <QXmlStreamReader>

namespace encore {

namespace {

constexpr qint64 kMaxPlaylistBytes = 64 << 20;  // a million entries is ~100 MB: refuse beyond

QString extensionOf(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}

// A location as playlists write it: absolute, relative to the playlist, file:// URL, or a
// Windows path from another machine. Empty (and `why` set) for what is no local file.
QString resolve(const QString& location, const QDir& base, QString* why) {
    QString text = location.trimmed();
    if (text.isEmpty())
        return {};
    const QUrl url(text);
    if (url.isValid() && url.scheme().size() > 1) {
        if (url.isLocalFile())
            return QDir::cleanPath(url.toLocalFile());
        *why = QStringLiteral("%1 is a stream or web address; Encore plays files of its library")
                   .arg(text);
        return {};
    }
    text.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (text.size() > 2 && text.at(1) == QLatin1Char(':')) {
        // "C:/Music/Album/01.flac", written on Windows: the longest tail of it that exists
        // beside the playlist (which usually moved with the music), else its file name.
        const QStringList parts = text.mid(3).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (int first = 0; first < parts.size(); ++first) {
            const QString candidate =
                base.absoluteFilePath(parts.mid(first).join(QLatin1Char('/')));
            if (QFileInfo::exists(candidate))
                return QDir::cleanPath(candidate);
        }
        return QDir::cleanPath(base.absoluteFilePath(parts.value(parts.size() - 1)));
    }
    return QDir::cleanPath(QDir::isAbsolutePath(text) ? text : base.absoluteFilePath(text));
}

PlaylistFile readM3u(const QByteArray& bytes, const QString& path) {
    PlaylistFile file;
    const QDir base = QFileInfo(path).absoluteDir();
    const QString text = extensionOf(path) == QLatin1String("m3u8") ? QString::fromUtf8(bytes)
                                                                    : decodeForeignText(bytes);
    PlaylistEntry pending;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("#EXTINF:"), Qt::CaseInsensitive)) {
            const QString info = line.mid(8);
            const qsizetype comma = info.indexOf(QLatin1Char(','));
            bool ok = false;
            const double seconds = info.left(comma).section(QLatin1Char(' '), 0, 0).toDouble(&ok);
            pending.duration_ms = ok && seconds >= 0 ? qint64(seconds * 1000) : -1;
            pending.title = comma >= 0 ? info.mid(comma + 1).trimmed() : QString();
            continue;
        }
        if (line.startsWith(QLatin1Char('#')))
            continue;  // #EXTM3U, #PLAYLIST and other directives
        QString why;
        pending.path = resolve(line, base, &why);
        if (pending.path.isEmpty())
            file.skipped << why;
        else
            file.entries << pending;
        pending = {};
    }
    return file;
}

PlaylistFile readPls(const QString& path, QString* error) {
    PlaylistFile file;
    QSettings pls(path, QSettings::IniFormat);
    pls.beginGroup(QStringLiteral("playlist"));
    const QStringList keys = pls.childKeys();
    if (keys.isEmpty()) {
        *error =
            QStringLiteral("%1 has no [playlist] section: it is not a PLS playlist.").arg(path);
        return file;
    }
    const QDir base = QFileInfo(path).absoluteDir();
    int count = pls.value(QStringLiteral("NumberOfEntries"), 0).toInt();
    for (const QString& key : keys) {  // some writers get NumberOfEntries wrong
        if (key.startsWith(QLatin1String("File"), Qt::CaseInsensitive))
            count = qMax(count, key.mid(4).toInt());
    }
    for (int n = 1; n <= count; ++n) {
        const QString location = pls.value(QStringLiteral("File%1").arg(n)).toString();
        if (location.isEmpty())
            continue;
        QString why;
        PlaylistEntry entry;
        entry.path = resolve(location, base, &why);
        entry.title = pls.value(QStringLiteral("Title%1").arg(n)).toString();
        const qint64 seconds = pls.value(QStringLiteral("Length%1").arg(n), -1).toLongLong();
        entry.duration_ms = seconds >= 0 ? seconds * 1000 : -1;
        if (entry.path.isEmpty())
            file.skipped << why;
        else
            file.entries << entry;
    }
    return file;
}

PlaylistFile readXspf(const QByteArray& bytes, const QString& path, QString* error) {
    PlaylistFile file;
    const QDir base = QFileInfo(path).absoluteDir();
    QXmlStreamReader xml(bytes);
    PlaylistEntry entry;
    bool inTrack = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("track")) {
                inTrack = true;
                entry = {};
            } else if (inTrack && name == QLatin1String("location")) {
                QString why;
                entry.path = resolve(xml.readElementText(), base, &why);
                if (entry.path.isEmpty() && !why.isEmpty())
                    file.skipped << why;
            } else if (inTrack && name == QLatin1String("title")) {
                entry.title = xml.readElementText();
            } else if (inTrack && name == QLatin1String("duration")) {
                entry.duration_ms = xml.readElementText().toLongLong();
            } else if (!inTrack && name == QLatin1String("title")) {
                file.name = xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("track")) {
            inTrack = false;
            if (!entry.path.isEmpty())
                file.entries << entry;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 is not valid XSPF (line %2: %3).")
                     .arg(path)
                     .arg(xml.lineNumber())
                     .arg(xml.errorString());
    return file;
}

}  // namespace

bool isPlaylistFileName(const QString& path) {
    const QString ext = extensionOf(path);
    return ext == QLatin1String("m3u") || ext == QLatin1String("m3u8") ||
           ext == QLatin1String("pls") || ext == QLatin1String("xspf");
}

Result<PlaylistFile> readPlaylist(const QString& path) {
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("The playlist %1 cannot be read (%2).").arg(path, in.errorString())};
    if (in.size() > kMaxPlaylistBytes)
        return Error{QStringLiteral("The playlist %1 is %2 MB, too large to be one.")
                         .arg(path)
                         .arg(in.size() >> 20)};
    const QByteArray bytes = in.readAll();
    const QString ext = extensionOf(path);
    QString error;
    PlaylistFile file;
    if (ext == QLatin1String("m3u") || ext == QLatin1String("m3u8"))
        file = readM3u(bytes, path);
    else if (ext == QLatin1String("pls"))
        file = readPls(path, &error);
    else if (ext == QLatin1String("xspf"))
        file = readXspf(bytes, path, &error);
    else
        return Error{
            QStringLiteral("%1 is not a playlist Encore reads (M3U, M3U8, PLS, XSPF).").arg(path)};
    if (!error.isEmpty())
        return Error{error};
    if (file.name.isEmpty())
        file.name = QFileInfo(path).completeBaseName();
    return file;
}

Status writeM3u8(const QString& path, const QList<PlaylistEntry>& entries) {
    const QDir base = QFileInfo(path).absoluteDir();
    QByteArray text = "#EXTM3U\n";
    for (const PlaylistEntry& e : entries) {
        text += QStringLiteral("#EXTINF:%1,%2\n")
                    .arg(e.duration_ms >= 0 ? e.duration_ms / 1000 : -1)
                    .arg(e.title)
                    .toUtf8();
        const QString relative = base.relativeFilePath(e.path);
        // inside the playlist's folder: relative, so the folder can move with it
        text += (relative.startsWith(QLatin1String("../")) ? e.path : relative).toUtf8() + '\n';
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
        return Error{QStringLiteral("The playlist %1 could not be written (%2).")
                         .arg(path, out.errorString())};
    return {};
}

}  // namespace encore
