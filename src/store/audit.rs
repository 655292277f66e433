//! The audit table: append (inside the caller's write transaction), list and
//! read back for verification. The chain itself is domain/audit.rs.

use rusqlite::{Connection, params};

use crate::domain::audit::{self, Entry, GENESIS, Row};

/// Append one event after the current last row. Called inside `BEGIN
/// IMMEDIATE`, so concurrent writers chain one after the other.
pub fn append(conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
    Chain::head(conn)?.append(conn, e)
}

/// The end of the chain, kept in memory while one transaction appends many
/// rows (a bulk import), so each row costs one INSERT and no lookup.
pub struct Chain {
    last_id: i64,
    prev: String,
}

impl Chain {
    /// Read the last row. Only valid inside the write transaction that appends.
    pub fn head(conn: &Connection) -> rusqlite::Result<Chain> {
        let (last_id, prev) = conn
            .prepare_cached("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok((0, GENESIS.to_string())),
                other => Err(other),
            })?;
        Ok(Chain { last_id, prev })
    }

    pub fn append(&mut self, conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
        let id = self.last_id + 1;
        let hash = audit::chain_hash(&self.prev, id, e);
        conn.prepare_cached(
            "INSERT INTO audit (id, at, actor, action, target, facility, details, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            id,
            e.at,
            e.actor,
            e.action,
            e.target,
            e.facility,
            e.details.to_string(),
            self.prev,
            hash
        ])?;
        self.last_id = id;
        self.prev = hash;
        Ok(())
    }
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let details: String = r.get(6)?;
    Ok(Row {
        id: r.get(0)?,
        entry: Entry {
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            target: r.get(4)?,
            facility: r.get(5)?,
            // A row whose details are not JSON keeps its text, so verify names it.
            details: serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details)),
        },
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

const SELECT: &str =
    "SELECT id, at, actor, action, target, facility, details, prev_hash, hash FROM audit";

/// Every row in id order, for `audit verify`.
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Row>> {
    conn.prepare_cached(&format!("{SELECT} ORDER BY id"))?
        .query_map([], from_row)?
        .collect()
}

/// Filters of `audit list`.
pub struct Filter<'a> {
    pub target: Option<&'a str>,
    pub action: Option<&'a str>,
    pub since: Option<i64>,
    pub limit: u32,
}

/// The newest rows matching the filter, returned oldest first.
pub fn list(conn: &Connection, f: &Filter<'_>) -> rusqlite::Result<Vec<Row>> {
    let mut rows: Vec<Row> = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE (?1 IS NULL OR target = ?1) AND (?2 IS NULL OR action = ?2 OR action LIKE ?2 || '.%')
               AND (?3 IS NULL OR at >= ?3) ORDER BY id DESC LIMIT ?4"
        ))?
        .query_map(params![f.target, f.action, f.since, f.limit], from_row)?
        .collect::<Result<_, _>>()?;
    rows.reverse();
    Ok(rows)
}
