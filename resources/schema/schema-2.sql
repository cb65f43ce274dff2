-- Schema 2: listeners and their listening log. Times are unix seconds (UTC) unless a column
-- says _ms. Every listen is one row of `plays` (the source of truth); `track_stats` is derived
-- from it by the triggers below, inside the same transaction as the change to `plays`.

-- Listeners who share the library (the seed data's user_id). Exactly one is active: the
-- partial unique index allows at most one, ProfileStore never leaves none.
CREATE TABLE profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at INTEGER NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1))
);
CREATE UNIQUE INDEX profiles_one_active ON profiles(is_active) WHERE is_active = 1;

-- The default profile exists from the first run on.
INSERT INTO profiles(name, created_at, is_active)
VALUES ('default', CAST(strftime('%s', 'now') AS INTEGER), 1);

-- Normalised "artist<TAB>title" (engine/listens/matchkey.h) joining history to tracks.
-- Library rows are filled by the scanner / ExternalTrackLinker ('' = not computed yet).
-- External tracks (known only from history) are rows of `tracks` with path NULL,
-- available 0 and track_key 'external:<match_key>' (or 'seed:<song id>' for the seed's songs),
-- so every play has a track id; ExternalTrackLinker merges one into a library track when a
-- file with the same match key appears.
ALTER TABLE tracks ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
CREATE INDEX tracks_by_match_key ON tracks(match_key);

-- One row per imported file: what was imported when, and what it added.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,            -- as given; a member of an archive is "archive.zip!/member"
    format TEXT NOT NULL,          -- HistoryFormat id: spotify-basic, lastfm-csv, seed-ratings, ...
    profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL,  -- NULL: several (seed)
    imported_at INTEGER NOT NULL,
    records INTEGER NOT NULL,      -- records read from the file
    matched INTEGER NOT NULL,      -- plays added on library tracks (files)
    unmatched INTEGER NOT NULL,    -- plays added on external tracks
    duplicates INTEGER NOT NULL,   -- records already in the log (re-import)
    skipped INTEGER NOT NULL       -- not music (podcasts), private (incognito) or invalid records
);

-- Every listen, also skips and short ones, local or imported.
CREATE TABLE plays (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    track_id INTEGER NOT NULL REFERENCES tracks(id),  -- a track with plays cannot be deleted
    started_at INTEGER NOT NULL,
    utc_offset_minutes INTEGER NOT NULL DEFAULT 0,  -- local time = started_at + 60 * offset
    ms_played INTEGER,             -- heard time (pauses and jumped parts excluded); NULL: unknown
    duration_ms INTEGER,           -- the track's length when played; NULL: unknown
    -- finished: reached the end; skipped: user moved on after > 5 s, > 5 s before the end,
    -- before the play threshold; stopped: any other early end (stop, quit, browsing < 5 s,
    -- a change after the threshold); error: playback failed. Scrobbles and ratings: finished
    -- (a .scrobbler.log "S" row: skipped).
    end_reason TEXT NOT NULL CHECK (end_reason IN ('finished', 'skipped', 'stopped', 'error')),
    counted INTEGER NOT NULL CHECK (counted IN (0, 1)),  -- 1: a play (threshold reached)
    import_id INTEGER REFERENCES imports(id),  -- NULL: played in Encore
    shuffle INTEGER CHECK (shuffle IN (0, 1)),  -- NULL: unknown
    previous_track_id INTEGER,     -- track of the listen before in the session; NULL: first.
                                   -- No FK (no index to check it): ExternalTrackLinker keeps it.
    session_id INTEGER NOT NULL,   -- started_at of the session's first listen (per profile)
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),  -- explicit rating (the seed's); else NULL
    CHECK (NOT (counted = 1 AND end_reason = 'skipped'))  -- never both a play and a skip
);
-- Idempotent import (profile + time + track, i.e. normalised artist + title), and the index
-- for "recent plays" and "plays in a time range" of a profile.
CREATE UNIQUE INDEX plays_by_profile_time ON plays(profile_id, started_at, track_id);
-- "Plays of a track" and the recomputation of its first/last play.
CREATE INDEX plays_by_track ON plays(track_id, profile_id, started_at);
-- No index on started_at alone: a range over all profiles is
-- "profile_id IN (SELECT id FROM profiles) AND started_at BETWEEN ..." on the index above.

-- Per profile and track, derived from `plays`: written only by the triggers below (bulk
-- deletes of a whole profile drop its rows first, which only saves the triggers work).
CREATE TABLE track_stats (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    track_id INTEGER NOT NULL REFERENCES tracks(id),
    listen_count INTEGER NOT NULL,  -- rows in plays
    play_count INTEGER NOT NULL,    -- counted = 1
    skip_count INTEGER NOT NULL,    -- end_reason = 'skipped'
    ms_played INTEGER NOT NULL,     -- sum of known ms_played
    first_played_at INTEGER,        -- earliest counted play; NULL while play_count = 0
    last_played_at INTEGER,         -- latest counted play; NULL while play_count = 0
    last_listened_at INTEGER NOT NULL,  -- latest listen of any kind
    PRIMARY KEY (profile_id, track_id)
) WITHOUT ROWID;
CREATE INDEX track_stats_by_track ON track_stats(track_id);

CREATE TRIGGER plays_stats_insert AFTER INSERT ON plays BEGIN
    INSERT INTO track_stats(profile_id, track_id, listen_count, play_count, skip_count,
                            ms_played, first_played_at, last_played_at, last_listened_at)
    VALUES (new.profile_id, new.track_id, 1, new.counted, new.end_reason = 'skipped',
            coalesce(new.ms_played, 0), CASE WHEN new.counted THEN new.started_at END,
            CASE WHEN new.counted THEN new.started_at END, new.started_at)
    ON CONFLICT(profile_id, track_id) DO UPDATE SET
        listen_count = listen_count + 1,
        play_count = play_count + excluded.play_count,
        skip_count = skip_count + excluded.skip_count,
        ms_played = ms_played + excluded.ms_played,
        first_played_at = coalesce(min(first_played_at, excluded.first_played_at),
                                   first_played_at, excluded.first_played_at),
        last_played_at = coalesce(max(last_played_at, excluded.last_played_at),
                                  last_played_at, excluded.last_played_at),
        last_listened_at = max(last_listened_at, excluded.last_listened_at);
END;

-- Counts go down; first/last are recomputed only when the removed listen was the first/last.
CREATE TRIGGER plays_stats_delete AFTER DELETE ON plays BEGIN
    UPDATE track_stats SET
        listen_count = listen_count - 1,
        play_count = play_count - old.counted,
        skip_count = skip_count - (old.end_reason = 'skipped'),
        ms_played = ms_played - coalesce(old.ms_played, 0),
        first_played_at = CASE WHEN old.counted AND old.started_at <= first_played_at THEN
            (SELECT min(started_at) FROM plays WHERE track_id = old.track_id
             AND profile_id = old.profile_id AND counted = 1) ELSE first_played_at END,
        last_played_at = CASE WHEN old.counted AND old.started_at >= last_played_at THEN
            (SELECT max(started_at) FROM plays WHERE track_id = old.track_id
             AND profile_id = old.profile_id AND counted = 1) ELSE last_played_at END,
        last_listened_at = CASE WHEN old.started_at >= last_listened_at THEN
            coalesce((SELECT max(started_at) FROM plays WHERE track_id = old.track_id
                      AND profile_id = old.profile_id), 0) ELSE last_listened_at END
    WHERE profile_id = old.profile_id AND track_id = old.track_id;
    DELETE FROM track_stats
    WHERE profile_id = old.profile_id AND track_id = old.track_id AND listen_count <= 0;
END;

-- A change that moves a listen (linking an external track) or reclassifies it: remove the old
-- row's share, add the new one's. Session bookkeeping columns do not fire it.
CREATE TRIGGER plays_stats_update
AFTER UPDATE OF profile_id, track_id, started_at, ms_played, end_reason, counted ON plays BEGIN
    UPDATE track_stats SET
        listen_count = listen_count - 1,
        play_count = play_count - old.counted,
        skip_count = skip_count - (old.end_reason = 'skipped'),
        ms_played = ms_played - coalesce(old.ms_played, 0),
        first_played_at = CASE WHEN old.counted AND old.started_at <= first_played_at THEN
            (SELECT min(started_at) FROM plays WHERE track_id = old.track_id
             AND profile_id = old.profile_id AND counted = 1 AND id <> old.id)
            ELSE first_played_at END,
        last_played_at = CASE WHEN old.counted AND old.started_at >= last_played_at THEN
            (SELECT max(started_at) FROM plays WHERE track_id = old.track_id
             AND profile_id = old.profile_id AND counted = 1 AND id <> old.id)
            ELSE last_played_at END,
        last_listened_at = CASE WHEN old.started_at >= last_listened_at THEN
            coalesce((SELECT max(started_at) FROM plays WHERE track_id = old.track_id
                      AND profile_id = old.profile_id AND id <> old.id), 0)
            ELSE last_listened_at END
    WHERE profile_id = old.profile_id AND track_id = old.track_id;
    DELETE FROM track_stats
    WHERE profile_id = old.profile_id AND track_id = old.track_id AND listen_count <= 0;
    INSERT INTO track_stats(profile_id, track_id, listen_count, play_count, skip_count,
                            ms_played, first_played_at, last_played_at, last_listened_at)
    VALUES (new.profile_id, new.track_id, 1, new.counted, new.end_reason = 'skipped',
            coalesce(new.ms_played, 0), CASE WHEN new.counted THEN new.started_at END,
            CASE WHEN new.counted THEN new.started_at END, new.started_at)
    ON CONFLICT(profile_id, track_id) DO UPDATE SET
        listen_count = listen_count + 1,
        play_count = play_count + excluded.play_count,
        skip_count = skip_count + excluded.skip_count,
        ms_played = ms_played + excluded.ms_played,
        first_played_at = coalesce(min(first_played_at, excluded.first_played_at),
                                   first_played_at, excluded.first_played_at),
        last_played_at = coalesce(max(last_played_at, excluded.last_played_at),
                                  last_played_at, excluded.last_played_at),
        last_listened_at = max(last_listened_at, excluded.last_listened_at);
END;
