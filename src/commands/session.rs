//! The checked session an administrative command starts with, built once
//! from the command line (as ripgrep builds its "high args"): the store
//! opened, the policy loaded, the operator signed in, `require-operator`
//! applied, and the command's access checked. Every change it then makes
//! goes through `Ctx::change` (change.rs), which checks scope again inside
//! the write transaction.

use anyhow::Result;

use super::Ctx;
use crate::domain::policy::Policy;
use crate::domain::scope::{Action, Operator};
use crate::store::{Store, policy};

/// What a command needs before it starts.
#[derive(Clone, Copy)]
pub enum Access<'a> {
    /// It only reads (list, show, status): any signed-in operator.
    Read,
    /// It reads what `action` guards (the audit log, a whole backup).
    See(&'a Action),
    /// It changes accounts: `require-operator` applies; each target is
    /// checked when it is known.
    Change,
    /// It makes a change without an account as its target (facilities,
    /// policy, terms): `require-operator` applies and `action` must be allowed.
    Do(&'a Action),
}

/// An open store, its policy and the operator, checked for the access the
/// command asked for.
pub struct Session {
    pub db: Store,
    pub rules: Policy,
    pub op: Operator,
}

impl Ctx {
    /// Open the store and sign the operator in for `access` (exit 6 when
    /// the operator may not).
    pub fn session(&self, access: Access<'_>) -> Result<Session> {
        let mut db = self.open()?;
        let rules = policy::load(db.read())?;
        let op = match access {
            Access::Read => self.operator(&mut db, &rules)?,
            Access::See(action) => {
                let op = self.operator(&mut db, &rules)?;
                self.allow(&op, action, None)?;
                op
            }
            Access::Change => self.operator_for_change(&mut db, &rules)?,
            Access::Do(action) => self.require(&mut db, &rules, action)?,
        };
        Ok(Session { db, rules, op })
    }
}
