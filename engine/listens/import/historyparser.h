#pragma once

#include "listens/import/importedlisten.h"

#include <QString>
#include <QTimeZone>

namespace encore {

// What every parser knows about its input.
struct ParseContext {
    QString display_name;  // the file as the user named it (a zip member: "a.zip!/member")
    QTimeZone zone;        // for exports that write local wall-clock times
};

// A problem with one record (recoverable: the parser can go on with the next one) or with the
// file itself (malformed, truncated, wrong encoding: it cannot).
struct ParseIssue {
    QString message;  // names the file and line; says what to do
    bool recoverable = false;
};

// Streams the listens of one file. Implementations keep memory bounded whatever the file size.
class HistoryParser {
public:
    enum class Step { Listen, End, Issue };
    virtual ~HistoryParser() = default;

    // Fills `listen` (Step::Listen), or `issue` (Step::Issue), or says the file ended cleanly.
    virtual Step next(ImportedListen& listen, ParseIssue& issue) = 0;
    // Records that hold no music (podcast episodes, audiobooks) passed over so far.
    qint64 notMusic() const { return not_music_; }
    // Listens the service marked private (Spotify's incognito mode): never imported.
    qint64 privateListens() const { return private_; }
    // Records read so far, listens or not.
    qint64 records() const { return records_; }
    // "line 12" or "line 12 (record 7)": where the last record started.
    virtual QString where() const = 0;
    // A format variant worth reporting ("lastfm-csv"); empty: the format's own id.
    virtual QString dialect() const { return {}; }

protected:
    qint64 not_music_ = 0;
    qint64 private_ = 0;
    qint64 records_ = 0;
};

}  // namespace encore
