//! The global policy, stored as one text row per key.

use rusqlite::params;

use super::Tx;

use crate::domain::policy::{Policy, PolicyError};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// Kept as text, not as a source: a bad stored value is a damaged
    /// database (exit 1), not bad input from the person typing (exit 65).
    #[error("the stored policy is invalid ({0}); was the database written by a newer keyward?")]
    Invalid(String),
}

/// The policy in force: stored keys over the defaults.
pub fn load(conn: Tx<'_>) -> Result<Policy, LoadError> {
    let mut stmt = conn.sql().prepare_cached("SELECT key, value FROM policy")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Policy::from_pairs(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e: PolicyError| LoadError::Invalid(e.to_string()))
}

/// Write every key of `policy`.
pub fn save(conn: Tx<'_>, policy: &Policy) -> rusqlite::Result<()> {
    let mut stmt = conn.sql().prepare_cached(
        "INSERT INTO policy (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?;
    for (key, value) in policy.to_pairs() {
        stmt.execute(params![key, value])?;
    }
    Ok(())
}
