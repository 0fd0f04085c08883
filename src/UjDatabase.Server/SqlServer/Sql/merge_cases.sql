-- Upserts the staged case rows (#cases_in, filled by SqlBulkCopy) and returns each record's pk and id.
MERGE cases WITH (HOLDLOCK) AS target
USING #cases_in AS source ON target.id = source.id
WHEN MATCHED THEN UPDATE SET
    case_group = source.case_group, title = source.title, accused_name = source.accused_name,
    accused_published_name = source.accused_published_name, accused_type = source.accused_type,
    accused_gender = source.accused_gender, accused_affiliation = source.accused_affiliation,
    accused_position = source.accused_position, forum_country = source.forum_country, forum_court = source.forum_court,
    forum_city = source.forum_city, situation = source.situation, crime_from = source.crime_from, crime_to = source.crime_to,
    stage = source.stage, verdict = source.verdict, presence = source.presence, sentence_type = source.sentence_type,
    sentence_years = source.sentence_years, sentence_text = source.sentence_text, summary = source.summary,
    publication = source.publication, updated = source.updated, accused_sort_name = source.accused_sort_name,
    accused_residence_country = source.accused_residence_country,
    victims_civil_parties = source.victims_civil_parties, victims_civil_parties_count = source.victims_civil_parties_count,
    reparation_ordered = source.reparation_ordered, reparation_ordered_by = source.reparation_ordered_by,
    reparation_amount = source.reparation_amount, reparation_currency = source.reparation_currency,
    reparation_note = source.reparation_note
WHEN NOT MATCHED THEN INSERT (id, case_group, title, accused_name, accused_published_name, accused_type, accused_gender,
    accused_affiliation, accused_position, forum_country, forum_court, forum_city, situation, crime_from, crime_to, stage,
    verdict, presence, sentence_type, sentence_years, sentence_text, summary, publication, updated,
    accused_sort_name, accused_residence_country, victims_civil_parties, victims_civil_parties_count, reparation_ordered,
    reparation_ordered_by, reparation_amount, reparation_currency, reparation_note)
VALUES (source.id, source.case_group, source.title, source.accused_name, source.accused_published_name, source.accused_type,
    source.accused_gender, source.accused_affiliation, source.accused_position, source.forum_country, source.forum_court,
    source.forum_city, source.situation, source.crime_from, source.crime_to, source.stage, source.verdict, source.presence,
    source.sentence_type, source.sentence_years, source.sentence_text, source.summary, source.publication, source.updated,
    source.accused_sort_name, source.accused_residence_country, source.victims_civil_parties, source.victims_civil_parties_count,
    source.reparation_ordered, source.reparation_ordered_by, source.reparation_amount, source.reparation_currency,
    source.reparation_note)
OUTPUT inserted.pk, inserted.id;
