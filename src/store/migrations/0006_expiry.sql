-- keyward schema, version 6: account expiry (SPEC 12). `expires_at` is the
-- first second (Unix, UTC) at which the account no longer signs in: the
-- midnight that ends the day an administrator gave. NULL: never. Never edit
-- once shipped.
ALTER TABLE account ADD COLUMN expires_at INTEGER;
