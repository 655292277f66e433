//! Terms versions and who accepted which.

use super::sql::{Row, args};
use super::{Result, Tx};

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

fn from_row(r: &Row<'_>) -> Result<Terms> {
    Ok(Terms {
        version: r.get(0)?,
        text: r.get(1)?,
        sha256: r.get(2)?,
        created_at: r.get(3)?,
        accepted: r.get::<i64>(4)?.max(0) as u64,
    })
}

pub fn newest(tx: Tx<'_>) -> Result<Option<Terms>> {
    tx.opt(
        &format!("{SELECT} ORDER BY t.version DESC LIMIT 1"),
        args![],
        from_row,
    )
}

pub fn get(tx: Tx<'_>, version: i64) -> Result<Option<Terms>> {
    tx.opt(
        &format!("{SELECT} WHERE t.version = ?1"),
        args![version],
        from_row,
    )
}

pub fn list(tx: Tx<'_>) -> Result<Vec<Terms>> {
    tx.all(&format!("{SELECT} ORDER BY t.version"), args![], from_row)
}

/// Publish the next version; returns its number.
pub fn insert(tx: Tx<'_>, text: &str, sha256: &str, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO terms (version, text, sha256, created_at)
         VALUES ((SELECT coalesce(max(version), 0) + 1 FROM terms), ?1, ?2, ?3)
         RETURNING version",
        args![text, sha256, now],
        |r| r.get(0),
    )
}

/// Record that an account accepted `version`, and clear its pending flag.
pub fn accept(tx: Tx<'_>, account_id: i64, version: i64, now: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO terms_acceptance (account_id, version, accepted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (account_id, version) DO UPDATE SET accepted_at = excluded.accepted_at",
        args![account_id, version, now],
    )?;
    tx.execute(
        "UPDATE account SET terms_pending = FALSE, updated_at = ?2 WHERE id = ?1",
        args![account_id, now],
    )?;
    Ok(())
}

/// Whether the account accepted the newest terms (or none exist).
pub fn status(tx: Tx<'_>, account_id: i64) -> Result<TermsStatus> {
    let newest: Option<i64> = tx.one("SELECT max(version) FROM terms", args![], |r| r.get(0))?;
    let Some(version) = newest else {
        return Ok(TermsStatus::None);
    };
    let accepted: bool = tx.one(
        "SELECT EXISTS (SELECT 1 FROM terms_acceptance WHERE account_id = ?1 AND version = ?2)",
        args![account_id, version],
        |r| r.get(0),
    )?;
    Ok(if accepted {
        TermsStatus::Accepted
    } else {
        TermsStatus::NotAccepted
    })
}
