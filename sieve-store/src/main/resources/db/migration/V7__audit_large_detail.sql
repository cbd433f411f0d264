-- A detail longer than the inline column (a batch of 1,000 screenings with many results each) goes here,
-- whole; the inline column then holds ''. TEXT is a large object on H2 and unbounded text on PostgreSQL.
ALTER TABLE audit_event ADD COLUMN detail_large TEXT;
