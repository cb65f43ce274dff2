-- Schema 8: no listen merged (issue 16). Two distinct listens of one track by one profile may
-- start in the same second: an export with minute-resolution end times gives equal start
-- times to listens that were two. `occurrence` numbers the listens that share profile, start
-- second and track within one imported file (0, 1, ...), so that they are kept apart while a
-- re-import of that file, or the same listen in another file, is still recognised (its
-- numbering starts at 0 again). Listens played in Encore are occurrence 0.
ALTER TABLE plays ADD COLUMN occurrence INTEGER NOT NULL DEFAULT 0 CHECK (occurrence >= 0);
DROP INDEX plays_by_profile_time;
CREATE UNIQUE INDEX plays_by_profile_time ON plays(profile_id, started_at, track_id, occurrence);
