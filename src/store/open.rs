//! Finding, creating and opening the database file: permissions, pragmas and
//! migrations tracked with `PRAGMA user_version`.

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
const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_initial.sql")];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "no keyward database at {0}; create one with `keyward init --admin USERNAME` (or point --db / KEYWARD_DB at an existing one)"
    )]
    Missing(PathBuf),
    #[error("a database already exists at {0}; refusing to overwrite it")]
    Exists(PathBuf),
    #[error("{0} is not a keyward database (wrong --db path?)")]
    Foreign(PathBuf),
    #[error(
        "{path} has schema version {found}, newer than this keyward understands ({SCHEMA_VERSION}); upgrade keyward. The file was not changed"
    )]
    TooNew { path: PathBuf, found: i64 },
    #[error("cannot find a data directory; set --db or KEYWARD_DB")]
    NoDataDir,
    #[error("cannot create {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

/// An open, migrated database.
pub struct Store {
    pub conn: Connection,
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
        if !path.exists() {
            return Err(OpenError::Missing(path.to_path_buf()));
        }
        let sql = |source| OpenError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql)?;
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

    /// Create a new database file (0600, in a 0700 folder when the folder is
    /// new) and migrate it. Refuses when the file exists.
    pub fn create(path: &Path) -> Result<Store, OpenError> {
        let io_err = |source| OpenError::Io {
            path: path.to_path_buf(),
            source,
        };
        if path.exists() {
            return Err(OpenError::Exists(path.to_path_buf()));
        }
        if let Some(dir) = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && !d.exists())
        {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io_err)?;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io_err)?;
        }
        // create_new: two concurrent inits cannot both win.
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => OpenError::Exists(path.to_path_buf()),
                _ => io_err(e),
            })?;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_err)?;
        let made = (|| {
            let conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let mut store = Store {
                conn,
                path: path.to_path_buf(),
            };
            store.configure()?;
            store.migrate()?;
            Ok(store)
        })();
        made.map_err(|source| {
            remove_files(path);
            OpenError::Sqlite {
                path: path.to_path_buf(),
                source,
            }
        })
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
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (app_id, version) = header(&tx)?;
        if version == 0 && app_id == 0 {
            tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql)?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        }
        tx.commit()
    }
}

fn header(conn: &Connection) -> rusqlite::Result<(i32, i64)> {
    let app_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((app_id, version))
}

/// Remove a database we created and failed to finish, with its WAL files.
pub fn remove_files(path: &Path) {
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
        drop(Store::create(&path)?);
        let store = Store::open(&path)?;
        assert_eq!(header(&store.conn)?, (APPLICATION_ID, SCHEMA_VERSION));
        drop(store);
        let store = Store::open(&path)?;
        assert_eq!(header(&store.conn)?.1, SCHEMA_VERSION);
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
