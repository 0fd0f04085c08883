-- The case store: one row per defendant-in-case, with its lists in child tables ordered by `ord`.
-- `pk` is the integer row id (the full-text index will key on it); `id` is the public slug.
-- `version` rises on every write, across the whole store, so the index can tell old writes from new.

CREATE TABLE cases (
    pk                      INTEGER PRIMARY KEY,
    id                      TEXT    NOT NULL UNIQUE,
    version                 INTEGER NOT NULL,
    case_group              TEXT,
    title                   TEXT    NOT NULL,
    accused_name            TEXT,
    accused_published_name  TEXT,
    accused_type            TEXT    NOT NULL,
    accused_gender          TEXT,
    accused_affiliation     TEXT,
    accused_position        TEXT,
    forum_country           TEXT    NOT NULL,
    forum_court             TEXT,
    forum_city              TEXT,
    situation               TEXT,
    crime_from              TEXT,
    crime_to                TEXT,
    stage                   TEXT    NOT NULL,
    verdict                 TEXT,
    presence                TEXT,
    sentence_type           TEXT,
    sentence_years          REAL,
    sentence_text           TEXT,
    summary                 TEXT,
    publication             TEXT    NOT NULL,
    updated                 TEXT    NOT NULL
);

CREATE INDEX ix_cases_case_group ON cases (case_group) WHERE case_group IS NOT NULL;

CREATE TABLE case_aliases (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    alias   TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_nationalities (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    country TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_territories (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    country TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_bases (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    basis   TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_charges (
    case_pk       INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    crime         TEXT    NOT NULL,
    stage         TEXT    NOT NULL,
    qualification TEXT,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_events (
    case_pk     INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    date        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    description TEXT,
    outcome     TEXT,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_sources (
    case_pk   INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord       INTEGER NOT NULL,
    url       TEXT    NOT NULL,
    title     TEXT    NOT NULL,
    publisher TEXT,
    date      TEXT,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

CREATE TABLE case_related (
    case_pk    INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    related_id TEXT    NOT NULL,
    PRIMARY KEY (case_pk, ord)
) WITHOUT ROWID;

-- One row per change, written in the same transaction as the change; the index sync drains it in `seq` order.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      TEXT    NOT NULL,
    operation    TEXT    NOT NULL CHECK (operation IN ('upsert', 'delete')),
    version      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    processed_at TEXT
);

CREATE INDEX ix_outbox_pending ON outbox (seq) WHERE processed_at IS NULL;

-- The last version handed out. A single row, so that versions keep rising after deletes.
CREATE TABLE store_state (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO store_state (name, value) VALUES ('last_version', 0);
