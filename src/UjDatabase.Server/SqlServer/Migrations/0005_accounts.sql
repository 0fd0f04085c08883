-- The editors' and admins' accounts. Names are stored lower case (the rules normalise them); the password is kept
-- only as ASP.NET Core's PBKDF2 hash. The security stamp changes with the password or role, ending old sessions.
CREATE TABLE accounts (
    name            NVARCHAR(64)   NOT NULL CONSTRAINT pk_accounts PRIMARY KEY,
    role            NVARCHAR(16)   NOT NULL CONSTRAINT ck_accounts_role CHECK (role IN (N'editor', N'admin')),
    password_hash   NVARCHAR(400)  NOT NULL,
    security_stamp  NVARCHAR(64)   NOT NULL,
    disabled        BIT            NOT NULL CONSTRAINT df_accounts_disabled DEFAULT 0,
    failed_sign_ins INT            NOT NULL CONSTRAINT df_accounts_failed DEFAULT 0,
    locked_until    DATETIMEOFFSET NULL,
    created_at      DATETIMEOFFSET NOT NULL
);
