-- Nothing on PostgreSQL: its sequences need no catalogue write per block, and a cache there is per session,
-- which would hand out alert numbers out of insertion order (the alerts list pages on them). See the H2 script.
SELECT 1;
