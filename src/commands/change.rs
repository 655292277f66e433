//! The one door through which a command changes the store. Every write
//! transaction (`BEGIN IMMEDIATE`) is opened here and nowhere else (clippy's
//! `disallowed-methods` in clippy.toml refuses `store::write` anywhere else),
//! and what it checks inside the transaction depends on who acts:
//!
//! - [`Ctx::change`] and [`Ctx::change_account`]: an operator (`--as`, or the
//!   OS user) administers. Inside the transaction the operator is read again
//!   (locked, disabled, removed or given another role or other facilities
//!   while the command waited all count) and the action is checked against
//!   it and against the target account as it is now, before `f` runs.
//! - [`Ctx::own_change`]: an account that signed in changes its own data
//!   (password, questions, terms acceptance); it must still be admitted.
//! - [`Ctx::sign_in_write`]: the sign-in state machine records an attempt.
//!   Nobody has proved anything yet, so there is nothing to re-check; the
//!   state machine re-reads the account itself.

use anyhow::Result;

use super::{Ctx, fault, signin, user};
use crate::domain::account::Account;
use crate::domain::policy::Policy;
use crate::domain::scope::{Action, Operator};
use crate::store::{self, Store, Tx, sessions};

/// An open write transaction whose operator and action have been checked.
pub struct Change<'a> {
    pub tx: Tx<'a>,
    /// The operator as it is inside this transaction.
    pub operator: Operator,
    ctx: &'a Ctx,
}

impl Change<'_> {
    /// Check one more action (a row of an import) against the operator as it
    /// is inside this transaction (exit 6 when refused).
    pub fn allow(&self, action: &Action, target: Option<&Account>) -> Result<()> {
        self.ctx.allow(&self.operator, action, target)
    }

    /// Append an audit row that commits with the change; see [`Ctx::audit`].
    pub fn audit(
        &self,
        action: &str,
        target: Option<&str>,
        facility: Option<&str>,
        details: serde_json::Value,
    ) -> Result<()> {
        Ok(self.ctx.audit(self.tx, action, target, facility, details)?)
    }
}

impl Ctx {
    /// A change without a target account (facilities, policy, terms, an
    /// import, a backup): `action` is checked against the operator as it is
    /// inside the transaction, then `f` runs; commits only when `f` succeeds.
    pub fn change<T>(
        &self,
        db: &mut Store,
        action: &Action,
        f: impl FnOnce(&Change<'_>) -> Result<T>,
    ) -> Result<T> {
        fault::pause(fault::BEFORE_CHANGE)?;
        transaction(db, |tx| {
            let operator = self.operator_now(tx)?;
            self.allow(&operator, action, None)?;
            let out = f(&Change {
                tx,
                operator,
                ctx: self,
            })?;
            fault::pause(fault::BEFORE_COMMIT)?;
            Ok(out)
        })
    }

    /// A change to the account `username`, read inside the transaction
    /// (exit 3 when it is gone): `action` is checked against the operator
    /// and that account as they are now, then `f` runs with it.
    pub fn change_account<T>(
        &self,
        db: &mut Store,
        username: &str,
        action: &Action,
        f: impl FnOnce(&Change<'_>, &Account) -> Result<T>,
    ) -> Result<T> {
        fault::pause(fault::BEFORE_CHANGE)?;
        transaction(db, |tx| {
            let operator = self.operator_now(tx)?;
            let account = user::find(tx, username)?;
            self.allow(&operator, action, Some(&account))?;
            let change = Change {
                tx,
                operator,
                ctx: self,
            };
            // A change to an operator may end its sessions (store/sessions.rs):
            // the log says which, and why.
            let open_before = sessions::open_ids(tx, account.id)?;
            let out = f(&change, &account)?;
            self.log_ended_sessions(tx, &account.username, &open_before)?;
            fault::pause(fault::BEFORE_COMMIT)?;
            Ok(out)
        })
    }

    /// A signed-in account changes its own data: refused (and nothing
    /// written) if it was locked or disabled while the person was typing.
    pub fn own_change<T>(
        &self,
        db: &mut Store,
        rules: &Policy,
        account_id: i64,
        f: impl FnOnce(Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        transaction(db, |tx| {
            signin::still_admitted(tx, self, rules, account_id)?;
            // A new password or a removed second factor ends the account's
            // sessions (store/sessions.rs): the log says which, and why.
            let open_before = sessions::open_ids(tx, account_id)?;
            let out = f(tx)?;
            if !open_before.is_empty()
                && let Some(c) = store::signin::by_id(tx, account_id)?
            {
                self.log_ended_sessions(tx, &c.username, &open_before)?;
            }
            Ok(out)
        })
    }

    /// The sign-in state machine records an attempt (a failure, a refusal, a
    /// success); it re-reads the account inside `f` itself.
    pub fn sign_in_write<T, E>(
        &self,
        db: &mut Store,
        f: impl FnOnce(Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<store::Error>,
    {
        transaction(db, f)
    }
}

/// The only call of [`store::write`] outside the store.
#[allow(clippy::disallowed_methods)]
fn transaction<T, E>(db: &mut Store, f: impl FnOnce(Tx<'_>) -> Result<T, E>) -> Result<T, E>
where
    E: From<store::Error>,
{
    store::write(db, f)
}
