//! Whole-database checks. SQLite's own checks (`integrity_check`,
//! `foreign_key_check`) have no PostgreSQL counterpart: the server checks its
//! pages itself, so there the integrity list is empty, and every reference
//! of the schema is checked by query (a constraint can be dropped by hand).

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
        Conn::Postgres(_) => references(tx),
    }
}

/// Every reference of the schema: (table, column, parent table, parent column).
const REFERENCES: &[(&str, &str, &str, &str)] = &[
    ("account_facility", "account_id", "account", "id"),
    ("account_facility", "facility_id", "facility", "id"),
    ("password_history", "account_id", "account", "id"),
    ("terms_acceptance", "account_id", "account", "id"),
    ("terms_acceptance", "version", "terms", "version"),
    ("security_answer", "account_id", "account", "id"),
    ("twofa", "account_id", "account", "id"),
    ("backup_code", "account_id", "account", "id"),
    ("operator_session", "account_id", "account", "id"),
];

/// Rows whose reference points nowhere, found by query: on PostgreSQL a
/// constraint dropped by hand no longer guards them.
fn references(tx: Tx<'_>) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (table, column, parent, key) in REFERENCES {
        let orphans: i64 = tx.one(
            &format!(
                "SELECT count(*) FROM {table} c WHERE NOT EXISTS \
                 (SELECT 1 FROM {parent} p WHERE p.{key} = c.{column})"
            ),
            args![],
            |r| r.get(0),
        )?;
        if orphans > 0 {
            out.push(format!(
                "{orphans} {table} row(s) point to a missing {parent} ({column})"
            ));
        }
    }
    Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// The list PostgreSQL's check walks is every foreign key of the
    /// schema, so a migration that adds one cannot be left unchecked there.
    #[test]
    fn every_foreign_key_of_the_schema_is_checked()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        Store::create(&path, |_| Ok::<(), Box<dyn std::error::Error>>(()))?;
        let store = Store::open(&path)?;
        let mut found: Vec<(String, String, String, String)> = store
            .sqlite()
            .prepare(
                "SELECT m.name, f.\"from\", f.\"table\", f.\"to\"
                 FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                 WHERE m.type = 'table'",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut listed: Vec<(String, String, String, String)> = REFERENCES
            .iter()
            .map(|(t, c, p, k)| (t.to_string(), c.to_string(), p.to_string(), k.to_string()))
            .collect();
        found.sort();
        listed.sort();
        assert_eq!(found, listed);
        Ok(())
    }
}
