//! `2fa reset`: remove an account's enrolment, after asking.

use anyhow::Result;

use crate::commands::Ctx;
use crate::commands::input;
use crate::domain::account::Account;
use crate::domain::scope::Action;
use crate::store::{Store, twofa};

/// `2fa reset`.
pub(super) fn reset(ctx: &Ctx, db: &mut Store, a: &Account) -> Result<()> {
    if twofa::get(db.read(), a.id)?.is_none() {
        let doc = serde_json::json!({"username": a.username, "reset": false});
        ctx.out.emit(
            &doc,
            format!(
                "{} has no two-factor enrolment; nothing to reset.",
                a.username
            ),
        )?;
        return Ok(());
    }
    input::confirm(
        ctx.yes,
        &format!("remove two-factor authentication of {}", a.username),
    )?;
    ctx.change_account(db, &a.username, &Action::ManageTwofa, |c, a| {
        twofa::remove(c.tx, a.id, ctx.now())?;
        c.audit("2fa.reset", Some(&a.username), None, serde_json::json!({}))
    })?;
    let doc = serde_json::json!({"username": a.username, "reset": true});
    ctx.out.emit(
        &doc,
        format!("Two-factor authentication removed for {}.", a.username),
    )?;
    Ok(())
}
