-- keyward schema, version 3: two-factor authentication. Never edit once shipped.

-- One row per account that has started or finished a TOTP enrolment. The
-- confirmed secret works until a pending replacement is confirmed.
CREATE TABLE twofa (
    account_id      INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret          TEXT,
    enrolled_at     INTEGER,
    last_step       INTEGER,
    pending_secret  TEXT,
    pending_at      INTEGER,
    CHECK ((secret IS NULL) = (enrolled_at IS NULL)),
    CHECK ((pending_secret IS NULL) = (pending_at IS NULL))
) STRICT;

-- Single-use backup codes, only as Argon2id PHC strings.
CREATE TABLE backup_code (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    hash        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    used_at     INTEGER
) STRICT;

CREATE INDEX backup_code_unused ON backup_code (account_id) WHERE used_at IS NULL;
