//! `keyward user ...`: accounts, their facilities, role, status and password.

mod expiry;
mod lifecycle;
mod list;
mod names;

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use super::session::{Access, Session};
use super::{Ctx, facility, import, input};
use crate::cli::UserCmd;
use crate::domain::account::{Account, LockReason, PendingActions, Role, expired};
use crate::domain::names::Username;
use crate::domain::policy::Policy;
use crate::domain::scope::{Action, Operator};
use crate::domain::secret::Secret;
use crate::error::Failure;
use crate::output::table;
use crate::output::view::AccountView;
use crate::store::accounts;
use crate::store::{Store, Tx};

pub fn run(ctx: &Ctx, cmd: UserCmd) -> Result<()> {
    let access = if matches!(
        cmd,
        UserCmd::List(_) | UserCmd::Show { .. } | UserCmd::Export { .. }
    ) {
        Access::Read
    } else {
        Access::Change
    };
    let Session {
        mut db, rules, op, ..
    } = ctx.session(access)?;
    let cx = Cx { ctx, rules, op };
    match cmd {
        UserCmd::Add {
            username,
            role,
            facilities,
            name,
            password_stdin,
            expires,
        } => cx.add(
            &mut db,
            &username,
            role.into(),
            &facilities,
            name.as_deref(),
            password_stdin,
            expires,
        ),
        UserCmd::SetExpiry { username, expiry } => cx.set_expiry(&mut db, &username, expiry),
        UserCmd::List(filter) => cx.list(&db, filter),
        UserCmd::Show { username } => {
            let a = find(db.read(), &username)?;
            ctx.allow(&cx.op, &Action::ViewAccount, Some(&a))?;
            cx.show(&a, None)
        }
        UserCmd::Assign {
            username,
            facilities,
        } => cx.move_facilities(&mut db, &username, &facilities, true),
        UserCmd::Unassign {
            username,
            facilities,
        } => cx.move_facilities(&mut db, &username, &facilities, false),
        UserCmd::SetRole {
            username,
            role,
            role_flag,
        } => {
            let Some(role) = role.or(role_flag).map(Role::from) else {
                return Err(Failure::usage(
                    "give the new role, e.g. `keyward user set-role bob supervisor`",
                )
                .into());
            };
            cx.change(
                &mut db,
                &username,
                "user.set-role",
                Action::SetRole { to: role },
                |tx, a| {
                    if role != Role::Support {
                        keep_a_support(tx, a, "take the support role from", ctx.now())?;
                    }
                    accounts::set_role(tx, a.id, role, ctx.now())?;
                    Ok(json!({"from": a.role, "to": role}))
                },
            )
        }
        UserCmd::Disable { username } => cx.change(
            &mut db,
            &username,
            "user.disable",
            Action::ChangeAccount,
            |tx, a| {
                keep_a_support(tx, a, "disable", ctx.now())?;
                accounts::set_disabled(tx, a.id, true, ctx.now())?;
                Ok(json!({}))
            },
        ),
        UserCmd::Enable { username } => cx.change(
            &mut db,
            &username,
            "user.enable",
            Action::ChangeAccount,
            |tx, a| {
                accounts::set_disabled(tx, a.id, false, ctx.now())?;
                Ok(json!({}))
            },
        ),
        UserCmd::Lock { username } => cx.change(
            &mut db,
            &username,
            "user.lock",
            Action::ChangeAccount,
            |tx, a| {
                keep_a_support(tx, a, "lock", ctx.now())?;
                accounts::lock(tx, a.id, LockReason::Admin, ctx.now())?;
                Ok(json!({"reason": "admin"}))
            },
        ),
        UserCmd::Unlock { username } => cx.change(
            &mut db,
            &username,
            "user.unlock",
            Action::ChangeAccount,
            |tx, a| {
                accounts::unlock(tx, a.id, PendingActions::AFTER_ADMIN_EVENT, ctx.now())?;
                Ok(json!({"was_locked": a.lock.is_some(), "failed_attempts": a.failed_attempts}))
            },
        ),
        UserCmd::SetName { username, name } => cx.set_name(&mut db, &username, &name),
        UserCmd::Rename {
            username,
            new_username,
        } => cx.rename(&mut db, &username, &new_username),
        UserCmd::ResetFailures { username } => {
            let admin_lock = std::cell::Cell::new(None);
            cx.change(
                &mut db,
                &username,
                "user.reset-failures",
                Action::ChangeAccount,
                |tx, a| {
                    let lifted = a
                        .lock
                        .is_some_and(|l| l.reason == LockReason::FailedAttempts);
                    if a.lock.is_some_and(|l| l.reason == LockReason::Admin) {
                        admin_lock.set(Some(a.username.clone()));
                    }
                    accounts::reset_failures(tx, a.id, ctx.now())?;
                    Ok(json!({"failed_attempts": a.failed_attempts, "lock_lifted": lifted}))
                },
            )?;
            // The account printed says "locked"; say why it still is.
            if let Some(name) = admin_lock.take()
                && !ctx.out.json
            {
                eprintln!(
                    "note: {name} stays locked by an administrator; reset-failures lifts only a lock of failed attempts. Lift it with `keyward user unlock {name}`"
                );
            }
            Ok(())
        }
        UserCmd::ResetPassword {
            username,
            password_stdin,
        } => cx.reset_password(&mut db, &username, password_stdin),
        UserCmd::Remove { username } => cx.remove(&mut db, &username),
        UserCmd::Import {
            file,
            dry_run,
            on_conflict,
            create_facilities,
            credentials_out,
            format,
        } => {
            let args = import::ImportArgs {
                file,
                dry_run,
                on_conflict,
                create_facilities,
                credentials_out,
                format,
            };
            import::import(ctx, &mut db, &cx.rules, &cx.op, &args)
        }
        UserCmd::Export { facility, format } => {
            import::export(ctx, &db, &cx.rules, &cx.op, facility.as_deref(), format)
        }
    }
}

/// An account by username, or exit 7 (exit 65 for a name that cannot exist).
pub(super) fn find(conn: Tx<'_>, username: &str) -> Result<Account> {
    let name = Username::parse(username)?;
    accounts::find(conn, name.as_str())?.ok_or_else(|| {
        Failure::not_found(format!("no account `{name}`; see `keyward user list`")).into()
    })
}

/// Print an account as `user show` does, with its generated password shown
/// once (for `recover`, which acts as the OS user).
pub(super) fn show_account(
    ctx: &Ctx,
    rules: Policy,
    a: &Account,
    generated: Option<&Secret>,
) -> Result<()> {
    let cx = Cx {
        ctx,
        rules,
        op: Operator::Os,
    };
    cx.show(a, generated)
}

fn facility_ids(conn: Tx<'_>, codes: &[String]) -> Result<Vec<i64>> {
    codes
        .iter()
        .map(|c| Ok(facility::find(conn, c)?.id))
        .collect()
}

/// Refuse to leave the database without an enabled support account.
pub(super) fn keep_a_support(conn: Tx<'_>, a: &Account, verb: &str, now: i64) -> Result<()> {
    let usable = !a.disabled && !expired(a.expires_at, now);
    if a.role == Role::Support && usable && accounts::count_enabled_support(conn, now)? <= 1 {
        return Err(Failure::refused(format!(
            "cannot {verb} `{}`: it is the last enabled support account; create another support account first",
            a.username
        ))
        .into());
    }
    Ok(())
}

/// An account view plus the password shown once, for `add` and `reset-password`.
#[derive(Serialize)]
struct WithPassword<'a> {
    #[serde(flatten)]
    account: &'a AccountView,
    #[serde(skip_serializing_if = "Option::is_none")]
    temporary_password: Option<&'a str>,
}

struct Cx<'a> {
    ctx: &'a Ctx,
    rules: Policy,
    /// Who acts; every change and view is checked against its scope.
    op: Operator,
}

impl Cx<'_> {
    fn view(&self, a: &Account) -> AccountView {
        let minutes = self.rules.lockout_minutes;
        AccountView::new(a, a.status(self.ctx.now(), minutes), minutes)
    }

    /// Print an account, and a generated password once when there is one.
    fn show(&self, a: &Account, generated: Option<&Secret>) -> Result<()> {
        let view = self.view(a);
        let temporary_password = generated.map(Secret::expose);
        let doc = WithPassword {
            account: &view,
            temporary_password,
        };
        let mut human = table::account(&view).to_string();
        if let Some(pw) = temporary_password {
            human.push_str(&format!(
                "\nTemporary password for {} (shown once; it must be changed at the next sign-in): {pw}",
                a.username
            ));
        }
        input::delivered(
            self.ctx.out.emit(&doc, human),
            generated.is_some(),
            &a.username,
        )
    }

    /// Apply `f` to an account inside one write transaction, record `action`
    /// with the details `f` returns in the audit log, then print the account.
    /// `user assign` (`add`) or `user unassign`: these facilities, by code.
    fn move_facilities(
        &self,
        db: &mut Store,
        username: &str,
        codes: &[String],
        add: bool,
    ) -> Result<()> {
        let ids = facility_ids(db.read(), codes)?;
        let facilities = ids.clone();
        let (name, action) = if add {
            ("user.assign", Action::Assign { facilities })
        } else {
            ("user.unassign", Action::Unassign { facilities })
        };
        let now = self.ctx.now();
        self.change(db, username, name, action, |tx, a| {
            if add {
                accounts::assign(tx, a.id, &ids, now)?;
            } else {
                accounts::unassign(tx, a.id, &ids, now)?;
            }
            Ok(json!({"facilities": codes}))
        })
    }

    fn change(
        &self,
        db: &mut Store,
        username: &str,
        action: &str,
        scope_action: Action,
        f: impl FnOnce(Tx<'_>, &Account) -> Result<serde_json::Value>,
    ) -> Result<()> {
        let after = self
            .ctx
            .change_account(db, username, &scope_action, |c, a| {
                let tx = c.tx;
                let details = f(tx, a)?;
                let facility = a.facilities.first().map(String::as_str);
                self.ctx
                    .audit(tx, action, Some(&a.username), facility, details)?;
                find(tx, username)
            })?;
        self.show(&after, None)
    }
}
