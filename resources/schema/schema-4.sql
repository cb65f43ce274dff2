-- Schema 4: settings that the app and encore-cli share through the database, so that a change
-- made in one is seen by the other (`encore-cli incognito on` stops a running app's logging).
-- Values are text; each key documents its own form.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- 'incognito': '1' while nothing that plays may be logged, else '0'.
-- 'retrain_interval_minutes': how often the recommender retrains (a whole number of minutes).
INSERT INTO settings(key, value) VALUES ('incognito', '0');
