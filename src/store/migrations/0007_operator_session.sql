-- keyward schema, version 7: operator sessions (SPEC 12). One row per open
-- session: only the SHA-256 of its token (hex), the role the operator held
-- when it signed in, the OS user and host that started it, and when it was
-- started and last used. AUTOINCREMENT: an id is never used twice, so the
-- session an audit row names is always one session. Never edit once shipped.
CREATE TABLE operator_session (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    role          TEXT NOT NULL
                  CHECK (role = 'user' OR role = 'supervisor' OR role = 'admin' OR role = 'support'),
    started_by    TEXT NOT NULL,
    host          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER NOT NULL CHECK (last_used_at >= created_at),
    -- An ended session stays (without use) for a while, so that its token
    -- is answered with when and why it ended.
    ended_at      INTEGER,
    end_reason    TEXT,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX operator_session_account ON operator_session (account_id);
