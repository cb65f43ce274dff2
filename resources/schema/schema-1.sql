-- Schema 1: the library. Times are unix seconds (UTC) unless a column says _ms.

-- Library roots the scanner walks and the watcher follows.
CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    added_at INTEGER NOT NULL
);

-- One row per track. track_key is the identity (normalised album artist or artist, album,
-- disc, track number, title); path is only where the file is now, so moving or renaming
-- a file keeps the id and everything attached to it.
CREATE TABLE tracks (
    id INTEGER PRIMARY KEY,
    track_key TEXT NOT NULL,
    folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    path TEXT UNIQUE,
    size INTEGER NOT NULL DEFAULT 0,
    mtime_ms INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    artist TEXT NOT NULL DEFAULT '',
    album TEXT NOT NULL DEFAULT '',
    album_artist TEXT NOT NULL DEFAULT '',
    genres TEXT NOT NULL DEFAULT '',          -- display form, "Rock; Pop"; genres table is the truth
    year INTEGER,
    track_no INTEGER,
    disc_no INTEGER,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    bitrate INTEGER,                          -- kbit/s
    sample_rate INTEGER,
    channels INTEGER,
    codec TEXT NOT NULL DEFAULT '',
    has_cover INTEGER NOT NULL DEFAULT 0,
    added_at INTEGER NOT NULL,
    last_seen_at INTEGER,
    available INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tracks_by_key ON tracks(track_key);
CREATE INDEX tracks_by_folder ON tracks(folder_id);

CREATE TABLE genres (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

-- A track can have several genres; position keeps the tagged order.
CREATE TABLE track_genres (
    track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    genre_id INTEGER NOT NULL REFERENCES genres(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (track_id, genre_id)
) WITHOUT ROWID;
CREATE INDEX track_genres_by_genre ON track_genres(genre_id, track_id);

-- Files the scanner could not read, with the (size, mtime) it saw: a rescan does not open
-- them again until they change, and the report can still list them.
CREATE TABLE scan_errors (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    reason TEXT NOT NULL
);
