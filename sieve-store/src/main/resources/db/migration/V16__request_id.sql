-- The request that caused an audit event (the X-Request-Id the server answered with), so that an event can be found
-- in the access log and the other way round. Hashed with the event when set; older events have none.
ALTER TABLE audit_event ADD COLUMN request_id VARCHAR(64);
