//! `user set-name` and `user rename`: an account's display name and its
//! username (SPEC 12). The account keeps its id, so its password, history,
//! facilities, 2FA and terms acceptances follow it; earlier audit rows keep
//! the name they were written under.

use anyhow::Result;
use serde_json::json;

use super::{Cx, find};
use crate::domain::names::{Username, display_name};
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::store::Store;
use crate::store::accounts;

impl Cx<'_> {
    /// Set the display name; an empty NAME clears it.
    pub(super) fn set_name(&self, db: &mut Store, username: &str, name: &str) -> Result<()> {
        let name = if name.trim().is_empty() {
            None
        } else {
            Some(display_name("display name", name)?)
        };
        let now = self.ctx.now();
        self.change(
            db,
            username,
            "user.set-name",
            Action::ChangeAccount,
            |tx, a| {
                accounts::set_name(tx, a.id, name.as_deref(), now)?;
                Ok(json!({"name": if name.is_some() { "set" } else { "cleared" }}))
            },
        )
    }

    /// Give the account username `new`; exit 8 when another account has it.
    pub(super) fn rename(&self, db: &mut Store, old: &str, new: &str) -> Result<()> {
        let new = Username::parse(new)?;
        let now = self.ctx.now();
        let after = self
            .ctx
            .change_account(db, old, &Action::ChangeAccount, |c, a| {
                if a.username == new.as_str() {
                    // Nothing to change, and nothing logged.
                    return Ok(a.clone());
                }
                if accounts::find(c.tx, new.as_str())?.is_some() {
                    return Err(Failure::exists(format!(
                        "account `{new}` already exists; `{}` keeps its name",
                        a.username
                    ))
                    .into());
                }
                accounts::rename(c.tx, a.id, new.as_str(), now)?;
                let facility = a.facilities.first().map(String::as_str);
                c.audit(
                    "user.rename",
                    Some(new.as_str()),
                    facility,
                    json!({"from": a.username, "to": new.as_str()}),
                )?;
                find(c.tx, new.as_str())
            })?;
        self.show(&after, None)
    }
}
