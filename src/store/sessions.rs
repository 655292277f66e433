//! Operator sessions (SPEC 12): one row per open session, holding only the
//! SHA-256 of its token. Every change that must end an operator's sessions
//! (lock, disable, role, rename, password, 2FA reset, removal) calls
//! [`end_for_account`] in the same transaction as the change itself.

use super::sql::{Row, args};
use super::{Dialect, Error, Result, Tx};

use crate::domain::account::Role;
use crate::domain::session::{MAX_SECONDS, Times};

/// A stored session with its account's current username.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: i64,
    pub account_id: i64,
    pub username: String,
    /// The role the operator held when it signed in.
    pub role: Role,
    /// The OS user (`os:NAME`) and host that started it.
    pub started_by: String,
    pub host: String,
    pub times: Times,
}

/// What a new session records.
pub struct NewSession<'a> {
    pub account_id: i64,
    pub token_hash: &'a str,
    pub role: Role,
    pub started_by: &'a str,
    pub host: &'a str,
    pub now: i64,
}

const SELECT: &str = "SELECT s.id, s.account_id, a.username, s.role, s.started_by, s.host,
    s.created_at, s.last_used_at
    FROM operator_session s JOIN account a ON a.id = s.account_id";

fn from_row(r: &Row<'_>) -> Result<SessionRow> {
    let role: String = r.get(3)?;
    Ok(SessionRow {
        id: r.get(0)?,
        account_id: r.get(1)?,
        username: r.get(2)?,
        role: role
            .parse()
            .map_err(|_| Error::Data(format!("a session holds the unknown role `{role}`")))?,
        started_by: r.get(4)?,
        host: r.get(5)?,
        times: Times {
            created_at: r.get(6)?,
            last_used_at: r.get(7)?,
        },
    })
}

/// Record a new session; its id.
pub fn insert(tx: Tx<'_>, new: &NewSession<'_>) -> Result<i64> {
    tx.one(
        "INSERT INTO operator_session
            (account_id, token_hash, role, started_by, host, created_at, last_used_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
        args![
            new.account_id,
            new.token_hash,
            new.role.as_str(),
            new.started_by,
            new.host,
            new.now
        ],
        |r| r.get(0),
    )
}

/// The session whose token hashes to `token_hash`.
pub fn by_token(tx: Tx<'_>, token_hash: &str) -> Result<Option<SessionRow>> {
    tx.opt(
        &format!("{SELECT} WHERE s.token_hash = ?1"),
        args![token_hash],
        from_row,
    )
}

/// Whether session `id` still exists (it was not ended or revoked).
pub fn exists(tx: Tx<'_>, id: i64) -> Result<bool> {
    tx.one(
        "SELECT EXISTS (SELECT 1 FROM operator_session WHERE id = ?1)",
        args![id],
        |r| r.get(0),
    )
}

/// Sessions by start, all or one account's.
pub fn list(tx: Tx<'_>, account_id: Option<i64>) -> Result<Vec<SessionRow>> {
    tx.all(
        &format!(
            "{SELECT} WHERE CAST(?1 AS BIGINT) IS NULL OR s.account_id = ?1
             ORDER BY s.created_at, s.id"
        ),
        args![account_id],
        from_row,
    )
}

/// Mark session `id` as used at `now`.
pub fn touch(tx: Tx<'_>, id: i64, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE operator_session SET last_used_at = ?2 WHERE id = ?1 AND last_used_at < ?2",
        args![id, now],
    )?;
    Ok(())
}

/// End one session; true when it was still open.
pub fn end(tx: Tx<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM operator_session WHERE id = ?1", args![id])? > 0)
}

/// End every session of an account; how many were open.
pub fn end_for_account(tx: Tx<'_>, account_id: i64) -> Result<u64> {
    tx.execute(
        "DELETE FROM operator_session WHERE account_id = ?1",
        args![account_id],
    )
}

/// End the sessions of an account that signed in with another role than
/// `role` (its role is being changed to `role`).
pub fn end_unless_role(tx: Tx<'_>, account_id: i64, role: Role) -> Result<u64> {
    tx.execute(
        "DELETE FROM operator_session WHERE account_id = ?1 AND role <> ?2",
        args![account_id, role.as_str()],
    )
}

/// Forget sessions that can no longer be used at `now` with `idle_minutes`
/// of the policy (all of them when it is 0); how many went.
pub fn purge(tx: Tx<'_>, idle_minutes: u32, now: i64) -> Result<u64> {
    let idle = i64::from(idle_minutes) * 60;
    tx.execute(
        "DELETE FROM operator_session
         WHERE CAST(?2 AS BIGINT) = 0 OR last_used_at + ?2 <= ?1 OR created_at + ?3 <= ?1",
        args![now, idle, MAX_SECONDS],
    )
}

/// The highest session id ever given out in this store (0 when none): a
/// copy starts its own numbering after it, so that an id in the copied
/// audit log still names one session.
pub fn last_id(tx: Tx<'_>) -> Result<i64> {
    let sql = match tx.dialect() {
        Dialect::Sqlite => {
            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'operator_session'), 0)"
        }
        Dialect::Postgres => {
            "SELECT coalesce(pg_sequence_last_value(
                pg_get_serial_sequence('operator_session', 'id')::regclass), 0)"
        }
    };
    let counted: i64 = tx.one(sql, args![], |r| r.get(0))?;
    let held: i64 = tx.one(
        "SELECT coalesce(max(id), 0) FROM operator_session",
        args![],
        |r| r.get(0),
    )?;
    Ok(counted.max(held))
}

/// Make the next session id of a new, sessionless store `last + 1`.
pub fn continue_after(tx: Tx<'_>, last: i64) -> Result<()> {
    if last == 0 {
        return Ok(());
    }
    match tx.dialect() {
        Dialect::Sqlite => {
            tx.execute(
                "DELETE FROM sqlite_sequence WHERE name = 'operator_session'",
                args![],
            )?;
            tx.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('operator_session', ?1)",
                args![last],
            )?;
        }
        Dialect::Postgres => {
            let _: i64 = tx.one(
                "SELECT setval(pg_get_serial_sequence('operator_session', 'id'), CAST(?1 AS BIGINT))",
                args![last],
                |r| r.get(0),
            )?;
        }
    }
    Ok(())
}
