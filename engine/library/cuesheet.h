#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace encore {

// One TRACK of a CUE sheet: where it lies in which audio file, and its own text.
struct CueTrack {
    int number = 0;       // TRACK nn
    QString audio_path;   // the FILE it is in, resolved to a file that exists
    qint64 start_ms = 0;  // its INDEX 01 in that file
    qint64 end_ms = -1;   // the next track's INDEX 01 in the same file; -1: the file's end
    QString title;
    QString performer;
    QString songwriter;
    std::optional<double> rg_track_gain;
    std::optional<double> rg_track_peak;
};

// A parsed .cue: the album's text and its tracks in order.
struct CueSheet {
    QString path;
    QString encoding;  // how its text was read: "UTF-8", "UTF-16", "Windows-1252"
    QString title;
    QString performer;
    QString genre;
    int year = 0;
    std::optional<double> rg_album_gain;
    std::optional<double> rg_album_peak;
    QList<CueTrack> tracks;

    // The audio files its tracks are in, in order, each once.
    QStringList audioFiles() const;
};

// True for "*.cue" (any case).
bool isCueSheetName(const char* name, qsizetype length);

// Reads a sheet (libcue) whose text is UTF-8 (with or without a byte-order mark), UTF-16 with
// one, or else Windows-1252, and resolves each FILE beside it (a FILE renamed since the rip,
// "CD.wav" now "CD.flac", is found by its base name). The error says what is wrong with the
// sheet in a sentence that names it; the caller then treats its audio as whole files.
Result<CueSheet> readCueSheet(const QString& path);
Result<CueSheet> parseCueSheet(const QByteArray& bytes, const QString& path);

}  // namespace encore
