//! The only place with SQL. Each table group has its own module, whose SQL
//! runs unchanged on both stores through [`sql::Tx`]; `open` (SQLite files)
//! and `server` (PostgreSQL) connect, create and migrate. Rows are converted
//! to domain types here.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod copy;
pub mod facilities;
pub mod location;
pub mod maintenance;
pub mod policy;
mod postgres;
pub mod questions;
pub mod scratch;
pub mod sessions;
pub mod signin;
pub(crate) mod sql;
pub mod sqlite;
pub mod terms;
pub mod twofa;

use std::path::{Path, PathBuf};

pub use sql::{Dialect, Tx};
pub use sqlite::{OpenError, default_path};

use self::postgres::Pg;

/// An open, migrated store.
pub struct Store {
    pub(in crate::store) backend: Backend,
}

pub(in crate::store) enum Backend {
    Sqlite {
        conn: rusqlite::Connection,
        path: PathBuf,
    },
    Postgres {
        pg: Box<Pg>,
        /// The server and database, without any password, for messages.
        shown: String,
    },
}

impl Store {
    /// The store at `location` to read from, without changing anything:
    /// `None` unless it is a keyward store at this binary's schema version
    /// (an older one is left for a real command to migrate). For shell
    /// completion, which must neither write nor wait.
    pub fn peek(location: &location::Location) -> Option<Store> {
        match location {
            location::Location::File(path) => sqlite::peek(path),
            location::Location::Server(server) => Store::peek_server(server),
        }
    }
}

/// What the store's functions fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// Not a `source`: the message already says what the server said, and
    /// the crate's own chain would repeat it.
    #[error("{}", server_message(.0))]
    Postgres(::postgres::Error),
    /// The connection to the server (named) went away: nothing of the
    /// transaction was committed, the server rolled it back.
    #[error(
        "the connection to the PostgreSQL server {0} was lost; the command's changes were not committed. Check that the server is up and reachable, then run the command again"
    )]
    Lost(String),
    /// A stored value this keyward cannot read.
    #[error("{0}")]
    Data(String),
}

impl From<::postgres::Error> for Error {
    fn from(e: ::postgres::Error) -> Self {
        Error::Postgres(e)
    }
}

/// A PostgreSQL error as one line: the server's own message and code, or
/// what happened to the connection.
fn server_message(e: &::postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) if db.code().code() == "55P03" => format!(
            "another keyward process has held the store's write lock for {} s; nothing was changed. Try again (a writer that hangs on another host blocks everyone: look for it in pg_stat_activity, application_name keyward)",
            sqlite::BUSY_TIMEOUT.as_secs()
        ),
        Some(db) => format!(
            "the PostgreSQL server refused a statement: {} (SQLSTATE {})",
            db.message(),
            db.code().code()
        ),
        None if e.is_closed() => "the connection to the PostgreSQL server was lost; \
             the command's changes were not committed. Check that the server is up and reachable, then run the command again"
            .to_string(),
        None => format!("PostgreSQL: {e}"),
    }
}

/// Whether `e` is a uniqueness or other constraint conflict: a row that
/// someone else wrote first.
pub fn is_conflict(e: &Error) -> bool {
    match e {
        Error::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation),
        // Class 23: integrity constraint violation.
        Error::Postgres(e) => e.code().is_some_and(|c| c.code().starts_with("23")),
        Error::Lost(_) | Error::Data(_) => false,
    }
}

/// A store function's result.
pub type Result<T> = std::result::Result<T, Error>;

/// Run `f` inside one write transaction (SQLite: `BEGIN IMMEDIATE`;
/// PostgreSQL: the store's advisory write lock): concurrent writers queue
/// instead of failing halfway. Commits only when `f` succeeds.
/// Handlers reach it only through `commands::change` (clippy.toml).
#[allow(clippy::disallowed_methods)]
pub fn write<T, E>(
    store: &mut Store,
    f: impl FnOnce(Tx<'_>) -> std::result::Result<T, E>,
) -> std::result::Result<T, E>
where
    E: From<Error>,
{
    match &mut store.backend {
        Backend::Sqlite { conn, .. } => {
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(Error::from)?;
            let out = f(Tx::sqlite(&tx))?;
            tx.commit().map_err(Error::from)?;
            Ok(out)
        }
        Backend::Postgres { pg, .. } => {
            pg.begin_write()?;
            match f(Tx::postgres(pg)) {
                Ok(out) => {
                    pg.commit()?;
                    Ok(out)
                }
                Err(e) => {
                    // The cause is what counts; a failed rollback means the
                    // session is gone, and the server rolled back itself.
                    let _ = pg.rollback();
                    Err(e)
                }
            }
        }
    }
}

impl Store {
    /// Single reads outside any transaction (each statement sees the last
    /// commit).
    pub fn read(&self) -> Tx<'_> {
        match &self.backend {
            Backend::Sqlite { conn, .. } => Tx::sqlite(conn),
            Backend::Postgres { pg, .. } => Tx::postgres(pg),
        }
    }

    /// Run `f` in one read transaction, one consistent snapshot of the
    /// store, rolled back at the end (anything `f` wrote to temporary
    /// tables goes with it).
    pub fn snapshot<T, E>(
        &mut self,
        f: impl FnOnce(Tx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<Error>,
    {
        match &mut self.backend {
            Backend::Sqlite { conn, .. } => {
                let tx = conn.unchecked_transaction().map_err(Error::from)?;
                let out = f(Tx::sqlite(&tx));
                tx.rollback().map_err(Error::from)?;
                out
            }
            Backend::Postgres { pg, .. } => {
                pg.begin_snapshot()?;
                let out = f(Tx::postgres(pg));
                match out {
                    Ok(_) => pg.rollback()?,
                    // As for a write: keep the cause.
                    Err(_) => {
                        let _ = pg.rollback();
                    }
                }
                out
            }
        }
    }

    /// The store as messages name it: the file, or the server and database
    /// without any password.
    pub fn shown(&self) -> String {
        match &self.backend {
            Backend::Sqlite { path, .. } => path.display().to_string(),
            Backend::Postgres { shown, .. } => shown.clone(),
        }
    }

    /// What binds an operator session to this store: the SQLite file's
    /// real path (however it was named), or the server and database.
    pub fn identity(&self) -> String {
        match &self.backend {
            Backend::Sqlite { path, .. } => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            Backend::Postgres { shown, .. } => shown.clone(),
        }
    }

    /// The SQLite file, when the store is one.
    pub fn file(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Sqlite { path, .. } => Some(path),
            Backend::Postgres { .. } => None,
        }
    }

    /// A store in memory, with no schema: for unit tests of code that needs
    /// a session but no tables of keyward's.
    #[cfg(test)]
    pub fn scratch() -> Result<Store> {
        Ok(Store {
            backend: Backend::Sqlite {
                conn: rusqlite::Connection::open_in_memory()?,
                path: PathBuf::from(":memory:"),
            },
        })
    }

    /// The SQLite connection of a file store, for unit tests of the store.
    #[cfg(test)]
    pub(in crate::store) fn sqlite(&self) -> &rusqlite::Connection {
        match &self.backend {
            Backend::Sqlite { conn, .. } => conn,
            Backend::Postgres { .. } => panic!("a SQLite store was expected"),
        }
    }
}
