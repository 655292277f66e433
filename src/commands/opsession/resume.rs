//! A command with `--as USER` whose operator has a session on this store:
//! the token file is read, checked against the store in one write
//! transaction, and the session marked as used. A session that may not be
//! used is refused with what happened and what to do; nothing is counted
//! against the account, since no password or code was tried.

use anyhow::Result;
use serde_json::json;

use super::file::{self, Contents};
use crate::commands::Ctx;
use crate::commands::operator::{Acting, must_first};
use crate::domain::account::Status;
use crate::domain::names::Username;
use crate::domain::scope::Operator;
use crate::domain::session::{self, EndReason, Validity};
use crate::domain::signin::{self as rules, Action};
use crate::error::{Exit, Failure};
use crate::store::{Store, Tx, accounts, policy, sessions, signin, terms};

/// Why a stored session may not be used.
enum Refusal {
    /// Not in the store (long ended, or the operator was removed).
    Gone,
    /// Ended earlier, at `at`, for `reason`.
    Ended {
        at: i64,
        reason: EndReason,
    },
    /// The file names another session than its token's: edited by hand.
    Mismatch,
    Idle(u32),
    TooOld,
    /// It started later than now: the clock was set back.
    ClockBack,
    TurnedOff,
    /// Started by another OS user or on another host.
    Foreign {
        by: String,
        host: String,
    },
    /// The operator is locked, disabled or expired.
    Account(Status),
    /// The operator must first accept terms or change its password.
    Pending(Vec<Action>),
}

impl Refusal {
    /// Why the session ends now, when this refusal ends it.
    fn ends(&self) -> Option<EndReason> {
        match self {
            Refusal::Idle(_) => Some(EndReason::Idle),
            Refusal::TooOld => Some(EndReason::TooOld),
            Refusal::ClockBack => Some(EndReason::ClockSetBack),
            Refusal::TurnedOff => Some(EndReason::TurnedOff),
            Refusal::Account(_) => Some(EndReason::NotActive),
            _ => None,
        }
    }
}

impl Ctx {
    /// The `--as` operator through its session on this store, or `None`
    /// when it has no session file here.
    pub(in crate::commands) fn resume(&self, db: &mut Store, name: &str) -> Result<Option<Acting>> {
        // Credentials given for the command win: a script that passes them
        // signs in as it always did, whatever session is open.
        let args = &self.operator_args;
        if args.password_file.is_some() || args.code_file.is_some() {
            return Ok(None);
        }
        let Ok(username) = Username::parse(name) else {
            return Ok(None);
        };
        let who = username.as_str();
        let Some(dir) = file::own_folder() else {
            return Ok(None);
        };
        let store = db.identity();
        let path = file::path_in(&dir, &store, who);
        let Some(found) = file::load(&path, who)? else {
            return Ok(None);
        };
        let contents = found.contents;
        contents.check_binding(&path, &store, who)?;
        if let Some(mode) = found.exposed {
            // Whoever could read the file may hold the token: the session
            // ends, so that no copy of it works.
            self.end_exposed(db, &contents)?;
            file::remove(&path)?;
            return Err(Failure::new(
                Exit::AuthFailed,
                format!(
                    "the session file {} was open to other users (mode {mode:04o}, must be 0600), so its session was ended and the file removed; run the command again to sign in with the password, or start a new session with `keyward --as {who} session start`",
                    path.display()
                ),
            )
            .into());
        }
        let host = host_name();
        let refusal = match self.sign_in_write(db, |tx| self.check_session(tx, &contents, &host))? {
            Ok(acting) => return Ok(Some(acting)),
            Err(r) => r,
        };
        let again = format!(
            "run the command again to sign in with the password, or start a new session with `keyward --as {who} session start`"
        );
        let (exit, message) = match refusal {
            Refusal::Gone => (
                Exit::AuthFailed,
                format!(
                    "the session of operator {who} on {store} has ended (it is no longer in the store: long ended, or the operator was removed); {again}"
                ),
            ),
            Refusal::Ended { at, reason } => (
                Exit::AuthFailed,
                format!(
                    "the session of operator {who} on {store} {} at {}; {again}",
                    reason.describe(),
                    crate::output::timestamp(at)
                ),
            ),
            Refusal::Idle(minutes) => (
                Exit::AuthFailed,
                format!(
                    "the session of operator {who} on {store} ended after {minutes} minutes unused (session-minutes={minutes}); {again}"
                ),
            ),
            Refusal::TooOld => (
                Exit::AuthFailed,
                format!(
                    "the session of operator {who} on {store} reached its limit of {} hours; {again}",
                    session::MAX_SECONDS / 3600
                ),
            ),
            Refusal::ClockBack => (
                Exit::AuthFailed,
                format!(
                    "the session of operator {who} on {store} started later than the clock now says (was the clock set back?), so it was ended; {again}"
                ),
            ),
            Refusal::TurnedOff => (
                Exit::AuthFailed,
                format!(
                    "operator sessions are turned off on {store} (session-minutes=0), so the session of operator {who} was ended; run the command again to sign in with the password"
                ),
            ),
            Refusal::Account(status) => (
                Exit::Locked,
                format!(
                    "operator {who} is {}, so its session was ended; an administrator can lift that (`keyward user unlock|enable|set-expiry {who} ...`)",
                    status.as_str()
                ),
            ),
            // The session stays: once the operator has done what is
            // pending (with `login`, which ends it if it sets a password),
            // it may go on.
            Refusal::Pending(actions) => return Err(must_first(who, &actions)),
            Refusal::Mismatch => {
                return Err(Failure::new(
                    Exit::AuthFailed,
                    format!(
                        "the session file {} does not match the session its token opened (edited by hand?); keyward did not use it. Remove it (rm {0})",
                        path.display()
                    ),
                )
                .into());
            }
            Refusal::Foreign { by, host: theirs } => {
                return Err(Failure::new(
                    Exit::AuthFailed,
                    format!(
                        "the session file {} holds a session that {by} started on host {theirs}; it cannot be used by {} on host {host}. keyward did not use it: remove it (rm {0})",
                        path.display(),
                        self.os_actor,
                    ),
                )
                .into());
            }
        };
        // The session is gone from the store: its file is of no more use,
        // and the next command signs in with the password.
        file::remove(&path)?;
        Err(Failure::new(exit, message).into())
    }

    /// Inside one write transaction: the session the token names, still
    /// usable by this OS user, on this host, for this operator as it is now.
    fn check_session(
        &self,
        tx: Tx<'_>,
        contents: &Contents,
        host: &str,
    ) -> Result<Result<Acting, Refusal>> {
        let hash = session::token_hash(&contents.token());
        let policy = policy::load(tx)?;
        let Some(row) = sessions::by_token(tx, &hash)? else {
            return Ok(Err(Refusal::Gone));
        };
        if row.id != contents.session {
            return Ok(Err(Refusal::Mismatch));
        }
        if let Some((at, reason)) = row.ended {
            return Ok(Err(Refusal::Ended { at, reason }));
        }
        // Renaming ends sessions; an open one under another name is not this.
        if row.username != contents.username {
            return Ok(Err(Refusal::Gone));
        }
        if row.started_by != self.os_actor || row.host != host {
            return Ok(Err(Refusal::Foreign {
                by: row.started_by,
                host: row.host,
            }));
        }
        let now = self.now();
        let mut refusal = match row.times.validity(policy.session_minutes, now) {
            _ if row.times.created_at > now => Some(Refusal::ClockBack),
            Validity::Live { .. } => None,
            Validity::Idle { .. } => Some(Refusal::Idle(policy.session_minutes)),
            Validity::TooOld { .. } => Some(Refusal::TooOld),
            Validity::TurnedOff => Some(Refusal::TurnedOff),
        };
        let account = accounts::find(tx, &row.username)?;
        if refusal.is_none() {
            refusal = match &account {
                None => Some(Refusal::Gone),
                Some(a) if a.role != row.role => Some(Refusal::Gone),
                Some(a) => match a.status(now, policy.lockout_minutes) {
                    Status::Active => None,
                    other => Some(Refusal::Account(other)),
                },
            };
        }
        if let Some(refusal) = refusal {
            if let Some(reason) = refusal.ends() {
                self.end_session(tx, row.id, &row.username, reason)?;
            }
            return Ok(Err(refusal));
        }
        let (Some(a), Some(c)) = (account, signin::by_id(tx, row.account_id)?) else {
            return Ok(Err(Refusal::Gone));
        };
        // What sign-in would ask first (new terms, a password past its age).
        let pending = rules::required_actions(
            &c.state,
            terms::status(tx, row.account_id)?,
            true,
            &policy,
            now,
        );
        if !pending.is_empty() {
            return Ok(Err(Refusal::Pending(pending)));
        }
        sessions::touch(tx, row.id, now)?;
        Ok(Ok(Acting {
            username: a.username,
            operator: Operator::Account {
                role: a.role,
                facilities: a.facility_ids,
            },
            session: Some(row.id),
        }))
    }
}

impl Ctx {
    /// End the session of a token file that others could read.
    fn end_exposed(&self, db: &mut Store, contents: &Contents) -> Result<()> {
        let hash = session::token_hash(&contents.token());
        self.sign_in_write(db, |tx| -> Result<()> {
            if let Some(row) = sessions::by_token(tx, &hash)?
                && row.id == contents.session
            {
                self.end_session(tx, row.id, &row.username, EndReason::FileExposed)?;
            }
            Ok(())
        })
    }

    /// End session `id` of `username` now for `reason`, with its audit row;
    /// false (and nothing logged) when it had already ended.
    pub(super) fn end_session(
        &self,
        tx: Tx<'_>,
        id: i64,
        username: &str,
        reason: EndReason,
    ) -> crate::store::Result<bool> {
        if !sessions::end(tx, id, self.now(), reason)? {
            return Ok(false);
        }
        let why = json!({"session": id, "reason": reason.as_str()});
        self.audit(tx, "session.end", Some(username), None, why)?;
        Ok(true)
    }

    /// After a change to an account: an audit row for the sessions among
    /// `open_before` that the change ended, one per reason.
    pub(in crate::commands) fn log_ended_sessions(
        &self,
        tx: Tx<'_>,
        username: &str,
        open_before: &[i64],
    ) -> crate::store::Result<()> {
        let ended = sessions::ended_among(tx, open_before)?;
        let mut reasons: Vec<EndReason> = ended.iter().map(|(_, r)| *r).collect();
        reasons.sort_by_key(|r| r.as_str());
        reasons.dedup();
        for reason in reasons {
            let ids: Vec<i64> = ended
                .iter()
                .filter(|(_, r)| *r == reason)
                .map(|(id, _)| *id)
                .collect();
            let why = json!({"ended": ids, "reason": reason.as_str()});
            self.audit(tx, "session.end", Some(username), None, why)?;
        }
        Ok(())
    }
}

/// This machine's name, as sessions record where they were started.
pub fn host_name() -> String {
    nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .unwrap_or_else(|| "unknown".to_string())
}
