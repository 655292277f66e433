//! What sign-in reads and writes: the account's sign-in state and hash, the
//! atomic failure count, locks set by failures, and the last sign-in.

use super::sql::{Row, args};
use super::{Result, Tx};

use crate::domain::account::{Lock, LockReason};
use crate::domain::signin::SigninState;

/// An account as sign-in sees it, with its password hash.
pub struct Candidate {
    pub id: i64,
    pub username: String,
    pub state: SigninState,
    pub password_hash: String,
}

const SELECT: &str = "SELECT a.id, a.username, a.disabled, a.locked_at, a.lock_reason,
    a.failed_attempts, a.must_change_password, a.terms_pending, a.password_changed_at,
    a.password_hash,
    EXISTS (SELECT 1 FROM twofa t WHERE t.account_id = a.id AND t.secret IS NOT NULL),
    a.expires_at
    FROM account a";

fn from_row(r: &Row<'_>) -> Result<Candidate> {
    let locked_at: Option<i64> = r.get(3)?;
    let reason: Option<String> = r.get(4)?;
    let lock = match (locked_at, reason.as_deref().and_then(LockReason::parse)) {
        (Some(at), Some(reason)) => Some(Lock { at, reason }),
        _ => None,
    };
    Ok(Candidate {
        id: r.get(0)?,
        username: r.get(1)?,
        state: SigninState {
            disabled: r.get(2)?,
            expires_at: r.get(11)?,
            lock,
            failed_attempts: r.get_u32(5)?,
            must_change_password: r.get(6)?,
            terms_pending: r.get(7)?,
            password_changed_at: r.get(8)?,
            twofa_enrolled: r.get(10)?,
        },
        password_hash: r.get(9)?,
    })
}

pub fn by_username(tx: Tx<'_>, username: &str) -> Result<Option<Candidate>> {
    tx.opt(
        &format!("{SELECT} WHERE a.username = ?1"),
        args![username],
        from_row,
    )
}

pub fn by_id(tx: Tx<'_>, id: i64) -> Result<Option<Candidate>> {
    tx.opt(&format!("{SELECT} WHERE a.id = ?1"), args![id], from_row)
}

/// Count one failure in SQL (never read-modify-write in the process) and
/// return the count after it.
pub fn add_failure(tx: Tx<'_>, id: i64) -> Result<u32> {
    tx.one(
        "UPDATE account SET failed_attempts = failed_attempts + 1 WHERE id = ?1
         RETURNING failed_attempts",
        args![id],
        |r| r.get_u32(0),
    )
}

/// Set a lock unless one is already set; true when this call locked it.
pub fn lock_if_unlocked(tx: Tx<'_>, id: i64, lock: Lock) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE account SET locked_at = ?2, lock_reason = ?3, updated_at = ?2
             WHERE id = ?1 AND locked_at IS NULL",
        args![id, lock.at, lock.reason.as_str()],
    )?;
    if changed > 0 {
        let why = crate::domain::session::EndReason::Locked;
        super::sessions::end_for_account(tx, id, lock.at, why)?;
    }
    Ok(changed > 0)
}

/// Clear a failed-attempts lock that has run out; the count starts again.
pub fn clear_lapsed_lock(tx: Tx<'_>, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET locked_at = NULL, lock_reason = NULL, failed_attempts = 0
         WHERE id = ?1 AND lock_reason = 'failed-attempts'",
        args![id],
    )?;
    Ok(())
}

pub fn reset_failures(tx: Tx<'_>, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET failed_attempts = 0 WHERE id = ?1 AND failed_attempts != 0",
        args![id],
    )?;
    Ok(())
}

/// A completed sign-in. With no terms published, `terms_pending` has nothing
/// left to wait for and is cleared.
pub fn record_sign_in(tx: Tx<'_>, id: i64, now: i64, clear_terms_pending: bool) -> Result<()> {
    tx.execute(
        "UPDATE account SET last_sign_in_at = ?2, failed_attempts = 0,
            terms_pending = CASE WHEN ?3 THEN FALSE ELSE terms_pending END
         WHERE id = ?1",
        args![id, now, clear_terms_pending],
    )?;
    Ok(())
}

/// A failed sign-in for a username that does not exist: the same kind of
/// write as a wrong password, and a number worth watching.
pub fn count_unknown_failure(tx: Tx<'_>) -> Result<()> {
    tx.execute(
        "INSERT INTO counter (name, value) VALUES ('signin-unknown-user', 1)
         ON CONFLICT (name) DO UPDATE SET value = counter.value + 1",
        args![],
    )?;
    Ok(())
}
