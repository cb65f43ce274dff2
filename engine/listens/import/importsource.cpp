#include "listens/import/importsource.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace encore {

namespace {

bool isJunk(const QString& name) {
    // macOS resource forks and Finder files inside archives made on a Mac.
    const QString base = name.section(QLatin1Char('/'), -1);
    return name.startsWith(QLatin1String("__MACOSX/")) || base.startsWith(QLatin1String("._")) ||
           base == QLatin1String(".DS_Store");
}

void addFile(const QString& path, bool named, ExpandedSources& out) {
    if (ZipArchive::looksLikeZip(path)) {
        Result<std::unique_ptr<ZipArchive>> opened = ZipArchive::open(path);
        if (!opened) {
            out.errors << opened.error();
            return;
        }
        std::shared_ptr<ZipArchive> archive(std::move(opened).value());
        QStringList members = archive->members();
        members.sort();
        for (const QString& member : members) {
            if (isJunk(member))
                continue;
            ImportSource source;
            source.display = path + QStringLiteral("!/") + member;
            source.path = path;
            source.member = member;
            source.archive = archive;
            out.sources << source;
        }
        return;
    }
    ImportSource source;
    source.display = path;
    source.path = path;
    source.named = named;
    out.sources << source;
}

}  // namespace

Result<std::unique_ptr<QIODevice>> ImportSource::open() const {
    if (archive)
        return archive->openMember(member);
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("%1 cannot be read: %2. Check its permissions.")
                         .arg(path, file->errorString())};
    }
    return std::unique_ptr<QIODevice>(std::move(file));
}

ExpandedSources expandImportPaths(const QStringList& paths) {
    ExpandedSources out;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            out.errors << QStringLiteral("%1 does not exist.").arg(path);
            continue;
        }
        if (!info.isDir()) {
            addFile(path, true, out);
            continue;
        }
        QStringList files;
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString& file : files) {
            if (!isJunk(QFileInfo(file).fileName()))
                addFile(file, false, out);
        }
    }
    return out;
}

}  // namespace encore
