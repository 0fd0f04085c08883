-- The index has taken (or refused anew) the latest change of these records: an older dead letter of theirs is over.
DELETE FROM dead_letters WHERE case_id IN (SELECT case_id FROM outbox WHERE seq IN (SELECT value FROM json_each(@list)));
