//! TOTP enrolments (confirmed and pending) and backup codes.

use super::sql::args;
use super::{Result, Tx};

/// An account's two-factor row. `Debug` is written by hand: it must never
/// print the secrets.
#[derive(Clone, Default)]
pub struct Enrolment {
    /// Base32 secret once confirmed.
    pub secret: Option<String>,
    pub enrolled_at: Option<i64>,
    /// The last TOTP step accepted; only later ones are.
    pub last_step: Option<i64>,
    pub pending_secret: Option<String>,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrolment")
            .field("enrolled", &self.secret.is_some())
            .field("enrolled_at", &self.enrolled_at)
            .field("last_step", &self.last_step)
            .field("pending", &self.pending_secret.is_some())
            .finish()
    }
}

pub fn get(tx: Tx<'_>, account_id: i64) -> Result<Option<Enrolment>> {
    tx.opt(
        "SELECT secret, enrolled_at, last_step, pending_secret FROM twofa WHERE account_id = ?1",
        args![account_id],
        |r| {
            Ok(Enrolment {
                secret: r.get(0)?,
                enrolled_at: r.get(1)?,
                last_step: r.get(2)?,
                pending_secret: r.get(3)?,
            })
        },
    )
}

/// Start (or restart) an enrolment; a confirmed secret stays in force.
pub fn set_pending(tx: Tx<'_>, account_id: i64, secret: &str, now: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO twofa (account_id, pending_secret, pending_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (account_id) DO UPDATE SET pending_secret = ?2, pending_at = ?3",
        args![account_id, secret, now],
    )?;
    Ok(())
}

/// Make the pending secret the one in force, with `step` as used, and
/// replace the backup codes.
pub fn confirm(
    tx: Tx<'_>,
    account_id: i64,
    step: i64,
    code_hashes: &[String],
    now: i64,
) -> Result<()> {
    tx.execute(
        "UPDATE twofa SET secret = pending_secret, enrolled_at = ?2, last_step = ?3,
            pending_secret = NULL, pending_at = NULL
         WHERE account_id = ?1 AND pending_secret IS NOT NULL",
        args![account_id, now, step],
    )?;
    replace_backup_codes(tx, account_id, code_hashes, now)
}

/// Accept a TOTP step only if it is later than the last one accepted
/// (no replay); true when accepted. Atomic in SQL.
pub fn advance_step(tx: Tx<'_>, account_id: i64, step: i64) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE twofa SET last_step = ?2
             WHERE account_id = ?1 AND secret IS NOT NULL AND (last_step IS NULL OR last_step < ?2)",
        args![account_id, step],
    )?;
    Ok(changed > 0)
}

/// Remove the enrolment (confirmed and pending) and every backup code.
pub fn remove(tx: Tx<'_>, account_id: i64, now: i64) -> Result<bool> {
    tx.execute(
        "DELETE FROM backup_code WHERE account_id = ?1",
        args![account_id],
    )?;
    let removed = tx.execute("DELETE FROM twofa WHERE account_id = ?1", args![account_id])?;
    // The second factor that opened the account's sessions is gone.
    let why = crate::domain::session::EndReason::SecondFactorRemoved;
    super::sessions::end_for_account(tx, account_id, now, why)?;
    Ok(removed > 0)
}

pub fn replace_backup_codes(
    tx: Tx<'_>,
    account_id: i64,
    hashes: &[String],
    now: i64,
) -> Result<()> {
    tx.execute(
        "DELETE FROM backup_code WHERE account_id = ?1",
        args![account_id],
    )?;
    for h in hashes {
        tx.execute(
            "INSERT INTO backup_code (account_id, hash, created_at) VALUES (?1, ?2, ?3)",
            args![account_id, h.as_str(), now],
        )?;
    }
    Ok(())
}

/// (id, hash) of the codes not used yet.
pub fn unused_backup_codes(tx: Tx<'_>, account_id: i64) -> Result<Vec<(i64, String)>> {
    tx.all(
        "SELECT id, hash FROM backup_code WHERE account_id = ?1 AND used_at IS NULL ORDER BY id",
        args![account_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Spend a backup code; false if it was spent meanwhile.
pub fn use_backup_code(tx: Tx<'_>, code_id: i64, now: i64) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE backup_code SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL",
        args![code_id, now],
    )?;
    Ok(changed > 0)
}

pub fn backup_codes_left(tx: Tx<'_>, account_id: i64) -> Result<i64> {
    tx.one(
        "SELECT count(*) FROM backup_code WHERE account_id = ?1 AND used_at IS NULL",
        args![account_id],
        |r| r.get(0),
    )
}
