//! The global policy, stored as one text row per key.

use super::sql::args;
use super::{Error, Result, Tx};

use crate::domain::policy::{Policy, PolicyError};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] Error),
    /// Kept as text, not as a source: a bad stored value is a damaged
    /// database (exit 1), not bad input from the person typing (exit 65).
    #[error("the stored policy is invalid ({0}); was the database written by a newer keyward?")]
    Invalid(String),
}

/// The policy in force: stored keys over the defaults.
pub fn load(tx: Tx<'_>) -> std::result::Result<Policy, LoadError> {
    let rows: Vec<(String, String)> = tx.all("SELECT key, value FROM policy", args![], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Policy::from_pairs(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e: PolicyError| LoadError::Invalid(e.to_string()))
}

/// Write every key of `policy`.
pub fn save(tx: Tx<'_>, policy: &Policy) -> Result<()> {
    for (key, value) in policy.to_pairs() {
        tx.execute(
            "INSERT INTO policy (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            args![key, value],
        )?;
    }
    Ok(())
}
