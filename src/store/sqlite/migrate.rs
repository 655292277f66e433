//! The schema: the embedded migrations, the version and application id in
//! the file's header, and applying what is missing with foreign keys off.

use rusqlite::Connection;

/// Marks the file as keyward's (`PRAGMA application_id`, "keyw").
pub const APPLICATION_ID: i32 = 0x6b65_7977;

/// Embedded migrations; index + 1 is the `user_version` each one produces.
/// Never edit or remove a shipped migration.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_signin.sql"),
    include_str!("../migrations/0003_twofa.sql"),
    include_str!("../migrations/0004_audit.sql"),
    include_str!("../migrations/0005_account_checks.sql"),
    include_str!("../migrations/0006_expiry.sql"),
    include_str!("../migrations/0007_operator_session.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Apply the missing migrations in one transaction. The version is read
/// again inside the transaction, so concurrent openers migrate once.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    {
        let (_, seen) = header(conn)?;
        if seen >= SCHEMA_VERSION {
            return Ok(());
        }
        without_foreign_keys(conn, |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let (app_id, version) = header(&tx)?;
            if version == 0 && app_id == 0 {
                tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
            }
            apply_migrations(&tx, version)?;
            tx.commit()
        })
    }
}

/// Run `f` with foreign keys off, and turn them on again whatever happens.
/// Migrations need this: rebuilding a table (SQLite's documented way to
/// change its constraints) drops the old one, which with foreign keys on
/// would delete every row that refers to it. SQLite ignores the pragma inside
/// a transaction, so it is set around `f`, not in it.
pub(super) fn without_foreign_keys<T>(
    conn: &mut Connection,
    f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    // Inside an open transaction the pragma is silently ignored, and a
    // rebuild would then cascade: refuse rather than trust it.
    let still_on: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    if still_on {
        let _ = conn.execute_batch("PRAGMA foreign_keys = ON");
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISUSE),
            Some(
                "cannot turn foreign keys off to upgrade the schema; the file was not changed"
                    .into(),
            ),
        ));
    }
    let out = f(conn);
    let on = conn.execute_batch("PRAGMA foreign_keys = ON");
    let out = out?;
    on?;
    Ok(out)
}

/// Apply the migrations after `version` inside the caller's transaction, and
/// refuse (so the caller rolls back) if any reference no longer holds.
pub(super) fn apply_migrations(tx: &Connection, version: i64) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    let broken = crate::store::maintenance::sqlite_foreign_keys(tx)?;
    if let Some(first) = broken.first() {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!(
                "cannot upgrade the schema: {} rows refer to rows that do not exist (first: {first}); the file was not changed. `sqlite3 FILE 'PRAGMA foreign_key_check'` lists them",
                broken.len()
            )),
        ));
    }
    Ok(())
}

pub(in crate::store) fn header(conn: &Connection) -> rusqlite::Result<(i32, i64)> {
    let app_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((app_id, version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use std::path::{Path, PathBuf};

    #[test]
    fn migrating_twice_is_harmless() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        Store::create(&path, |_| Ok::<(), Box<dyn std::error::Error>>(()))?;
        let store = Store::open(&path)?;
        assert_eq!(header(store.sqlite())?, (APPLICATION_ID, SCHEMA_VERSION));
        drop(store);
        let store = Store::open(&path)?;
        assert_eq!(header(store.sqlite())?.1, SCHEMA_VERSION);
        Ok(())
    }

    /// A keyward file at schema version 4 in `dir`, then `sql` run on it.
    fn version_4_file(dir: &Path, sql: &str) -> rusqlite::Result<PathBuf> {
        let path = dir.join("v4.db");
        let conn = Connection::open(&path)?;
        conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
        for sql in &MIGRATIONS[..4] {
            conn.execute_batch(sql)?;
        }
        conn.execute_batch("PRAGMA user_version = 4")?;
        conn.execute_batch(sql)?;
        Ok(path)
    }

    /// Version 5 rebuilds `account`: every row and every reference to it must
    /// survive, the rules must still hold, and deleting an account must still
    /// cascade to the rows that refer to it.
    #[test]
    fn rebuilding_account_keeps_rows_references_and_rules() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let path = version_4_file(
            dir.path(),
            "PRAGMA foreign_keys = ON;
                 INSERT INTO facility (id, code, name, created_at) VALUES (7, 'hq', 'HQ', 1);
                 INSERT INTO account (id, username, role, locked_at, lock_reason, failed_attempts,
                     must_change_password, terms_pending, password_hash, password_changed_at,
                     created_at, updated_at)
                 VALUES (41, 'ana', 'support', NULL, NULL, 0, 0, 0, 'h1', 1, 1, 1),
                        (42, 'bo', 'user', 99, 'failed-attempts', 5, 1, 1, 'h2', 2, 2, 2);
                 INSERT INTO account_facility (account_id, facility_id) VALUES (42, 7);
                 INSERT INTO password_history (account_id, hash, set_at) VALUES (42, 'h2', 2);
                 INSERT INTO twofa (account_id, secret, enrolled_at) VALUES (42, 'sealed', 3);",
        )?;
        let store = Store::open(&path)?;
        let c = &store.sqlite();
        assert_eq!(header(c)?.1, SCHEMA_VERSION);
        let bo: (i64, String, i64, String, i64) = c.query_row(
            "SELECT id, role, locked_at, lock_reason, failed_attempts FROM account WHERE username = 'bo'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        assert_eq!(bo, (42, "user".into(), 99, "failed-attempts".into(), 5));
        let count = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
        assert_eq!(count("SELECT count(*) FROM account")?, 2);
        assert_eq!(
            count("SELECT count(*) FROM account_facility WHERE account_id = 42")?,
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM password_history WHERE account_id = 42")?,
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM twofa WHERE account_id = 42")?,
            1
        );
        assert!(crate::store::maintenance::sqlite_foreign_keys(c)?.is_empty());
        assert!(crate::store::maintenance::sqlite_integrity(c)?.is_empty());
        assert_eq!(
            count("SELECT count(*) FROM sqlite_master WHERE name = 'account_by_role'")?,
            1
        );
        for bad in [
            "UPDATE account SET role = 'root' WHERE id = 41",
            "UPDATE account SET disabled = 2 WHERE id = 41",
            "UPDATE account SET must_change_password = -1 WHERE id = 41",
            "UPDATE account SET terms_pending = 3 WHERE id = 41",
            "UPDATE account SET locked_at = 5, lock_reason = 'bored' WHERE id = 41",
            "UPDATE account SET locked_at = 5 WHERE id = 41",
            "UPDATE account SET failed_attempts = -1 WHERE id = 41",
            "INSERT INTO account_facility (account_id, facility_id) VALUES (43, 7)",
        ] {
            assert!(c.execute(bad, []).is_err(), "accepted: {bad}");
        }
        c.execute("DELETE FROM account WHERE id = 42", [])?;
        assert_eq!(count("SELECT count(*) FROM account_facility")?, 0);
        assert_eq!(count("SELECT count(*) FROM twofa")?, 0);
        Ok(())
    }

    #[test]
    fn a_migration_that_would_break_a_reference_changes_nothing()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        // A dangling reference written with foreign keys off, as an older
        // tool or a hand edit might leave.
        let path = version_4_file(
            dir.path(),
            "PRAGMA foreign_keys = OFF;
             INSERT INTO password_history (account_id, hash, set_at) VALUES (99, 'h', 1);",
        )?;
        let refused = Store::open(&path).err().map(|e| e.to_string());
        assert!(
            refused
                .as_deref()
                .is_some_and(|m| m.contains("password_history row 1")
                    && m.contains("cannot upgrade the schema")
                    && m.contains("foreign_key_check")),
            "{refused:?}"
        );
        let conn = Connection::open(&path)?;
        assert_eq!(header(&conn)?.1, 4, "the version must not move");
        Ok(())
    }

    #[test]
    fn foreign_keys_that_cannot_be_turned_off_stop_a_migration() -> rusqlite::Result<()> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON; BEGIN;")?;
        let ran = without_foreign_keys(&mut conn, |_| Ok(()));
        assert!(
            ran.as_ref()
                .is_err_and(|e| e.to_string().contains("cannot turn foreign keys off")),
            "{ran:?}"
        );
        conn.execute_batch("ROLLBACK")?;
        let on: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        assert!(on);
        Ok(())
    }
}
