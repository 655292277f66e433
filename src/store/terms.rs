//! Terms versions and who accepted which.

use rusqlite::{OptionalExtension, params};

use super::Tx;

use crate::domain::signin::TermsStatus;

/// One published version of the terms.
#[derive(Debug, Clone)]
pub struct Terms {
    pub version: i64,
    pub text: String,
    pub sha256: String,
    pub created_at: i64,
    pub accepted: u64,
}

const SELECT: &str = "SELECT t.version, t.text, t.sha256, t.created_at,
    (SELECT count(*) FROM terms_acceptance a WHERE a.version = t.version) FROM terms t";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Terms> {
    Ok(Terms {
        version: r.get(0)?,
        text: r.get(1)?,
        sha256: r.get(2)?,
        created_at: r.get(3)?,
        accepted: r.get::<_, i64>(4)?.max(0) as u64,
    })
}

pub fn newest(conn: Tx<'_>) -> rusqlite::Result<Option<Terms>> {
    conn.sql()
        .prepare_cached(&format!("{SELECT} ORDER BY t.version DESC LIMIT 1"))?
        .query_row([], from_row)
        .optional()
}

pub fn get(conn: Tx<'_>, version: i64) -> rusqlite::Result<Option<Terms>> {
    conn.sql()
        .prepare_cached(&format!("{SELECT} WHERE t.version = ?1"))?
        .query_row([version], from_row)
        .optional()
}

pub fn list(conn: Tx<'_>) -> rusqlite::Result<Vec<Terms>> {
    conn.sql()
        .prepare_cached(&format!("{SELECT} ORDER BY t.version"))?
        .query_map([], from_row)?
        .collect()
}

/// Publish the next version; returns its number.
pub fn insert(conn: Tx<'_>, text: &str, sha256: &str, now: i64) -> rusqlite::Result<i64> {
    conn.sql()
        .prepare_cached(
            "INSERT INTO terms (version, text, sha256, created_at)
         VALUES ((SELECT coalesce(max(version), 0) + 1 FROM terms), ?1, ?2, ?3)
         RETURNING version",
        )?
        .query_row(params![text, sha256, now], |r| r.get(0))
}

/// Record that an account accepted `version`, and clear its pending flag.
pub fn accept(conn: Tx<'_>, account_id: i64, version: i64, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached(
            "INSERT INTO terms_acceptance (account_id, version, accepted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (account_id, version) DO UPDATE SET accepted_at = excluded.accepted_at",
        )?
        .execute(params![account_id, version, now])?;
    conn.sql()
        .prepare_cached("UPDATE account SET terms_pending = 0, updated_at = ?2 WHERE id = ?1")?
        .execute(params![account_id, now])?;
    Ok(())
}

/// Whether the account accepted the newest terms (or none exist).
pub fn status(conn: Tx<'_>, account_id: i64) -> rusqlite::Result<TermsStatus> {
    let newest: Option<i64> = conn
        .sql()
        .prepare_cached("SELECT max(version) FROM terms")?
        .query_row([], |r| r.get(0))?;
    let Some(version) = newest else {
        return Ok(TermsStatus::None);
    };
    let accepted: bool = conn
        .sql()
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM terms_acceptance WHERE account_id = ?1 AND version = ?2)",
        )?
        .query_row(params![account_id, version], |r| r.get(0))?;
    Ok(if accepted {
        TermsStatus::Accepted
    } else {
        TermsStatus::NotAccepted
    })
}
