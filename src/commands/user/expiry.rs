//! `user set-expiry USERNAME DATE|never` (SPEC 12): after the day given
//! (UTC) the account answers sign-in like a disabled one, as `expired`.

use anyhow::Result;
use serde_json::json;

use super::Cx;
use crate::cli::Expiry;
use crate::domain::account::Role;
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::output::timestamp;
use crate::store::{Store, accounts};

impl Cx<'_> {
    pub(super) fn set_expiry(&self, db: &mut Store, username: &str, expiry: Expiry) -> Result<()> {
        let expires_at = match expiry {
            Expiry::Never => None,
            Expiry::After(at) => Some(at),
        };
        let now = self.ctx.now();
        self.change(
            db,
            username,
            "user.set-expiry",
            Action::ChangeAccount,
            |tx, a| {
                // Some enabled support account must never expire, or one
                // day nobody could administer the store (`recover` clears it).
                if expires_at.is_some()
                    && a.role == Role::Support
                    && accounts::count_lasting_support(tx, a.id)? < 1
                {
                    return Err(Failure::refused(format!(
                        "cannot set an expiry on `{}`: no other enabled support account is without one; give another support account no expiry first",
                        a.username
                    ))
                    .into());
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
