#pragma once

#include "core/track.h"

#include <QList>
#include <QString>

namespace encore::bench {

// One file of a generated library: where it goes, which base clip it copies, its tags.
struct PlannedFile {
    QString relative_path;
    QString format;  // mp3, flac, ogg, m4a, opus
    int clip_seconds = 3;
    TrackTags tags;
};

struct PlanOptions {
    int files = 1000;
    quint64 seed = 1;
    int genres = 25;  // how many genres (Zipf-skewed) the library uses
};

// A deterministic, realistic-looking library: AlbumArtist/Album/[Disc D/]NN - Title.ext,
// per-album formats (~60% mp3, 25% flac, 10% ogg, 3% m4a, 2% opus), 3-10 s clips, compilations,
// two-disc albums, multi-genre tracks and non-ASCII names. Same options, same plan.
QList<PlannedFile> planLibrary(const PlanOptions& options);

// The genre names, most common first.
QStringList genreNames();

}  // namespace encore::bench
