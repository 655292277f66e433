-- keyward schema, version 1. Never edit once shipped: add a new file instead.
-- Times are Unix seconds (UTC).

CREATE TABLE facility (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE account (
    id                    INTEGER PRIMARY KEY,
    username              TEXT NOT NULL UNIQUE,
    name                  TEXT,
    role                  TEXT NOT NULL CHECK (role IN ('user', 'supervisor', 'admin', 'support')),
    disabled              INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    locked_at             INTEGER,
    lock_reason           TEXT CHECK (lock_reason IN ('failed-attempts', 'admin')),
    failed_attempts       INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    must_change_password  INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
    terms_pending         INTEGER NOT NULL CHECK (terms_pending IN (0, 1)),
    password_hash         TEXT NOT NULL,
    password_changed_at   INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    last_sign_in_at       INTEGER,
    CHECK ((locked_at IS NULL) = (lock_reason IS NULL))
) STRICT;

CREATE INDEX account_by_role ON account (role);

-- No ON DELETE for facility_id: a facility with accounts cannot be deleted by accident.
CREATE TABLE account_facility (
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    facility_id  INTEGER NOT NULL REFERENCES facility (id),
    PRIMARY KEY (account_id, facility_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX account_facility_by_facility ON account_facility (facility_id, account_id);

-- Every password hash an account has had, newest last, the current one included;
-- trimmed to the longest history the policy allows.
CREATE TABLE password_history (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    hash        TEXT NOT NULL,
    set_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX password_history_by_account ON password_history (account_id, id);

CREATE TABLE policy (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
