-- An alert an exemption covers is raised in state 'covered' with the exemption it relies on: when that exemption
-- is revoked or expires, its alerts re-open.
ALTER TABLE alert ADD COLUMN exemption_id VARCHAR(40);
CREATE INDEX alert_exemption ON alert (exemption_id, state);
