//! Facilities and how many accounts each has.

use super::sql::{Row, args};
use super::{Result, Tx};

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

fn from_row(r: &Row<'_>) -> Result<Facility> {
    Ok(Facility {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        created_at: r.get(3)?,
        accounts: r.get::<i64>(4)?.max(0) as u64,
    })
}

/// Find by code, case-insensitively (codes are ASCII, and `lower` folds
/// ASCII the same way on both stores).
pub fn find(tx: Tx<'_>, code: &str) -> Result<Option<Facility>> {
    tx.opt(
        &format!("{SELECT} WHERE lower(f.code) = lower(?1)"),
        args![code],
        from_row,
    )
}

/// All facilities, by code.
pub fn list(tx: Tx<'_>) -> Result<Vec<Facility>> {
    tx.all(
        &format!("{SELECT} ORDER BY lower(f.code)"),
        args![],
        from_row,
    )
}

pub fn insert(tx: Tx<'_>, code: &str, name: &str, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO facility (code, name, created_at) VALUES (?1, ?2, ?3) RETURNING id",
        args![code, name, now],
        |r| r.get(0),
    )
}

pub fn update(tx: Tx<'_>, id: i64, code: &str, name: &str) -> Result<()> {
    tx.execute(
        "UPDATE facility SET code = ?2, name = ?3 WHERE id = ?1",
        args![id, code, name],
    )?;
    Ok(())
}

/// Delete a facility after unassigning its accounts; returns how many were unassigned.
pub fn remove(tx: Tx<'_>, id: i64) -> Result<usize> {
    let unassigned = tx.execute(
        "DELETE FROM account_facility WHERE facility_id = ?1",
        args![id],
    )?;
    tx.execute("DELETE FROM facility WHERE id = ?1", args![id])?;
    Ok(unassigned as usize)
}
