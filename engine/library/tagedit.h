#pragma once

#include "core/result.h"
#include "library/coverart.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace encore {

// A change to files' tags in TagLib's property names (TITLE, ARTIST, ALBUMARTIST, ALBUM,
// GENRE, DATE, TRACKNUMBER, DISCNUMBER): keys to set, keys to remove, and the front cover.
// Properties it does not name (ReplayGain, lyrics, comments...) are kept as they were.
struct TagChange {
    QMap<QString, QStringList> set;
    QStringList remove;
    std::optional<CoverArt> cover;  // a new front cover (embedded)
    bool remove_cover = false;

    bool isEmpty() const { return set.isEmpty() && remove.isEmpty() && !cover && !remove_cover; }
};

// One file a tag edit wrote, and the change that puts it back as it was.
struct TagEditedFile {
    QString path;
    TagChange undo;
};

// What a tag edit did: the files written (with their undo), and those left as they were, each
// with the reason in words.
struct TagEditReport {
    QList<TagEditedFile> written;
    QList<QPair<QString, QString>> failed;  // path, reason
    bool undo = false;                      // this edit undid an earlier one
};

// Applies `change` to the file at `path` without leaving it half-written: the tags are
// written into a copy beside it, which then replaces the file in one rename. Returns the change
// that undoes it. Fails, naming the file, when the file is read-only, not a format TagLib
// writes, or the folder does not take the copy.
Result<TagChange> applyTagChange(const QString& path, const TagChange& change);

// Every file in turn; one that fails leaves the others written.
TagEditReport applyTagChanges(const QStringList& paths, const TagChange& change);
// Puts the files of an earlier report back as they were.
TagEditReport undoTagEdit(const TagEditReport& report);

}  // namespace encore

Q_DECLARE_METATYPE(encore::TagEditReport)
