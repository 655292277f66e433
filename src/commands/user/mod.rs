//! `keyward user ...`: accounts, their facilities, role, status and password.

mod expiry;
mod names;

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use crate::domain::scope::{self, Action, Operator};

use super::input::OsEntropy;
use super::session::{Access, Session};
use super::{Ctx, facility, import, input, signin};
use crate::cli::{ListFilter, TwofaArg, UserCmd};
use crate::domain::account::{
    Account, LockReason, PendingActions, Role, Status, expired, expiry_after,
};
use crate::domain::names::{Username, display_name};
use crate::domain::password;
use crate::domain::policy::Policy;
use crate::domain::secret::Secret;
use crate::error::Failure;
use crate::output::table;
use crate::output::timestamp;
use crate::output::view::AccountView;
use crate::store::accounts::{self, NewAccount};
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
        } => {
            let ids = facility_ids(db.read(), &facilities)?;
            let action = Action::Assign {
                facilities: ids.clone(),
            };
            cx.change(&mut db, &username, "user.assign", action, |tx, a| {
                accounts::assign(tx, a.id, &ids, ctx.now())?;
                Ok(json!({"facilities": facilities}))
            })
        }
        UserCmd::Unassign {
            username,
            facilities,
        } => {
            let ids = facility_ids(db.read(), &facilities)?;
            let action = Action::Unassign {
                facilities: ids.clone(),
            };
            cx.change(&mut db, &username, "user.unassign", action, |tx, a| {
                accounts::unassign(tx, a.id, &ids, ctx.now())?;
                Ok(json!({"facilities": facilities}))
            })
        }
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
        UserCmd::ResetFailures { username } => cx.change(
            &mut db,
            &username,
            "user.reset-failures",
            Action::ChangeAccount,
            |tx, a| {
                let lifted = a
                    .lock
                    .is_some_and(|l| l.reason == LockReason::FailedAttempts);
                accounts::reset_failures(tx, a.id, ctx.now())?;
                Ok(json!({"failed_attempts": a.failed_attempts, "lock_lifted": lifted}))
            },
        ),
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

/// Whether `lowered` (lower case) is part of the account's username or
/// display name, in any case.
fn mentions(a: &Account, lowered: &str) -> bool {
    a.username.contains(lowered)
        || a.name
            .as_deref()
            .is_some_and(|n| n.to_lowercase().contains(lowered))
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

    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        db: &mut Store,
        username: &str,
        role: Role,
        codes: &[String],
        name: Option<&str>,
        password_stdin: bool,
        expires: Option<jiff::civil::Date>,
    ) -> Result<()> {
        let username = Username::parse(username)?;
        let expires_at = expires.map(expiry_after).transpose()?;
        let name = name
            .filter(|n| !n.trim().is_empty())
            .map(|n| display_name("display name", n))
            .transpose()?;
        // Fail on names and facilities before reading a password or hashing.
        refuse_existing(db.read(), &username)?;
        let ids = facility_ids(db.read(), codes)?;
        let create = Action::CreateAccount {
            role,
            facilities: ids,
        };
        self.ctx.allow(&self.op, &create, None)?;
        let pw = input::new_password(
            password_stdin,
            false,
            &self.rules,
            username.as_str(),
            &input::no_extra_rules,
        )?;
        let hash = password::hash(&pw.secret, &mut OsEntropy)?;
        let created = self.ctx.change(db, &create, |c| -> Result<Account> {
            let tx = c.tx;
            refuse_existing(tx, &username)?;
            // A facility removed and added again meanwhile has a new id.
            let ids = facility_ids(tx, codes)?;
            c.allow(
                &Action::CreateAccount {
                    role,
                    facilities: ids.clone(),
                },
                None,
            )?;
            let id = accounts::insert(
                tx,
                &NewAccount {
                    username: username.as_str(),
                    name: name.as_deref(),
                    role,
                    password_hash: &hash,
                    pending: PendingActions::AFTER_ADMIN_EVENT,
                    now: self.ctx.now(),
                },
            )?;
            accounts::assign(tx, id, &ids, self.ctx.now())?;
            let mut details = json!({"role": role, "facilities": codes, "password": if pw.generated { "generated" } else { "chosen" }});
            if let Some(at) = expires_at {
                accounts::set_expiry(tx, id, Some(at), self.ctx.now())?;
                details["expires_at"] = json!(timestamp(at));
            }
            self.ctx.audit(
                tx,
                "user.add",
                Some(username.as_str()),
                codes.first().map(String::as_str),
                details,
            )?;
            find(tx, username.as_str())
        })?;
        self.show(&created, pw.shown())
    }

    fn list(&self, db: &Store, filter: ListFilter) -> Result<()> {
        // Listing accounts is administrative: a user or supervisor operator is refused.
        if matches!(&self.op, Operator::Account { role, .. } if *role < Role::Admin) {
            self.ctx.allow(&self.op, &Action::ViewAccount, None)?;
        }
        let facility_id = filter
            .facility
            .as_deref()
            .map(|c| facility::find(db.read(), c))
            .transpose()?
            .map(|f| f.id);
        let wanted: Option<Status> = filter.status.map(Into::into);
        let search = filter.search.as_deref().map(str::to_lowercase);
        let twofa = filter.twofa.map(|t| t == TwofaArg::Enrolled);
        let views: Vec<AccountView> =
            accounts::list(db.read(), facility_id, filter.role.map(Into::into))?
                .iter()
                .filter(|a| scope::visible(&self.op, &self.ctx.target(a)))
                .filter(|a| search.as_deref().is_none_or(|s| mentions(a, s)))
                .filter(|a| !filter.pending || a.must_change_password || a.terms_pending)
                .filter(|a| twofa.is_none_or(|t| a.twofa_enrolled == t))
                .map(|a| self.view(a))
                .filter(|v| wanted.is_none_or(|s| v.status == s.as_str()))
                .take(filter.limit.map_or(usize::MAX, |n| n as usize))
                .collect();
        if self.ctx.out.json {
            self.ctx.out.json(&views)?;
        } else if views.is_empty() {
            self.ctx.out.text("No accounts match.")?;
        } else {
            self.ctx.out.text(table::accounts(&views))?;
        }
        Ok(())
    }

    fn reset_password(&self, db: &mut Store, username: &str, password_stdin: bool) -> Result<()> {
        let a = find(db.read(), username)?;
        self.ctx.allow(&self.op, &Action::ChangeAccount, Some(&a))?;
        let pw = {
            let history = signin::history_rule(db.read(), &self.rules, a.id);
            input::new_password(password_stdin, false, &self.rules, &a.username, &history)?
        };
        let hash = password::hash(&pw.secret, &mut OsEntropy)?;
        let after = self
            .ctx
            .change_account(db, username, &Action::ChangeAccount, |c, a| {
                let tx = c.tx;
                let pending = PendingActions::AFTER_ADMIN_EVENT;
                let terms = Some(pending.terms_pending);
                accounts::set_password(
                    tx,
                    a.id,
                    &hash,
                    pending.must_change_password,
                    terms,
                    self.ctx.now(),
                )?;
                // An administrator's reset also lifts any lock, like an unlock.
                accounts::unlock(tx, a.id, pending, self.ctx.now())?;
                let details =
                    json!({"password": if pw.generated { "generated" } else { "chosen" }});
                let facility = a.facilities.first().map(String::as_str);
                self.ctx.audit(
                    tx,
                    "user.reset-password",
                    Some(&a.username),
                    facility,
                    details,
                )?;
                find(tx, username)
            })?;
        self.show(&after, pw.shown())
    }

    fn remove(&self, db: &mut Store, username: &str) -> Result<()> {
        let a = find(db.read(), username)?;
        self.ctx.allow(&self.op, &Action::ChangeAccount, Some(&a))?;
        keep_a_support(db.read(), &a, "remove", self.ctx.now())?;
        input::confirm(self.ctx.yes, &format!("remove account {}", a.username))?;
        self.ctx
            .change_account(db, username, &Action::ChangeAccount, |c, a| {
                let tx = c.tx;
                keep_a_support(tx, a, "remove", self.ctx.now())?;
                accounts::remove(tx, a.id)?;
                let details = json!({"role": a.role, "facilities": a.facilities});
                self.ctx.audit(
                    tx,
                    "user.remove",
                    Some(&a.username),
                    a.facilities.first().map(String::as_str),
                    details,
                )?;
                Ok(())
            })?;
        #[derive(Serialize)]
        struct Removed<'a> {
            username: &'a str,
            removed: bool,
        }
        self.ctx.out.emit(
            &Removed {
                username: &a.username,
                removed: true,
            },
            format!("Removed account {}.", a.username),
        )?;
        Ok(())
    }
}

fn refuse_existing(conn: Tx<'_>, username: &Username) -> Result<()> {
    if accounts::find(conn, username.as_str())?.is_some() {
        return Err(Failure::exists(format!("account `{username}` already exists")).into());
    }
    Ok(())
}
