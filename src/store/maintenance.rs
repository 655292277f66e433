//! Whole-database checks: SQLite's integrity and foreign keys.

use super::Tx;

/// Problems `PRAGMA integrity_check` reports (empty when the file is sound).
pub fn integrity(conn: Tx<'_>) -> rusqlite::Result<Vec<String>> {
    let rows: Vec<String> = conn
        .sql()
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// Rows whose foreign keys point nowhere, as `table rowid -> parent`.
pub fn foreign_key_problems(conn: Tx<'_>) -> rusqlite::Result<Vec<String>> {
    conn.sql()
        .prepare("PRAGMA foreign_key_check")?
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

/// How many accounts the database holds.
pub fn account_count(conn: Tx<'_>) -> rusqlite::Result<i64> {
    conn.sql()
        .query_row("SELECT count(*) FROM account", [], |r| r.get(0))
}
