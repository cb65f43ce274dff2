-- Schema 6: CUE sheets (issue 11). A sheet's track is a range of an audio file; its path is
-- the locator "<audio path>#<track number>", and these columns say where its audio is. NULL
-- for a track that is a whole file.
ALTER TABLE tracks ADD COLUMN cue_sheet TEXT;
ALTER TABLE tracks ADD COLUMN audio_path TEXT;
ALTER TABLE tracks ADD COLUMN start_ms INTEGER;
ALTER TABLE tracks ADD COLUMN end_ms INTEGER;
