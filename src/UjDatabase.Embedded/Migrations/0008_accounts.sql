-- The editors' and admins' accounts. Names are stored lower case (the rules normalise them); the password is kept
-- only as ASP.NET Core's PBKDF2 hash. The security stamp changes with the password or role, ending old sessions.
CREATE TABLE accounts (
    name            TEXT    PRIMARY KEY,
    role            TEXT    NOT NULL CHECK (role IN ('editor', 'admin')),
    password_hash   TEXT    NOT NULL,
    security_stamp  TEXT    NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT    NOT NULL
) WITHOUT ROWID;
