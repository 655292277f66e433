//! `user add`, `user reset-password` and `user remove`: an account's
//! beginning, its administrator's password reset, and its end.

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use super::{Cx, facility_ids, find, keep_a_support};
use crate::commands::input::{self, OsEntropy};
use crate::commands::signin;
use crate::domain::account::{Account, PendingActions, Role};
use crate::domain::names::{Username, display_name};
use crate::domain::password;
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::output::timestamp;
use crate::store::accounts::{self, NewAccount};
use crate::store::{Store, Tx};

impl Cx<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn add(
        &self,
        db: &mut Store,
        username: &str,
        role: Role,
        codes: &[String],
        name: Option<&str>,
        password_stdin: bool,
        expires_at: Option<i64>,
    ) -> Result<()> {
        let username = Username::parse(username)?;
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

    pub(super) fn reset_password(
        &self,
        db: &mut Store,
        username: &str,
        password_stdin: bool,
    ) -> Result<()> {
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

    pub(super) fn remove(&self, db: &mut Store, username: &str) -> Result<()> {
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
