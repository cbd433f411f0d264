-- Every committed change of monitored subjects bumps this count in its transaction: a process that keeps the
-- subjects in memory for monitoring runs knows from it whether another process changed any since.
CREATE TABLE subject_epoch (
    id INTEGER NOT NULL PRIMARY KEY,
    n  BIGINT  NOT NULL
);
INSERT INTO subject_epoch (id, n) VALUES (1, 0);

-- A run that screened every monitored subject at one instant (from memory, in no key order) records one chunk
-- that covers them all instead of key ranges.
ALTER TABLE monitoring_chunk ADD COLUMN every_subject BOOLEAN DEFAULT FALSE NOT NULL;
