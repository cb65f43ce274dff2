#pragma once

#include "core/result.h"
#include "listens/import/ziparchive.h"

#include <QIODevice>
#include <QList>
#include <QString>

#include <memory>

namespace encore {

// One file to import: on disk, or a member of a zip archive.
struct ImportSource {
    QString display;  // "path" or "archive.zip!/member"
    QString path;     // the file, or the archive
    QString member;   // empty unless inside an archive
    std::shared_ptr<ZipArchive> archive;
    bool named = false;  // named by the user (not found in a folder or archive)

    Result<std::unique_ptr<QIODevice>> open() const;
};

// Expands what the user named: files, folders (recursively, hidden files such as
// .scrobbler.log included) and .zip archives (recognised by content). Paths that cannot be
// read come back in `errors`, one sentence each.
struct ExpandedSources {
    QList<ImportSource> sources;
    QStringList errors;
};
ExpandedSources expandImportPaths(const QStringList& paths);

}  // namespace encore
