-- Interchange format v1.1: topics, legal issues, civil society, victims, reparation and the accused's residence.
-- Scalars go on `cases`; lists get tables of their own, like the v1 lists. Nested lists (a charge's topics, an
-- organisation's roles) number their rows across the record and name their parent's position.

ALTER TABLE cases ADD COLUMN accused_sort_name TEXT;
ALTER TABLE cases ADD COLUMN accused_residence_country TEXT;
ALTER TABLE cases ADD COLUMN victims_civil_parties INTEGER;
ALTER TABLE cases ADD COLUMN victims_civil_parties_count INTEGER;
ALTER TABLE cases ADD COLUMN reparation_ordered INTEGER;
ALTER TABLE cases ADD COLUMN reparation_ordered_by TEXT;
ALTER TABLE cases ADD COLUMN reparation_amount REAL;
ALTER TABLE cases ADD COLUMN reparation_currency TEXT;
ALTER TABLE cases ADD COLUMN reparation_note TEXT;

CREATE TABLE case_topics (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    topic   TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_charge_topics (
    case_pk    INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    charge_ord INTEGER NOT NULL,
    topic      TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_legal_issues (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    issue   TEXT    NOT NULL,
    note    TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_civil_society (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    name    TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_civil_society_roles (
    case_pk          INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord              INTEGER NOT NULL,
    organisation_ord INTEGER NOT NULL,
    role             TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_victim_groups (
    case_pk      INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    victim_group TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_reparation_forms (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    form    TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;
