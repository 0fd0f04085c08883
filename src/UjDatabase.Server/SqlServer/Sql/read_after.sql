-- The outbox rows after a position, processed or not, in order.
SELECT TOP (@max) seq AS Seq, case_id AS CaseId, operation AS Operation, version AS Version
FROM outbox WHERE seq > @seq ORDER BY seq;
