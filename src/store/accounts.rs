//! Accounts, their facility assignments and password history.

use super::sql::{Row, args};
use super::{Dialect, Error, Result, Tx, sessions};

use crate::domain::account::{Account, Lock, LockReason, PendingActions, Role};
use crate::domain::session::EndReason;
use crate::domain::signin::{TermsStatus, terms_needed};

/// What `insert` needs to create an account.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub name: Option<&'a str>,
    pub role: Role,
    pub password_hash: &'a str,
    pub pending: PendingActions,
    pub now: i64,
}

/// Hashes kept per account: the longest history the policy allows.
const HISTORY_KEPT: i64 = 12;

/// The account columns; `$codes` and `$ids` are the JSON arrays of the
/// account's facility codes (by code) and ids, written in each dialect.
macro_rules! select {
    ($codes:literal, $ids:literal) => {
        concat!(
            "SELECT a.id, a.username, a.name, a.role, a.disabled, a.locked_at,
    a.lock_reason, a.failed_attempts, a.must_change_password, a.terms_pending,
    a.password_changed_at, a.created_at, a.updated_at, a.last_sign_in_at, ",
            $codes,
            ",
    EXISTS (SELECT 1 FROM twofa t WHERE t.account_id = a.id AND t.secret IS NOT NULL), ",
            $ids,
            ",
    (SELECT CAST(CASE WHEN n.v IS NULL THEN 0
        WHEN EXISTS (SELECT 1 FROM terms_acceptance ta
            WHERE ta.account_id = a.id AND ta.version = n.v) THEN 1
        ELSE 2 END AS BIGINT) FROM (SELECT max(version) AS v FROM terms) n),
    EXISTS (SELECT 1 FROM security_answer s WHERE s.account_id = a.id),
    a.expires_at
    FROM account a"
        )
    };
}

const SELECT_SQLITE: &str = select!(
    "(SELECT json_group_array(code) FROM (SELECT f.code FROM account_facility af
        JOIN facility f ON f.id = af.facility_id WHERE af.account_id = a.id
        ORDER BY lower(f.code)))",
    "(SELECT json_group_array(facility_id) FROM account_facility af WHERE af.account_id = a.id)"
);

const SELECT_POSTGRES: &str = select!(
    "(SELECT coalesce(json_agg(f.code ORDER BY lower(f.code)), '[]')::text
        FROM account_facility af JOIN facility f ON f.id = af.facility_id
        WHERE af.account_id = a.id)",
    "(SELECT coalesce(json_agg(af.facility_id), '[]')::text
        FROM account_facility af WHERE af.account_id = a.id)"
);

fn select(tx: Tx<'_>) -> &'static str {
    match tx.dialect() {
        Dialect::Sqlite => SELECT_SQLITE,
        Dialect::Postgres => SELECT_POSTGRES,
    }
}

/// Column 17 of `SELECT`: the newest terms and whether the account accepted them.
fn terms_status(code: i64) -> TermsStatus {
    match code {
        0 => TermsStatus::None,
        1 => TermsStatus::Accepted,
        _ => TermsStatus::NotAccepted,
    }
}

fn from_row(r: &Row<'_>) -> Result<Account> {
    let bad = |what: &str| Error::Data(format!("the store holds an unknown {what}"));
    let role: String = r.get(3)?;
    let locked_at: Option<i64> = r.get(5)?;
    let reason: Option<String> = r.get(6)?;
    let lock = match (locked_at, reason) {
        (Some(at), Some(reason)) => Some(Lock {
            at,
            reason: LockReason::parse(&reason).ok_or_else(|| bad("lock reason"))?,
        }),
        _ => None,
    };
    let facilities: String = r.get(14)?;
    let facility_ids: String = r.get(16)?;
    Ok(Account {
        id: r.get(0)?,
        username: r.get(1)?,
        name: r.get(2)?,
        role: role.parse().map_err(|_| bad("role"))?,
        disabled: r.get(4)?,
        lock,
        failed_attempts: r.get_u32(7)?,
        must_change_password: r.get(8)?,
        // What sign-in will ask, not only the stored flag: a newer version
        // of the terms is pending for everyone who has not accepted it.
        terms_pending: terms_needed(terms_status(r.get(17)?), r.get(9)?),
        facilities: serde_json::from_str(&facilities).map_err(|_| bad("facility list"))?,
        twofa_enrolled: r.get(15)?,
        questions_set: r.get(18)?,
        expires_at: r.get(19)?,
        facility_ids: serde_json::from_str(&facility_ids).map_err(|_| bad("facility id list"))?,
        password_changed_at: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        last_sign_in_at: r.get(13)?,
    })
}

pub fn find(tx: Tx<'_>, username: &str) -> Result<Option<Account>> {
    let sql = format!("{} WHERE a.username = ?1", select(tx));
    tx.opt(&sql, args![username], from_row)
}

/// Accounts by username, optionally only those of one facility and/or role.
pub fn list(tx: Tx<'_>, facility_id: Option<i64>, role: Option<Role>) -> Result<Vec<Account>> {
    let sql = format!(
        "{} WHERE (CAST(?1 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM account_facility af
            WHERE af.account_id = a.id AND af.facility_id = ?1))
          AND (CAST(?2 AS TEXT) IS NULL OR a.role = ?2)
        ORDER BY a.username",
        select(tx)
    );
    tx.all(&sql, args![facility_id, role.map(Role::as_str)], from_row)
}

/// Create an account and record its first password in the history.
pub fn insert(tx: Tx<'_>, new: &NewAccount<'_>) -> Result<i64> {
    let id: i64 = tx.one(
        "INSERT INTO account (username, name, role, must_change_password, terms_pending,
            password_hash, password_changed_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7) RETURNING id",
        args![
            new.username,
            new.name,
            new.role.as_str(),
            new.pending.must_change_password,
            new.pending.terms_pending,
            new.password_hash,
            new.now
        ],
        |r| r.get(0),
    )?;
    // A new account's history is this one hash: nothing to trim.
    tx.execute(
        "INSERT INTO password_history (account_id, hash, set_at) VALUES (?1, ?2, ?3)",
        args![id, new.password_hash, new.now],
    )?;
    Ok(id)
}

/// Facilities of an account just created (none assigned yet).
pub fn insert_facilities(tx: Tx<'_>, id: i64, facility_ids: &[i64]) -> Result<()> {
    for f in facility_ids {
        tx.execute(
            "INSERT INTO account_facility (account_id, facility_id) VALUES (?1, ?2)",
            args![id, *f],
        )?;
    }
    Ok(())
}

/// The id of an account, if it exists (cheaper than [`find`]).
pub fn id_of(tx: Tx<'_>, username: &str) -> Result<Option<i64>> {
    tx.opt(
        "SELECT id FROM account WHERE username = ?1",
        args![username],
        |r| r.get(0),
    )
}

/// Set the display name and role.
pub fn set_profile(tx: Tx<'_>, id: i64, name: Option<&str>, role: Role, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET name = ?2, role = ?3, updated_at = ?4 WHERE id = ?1",
        args![id, name, role.as_str(), now],
    )?;
    sessions::end_unless_role(tx, id, role, now)?;
    Ok(())
}

/// Replace the account's facilities with exactly these.
pub fn set_facilities(tx: Tx<'_>, id: i64, facility_ids: &[i64], now: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM account_facility WHERE account_id = ?1",
        args![id],
    )?;
    assign(tx, id, facility_ids, now)
}

fn push_history(tx: Tx<'_>, id: i64, hash: &str, now: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO password_history (account_id, hash, set_at) VALUES (?1, ?2, ?3)",
        args![id, hash, now],
    )?;
    tx.execute(
        "DELETE FROM password_history WHERE account_id = ?1 AND id NOT IN
            (SELECT id FROM password_history WHERE account_id = ?1 ORDER BY id DESC LIMIT ?2)",
        args![id, HISTORY_KEPT],
    )?;
    Ok(())
}

/// The last `n` password hashes of an account, newest first (the current one included).
pub fn password_history(tx: Tx<'_>, id: i64, n: u32) -> Result<Vec<String>> {
    tx.all(
        "SELECT hash FROM password_history WHERE account_id = ?1 ORDER BY id DESC LIMIT ?2",
        args![id, i64::from(n)],
        |r| r.get(0),
    )
}

/// Replace the password: clears the failure count, sets
/// `must_change_password`, sets `terms_pending` when given (else keeps it),
/// and records the hash in the history. Locks are left alone: only an
/// administrator's unlock (or reset) lifts them.
pub fn set_password(
    tx: Tx<'_>,
    id: i64,
    hash: &str,
    must_change_password: bool,
    terms_pending: Option<bool>,
    now: i64,
) -> Result<()> {
    tx.execute(
        "UPDATE account SET password_hash = ?2, password_changed_at = ?3, updated_at = ?3,
            failed_attempts = 0,
            must_change_password = ?4, terms_pending = coalesce(?5, terms_pending)
         WHERE id = ?1",
        args![id, hash, now, must_change_password, terms_pending],
    )?;
    // A new password ends the sessions the old one opened.
    sessions::end_for_account(tx, id, now, EndReason::PasswordChanged)?;
    push_history(tx, id, hash, now)
}

/// Replace the stored hash of the same password by a stronger one (a
/// re-hash at sign-in): only when the stored hash is still `old`, and in the
/// history too, so no weaker copy of the password stays behind. The
/// password's age, the failure count and the pending actions are untouched.
/// Returns whether the hash was replaced.
pub fn rehash(tx: Tx<'_>, id: i64, old: &str, new: &str, now: i64) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE account SET password_hash = ?3, updated_at = ?4
             WHERE id = ?1 AND password_hash = ?2",
        args![id, old, new, now],
    )?;
    if changed == 1 {
        tx.execute(
            "UPDATE password_history SET hash = ?3 WHERE account_id = ?1 AND hash = ?2",
            args![id, old, new],
        )?;
    }
    Ok(changed == 1)
}

pub fn set_role(tx: Tx<'_>, id: i64, role: Role, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET role = ?2, updated_at = ?3 WHERE id = ?1",
        args![id, role.as_str(), now],
    )?;
    sessions::end_unless_role(tx, id, role, now)?;
    Ok(())
}

pub fn set_disabled(tx: Tx<'_>, id: i64, disabled: bool, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET disabled = ?2, updated_at = ?3 WHERE id = ?1",
        args![id, disabled, now],
    )?;
    if disabled {
        sessions::end_for_account(tx, id, now, EndReason::Disabled)?;
    }
    Ok(())
}

pub fn lock(tx: Tx<'_>, id: i64, reason: LockReason, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET locked_at = ?3, lock_reason = ?2, updated_at = ?3 WHERE id = ?1",
        args![id, reason.as_str(), now],
    )?;
    sessions::end_for_account(tx, id, now, EndReason::Locked)?;
    Ok(())
}

/// Lift any lock and zero the failure count, setting the pending actions.
pub fn unlock(tx: Tx<'_>, id: i64, pending: PendingActions, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET locked_at = NULL, lock_reason = NULL, failed_attempts = 0,
            must_change_password = ?2, terms_pending = ?3, updated_at = ?4
         WHERE id = ?1",
        args![id, pending.must_change_password, pending.terms_pending, now],
    )?;
    Ok(())
}

pub fn set_name(tx: Tx<'_>, id: i64, name: Option<&str>, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET name = ?2, updated_at = ?3 WHERE id = ?1",
        args![id, name, now],
    )?;
    Ok(())
}

/// Set (or with `None` remove) the first second the account has expired.
pub fn set_expiry(tx: Tx<'_>, id: i64, expires_at: Option<i64>, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET expires_at = ?2, updated_at = ?3 WHERE id = ?1",
        args![id, expires_at, now],
    )?;
    Ok(())
}

pub fn rename(tx: Tx<'_>, id: i64, username: &str, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET username = ?2, updated_at = ?3 WHERE id = ?1",
        args![id, username, now],
    )?;
    // Token files are named by the username: a session does not follow it.
    sessions::end_for_account(tx, id, now, EndReason::Renamed)?;
    Ok(())
}

/// Clear the failure count and a lock that failed sign-ins set (`faillock
/// --reset`); an administrator's lock and the pending actions stay.
pub fn reset_failures(tx: Tx<'_>, id: i64, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET failed_attempts = 0,
            locked_at = CASE WHEN lock_reason = 'failed-attempts' THEN NULL ELSE locked_at END,
            lock_reason = CASE WHEN lock_reason = 'failed-attempts' THEN NULL ELSE lock_reason END,
            updated_at = ?2
         WHERE id = ?1",
        args![id, now],
    )?;
    Ok(())
}

pub fn remove(tx: Tx<'_>, id: i64) -> Result<()> {
    // The foreign key cascades too; said here so no store relies on it alone.
    sessions::forget_account(tx, id)?;
    tx.execute("DELETE FROM account WHERE id = ?1", args![id])?;
    Ok(())
}

/// Add facilities (already assigned ones are left as they are).
pub fn assign(tx: Tx<'_>, id: i64, facility_ids: &[i64], now: i64) -> Result<()> {
    for f in facility_ids {
        tx.execute(
            "INSERT INTO account_facility (account_id, facility_id) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
            args![id, *f],
        )?;
    }
    touch(tx, id, now)
}

/// Remove facilities (unassigned ones are ignored).
pub fn unassign(tx: Tx<'_>, id: i64, facility_ids: &[i64], now: i64) -> Result<()> {
    for f in facility_ids {
        tx.execute(
            "DELETE FROM account_facility WHERE account_id = ?1 AND facility_id = ?2",
            args![id, *f],
        )?;
    }
    touch(tx, id, now)
}

fn touch(tx: Tx<'_>, id: i64, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE account SET updated_at = ?2 WHERE id = ?1",
        args![id, now],
    )?;
    Ok(())
}

/// Enabled support accounts: someone must remain able to manage policy.
/// Support accounts that can sign in at `now`: enabled and not expired.
pub fn count_enabled_support(tx: Tx<'_>, now: i64) -> Result<i64> {
    tx.one(
        "SELECT count(*) FROM account WHERE role = 'support' AND NOT disabled
           AND (expires_at IS NULL OR expires_at > ?1)",
        args![now],
        |r| r.get(0),
    )
}

/// Enabled support accounts other than `id` that never expire.
pub fn count_lasting_support(tx: Tx<'_>, id: i64) -> Result<i64> {
    tx.one(
        "SELECT count(*) FROM account WHERE role = 'support' AND NOT disabled
           AND expires_at IS NULL AND id <> ?1",
        args![id],
        |r| r.get(0),
    )
}
