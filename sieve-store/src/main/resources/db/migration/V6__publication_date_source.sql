-- How each publication's date was obtained: 'file' (the date inside the file), 'given' (--published or
-- an upload's published_at), 'http-last-modified' (the download's Last-Modified header). Publications
-- stored before this was kept are 'load-time' when they had no date (their load time stood in for it),
-- else 'recorded' (a date from the file or the user, which of the two was not kept).
ALTER TABLE publication ADD COLUMN date_source VARCHAR(40);
UPDATE publication SET date_source = CASE WHEN published_at IS NULL THEN 'load-time' ELSE 'recorded' END;
