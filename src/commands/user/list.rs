//! `user list` and its filters.

use anyhow::Result;

use super::Cx;
use crate::cli::{ListFilter, TwofaArg};
use crate::commands::facility;
use crate::domain::account::{Account, Role, Status};
use crate::domain::scope::{self, Action, Operator};
use crate::output::table;
use crate::output::view::AccountView;
use crate::store::{Store, accounts};

/// Whether `lowered` (lower case) is part of the account's username or
/// display name, in any case.
fn mentions(a: &Account, lowered: &str) -> bool {
    a.username.contains(lowered)
        || a.name
            .as_deref()
            .is_some_and(|n| n.to_lowercase().contains(lowered))
}

impl Cx<'_> {
    pub(super) fn list(&self, db: &Store, filter: ListFilter) -> Result<()> {
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
}
