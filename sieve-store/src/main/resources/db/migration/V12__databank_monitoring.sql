-- Monitoring follows the databank's entries as it follows the lists: the version of each active entry it has
-- caught up with is kept beside the lists' publications, as the source "databank:<entry id>". The runs' maps of
-- what they catch up with grow with the entries, so their columns grow too.
ALTER TABLE monitoring_state ALTER COLUMN source SET DATA TYPE VARCHAR(400);
ALTER TABLE monitoring_run ALTER COLUMN from_pubs SET DATA TYPE VARCHAR(1000000);
ALTER TABLE monitoring_run ALTER COLUMN to_pubs SET DATA TYPE VARCHAR(1000000);
