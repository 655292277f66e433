-- keyward schema, version 4: the audit log. Never edit once shipped.

-- Append-only, chained by SHA-256 (domain/audit.rs); written in the same
-- transaction as the change it records. details is a JSON object, never a secret.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT,
    facility   TEXT,
    details    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

CREATE INDEX audit_by_target ON audit (target, id);
CREATE INDEX audit_by_action ON audit (action, id);
CREATE INDEX audit_by_time ON audit (at, id);
