//! Facilities and how many accounts each has.

use rusqlite::{OptionalExtension, Row, params};

use super::Tx;

/// A facility with its number of assigned accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facility {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub accounts: u64,
    pub created_at: i64,
}

const SELECT: &str = "SELECT f.id, f.code, f.name, f.created_at,
    (SELECT count(*) FROM account_facility af WHERE af.facility_id = f.id)
    FROM facility f";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Facility> {
    Ok(Facility {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        created_at: r.get(3)?,
        accounts: r.get::<_, i64>(4)?.max(0) as u64,
    })
}

/// Find by code, case-insensitively.
pub fn find(conn: Tx<'_>, code: &str) -> rusqlite::Result<Option<Facility>> {
    conn.sql()
        .prepare_cached(&format!("{SELECT} WHERE f.code = ?1 COLLATE NOCASE"))?
        .query_row([code], from_row)
        .optional()
}

/// All facilities, by code.
pub fn list(conn: Tx<'_>) -> rusqlite::Result<Vec<Facility>> {
    conn.sql()
        .prepare_cached(&format!("{SELECT} ORDER BY f.code COLLATE NOCASE"))?
        .query_map([], from_row)?
        .collect()
}

pub fn insert(conn: Tx<'_>, code: &str, name: &str, now: i64) -> rusqlite::Result<i64> {
    conn.sql()
        .prepare_cached("INSERT INTO facility (code, name, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![code, name, now])?;
    Ok(conn.sql().last_insert_rowid())
}

pub fn update(conn: Tx<'_>, id: i64, code: &str, name: &str) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("UPDATE facility SET code = ?2, name = ?3 WHERE id = ?1")?
        .execute(params![id, code, name])?;
    Ok(())
}

/// Delete a facility after unassigning its accounts; returns how many were unassigned.
pub fn remove(conn: Tx<'_>, id: i64) -> rusqlite::Result<usize> {
    let unassigned = conn
        .sql()
        .prepare_cached("DELETE FROM account_facility WHERE facility_id = ?1")?
        .execute([id])?;
    conn.sql()
        .prepare_cached("DELETE FROM facility WHERE id = ?1")?
        .execute([id])?;
    Ok(unassigned)
}
