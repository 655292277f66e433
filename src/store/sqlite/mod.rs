//! The SQLite store: finding, creating and opening the database file: permissions, pragmas and
//! migrations tracked with `PRAGMA user_version`. Opening an existing file
//! lives here; `connection` holds the per-connection settings, `create` the
//! making of a new file and `migrate` the schema and its header.

// Opening, creating and migrating a file are the store's own transactions.
#![allow(clippy::disallowed_methods)]

mod connection;
mod create;
mod migrate;

pub use create::folder_is_shared;
pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};

use connection::configure;
pub(super) use connection::{BUSY_TIMEOUT, connect};
pub(super) use create::{Folder, new_private_file, publish};
pub(super) use migrate::header;
use migrate::migrate;

use crate::store::{Backend, Store};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    #[error("{shown}: {cause}")]
    Server {
        shown: String,
        cause: crate::store::Error,
    },
    #[error(
        "cannot connect to {shown} ({cause}); check that the server is running and that the host, port and sslmode are right"
    )]
    Unreachable { shown: String, cause: String },
    #[error(
        "{shown} uses the encoding {encoding}; keyward stores UTF-8 text: create the database with ENCODING 'UTF8'"
    )]
    ServerEncoding { shown: String, encoding: String },
    #[error(
        "{shown}: no password for {user} in {file}{why}; add a line host:port:database:{user}:password there (mode 0600), or put the password in KEYWARD_DB in the environment"
    )]
    NoPassword {
        shown: String,
        user: String,
        file: String,
        why: String,
    },
    #[error("{shown}: TLS cannot be set up ({cause}); check sslmode and sslrootcert in the URL")]
    Tls { shown: String, cause: String },
    #[error(
        "{0} refused the credentials; put the role's password in PGPASSFILE or ~/.pgpass (mode 0600), or in KEYWARD_DB in the environment"
    )]
    ServerCredentials(String),
    #[error(
        "{0}: the database does not exist; create it first (createdb), then run `keyward init`"
    )]
    NoServerDatabase(String),
    #[error(
        "{shown} runs PostgreSQL {}.{}, older than 13, the oldest keyward supports; upgrade the server",
        version / 10000,
        version % 10000
    )]
    ServerTooOld { shown: String, version: i64 },
    #[error(
        "no keyward store in {0}; create one with `keyward init --admin USERNAME` (or point --db / KEYWARD_DB at an existing one)"
    )]
    NoServerStore(String),
    #[error(
        "{0} holds tables or other objects that are not keyward's (wrong database in --db?); nothing was changed"
    )]
    ServerForeign(String),
    #[error(
        "{0} is not empty (it holds tables, views, sequences or functions); `keyward init` needs an empty database (create one with createdb)"
    )]
    ServerNotEmpty(String),
    #[error(
        "another keyward process is writing to {0}, or it is the database being copied; nothing was written"
    )]
    ServerBusy(String),
    #[error("a keyward store already exists in {0}; refusing to overwrite it")]
    ServerExists(String),
    #[error(
        "{shown} has schema version {found}, newer than this keyward understands ({SCHEMA_VERSION}); upgrade keyward. Nothing was changed"
    )]
    ServerTooNew { shown: String, found: i64 },
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
        let mut conn = conn;
        configure(&conn).map_err(sql)?;
        migrate(&mut conn).map_err(sql)?;
        Ok(Store {
            backend: Backend::Sqlite {
                conn,
                path: path.to_path_buf(),
            },
        })
    }
}

/// The file at `path` opened to read only, when it is a keyward store at
/// this binary's schema version; anything else is `None`. Nothing is
/// migrated or written, and no writer is waited for (shell completion).
pub(in crate::store) fn peek(path: &Path) -> Option<Store> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let (app_id, version) = header(&conn).ok()?;
    (app_id == APPLICATION_ID && version == SCHEMA_VERSION).then(|| Store {
        backend: Backend::Sqlite {
            conn,
            path: path.to_path_buf(),
        },
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

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn an_older_schema_is_migrated_on_open() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path)?;
            conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
        }
        let store = Store::open(&path)?;
        let tables: i64 = store.sqlite().query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'account'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(tables, 1);
        Ok(())
    }
}
