//! Whole-database checks. SQLite's own checks (`integrity_check`,
//! `foreign_key_check`) have no PostgreSQL counterpart that a client could
//! run: the server checks its pages itself and enforces every foreign key
//! at each statement, so on PostgreSQL both lists are empty by construction.

use rusqlite::Connection;

use super::sql::{Conn, args};
use super::{Result, Tx};

/// Problems the store's integrity check reports (empty when it is sound).
pub fn integrity(tx: Tx<'_>) -> Result<Vec<String>> {
    match tx.conn {
        Conn::Sqlite(c) => Ok(sqlite_integrity(c)?),
        Conn::Postgres(_) => Ok(Vec::new()),
    }
}

/// Rows whose foreign keys point nowhere, as `table row -> parent`.
pub fn foreign_key_problems(tx: Tx<'_>) -> Result<Vec<String>> {
    match tx.conn {
        Conn::Sqlite(c) => Ok(sqlite_foreign_keys(c)?),
        Conn::Postgres(_) => Ok(Vec::new()),
    }
}

/// `PRAGMA integrity_check`, without its "ok".
pub(in crate::store) fn sqlite_integrity(c: &Connection) -> rusqlite::Result<Vec<String>> {
    let rows: Vec<String> = c
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// `PRAGMA foreign_key_check`, one line per broken row.
pub(in crate::store) fn sqlite_foreign_keys(c: &Connection) -> rusqlite::Result<Vec<String>> {
    c.prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            Ok(format!(
                "{table} row {} points to a missing {parent}",
                rowid.map_or_else(|| "?".into(), |id| id.to_string())
            ))
        })?
        .collect()
}

/// How many accounts the store holds.
pub fn account_count(tx: Tx<'_>) -> Result<i64> {
    tx.one("SELECT count(*) FROM account", args![], |r| r.get(0))
}
