-- The SQL Server case store: the same normalised tables as the embedded store (column names shared, so the
-- dialect-neutral SQL in CaseRowMapping runs on both), with a rowversion giving the versions used for indexing.
CREATE TABLE cases (
    pk                      BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_cases PRIMARY KEY,
    id                      NVARCHAR(120)  NOT NULL CONSTRAINT uq_cases_id UNIQUE,
    row_version             ROWVERSION     NOT NULL,
    case_group              NVARCHAR(120)  NULL,
    title                   NVARCHAR(4000) NOT NULL,
    accused_name            NVARCHAR(4000) NULL,
    accused_published_name  NVARCHAR(4000) NULL,
    accused_type            VARCHAR(40)    NOT NULL,
    accused_gender          VARCHAR(40)    NULL,
    accused_affiliation     VARCHAR(60)    NULL,
    accused_position        NVARCHAR(4000) NULL,
    forum_country           CHAR(2)        NOT NULL,
    forum_court             NVARCHAR(4000) NULL,
    forum_city              NVARCHAR(400)  NULL,
    situation               NVARCHAR(4000) NULL,
    crime_from              VARCHAR(10)    NULL,
    crime_to                VARCHAR(10)    NULL,
    stage                   VARCHAR(40)    NOT NULL,
    verdict                 VARCHAR(40)    NULL,
    presence                VARCHAR(40)    NULL,
    sentence_type           VARCHAR(40)    NULL,
    sentence_years          FLOAT          NULL,
    sentence_text           NVARCHAR(4000) NULL,
    summary                 NVARCHAR(MAX)  NULL,
    publication             VARCHAR(20)    NOT NULL,
    updated                 VARCHAR(10)    NOT NULL
);
GO
CREATE INDEX ix_cases_case_group ON cases (case_group) WHERE case_group IS NOT NULL;
GO
CREATE TABLE case_aliases (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_aliases REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    alias   NVARCHAR(4000) NOT NULL,
    CONSTRAINT pk_case_aliases PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_nationalities (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_nationalities REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    country CHAR(2) NOT NULL,
    CONSTRAINT pk_case_nationalities PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_territories (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_territories REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    country CHAR(2) NOT NULL,
    CONSTRAINT pk_case_territories PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_bases (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_bases REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    basis   VARCHAR(40) NOT NULL,
    CONSTRAINT pk_case_bases PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_charges (
    case_pk       BIGINT NOT NULL CONSTRAINT fk_case_charges REFERENCES cases (pk) ON DELETE CASCADE,
    ord           INT NOT NULL,
    crime         VARCHAR(40) NOT NULL,
    stage         VARCHAR(40) NOT NULL,
    qualification NVARCHAR(4000) NULL,
    CONSTRAINT pk_case_charges PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_events (
    case_pk     BIGINT NOT NULL CONSTRAINT fk_case_events REFERENCES cases (pk) ON DELETE CASCADE,
    ord         INT NOT NULL,
    date        VARCHAR(10) NOT NULL,
    type        VARCHAR(40) NOT NULL,
    description NVARCHAR(4000) NULL,
    outcome     VARCHAR(40) NULL,
    CONSTRAINT pk_case_events PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_sources (
    case_pk   BIGINT NOT NULL CONSTRAINT fk_case_sources REFERENCES cases (pk) ON DELETE CASCADE,
    ord       INT NOT NULL,
    url       NVARCHAR(2000) NOT NULL,
    title     NVARCHAR(4000) NOT NULL,
    publisher NVARCHAR(1000) NULL,
    date      VARCHAR(10) NULL,
    CONSTRAINT pk_case_sources PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_related (
    case_pk    BIGINT NOT NULL CONSTRAINT fk_case_related REFERENCES cases (pk) ON DELETE CASCADE,
    ord        INT NOT NULL,
    related_id NVARCHAR(120) NOT NULL,
    CONSTRAINT pk_case_related PRIMARY KEY (case_pk, ord)
);
GO
-- One row per change, in the same transaction as the change; the index sync drains it in seq order.
CREATE TABLE outbox (
    seq          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_outbox PRIMARY KEY,
    case_id      NVARCHAR(120)  NOT NULL,
    operation    VARCHAR(10)    NOT NULL CONSTRAINT ck_outbox_operation CHECK (operation IN ('upsert', 'delete')),
    version      BIGINT         NOT NULL,
    created_at   DATETIMEOFFSET NOT NULL CONSTRAINT df_outbox_created_at DEFAULT SYSUTCDATETIME(),
    processed_at DATETIMEOFFSET NULL
);
GO
CREATE INDEX ix_outbox_pending ON outbox (seq) WHERE processed_at IS NULL;
GO
-- A deletion has no row left to carry a rowversion; touching this row takes the next one, so a delete's version is
-- higher than every version written before it.
CREATE TABLE version_clock (
    id          INT NOT NULL CONSTRAINT pk_version_clock PRIMARY KEY,
    ticks       BIGINT NOT NULL,
    row_version ROWVERSION NOT NULL
);
INSERT INTO version_clock (id, ticks) VALUES (1, 0);
