-- keyward schema, version 2: sign-in. Never edit once shipped.

-- Published terms of use; the newest version must be accepted by every account.
CREATE TABLE terms (
    version     INTEGER PRIMARY KEY,
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE terms_acceptance (
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL REFERENCES terms (version),
    accepted_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, version)
) STRICT, WITHOUT ROWID;

CREATE INDEX terms_acceptance_by_version ON terms_acceptance (version);

-- Security answers, normalised and stored only as Argon2id PHC strings.
CREATE TABLE security_answer (
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    question     TEXT NOT NULL,
    position     INTEGER NOT NULL,
    answer_hash  TEXT NOT NULL,
    set_at       INTEGER NOT NULL,
    PRIMARY KEY (account_id, question)
) STRICT, WITHOUT ROWID;

-- Named counters, e.g. sign-in failures for usernames that do not exist
-- (recording them makes an unknown user cost the same write as a wrong password).
CREATE TABLE counter (
    name   TEXT PRIMARY KEY,
    value  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
