-- Schema 5: loudness (issue 11). ReplayGain 2 values on the scale playback uses: gain in dB
-- to the -18 LUFS reference, peak as linear sample amplitude (1.0 = full scale).

-- From the file's REPLAYGAIN_* tags, read by the scanner; NULL: not tagged.
ALTER TABLE tracks ADD COLUMN rg_track_gain REAL;
ALTER TABLE tracks ADD COLUMN rg_track_peak REAL;
ALTER TABLE tracks ADD COLUMN rg_album_gain REAL;
ALTER TABLE tracks ADD COLUMN rg_album_peak REAL;

-- EBU R128 measures Encore made of files without gain tags. The files are never written.
-- size and mtime_ms are the file's when measured: a changed file is measured again.
CREATE TABLE loudness_analysis (
    track_id INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,
    size INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    integrated_lufs REAL,
    track_gain REAL,
    track_peak REAL,
    album_gain REAL,   -- over the tracks of its album measured together
    album_peak REAL,
    error TEXT,        -- why it could not be measured (the numbers are then NULL)
    analysed_at INTEGER NOT NULL
);

-- Files scanned before this schema are read once more on the next scan, for their tags.
UPDATE tracks SET mtime_ms = -1 WHERE path IS NOT NULL;
