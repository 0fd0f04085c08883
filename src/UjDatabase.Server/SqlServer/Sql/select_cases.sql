-- The case rows with their version; the caller appends its WHERE / ORDER BY clause.
SELECT pk AS Pk, id AS Id, CAST(row_version AS BIGINT) AS Version, case_group AS CaseGroup, title AS Title,
    accused_name AS AccusedName, accused_published_name AS AccusedPublishedName, accused_type AS AccusedType,
    accused_gender AS AccusedGender, accused_affiliation AS AccusedAffiliation, accused_position AS AccusedPosition,
    forum_country AS ForumCountry, forum_court AS ForumCourt, forum_city AS ForumCity, situation AS Situation,
    crime_from AS CrimeFrom, crime_to AS CrimeTo, stage AS Stage, verdict AS Verdict, presence AS Presence,
    sentence_type AS SentenceType, sentence_years AS SentenceYears, sentence_text AS SentenceText, summary AS Summary,
    publication AS Publication, updated AS Updated, accused_sort_name AS AccusedSortName,
    accused_residence_country AS AccusedResidenceCountry,
    victims_civil_parties AS VictimsCivilParties, victims_civil_parties_count AS VictimsCivilPartiesCount,
    reparation_ordered AS ReparationOrdered, reparation_ordered_by AS ReparationOrderedBy,
    reparation_amount AS ReparationAmount, reparation_currency AS ReparationCurrency, reparation_note AS ReparationNote
FROM cases
