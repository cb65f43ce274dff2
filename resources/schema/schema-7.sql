-- Schema 7: playlists (issue 12). A saved playlist is a list of tracks in order; a smart
-- playlist is its rules (JSON, engine/playlists/smartrules.h), evaluated against the library
-- and the active profile's listening log whenever it is shown, so it follows new listens and
-- scans. Playlists belong to the library, not to a profile: a smart one reads the log of
-- whoever listens now.
CREATE TABLE playlists (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    rules TEXT,                  -- NULL: a saved list of tracks; else a smart playlist's rules
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A saved playlist's tracks; a track may appear more than once. A track that leaves the
-- library (its row deleted) leaves its playlists too.
CREATE TABLE playlist_tracks (
    playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    PRIMARY KEY (playlist_id, position)
) WITHOUT ROWID;
CREATE INDEX playlist_tracks_by_track ON playlist_tracks(track_id);

-- The ready-made smart playlists: a listener may edit or delete them like their own.
INSERT INTO playlists(name, rules, created_at, updated_at) VALUES
('Forgotten favourites',
 '{"version":1,"match":"all","conditions":[{"field":"plays_at_least","value":5},{"field":"not_played_for_days","value":90}],"sort":"most_played","limit":100}',
 CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
('On repeat this month',
 '{"version":1,"match":"all","conditions":[{"field":"plays_in_last_days","value":3,"days":30}],"sort":"recent_plays","sort_days":30,"limit":50}',
 CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
('Never played',
 '{"version":1,"match":"all","conditions":[{"field":"never_played"}],"sort":"shuffled","seed":7,"limit":200}',
 CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
('Added this week',
 '{"version":1,"match":"all","conditions":[{"field":"added_within_days","value":7}],"sort":"recently_added","limit":0}',
 CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
('Your songs for this hour',
 '{"version":1,"match":"all","conditions":[{"field":"plays_at_this_hour","value":2}],"sort":"plays_at_this_hour","limit":50}',
 CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));
