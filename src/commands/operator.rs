//! `--as USERNAME`: the operator signs in with the same state machine as
//! `auth` before the command runs; its role and facilities then bound what
//! the command may do (domain/scope.rs). Without `--as`, the OS user acts.

use anyhow::Result;

use super::signin::{self, refusal};
use super::{Ctx, input};
use crate::domain::account::{Account, Status};
use crate::domain::policy::Policy;
use crate::domain::scope::{self, Operator, Target};
use crate::domain::secret::Secret;
use crate::domain::signin::Outcome;
use crate::error::{Exit, Failure};
use crate::store::{Store, Tx, accounts, sessions};

/// The operator flags as given.
#[derive(Debug, Default)]
pub struct OperatorArgs {
    pub user: Option<String>,
    pub password_file: Option<std::path::PathBuf>,
    pub code_file: Option<std::path::PathBuf>,
}

/// A signed-in operator.
#[derive(Debug, Clone)]
pub struct Acting {
    pub username: String,
    pub operator: Operator,
    /// The operator session the command runs in, when it runs in one.
    pub session: Option<i64>,
}

/// Sign the `--as` account in: password (file or hidden prompt), second
/// factor when enrolled (file or prompt), no pending actions. Failures count
/// toward its lockout. Both files are read before anything is checked, so an
/// unreadable one changes nothing.
pub fn sign_in(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    args: &OperatorArgs,
) -> Result<Option<Acting>> {
    let Some(name) = &args.user else {
        return Ok(None);
    };
    let pw = match &args.password_file {
        Some(path) => input::read_password_file(path)?,
        None if input::interactive() => Secret::new(
            dialoguer::Password::new()
                .with_prompt(format!("Password of operator {name}"))
                .interact()?,
        ),
        None => {
            return Err(Failure::usage(
                "--as needs the operator's password: give --as-password-file PATH, or run on a terminal",
            )
            .into());
        }
    };
    let code = args
        .code_file
        .as_deref()
        .map(input::read_code_file)
        .transpose()?;
    let c = signin::check_password(ctx, db, rules, name, &pw)?.map_err(|o| refusal(&o))?;
    if c.state.twofa_enrolled {
        let code = match code {
            Some(code) => code,
            None if input::interactive() => signin::prompt_code()?,
            None => {
                return Err(Failure::new(
                    Exit::ActionRequired,
                    format!(
                        "operator {} uses two-factor authentication: give its code with --as-code-file PATH",
                        c.username
                    ),
                )
                .into());
            }
        };
        signin::check_second_factor(ctx, db, rules, c.id, code.expose())?
            .map_err(|o| refusal(&o))?;
    }
    match signin::finish(ctx, db, rules, &c, true)? {
        Outcome::Ok => {}
        Outcome::ActionRequired(actions) => return Err(must_first(&c.username, &actions)),
        other => return Err(refusal(&other)),
    }
    let a = accounts::find(db.read(), &c.username)?
        .ok_or_else(|| Failure::new(Exit::AuthFailed, crate::domain::signin::FAILED))?;
    Ok(Some(Acting {
        username: a.username.clone(),
        operator: Operator::Account {
            role: a.role,
            facilities: a.facility_ids.clone(),
        },
        session: None,
    }))
}

/// An operator with pending actions may not act (exit 5) until it signs
/// in with `login` and completes them.
pub fn must_first(username: &str, actions: &[crate::domain::signin::Action]) -> anyhow::Error {
    let words: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
    Failure::new(
        Exit::ActionRequired,
        format!(
            "operator {username} must first complete: {}; sign in with `keyward login {username}`",
            words.join(", "),
        ),
    )
    .into()
}

impl Ctx {
    /// Who acts: the signed-in `--as` account, or the OS user. On first
    /// use the operator's session on this store is taken up, or, without
    /// one, the operator signs in.
    pub fn operator(&self, db: &mut Store, rules: &Policy) -> Result<Operator> {
        if let Some(acting) = self.acting.get() {
            return Ok(acting.operator.clone());
        }
        if let Some(name) = &self.operator_args.user
            && let Some(acting) = self.resume(db, name)?
        {
            let op = acting.operator.clone();
            let _ = self.acting.set(acting);
            return Ok(op);
        }
        match sign_in(self, db, rules, &self.operator_args)? {
            Some(acting) => {
                let op = acting.operator.clone();
                let _ = self.acting.set(acting);
                Ok(op)
            }
            None => Ok(Operator::Os),
        }
    }

    /// The operator of a command that changes something: with
    /// `require-operator=true`, the OS user alone may not (exit 6).
    pub fn operator_for_change(&self, db: &mut Store, rules: &Policy) -> Result<Operator> {
        if self.operator_args.user.is_none() && rules.require_operator {
            return Err(Failure::new(
                Exit::Denied,
                "the policy requires an operator for every change (require-operator=true): name one with --as USERNAME",
            )
            .into());
        }
        self.operator(db, rules)
    }

    /// For a change that has no account as its target (facilities, policy,
    /// terms): the operator may make it, or exit 6.
    pub fn require(
        &self,
        db: &mut Store,
        rules: &Policy,
        action: &scope::Action,
    ) -> Result<Operator> {
        let op = self.operator_for_change(db, rules)?;
        self.allow(&op, action, None)?;
        Ok(op)
    }

    /// Inside a write transaction: the operator as it is now, or exit 4 when
    /// it was locked or disabled, or 6 when it was removed, meanwhile.
    pub fn operator_now(&self, conn: Tx<'_>) -> Result<Operator> {
        Ok(match self.acting.get() {
            None => Operator::Os,
            Some(acting) => {
                if let Some(id) = acting.session
                    && !sessions::is_open(conn, id)?
                {
                    return Err(Failure::new(
                        Exit::AuthFailed,
                        format!(
                            "the session of operator {} was ended while the command ran; nothing was changed",
                            acting.username
                        ),
                    )
                    .into());
                }
                let a = accounts::find(conn, &acting.username)?.ok_or_else(|| {
                    Failure::new(
                        Exit::Denied,
                        format!("operator {} no longer exists", acting.username),
                    )
                })?;
                // Locked or disabled while the command ran: the change is
                // refused, as a self-service change would be.
                let minutes = crate::store::policy::load(conn)?.lockout_minutes;
                if a.status(self.now(), minutes) != Status::Active {
                    return Err(Failure::new(
                        Exit::Locked,
                        format!(
                            "operator {} was locked, disabled or expired while the command ran; nothing was changed",
                            a.username
                        ),
                    )
                    .into());
                }
                Operator::Account {
                    role: a.role,
                    facilities: a.facility_ids,
                }
            }
        })
    }

    /// The account as a scope target (is it the operator itself?).
    pub fn target<'a>(&self, a: &'a Account) -> Target<'a> {
        let is_self = self
            .acting
            .get()
            .is_some_and(|op| op.username == a.username);
        Target {
            role: a.role,
            facilities: &a.facility_ids,
            is_self,
        }
    }

    /// Check `action` on `target` for the signed-in operator (exit 6 when refused).
    pub fn allow(
        &self,
        op: &Operator,
        action: &scope::Action,
        target: Option<&Account>,
    ) -> Result<()> {
        let t = target.map(|a| self.target(a));
        Ok(scope::check(op, action, t.as_ref())?)
    }
}
