-- Interchange format v1.1: topics, legal issues, civil society, victims, reparation and the accused's residence,
-- in the same shape as the embedded store (scalars on `cases`, lists in tables of their own).
ALTER TABLE cases ADD
    accused_sort_name           NVARCHAR(4000) NULL,
    accused_residence_country   CHAR(2)        NULL,
    victims_civil_parties       BIT            NULL,
    victims_civil_parties_count INT            NULL,
    reparation_ordered          BIT            NULL,
    reparation_ordered_by       NVARCHAR(4000) NULL,
    reparation_amount           FLOAT          NULL,
    reparation_currency         CHAR(3)        NULL,
    reparation_note             NVARCHAR(MAX)  NULL;
GO
CREATE TABLE case_topics (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_topics REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    topic   VARCHAR(60) NOT NULL,
    CONSTRAINT pk_case_topics PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_charge_topics (
    case_pk    BIGINT NOT NULL CONSTRAINT fk_case_charge_topics REFERENCES cases (pk) ON DELETE CASCADE,
    ord        INT NOT NULL,
    charge_ord INT NOT NULL,
    topic      VARCHAR(60) NOT NULL,
    CONSTRAINT pk_case_charge_topics PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_legal_issues (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_legal_issues REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    issue   VARCHAR(60) NOT NULL,
    note    NVARCHAR(MAX) NOT NULL,
    CONSTRAINT pk_case_legal_issues PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_civil_society (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_civil_society REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    name    NVARCHAR(4000) NOT NULL,
    CONSTRAINT pk_case_civil_society PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_civil_society_roles (
    case_pk          BIGINT NOT NULL CONSTRAINT fk_case_civil_society_roles REFERENCES cases (pk) ON DELETE CASCADE,
    ord              INT NOT NULL,
    organisation_ord INT NOT NULL,
    role             VARCHAR(60) NOT NULL,
    CONSTRAINT pk_case_civil_society_roles PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_victim_groups (
    case_pk      BIGINT NOT NULL CONSTRAINT fk_case_victim_groups REFERENCES cases (pk) ON DELETE CASCADE,
    ord          INT NOT NULL,
    victim_group NVARCHAR(4000) NOT NULL,
    CONSTRAINT pk_case_victim_groups PRIMARY KEY (case_pk, ord)
);
CREATE TABLE case_reparation_forms (
    case_pk BIGINT NOT NULL CONSTRAINT fk_case_reparation_forms REFERENCES cases (pk) ON DELETE CASCADE,
    ord     INT NOT NULL,
    form    VARCHAR(60) NOT NULL,
    CONSTRAINT pk_case_reparation_forms PRIMARY KEY (case_pk, ord)
);
