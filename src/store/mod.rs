//! The only place with SQL. Opening and migrating the file lives in `open`;
//! each table group has its own module. Rows are converted to domain types here.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod facilities;
pub mod maintenance;
pub mod open;
pub mod policy;
pub mod questions;
pub mod signin;
pub mod terms;
pub mod twofa;

pub use open::{Store, default_path};

use rusqlite::Transaction;

/// Run `f` inside `BEGIN IMMEDIATE`: concurrent writers queue on the busy
/// timeout instead of failing halfway. Commits only when `f` succeeds.
/// Handlers reach it only through `commands::change` (clippy.toml).
#[allow(clippy::disallowed_methods)]
pub fn write<T, E>(
    store: &mut Store,
    f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<rusqlite::Error>,
{
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}
