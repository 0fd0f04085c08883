-- The embedded search index: a projection of `cases` that the sync worker keeps up to date from the outbox and that
-- `ujdb reindex` rebuilds at any time. Nothing here is the source of truth.

-- One row per indexed record: its version, and compact columns the engine loads into memory to filter, count facets
-- and sort. `facets` holds "name=v1,v2" pairs separated by ';'; `charges` "crime:stage" pairs; `events` "type:year".
CREATE TABLE search_docs (
    pk         INTEGER PRIMARY KEY,
    case_id    TEXT    NOT NULL UNIQUE,
    version    INTEGER NOT NULL,
    published  INTEGER NOT NULL,
    facets     TEXT    NOT NULL,
    charges    TEXT    NOT NULL,
    events     TEXT    NOT NULL,
    names      TEXT    NOT NULL,
    sort_name  TEXT    NOT NULL,
    sort_date  TEXT
);

-- Full text, keyed by search_docs.pk. Accents and case fold (remove_diacritics 2 also folds letters like ø).
CREATE VIRTUAL TABLE search_fts USING fts5(
    names, position, court, situation, summary, events,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The version at which a record was deleted, so that replaying an older upsert cannot bring it back.
CREATE TABLE search_tombstones (
    case_id TEXT    PRIMARY KEY,
    version INTEGER NOT NULL
) WITHOUT ROWID;

-- `generation` rises with every change to the index, telling the engine when to reload its in-memory columns.
CREATE TABLE search_state (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO search_state (name, value) VALUES ('generation', 0);
