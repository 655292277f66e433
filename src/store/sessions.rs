//! Operator sessions (SPEC 12): one row per session, holding only the
//! SHA-256 of its token. Every change that must end an operator's sessions
//! (lock, disable, role, rename, password, 2FA reset) calls
//! [`end_for_account`] in the same transaction as the change itself, with
//! its reason. An ended row stays for [`MAX_SECONDS`] so that its token is
//! answered with when and why it ended, then [`purge`] forgets it.

use super::sql::{Row, args};
use super::{Dialect, Error, Result, Tx};

use crate::domain::account::Role;
use crate::domain::session::{EndReason, MAX_SECONDS, Times};

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
    /// When and why it ended; `None` while it is open.
    pub ended: Option<(i64, EndReason)>,
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
    s.created_at, s.last_used_at, s.ended_at, s.end_reason
    FROM operator_session s JOIN account a ON a.id = s.account_id";

fn from_row(r: &Row<'_>) -> Result<SessionRow> {
    let role: String = r.get(3)?;
    let ended_at: Option<i64> = r.get(8)?;
    let reason: Option<String> = r.get(9)?;
    let ended = match (ended_at, reason) {
        (Some(at), Some(reason)) => Some((
            at,
            EndReason::parse(&reason).ok_or_else(|| {
                Error::Data(format!("a session ended for the unknown reason `{reason}`"))
            })?,
        )),
        _ => None,
    };
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
        ended,
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

/// The session whose token hashes to `token_hash`, open or ended.
pub fn by_token(tx: Tx<'_>, token_hash: &str) -> Result<Option<SessionRow>> {
    tx.opt(
        &format!("{SELECT} WHERE s.token_hash = ?1"),
        args![token_hash],
        from_row,
    )
}

/// Whether session `id` is still open.
pub fn is_open(tx: Tx<'_>, id: i64) -> Result<bool> {
    tx.one(
        "SELECT EXISTS (SELECT 1 FROM operator_session WHERE id = ?1 AND ended_at IS NULL)",
        args![id],
        |r| r.get(0),
    )
}

/// Open sessions by start, all or one account's.
pub fn list(tx: Tx<'_>, account_id: Option<i64>) -> Result<Vec<SessionRow>> {
    tx.all(
        &format!(
            "{SELECT} WHERE s.ended_at IS NULL
               AND (CAST(?1 AS BIGINT) IS NULL OR s.account_id = ?1)
             ORDER BY s.created_at, s.id"
        ),
        args![account_id],
        from_row,
    )
}

/// Mark session `id` as used at `now`.
pub fn touch(tx: Tx<'_>, id: i64, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE operator_session SET last_used_at = ?2
         WHERE id = ?1 AND last_used_at < ?2 AND ended_at IS NULL",
        args![id, now],
    )?;
    Ok(())
}

/// End one session at `now`; true when it was still open.
pub fn end(tx: Tx<'_>, id: i64, now: i64, reason: EndReason) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE operator_session SET ended_at = ?2, end_reason = ?3
         WHERE id = ?1 AND ended_at IS NULL",
        args![id, now, reason.as_str()],
    )? > 0)
}

/// End every open session of an account; their ids.
pub fn end_for_account(
    tx: Tx<'_>,
    account_id: i64,
    now: i64,
    reason: EndReason,
) -> Result<Vec<i64>> {
    tx.all(
        "UPDATE operator_session SET ended_at = ?2, end_reason = ?3
         WHERE account_id = ?1 AND ended_at IS NULL RETURNING id",
        args![account_id, now, reason.as_str()],
        |r| r.get(0),
    )
}

/// End the open sessions of an account that signed in with another role
/// than `role` (its role is being changed to `role`).
pub fn end_unless_role(tx: Tx<'_>, account_id: i64, role: Role, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE operator_session SET ended_at = ?3, end_reason = ?4
         WHERE account_id = ?1 AND role <> ?2 AND ended_at IS NULL",
        args![
            account_id,
            role.as_str(),
            now,
            EndReason::RoleChanged.as_str()
        ],
    )?;
    Ok(())
}

/// Forget every session of an account that is being removed.
pub fn forget_account(tx: Tx<'_>, account_id: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM operator_session WHERE account_id = ?1",
        args![account_id],
    )?;
    Ok(())
}

/// The ids of an account's open sessions.
pub fn open_ids(tx: Tx<'_>, account_id: i64) -> Result<Vec<i64>> {
    tx.all(
        "SELECT id FROM operator_session WHERE account_id = ?1 AND ended_at IS NULL ORDER BY id",
        args![account_id],
        |r| r.get(0),
    )
}

/// Of `ids`, those that have ended, with why.
pub fn ended_among(tx: Tx<'_>, ids: &[i64]) -> Result<Vec<(i64, EndReason)>> {
    let mut out = Vec::new();
    for id in ids {
        let row = tx.opt(
            "SELECT end_reason FROM operator_session WHERE id = ?1 AND ended_at IS NOT NULL",
            args![*id],
            |r| r.get::<String>(0),
        )?;
        if let Some(reason) = row.as_deref().and_then(EndReason::parse) {
            out.push((*id, reason));
        }
    }
    Ok(out)
}

/// End the open sessions that can no longer be used at `now` with
/// `idle_minutes` of the policy (all of them when it is 0), and forget
/// those that ended more than [`MAX_SECONDS`] ago; how many ended now.
pub fn purge(tx: Tx<'_>, idle_minutes: u32, now: i64) -> Result<u64> {
    let idle = i64::from(idle_minutes) * 60;
    let ended = tx.execute(
        "UPDATE operator_session SET ended_at = ?1,
            end_reason = CASE WHEN CAST(?2 AS BIGINT) = 0 THEN ?4
                              WHEN created_at + ?3 <= ?1 THEN ?5 ELSE ?6 END
         WHERE ended_at IS NULL
           AND (CAST(?2 AS BIGINT) = 0 OR last_used_at + ?2 <= ?1 OR created_at + ?3 <= ?1)",
        args![
            now,
            idle,
            MAX_SECONDS,
            EndReason::TurnedOff.as_str(),
            EndReason::TooOld.as_str(),
            EndReason::Idle.as_str()
        ],
    )?;
    tx.execute(
        "DELETE FROM operator_session WHERE ended_at + ?2 <= ?1",
        args![now, MAX_SECONDS],
    )?;
    Ok(ended)
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
