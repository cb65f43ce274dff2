#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace encore {

// What importing one file did. When `error` is set, nothing of the file stayed.
struct FileImportReport {
    QString path;    // as shown to the user; an archive member is "archive.zip!/member"
    QString format;  // format id ("spotify-basic", "lastfm-csv", ...)
    qint64 records = 0;
    qint64 matched = 0;          // listens added on library tracks
    qint64 unmatched = 0;        // listens added on external tracks (kept, linked later)
    qint64 plays = 0;            // of the listens added, those that count as plays (the rest
                                 // were skipped or stopped short: History shows them too)
    qint64 duplicates = 0;       // already in the log
    qint64 not_music = 0;        // podcast episodes, audiobooks, non-scrobble events
    qint64 private_listens = 0;  // marked incognito by the service: left out
    qint64 invalid = 0;          // bad records skipped on request (--skip-invalid)
    qint64 tracks_added = 0;     // external tracks created (seed songs included)
    qint64 profiles_added = 0;
    QStringList profiles;      // the profiles listens were added to, by name
    QStringList warnings;      // the first skipped records, with file and line
    QString error;             // why nothing of this file was imported
    bool not_history = false;  // a file in a folder/archive that holds no listens: passed over
    qint64 import_id = 0;

    bool ok() const { return error.isEmpty(); }
    // Every listen added appears in History; plays() of them count in Dashboards.
    qint64 added() const { return matched + unmatched; }
    qint64 skipsAndShort() const { return added() - plays; }
    qint64 skipped() const { return not_music + private_listens + invalid; }
};

// Every file of one import run, and their sum.
struct ImportReport {
    QList<FileImportReport> files;

    FileImportReport total() const {
        FileImportReport sum;
        sum.path = QStringLiteral("total");
        for (const FileImportReport& f : files) {
            if (!f.ok() || f.not_history)
                continue;
            sum.records += f.records;
            sum.matched += f.matched;
            sum.unmatched += f.unmatched;
            sum.plays += f.plays;
            for (const QString& p : f.profiles) {
                if (!sum.profiles.contains(p))
                    sum.profiles << p;
            }
            sum.duplicates += f.duplicates;
            sum.not_music += f.not_music;
            sum.private_listens += f.private_listens;
            sum.invalid += f.invalid;
            sum.tracks_added += f.tracks_added;
            sum.profiles_added += f.profiles_added;
        }
        return sum;
    }
    int failedFiles() const {
        int failed = 0;
        for (const FileImportReport& f : files)
            failed += f.ok() ? 0 : 1;
        return failed;
    }
    bool ok() const { return failedFiles() == 0; }
};

}  // namespace encore
