-- The index reads changes in (change_seq, record_id) order and resumes after the last one read, since
-- one change number can cover more records than one slice of the index's catch-up (a full replace).
DROP INDEX source_records_by_change;
CREATE INDEX source_records_by_change ON source_records (change_seq, record_id);
