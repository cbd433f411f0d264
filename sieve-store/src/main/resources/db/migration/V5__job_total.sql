-- How many rows a job's file holds, counted when it is submitted: progress as a share of the whole.
ALTER TABLE job ADD COLUMN rows_total BIGINT;
