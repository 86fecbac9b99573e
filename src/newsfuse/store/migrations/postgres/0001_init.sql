-- newsfuse serve store, version 1 (PostgreSQL). Same tables as the SQLite file; full text by tsvector.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE feeds (
    id BIGSERIAL PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    interval_s INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    next_poll DOUBLE PRECISION NOT NULL,
    last_polled TEXT,
    last_status TEXT,
    added_at TEXT NOT NULL);
CREATE TABLE reports (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    feed_id BIGINT,
    added_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'raw',
    reason TEXT,
    article_id TEXT,
    story TEXT,
    text TEXT,
    previous TEXT,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED);
CREATE INDEX reports_story ON reports(story);
CREATE INDEX reports_url ON reports(url);
CREATE INDEX reports_article ON reports(article_id);
CREATE INDEX reports_tsv ON reports USING GIN (tsv);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_date TEXT,
    last_date TEXT,
    updated_at TEXT NOT NULL,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_outlets INTEGER NOT NULL DEFAULT 0,
    n_disputes INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    summary TEXT);
CREATE INDEX stories_updated ON stories(updated_at);
CREATE INDEX stories_outlets ON stories(n_outlets, updated_at);
CREATE TABLE story_versions (
    story TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    reports TEXT NOT NULL,
    briefing TEXT NOT NULL,
    PRIMARY KEY (story, version));
CREATE TABLE cluster_stories (
    id TEXT PRIMARY KEY,
    first TEXT,
    last TEXT,
    title TEXT,
    articles TEXT NOT NULL,
    words TEXT NOT NULL,
    names TEXT NOT NULL,
    heads TEXT NOT NULL);
CREATE TABLE cluster_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE jobs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    arg TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    priority INTEGER NOT NULL DEFAULT 5,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    dedup TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE INDEX jobs_queue ON jobs(status, priority, id);
CREATE INDEX jobs_updated ON jobs(updated_at);
CREATE UNIQUE INDEX jobs_dedup ON jobs(dedup) WHERE status = 'queued';
CREATE TABLE reader (
    story TEXT PRIMARY KEY,
    followed INTEGER NOT NULL DEFAULT 0,
    seen_version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL);
