//! `keyward user export`: accounts as the CSV or the JSON `user import` reads.

use std::io;

use anyhow::Result;

use crate::cli::ExportFormat;
use crate::commands::{Ctx, facility};
use crate::domain::account::{Account, Role};
use crate::domain::import::{EXPORTED, export_record};
use crate::domain::policy::Policy;
use crate::domain::scope::{self, Action, Operator};
use crate::output::timestamp;
use crate::output::view::AccountView;
use crate::store::{Store, accounts};

/// `user export`: the accounts the operator may see, as import CSV or JSON.
pub fn export(
    ctx: &Ctx,
    db: &Store,
    rules: &Policy,
    op: &Operator,
    facility: Option<&str>,
    format: Option<ExportFormat>,
) -> Result<()> {
    if matches!(op, Operator::Account { role, .. } if *role < Role::Admin) {
        ctx.allow(op, &Action::ViewAccount, None)?;
    }
    let facility_id = facility
        .map(|c| facility::find(db.read(), c))
        .transpose()?
        .map(|f| f.id);
    let visible: Vec<Account> = accounts::list(db.read(), facility_id, None)?
        .into_iter()
        .filter(|a| scope::visible(op, &ctx.target(a)))
        .collect();
    let format = format.unwrap_or(if ctx.out.json {
        ExportFormat::Json
    } else {
        ExportFormat::Csv
    });
    match format {
        ExportFormat::Json => {
            let now = ctx.now();
            let views: Vec<AccountView> = visible
                .iter()
                .map(|a| {
                    // The state import restores; `expires_at` carries the
                    // expiry, which import sets.
                    let minutes = rules.lockout_minutes;
                    AccountView::new(a, a.stored_status(now, minutes), minutes)
                })
                .collect();
            ctx.out.json(&views)?;
        }
        ExportFormat::Csv => {
            let now = ctx.now();
            let mut w = csv::Writer::from_writer(io::stdout().lock());
            w.write_record(EXPORTED)?;
            for a in &visible {
                w.write_record(export_record(
                    &a.username,
                    a.name.as_deref(),
                    a.role,
                    &a.facilities,
                    a.stored_status(now, rules.lockout_minutes),
                    a.expires_at.map(timestamp).as_deref(),
                ))?;
            }
            w.flush()?;
        }
    }
    Ok(())
}
