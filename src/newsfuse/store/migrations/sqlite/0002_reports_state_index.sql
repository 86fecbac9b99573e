-- The front page and the Jobs page count reports by state: an index, not a scan of every report's text.
CREATE INDEX reports_state ON reports(state);
