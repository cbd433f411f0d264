-- H2 writes a sequence's next block to its catalogue, in a transaction of its own, each time a block of cached
-- values is used up (32 by default). Enrolling a customer file inserts one screening row per subject: a flush
-- every 32 rows was a fifth of the enrolment's storing time. A larger block keeps the values increasing (H2's
-- cache is one per database, not per connection) and after a crash skips at most the unused rest of one block.
ALTER TABLE subject_screening ALTER COLUMN id SET CACHE 65536;
ALTER TABLE alert ALTER COLUMN seq SET CACHE 65536;
ALTER TABLE sighting ALTER COLUMN id SET CACHE 65536;
