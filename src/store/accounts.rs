//! Accounts, their facility assignments and password history.

use rusqlite::{OptionalExtension, Row, params};

use super::Tx;

use crate::domain::account::{Account, Lock, LockReason, PendingActions, Role};
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

const SELECT: &str = "SELECT a.id, a.username, a.name, a.role, a.disabled, a.locked_at,
    a.lock_reason, a.failed_attempts, a.must_change_password, a.terms_pending,
    a.password_changed_at, a.created_at, a.updated_at, a.last_sign_in_at,
    (SELECT json_group_array(code) FROM (SELECT f.code FROM account_facility af
        JOIN facility f ON f.id = af.facility_id WHERE af.account_id = a.id
        ORDER BY f.code COLLATE NOCASE)),
    EXISTS (SELECT 1 FROM twofa t WHERE t.account_id = a.id AND t.secret IS NOT NULL),
    (SELECT json_group_array(facility_id) FROM account_facility af WHERE af.account_id = a.id),
    (SELECT CASE WHEN n.v IS NULL THEN 0
        WHEN EXISTS (SELECT 1 FROM terms_acceptance ta
            WHERE ta.account_id = a.id AND ta.version = n.v) THEN 1
        ELSE 2 END FROM (SELECT max(version) AS v FROM terms) n)
    FROM account a";

/// Column 17 of `SELECT`: the newest terms and whether the account accepted them.
fn terms_status(code: i64) -> TermsStatus {
    match code {
        0 => TermsStatus::None,
        1 => TermsStatus::Accepted,
        _ => TermsStatus::NotAccepted,
    }
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Account> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown {what}").into(),
        )
    };
    let role: String = r.get(3)?;
    let locked_at: Option<i64> = r.get(5)?;
    let reason: Option<String> = r.get(6)?;
    let lock = match (locked_at, reason) {
        (Some(at), Some(reason)) => Some(Lock {
            at,
            reason: LockReason::parse(&reason).ok_or_else(|| bad(6, "lock reason"))?,
        }),
        _ => None,
    };
    let facilities: String = r.get(14)?;
    Ok(Account {
        id: r.get(0)?,
        username: r.get(1)?,
        name: r.get(2)?,
        role: role.parse().map_err(|_| bad(3, "role"))?,
        disabled: r.get(4)?,
        lock,
        failed_attempts: r.get(7)?,
        must_change_password: r.get(8)?,
        // What sign-in will ask, not only the stored flag: a newer version
        // of the terms is pending for everyone who has not accepted it.
        terms_pending: terms_needed(terms_status(r.get(17)?), r.get(9)?),
        facilities: serde_json::from_str(&facilities).map_err(|_| bad(14, "facility list"))?,
        twofa_enrolled: r.get(15)?,
        facility_ids: serde_json::from_str(&r.get::<_, String>(16)?)
            .map_err(|_| bad(16, "facility id list"))?,
        password_changed_at: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        last_sign_in_at: r.get(13)?,
    })
}

pub fn find(conn: Tx<'_>, username: &str) -> rusqlite::Result<Option<Account>> {
    conn.sql()
        .prepare_cached(&format!("{SELECT} WHERE a.username = ?1"))?
        .query_row([username], from_row)
        .optional()
}

/// Accounts by username, optionally only those of one facility and/or role.
pub fn list(
    conn: Tx<'_>,
    facility_id: Option<i64>,
    role: Option<Role>,
) -> rusqlite::Result<Vec<Account>> {
    let sql = format!(
        "{SELECT} WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM account_facility af
            WHERE af.account_id = a.id AND af.facility_id = ?1))
          AND (?2 IS NULL OR a.role = ?2)
        ORDER BY a.username"
    );
    conn.sql()
        .prepare_cached(&sql)?
        .query_map(params![facility_id, role.map(Role::as_str)], from_row)?
        .collect()
}

/// Create an account and record its first password in the history.
pub fn insert(conn: Tx<'_>, new: &NewAccount<'_>) -> rusqlite::Result<i64> {
    conn.sql()
        .prepare_cached(
            "INSERT INTO account (username, name, role, must_change_password, terms_pending,
            password_hash, password_changed_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)",
        )?
        .execute(params![
            new.username,
            new.name,
            new.role.as_str(),
            new.pending.must_change_password,
            new.pending.terms_pending,
            new.password_hash,
            new.now
        ])?;
    let id = conn.sql().last_insert_rowid();
    // A new account's history is this one hash: nothing to trim.
    conn.sql()
        .prepare_cached(
            "INSERT INTO password_history (account_id, hash, set_at) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, new.password_hash, new.now])?;
    Ok(id)
}

/// Facilities of an account just created (none assigned yet).
pub fn insert_facilities(conn: Tx<'_>, id: i64, facility_ids: &[i64]) -> rusqlite::Result<()> {
    let mut stmt = conn
        .sql()
        .prepare_cached("INSERT INTO account_facility (account_id, facility_id) VALUES (?1, ?2)")?;
    for f in facility_ids {
        stmt.execute(params![id, f])?;
    }
    Ok(())
}

/// The id of an account, if it exists (cheaper than [`find`]).
pub fn id_of(conn: Tx<'_>, username: &str) -> rusqlite::Result<Option<i64>> {
    conn.sql()
        .prepare_cached("SELECT id FROM account WHERE username = ?1")?
        .query_row([username], |r| r.get(0))
        .optional()
}

/// Set the display name and role.
pub fn set_profile(
    conn: Tx<'_>,
    id: i64,
    name: Option<&str>,
    role: Role,
    now: i64,
) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("UPDATE account SET name = ?2, role = ?3, updated_at = ?4 WHERE id = ?1")?
        .execute(params![id, name, role.as_str(), now])?;
    Ok(())
}

/// Replace the account's facilities with exactly these.
pub fn set_facilities(
    conn: Tx<'_>,
    id: i64,
    facility_ids: &[i64],
    now: i64,
) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("DELETE FROM account_facility WHERE account_id = ?1")?
        .execute([id])?;
    assign(conn, id, facility_ids, now)
}

fn push_history(conn: Tx<'_>, id: i64, hash: &str, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached(
            "INSERT INTO password_history (account_id, hash, set_at) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, hash, now])?;
    conn.sql()
        .prepare_cached(
            "DELETE FROM password_history WHERE account_id = ?1 AND id NOT IN
            (SELECT id FROM password_history WHERE account_id = ?1 ORDER BY id DESC LIMIT ?2)",
        )?
        .execute(params![id, HISTORY_KEPT])?;
    Ok(())
}

/// The last `n` password hashes of an account, newest first (the current one included).
pub fn password_history(conn: Tx<'_>, id: i64, n: u32) -> rusqlite::Result<Vec<String>> {
    conn.sql()
        .prepare_cached(
            "SELECT hash FROM password_history WHERE account_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?
        .query_map(params![id, n], |r| r.get(0))?
        .collect()
}

/// Replace the password: clears the failure count, sets
/// `must_change_password`, sets `terms_pending` when given (else keeps it),
/// and records the hash in the history. Locks are left alone: only an
/// administrator's unlock (or reset) lifts them.
pub fn set_password(
    conn: Tx<'_>,
    id: i64,
    hash: &str,
    must_change_password: bool,
    terms_pending: Option<bool>,
    now: i64,
) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached(
            "UPDATE account SET password_hash = ?2, password_changed_at = ?3, updated_at = ?3,
            failed_attempts = 0,
            must_change_password = ?4, terms_pending = coalesce(?5, terms_pending)
         WHERE id = ?1",
        )?
        .execute(params![id, hash, now, must_change_password, terms_pending])?;
    push_history(conn, id, hash, now)
}

/// Replace the stored hash of the same password by a stronger one (a
/// re-hash at sign-in): only when the stored hash is still `old`, and in the
/// history too, so no weaker copy of the password stays behind. The
/// password's age, the failure count and the pending actions are untouched.
/// Returns whether the hash was replaced.
pub fn rehash(conn: Tx<'_>, id: i64, old: &str, new: &str, now: i64) -> rusqlite::Result<bool> {
    let changed = conn
        .sql()
        .prepare_cached(
            "UPDATE account SET password_hash = ?3, updated_at = ?4
             WHERE id = ?1 AND password_hash = ?2",
        )?
        .execute(params![id, old, new, now])?;
    if changed == 1 {
        conn.sql()
            .prepare_cached(
                "UPDATE password_history SET hash = ?3 WHERE account_id = ?1 AND hash = ?2",
            )?
            .execute(params![id, old, new])?;
    }
    Ok(changed == 1)
}

pub fn set_role(conn: Tx<'_>, id: i64, role: Role, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("UPDATE account SET role = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, role.as_str(), now])?;
    Ok(())
}

pub fn set_disabled(conn: Tx<'_>, id: i64, disabled: bool, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("UPDATE account SET disabled = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, disabled, now])?;
    Ok(())
}

pub fn lock(conn: Tx<'_>, id: i64, reason: LockReason, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached(
            "UPDATE account SET locked_at = ?3, lock_reason = ?2, updated_at = ?3 WHERE id = ?1",
        )?
        .execute(params![id, reason.as_str(), now])?;
    Ok(())
}

/// Lift any lock and zero the failure count, setting the pending actions.
pub fn unlock(conn: Tx<'_>, id: i64, pending: PendingActions, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached(
            "UPDATE account SET locked_at = NULL, lock_reason = NULL, failed_attempts = 0,
            must_change_password = ?2, terms_pending = ?3, updated_at = ?4
         WHERE id = ?1",
        )?
        .execute(params![
            id,
            pending.must_change_password,
            pending.terms_pending,
            now
        ])?;
    Ok(())
}

pub fn remove(conn: Tx<'_>, id: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("DELETE FROM account WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Add facilities (already assigned ones are left as they are).
pub fn assign(conn: Tx<'_>, id: i64, facility_ids: &[i64], now: i64) -> rusqlite::Result<()> {
    let mut stmt = conn.sql().prepare_cached(
        "INSERT OR IGNORE INTO account_facility (account_id, facility_id) VALUES (?1, ?2)",
    )?;
    for f in facility_ids {
        stmt.execute(params![id, f])?;
    }
    touch(conn, id, now)
}

/// Remove facilities (unassigned ones are ignored).
pub fn unassign(conn: Tx<'_>, id: i64, facility_ids: &[i64], now: i64) -> rusqlite::Result<()> {
    let mut stmt = conn.sql().prepare_cached(
        "DELETE FROM account_facility WHERE account_id = ?1 AND facility_id = ?2",
    )?;
    for f in facility_ids {
        stmt.execute(params![id, f])?;
    }
    touch(conn, id, now)
}

fn touch(conn: Tx<'_>, id: i64, now: i64) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("UPDATE account SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, now])?;
    Ok(())
}

/// Enabled support accounts: someone must remain able to manage policy.
pub fn count_enabled_support(conn: Tx<'_>) -> rusqlite::Result<i64> {
    conn.sql()
        .prepare_cached("SELECT count(*) FROM account WHERE role = 'support' AND disabled = 0")?
        .query_row([], |r| r.get(0))
}
