//! The only place with SQL. Opening and migrating the file lives in `open`;
//! each table group has its own module. Rows are converted to domain types here.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod facilities;
pub mod location;
pub mod maintenance;
pub mod open;
pub mod policy;
pub mod questions;
pub mod scratch;
pub mod signin;
pub mod terms;
pub mod twofa;

pub use open::{Store, default_path};

/// A session on the store as commands hold it: inside a write transaction
/// ([`write`]), a read snapshot ([`Store::snapshot`]) or for single reads
/// ([`Store::read`]). Only the store's own modules reach the database
/// behind it, so no command names the database library.
#[derive(Clone, Copy)]
pub struct Tx<'a> {
    conn: &'a rusqlite::Connection,
}

impl<'a> Tx<'a> {
    pub(in crate::store) fn new(conn: &'a rusqlite::Connection) -> Self {
        Tx { conn }
    }

    /// The SQLite connection, for the store's modules.
    pub(in crate::store) fn sql(self) -> &'a rusqlite::Connection {
        self.conn
    }
}

/// What the store's functions fail with.
pub type Error = rusqlite::Error;
/// Whether `e` is a uniqueness or other constraint conflict: a row that
/// someone else wrote first.
pub fn is_conflict(e: &Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
}

/// A store function's result.
pub type Result<T> = std::result::Result<T, Error>;

/// Run `f` inside `BEGIN IMMEDIATE`: concurrent writers queue on the busy
/// timeout instead of failing halfway. Commits only when `f` succeeds.
/// Handlers reach it only through `commands::change` (clippy.toml).
#[allow(clippy::disallowed_methods)]
pub fn write<T, E>(
    store: &mut Store,
    f: impl FnOnce(Tx<'_>) -> std::result::Result<T, E>,
) -> std::result::Result<T, E>
where
    E: From<Error>,
{
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let out = f(Tx::new(&tx))?;
    tx.commit()?;
    Ok(out)
}

impl Store {
    /// Single reads outside any transaction (each statement sees the last
    /// commit).
    pub fn read(&self) -> Tx<'_> {
        Tx::new(&self.conn)
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
        let tx = self.conn.unchecked_transaction()?;
        let out = f(Tx::new(&tx));
        tx.rollback()?;
        out
    }

    /// A store in memory, with no schema: for unit tests of code that needs
    /// a session but no tables of keyward's.
    #[cfg(test)]
    pub fn scratch() -> Result<Store> {
        Ok(Store {
            conn: rusqlite::Connection::open_in_memory()?,
            path: std::path::PathBuf::from(":memory:"),
        })
    }
}
