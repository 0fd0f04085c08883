-- Every outbox row, for tests and diagnostics.
SELECT seq AS Seq, case_id AS CaseId, operation AS Operation, version AS Version, processed_at IS NOT NULL AS Processed FROM outbox ORDER BY seq;
