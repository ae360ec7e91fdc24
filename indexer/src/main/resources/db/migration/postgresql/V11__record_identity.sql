-- Which field identifies a member's records (RecordIdentity's spec line; NULL: 001, the default).
ALTER TABLE libraries ADD COLUMN record_identity TEXT;

-- The upload or harvest batch that last wrote a record, and the record's position in it, so that a second
-- record with the same id in one upload is reported (naming both positions) instead of overwriting the
-- first and counting as an update. NULL position: the id came from the source (OAI-PMH), where a record
-- seen twice in one run is the provider's newer version.
ALTER TABLE source_records ADD COLUMN batch_id BIGINT;
ALTER TABLE source_records ADD COLUMN batch_position BIGINT;
ALTER TABLE staged_records ADD COLUMN position BIGINT;
