-- newsfuse cluster --state keeps its state in this store (it had its own state.sqlite schema before).
-- An article the clusterer placed is a report: the raw document is kept whole (path, how its date was
-- found) and next to it what cleaning made of it (title, outlet, URL, the instant it was clustered at)
-- and how it joined its story (score, best). kind 'clean' marks an article given without its raw
-- document (library callers): its content is the cleaned text.
ALTER TABLE reports ADD COLUMN path TEXT;
ALTER TABLE reports ADD COLUMN published_from TEXT;
ALTER TABLE reports ADD COLUMN article_title TEXT;
ALTER TABLE reports ADD COLUMN article_outlet TEXT;
ALTER TABLE reports ADD COLUMN article_url TEXT;
ALTER TABLE reports ADD COLUMN article_time TEXT;
ALTER TABLE reports ADD COLUMN score DOUBLE PRECISION;
ALTER TABLE reports ADD COLUMN best DOUBLE PRECISION;
UPDATE reports SET article_title = title, article_outlet = outlet, article_url = url, article_time = published WHERE state = 'clustered';
CREATE INDEX reports_clustered ON reports(state, seq);
-- The --embeddings clusterer keeps each story's summed embedding.
ALTER TABLE cluster_stories ADD COLUMN embed TEXT;
-- Stories whose briefing files a cluster run has still to write (reason: why the last attempt failed),
-- and the SHA-256 of every file it wrote, by absolute path.
CREATE TABLE cluster_pending (story TEXT PRIMARY KEY, reason TEXT);
CREATE TABLE cluster_outputs (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
-- Bumped by every write of the clustering: serve's worker and a cluster run see when the other has moved it.
INSERT INTO meta (key, value) VALUES ('cluster_generation', '0') ON CONFLICT (key) DO NOTHING;
