-- An agency the operator has disabled: its keys no longer authenticate; its entries and history stay.
ALTER TABLE agency ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- The agency an event concerns when it is not the actor's own (the operator issuing a key for agency aa):
-- that agency's auditors see the event too. Part of the event's hash when set.
ALTER TABLE audit_event ADD COLUMN subject_agency VARCHAR(64);
CREATE INDEX audit_event_subject ON audit_event (subject_agency, seq);
