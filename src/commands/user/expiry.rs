//! `user set-expiry USERNAME DATE|never` (SPEC 12): after the day given
//! (UTC) the account answers sign-in like a disabled one, as `expired`.

use anyhow::Result;
use serde_json::json;

use super::{Cx, keep_a_support};
use crate::cli::Expiry;
use crate::domain::account::{Role, expiry_after};
use crate::domain::scope::Action;
use crate::output::timestamp;
use crate::store::{Store, accounts};

impl Cx<'_> {
    pub(super) fn set_expiry(&self, db: &mut Store, username: &str, expiry: Expiry) -> Result<()> {
        let expires_at = match expiry {
            Expiry::Never => None,
            Expiry::After(day) => Some(expiry_after(day)?),
        };
        let now = self.ctx.now();
        self.change(
            db,
            username,
            "user.set-expiry",
            Action::ChangeAccount,
            |tx, a| {
                // An expiry on the last enabled support account would one day
                // leave nobody to administer the store.
                if expires_at.is_some() && a.role == Role::Support {
                    keep_a_support(tx, a, "set an expiry on")?;
                }
                accounts::set_expiry(tx, a.id, expires_at, now)?;
                Ok(json!({
                    "from": a.expires_at.map(timestamp),
                    "to": expires_at.map(timestamp),
                }))
            },
        )
    }
}
