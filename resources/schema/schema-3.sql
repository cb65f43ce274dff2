-- Schema 3: what the recommender needs persisted besides the log (issue 4).

-- Explicit feedback of a profile on a track. 'not_for_me': never recommend it to this profile
-- again; the trainer also uses it as an explicit negative (like a skip, in its context).
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('not_for_me')),
    created_at INTEGER NOT NULL,
    utc_offset_minutes INTEGER NOT NULL DEFAULT 0,  -- local time = created_at + 60 * offset
    context_track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,  -- playing then
    UNIQUE (profile_id, track_id, kind)
);
CREATE INDEX feedback_by_track ON feedback(track_id);
