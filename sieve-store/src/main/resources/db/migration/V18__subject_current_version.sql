-- A subject's current version lives in its row alone, with the full screening it was written with; subject_version
-- keeps the versions it superseded (moved there when the next is written). Enrolling a customer file so writes one
-- row a subject, not three: the subject, a copy of it as its first version, and a row of evidence.
ALTER TABLE subject ADD COLUMN changed_by VARCHAR(32) DEFAULT '' NOT NULL;
ALTER TABLE subject ADD COLUMN screened_publications VARCHAR(4000);
ALTER TABLE subject ADD COLUMN screened_matches VARCHAR(100000);
ALTER TABLE subject ADD COLUMN screened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subject_version ADD COLUMN screened_publications VARCHAR(4000);
ALTER TABLE subject_version ADD COLUMN screened_matches VARCHAR(100000);
ALTER TABLE subject_version ADD COLUMN screened_at TIMESTAMP WITH TIME ZONE;

-- Subjects written before: the current version's copy goes, its author kept on the subject (its evidence stays in
-- subject_screening, which keeps every other full screening: a subject given again unchanged).
UPDATE subject SET changed_by = (SELECT v.changed_by FROM subject_version v WHERE v.agency_id = subject.agency_id
    AND v.external_id = subject.external_id AND v.version = subject.version)
    WHERE EXISTS (SELECT 1 FROM subject_version v WHERE v.agency_id = subject.agency_id
    AND v.external_id = subject.external_id AND v.version = subject.version);
DELETE FROM subject_version WHERE EXISTS (SELECT 1 FROM subject s WHERE s.agency_id = subject_version.agency_id
    AND s.external_id = subject_version.external_id AND s.version = subject_version.version);
