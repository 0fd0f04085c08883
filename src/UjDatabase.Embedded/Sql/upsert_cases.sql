-- Writes one case row, inserted or, when its id is known, updated in place (its pk, and so its list rows' keys, stay).
-- The parameters are named after the columns. Returns the row's pk, for its list rows.
INSERT INTO cases (id, version, case_group, title, accused_name, accused_published_name, accused_sort_name, accused_type, accused_gender, accused_affiliation, accused_position, accused_residence_country, forum_country, forum_court, forum_city, situation, crime_from, crime_to, stage, verdict, presence, sentence_type, sentence_years, sentence_text, victims_civil_parties, victims_civil_parties_count, reparation_ordered, reparation_ordered_by, reparation_amount, reparation_currency, reparation_note, summary, publication, updated)
VALUES (@id, @version, @case_group, @title, @accused_name, @accused_published_name, @accused_sort_name, @accused_type, @accused_gender, @accused_affiliation, @accused_position, @accused_residence_country, @forum_country, @forum_court, @forum_city, @situation, @crime_from, @crime_to, @stage, @verdict, @presence, @sentence_type, @sentence_years, @sentence_text, @victims_civil_parties, @victims_civil_parties_count, @reparation_ordered, @reparation_ordered_by, @reparation_amount, @reparation_currency, @reparation_note, @summary, @publication, @updated)
ON CONFLICT (id) DO UPDATE SET
    version = excluded.version,
    case_group = excluded.case_group,
    title = excluded.title,
    accused_name = excluded.accused_name,
    accused_published_name = excluded.accused_published_name,
    accused_sort_name = excluded.accused_sort_name,
    accused_type = excluded.accused_type,
    accused_gender = excluded.accused_gender,
    accused_affiliation = excluded.accused_affiliation,
    accused_position = excluded.accused_position,
    accused_residence_country = excluded.accused_residence_country,
    forum_country = excluded.forum_country,
    forum_court = excluded.forum_court,
    forum_city = excluded.forum_city,
    situation = excluded.situation,
    crime_from = excluded.crime_from,
    crime_to = excluded.crime_to,
    stage = excluded.stage,
    verdict = excluded.verdict,
    presence = excluded.presence,
    sentence_type = excluded.sentence_type,
    sentence_years = excluded.sentence_years,
    sentence_text = excluded.sentence_text,
    victims_civil_parties = excluded.victims_civil_parties,
    victims_civil_parties_count = excluded.victims_civil_parties_count,
    reparation_ordered = excluded.reparation_ordered,
    reparation_ordered_by = excluded.reparation_ordered_by,
    reparation_amount = excluded.reparation_amount,
    reparation_currency = excluded.reparation_currency,
    reparation_note = excluded.reparation_note,
    summary = excluded.summary,
    publication = excluded.publication,
    updated = excluded.updated
RETURNING pk;
