-- Every change after an outbox position, taken or not (a reindex replays them).
SELECT seq, case_id, operation, version FROM outbox WHERE seq > @seq ORDER BY seq LIMIT @max;
