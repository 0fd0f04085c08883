-- The staging table SqlBulkCopy fills before merge_cases.sql; it lives for the connection.
CREATE TABLE #cases_in (
    id NVARCHAR(120) NOT NULL PRIMARY KEY, case_group NVARCHAR(120) NULL, title NVARCHAR(4000) NOT NULL,
    accused_name NVARCHAR(4000) NULL, accused_published_name NVARCHAR(4000) NULL, accused_type VARCHAR(40) NOT NULL,
    accused_gender VARCHAR(40) NULL, accused_affiliation VARCHAR(60) NULL, accused_position NVARCHAR(4000) NULL,
    forum_country CHAR(2) NOT NULL, forum_court NVARCHAR(4000) NULL, forum_city NVARCHAR(400) NULL,
    situation NVARCHAR(4000) NULL, crime_from VARCHAR(10) NULL, crime_to VARCHAR(10) NULL, stage VARCHAR(40) NOT NULL,
    verdict VARCHAR(40) NULL, presence VARCHAR(40) NULL, sentence_type VARCHAR(40) NULL, sentence_years FLOAT NULL,
    sentence_text NVARCHAR(4000) NULL, summary NVARCHAR(MAX) NULL, publication VARCHAR(20) NOT NULL, updated VARCHAR(10) NOT NULL,
    accused_sort_name NVARCHAR(4000) NULL, accused_residence_country CHAR(2) NULL, victims_civil_parties BIT NULL, victims_civil_parties_count INT NULL,
    reparation_ordered BIT NULL, reparation_ordered_by NVARCHAR(4000) NULL, reparation_amount FLOAT NULL,
    reparation_currency CHAR(3) NULL, reparation_note NVARCHAR(MAX) NULL
);
