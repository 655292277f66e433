//! Finding, creating and opening the database file: permissions, pragmas and
//! migrations tracked with `PRAGMA user_version`.

// Opening, creating and migrating a file are the store's own transactions.
#![allow(clippy::disallowed_methods)]

use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Marks the file as keyward's (`PRAGMA application_id`, "keyw").
pub const APPLICATION_ID: i32 = 0x6b65_7977;

/// Embedded migrations; index + 1 is the `user_version` each one produces.
/// Never edit or remove a shipped migration.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_signin.sql"),
    include_str!("migrations/0003_twofa.sql"),
    include_str!("migrations/0004_audit.sql"),
    include_str!("migrations/0005_account_checks.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another process's transaction.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "no keyward database at {0}; create one with `keyward init --admin USERNAME` (or point --db / KEYWARD_DB at an existing one)"
    )]
    Missing(PathBuf),
    #[error("a database already exists at {0}; refusing to overwrite it")]
    Exists(PathBuf),
    #[error(
        "the folder {0} does not exist; create it first (keyward never creates folders for a backup)"
    )]
    MissingFolder(PathBuf),
    #[error("{0} is not a folder; give a path inside an existing folder")]
    NotAFolder(PathBuf),
    #[error("{0} is a directory; give the path of the database file, e.g. {0}/keyward.db")]
    Directory(PathBuf),
    #[error("{0} is not a keyward database (wrong --db path?)")]
    Foreign(PathBuf),
    #[error(
        "{path} has schema version {found}, newer than this keyward understands ({SCHEMA_VERSION}); upgrade keyward. The file was not changed"
    )]
    TooNew { path: PathBuf, found: i64 },
    #[error("cannot find a data directory; set --db or KEYWARD_DB")]
    NoDataDir,
    // The cause is part of the message, not a `source`, so it prints once.
    #[error("cannot access {path}: {cause}")]
    Io { path: PathBuf, cause: io::Error },
    #[error("database {path}: {cause}")]
    Sqlite {
        path: PathBuf,
        cause: rusqlite::Error,
    },
}

/// An open, migrated database.
pub struct Store {
    pub(in crate::store) conn: Connection,
    pub path: PathBuf,
}

/// `$XDG_DATA_HOME/keyward/keyward.db` or the platform's equivalent.
pub fn default_path() -> Result<PathBuf, OpenError> {
    directories::ProjectDirs::from("", "", "keyward")
        .map(|d| d.data_dir().join("keyward.db"))
        .ok_or(OpenError::NoDataDir)
}

impl Store {
    /// Open an existing database; never creates anything.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        match probe(path)? {
            None => return Err(OpenError::Missing(path.to_path_buf())),
            Some(m) if m.is_dir() => return Err(OpenError::Directory(path.to_path_buf())),
            Some(_) => {}
        }
        let sql = |cause| OpenError::Sqlite {
            path: path.to_path_buf(),
            cause,
        };
        let conn = connect(path).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        // Read-only checks first: a foreign or newer file must stay untouched.
        let (app_id, version) = match header(&conn) {
            Ok(h) => h,
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::NotADatabase =>
            {
                return Err(OpenError::Foreign(path.to_path_buf()));
            }
            Err(e) => return Err(sql(e)),
        };
        if app_id != APPLICATION_ID {
            return Err(OpenError::Foreign(path.to_path_buf()));
        }
        if version > SCHEMA_VERSION {
            return Err(OpenError::TooNew {
                path: path.to_path_buf(),
                found: version,
            });
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure().map_err(sql)?;
        store.migrate().map_err(sql)?;
        Ok(store)
    }

    /// Create a new database (0600, in a 0700 folder when the folder is new):
    /// migrations and `seed` are written under a temporary name, which is then
    /// linked into place only if `path` still does not exist. A crash leaves
    /// either no database or a complete one, never an empty shell.
    pub fn create<E>(
        path: &Path,
        seed: impl FnOnce(super::Tx<'_>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<OpenError> + From<rusqlite::Error>,
    {
        publish(path, "init", Folder::Create, |tmp| build(tmp, seed))
    }

    /// Refuse early when something is already at `path` (create checks again).
    pub fn refuse_existing(path: &Path) -> Result<(), OpenError> {
        match probe(path)? {
            Some(m) if m.is_dir() => Err(OpenError::Directory(path.to_path_buf())),
            Some(_) => Err(OpenError::Exists(path.to_path_buf())),
            None => Ok(()),
        }
    }

    /// Per-connection settings of SPEC 1.
    fn configure(&mut self) -> rusqlite::Result<()> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidParameterName(format!(
                "journal_mode WAL refused (got {mode})"
            )));
        }
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
    }

    /// Apply the missing migrations in one transaction. The version is read
    /// again inside the transaction, so concurrent openers migrate once.
    fn migrate(&mut self) -> rusqlite::Result<()> {
        let (_, seen) = header(&self.conn)?;
        if seen >= SCHEMA_VERSION {
            return Ok(());
        }
        without_foreign_keys(&mut self.conn, |conn| {
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

/// Open an existing file read-write with `secure_delete` on: SQLite then
/// overwrites deleted content with zeros, so a reset TOTP secret or a
/// replaced hash does not linger in the file's free space (SPEC 10). The
/// setting lives on the connection, so every connection keyward opens on a
/// file goes through here.
pub(super) fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let on: i64 = conn.query_row("PRAGMA secure_delete = ON", [], |r| r.get(0))?;
    if on != 1 {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "secure_delete refused (got {on})"
        )));
    }
    Ok(conn)
}

/// Run `f` with foreign keys off, and turn them on again whatever happens.
/// Migrations need this: rebuilding a table (SQLite's documented way to
/// change its constraints) drops the old one, which with foreign keys on
/// would delete every row that refers to it. SQLite ignores the pragma inside
/// a transaction, so it is set around `f`, not in it.
fn without_foreign_keys<T>(
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
fn apply_migrations(tx: &Connection, version: i64) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    let broken = super::maintenance::foreign_key_problems(super::Tx::new(tx))?;
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

/// Whether [`publish`] may create the folder of the new file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Folder {
    /// `init`: a missing folder is created 0700 (SPEC 1).
    Create,
    /// `db backup`: never creates folders (SPEC 10); a missing one is an error.
    MustExist,
}

/// Make a new file at `path` by building it under a temporary name in the
/// same folder (created 0700 when missing and `folder` allows it) and linking
/// it into place only if `path` still does not exist. A crash leaves no
/// half-made file at `path`.
pub(super) fn publish<E>(
    path: &Path,
    what: &str,
    folder: Folder,
    make: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<OpenError>,
{
    let io_err = |cause| OpenError::Io {
        path: path.to_path_buf(),
        cause,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let found = probe(&dir)?;
    if folder == Folder::MustExist {
        match &found {
            None => return Err(OpenError::MissingFolder(dir).into()),
            Some(m) if !m.is_dir() => return Err(OpenError::NotAFolder(dir).into()),
            Some(_) => {}
        }
    }
    Store::refuse_existing(path)?;
    if found.is_none() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(io_err)?;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).map_err(io_err)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{what}-{}", std::process::id()));
    remove_files(&tmp);
    let made = make(&tmp);
    let published = made.and_then(|()| {
        // hard_link fails if `path` appeared meanwhile: two writers cannot both win.
        fs::hard_link(&tmp, path).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => OpenError::Exists(path.to_path_buf()).into(),
            _ => E::from(io_err(e)),
        })
    });
    remove_files(&tmp);
    published?;
    // Make the new name durable before reporting success.
    fs::File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err)?;
    Ok(())
}

/// An empty file only the owner can read and write.
pub(super) fn new_private_file(path: &Path) -> Result<(), OpenError> {
    let io_err = |cause| OpenError::Io {
        path: path.to_path_buf(),
        cause,
    };
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_err)
}

/// Build a complete database at `tmp`: the schema, then the seed (two
/// transactions on a file nobody else can see yet), then switch to WAL (no
/// frames yet) and close, so the file stands alone.
fn build<E>(tmp: &Path, seed: impl FnOnce(super::Tx<'_>) -> Result<(), E>) -> Result<(), E>
where
    E: From<OpenError> + From<rusqlite::Error>,
{
    new_private_file(tmp)?;
    let mut conn = connect(tmp)?;
    conn.execute_batch("PRAGMA synchronous = FULL;")?;
    // The schema first, as an open would migrate it; the file is not
    // published until the seed is in too, so two transactions are safe.
    without_foreign_keys(&mut conn, |conn| {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
        apply_migrations(&tx, 0)?;
        tx.commit()
    })?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    seed(super::Tx::new(&tx))?;
    tx.commit()?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "journal_mode WAL refused (got {mode})"
        ))
        .into());
    }
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Whether others may replace files in the database's folder: group- or
/// world-writable without the sticky bit. The file's own mode cannot protect it then.
pub fn folder_is_shared(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::metadata(dir).is_ok_and(|m| {
        let mode = m.permissions().mode();
        mode & 0o022 != 0 && mode & 0o1000 == 0
    })
}

/// What is at `path`, if anything; permission problems are errors, not "missing".
fn probe(path: &Path) -> Result<Option<fs::Metadata>, OpenError> {
    match fs::metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(cause) => Err(OpenError::Io {
            path: path.to_path_buf(),
            cause,
        }),
    }
}

pub(super) fn header(conn: &Connection) -> rusqlite::Result<(i32, i64)> {
    let app_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((app_id, version))
}

/// Remove a database we created and failed to finish, with its WAL files.
fn remove_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_harmless() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        Store::create(&path, |_| Ok::<(), Box<dyn std::error::Error>>(()))?;
        let store = Store::open(&path)?;
        assert_eq!(header(&store.conn)?, (APPLICATION_ID, SCHEMA_VERSION));
        drop(store);
        let store = Store::open(&path)?;
        assert_eq!(header(&store.conn)?.1, SCHEMA_VERSION);
        Ok(())
    }

    #[test]
    fn every_connection_overwrites_deleted_content() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        Store::create(&path, |tx| {
            let on: i64 = tx
                .sql()
                .query_row("PRAGMA secure_delete", [], |r| r.get(0))?;
            assert_eq!(on, 1, "the connection that builds the file");
            Ok::<(), Box<dyn std::error::Error>>(())
        })?;
        let store = Store::open(&path)?;
        let on: i64 = store
            .conn
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))?;
        assert_eq!(on, 1, "an opened store");
        Ok(())
    }

    #[test]
    fn a_failing_seed_leaves_no_database_and_no_temporary_file()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        let failed = Store::create(&path, |_| {
            Err::<(), anyhow::Error>(anyhow::anyhow!("seed failed"))
        });
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "nothing may remain"
        );
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
        let c = &store.conn;
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
        assert!(
            super::super::maintenance::foreign_key_problems(crate::store::Tx::new(c))?.is_empty()
        );
        assert!(super::super::maintenance::integrity(crate::store::Tx::new(c))?.is_empty());
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

    #[test]
    fn an_older_schema_is_migrated_on_open() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path)?;
            conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
        }
        let store = Store::open(&path)?;
        let tables: i64 = store.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'account'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(tables, 1);
        Ok(())
    }
}
