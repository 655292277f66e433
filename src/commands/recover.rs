//! `keyward recover USERNAME`: the break-glass way back into a support
//! account (SPEC 10), for whoever can write the database file, as
//! `kanidmd recover-account` is for whoever runs the server. It never signs
//! an operator in, so it works when every support account is locked and
//! `require-operator` is on; the audit row names the OS user by uid.

use anyhow::Result;
use serde_json::json;

use super::input::OsEntropy;
use super::{Ctx, input, signin, user};
use crate::domain::account::{PendingActions, Role};
use crate::domain::password;
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::store::{accounts, policy};

pub fn run(ctx: &Ctx, username: &str, password_stdin: bool) -> Result<()> {
    if ctx.operator_args.user.is_some() {
        return Err(Failure::usage(
            "recover acts as the operating-system user who can write the database; drop --as",
        )
        .into());
    }
    let mut db = ctx.open()?;
    let rules = policy::load(db.read())?;
    let a = user::find(db.read(), username)?;
    support_only(a.role, &a.username)?;
    let pw = {
        let history = signin::history_rule(db.read(), &rules, a.id);
        input::new_password(password_stdin, false, &rules, &a.username, &history)?
    };
    let hash = password::hash(&pw.secret, &mut OsEntropy)?;
    let after = ctx.change_account(&mut db, username, &Action::ChangeAccount, |c, a| {
        support_only(a.role, &a.username)?;
        let pending = PendingActions::AFTER_ADMIN_EVENT;
        accounts::set_password(
            c.tx,
            a.id,
            &hash,
            pending.must_change_password,
            Some(pending.terms_pending),
            ctx.now(),
        )?;
        accounts::unlock(c.tx, a.id, pending, ctx.now())?;
        // Break glass: an expired support account is usable again too.
        if a.expires_at.is_some() {
            accounts::set_expiry(c.tx, a.id, None, ctx.now())?;
        }
        let details = json!({
            "password": if pw.generated { "generated" } else { "chosen" },
            "was_locked": a.lock.is_some(),
            "failed_attempts": a.failed_attempts,
            "expiry_cleared": a.expires_at.is_some(),
        });
        c.audit("account.recover", Some(&a.username), None, details)?;
        user::find(c.tx, &a.username)
    })?;
    user::show_account(ctx, rules, &after, pw.shown())
}

/// Only a support account is recovered this way: any other account has an
/// administrator who can unlock it or reset its password.
fn support_only(role: Role, username: &str) -> Result<()> {
    if role == Role::Support {
        return Ok(());
    }
    Err(Failure::new(
        crate::error::Exit::Denied,
        format!(
            "{username} is a {role} account; recover is only for support accounts. \
         Use `keyward user unlock {username}` or `keyward user reset-password {username}`"
        ),
    )
    .into())
}
