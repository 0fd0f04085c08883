-- Removes the list rows of the merged records (their new rows are bulk-copied next) and queues them in the outbox
-- with their new rowversion.
DELETE child FROM case_aliases child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_nationalities child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_territories child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_bases child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_charges child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_events child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_sources child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_related child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_topics child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_charge_topics child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_legal_issues child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_civil_society child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_civil_society_roles child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_victim_groups child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
DELETE child FROM case_reparation_forms child JOIN cases c ON c.pk = child.case_pk JOIN #cases_in s ON s.id = c.id;
INSERT INTO outbox (case_id, operation, version)
SELECT c.id, 'upsert', CAST(c.row_version AS BIGINT) FROM cases c JOIN #cases_in s ON s.id = c.id;
