//! `2fa status`: whether an account is enrolled, since when, how many
//! backup codes are left and whether an enrolment waits for confirmation.

use anyhow::Result;

use crate::commands::Ctx;
use crate::domain::account::Account;
use crate::output::timestamp;
use crate::store::{Store, twofa};

/// `2fa status`.
pub(super) fn show(ctx: &Ctx, db: &Store, a: &Account) -> Result<()> {
    let e = twofa::get(db.read(), a.id)?.unwrap_or_default();
    let left = twofa::backup_codes_left(db.read(), a.id)?;
    let doc = serde_json::json!({
        "username": a.username,
        "enrolled": e.secret.is_some(),
        "enrolled_at": e.enrolled_at.map(timestamp),
        "backup_codes_left": left,
        "pending": e.pending_secret.is_some(),
    });
    let human = match e.enrolled_at {
        Some(at) => format!(
            "{}: enrolled since {}, {left} backup code(s) left",
            a.username,
            timestamp(at)
        ),
        None => format!("{}: not enrolled", a.username),
    } + if e.pending_secret.is_some() {
        "; an enrolment is waiting for confirmation"
    } else {
        ""
    };
    ctx.out.emit(&doc, human)?;
    Ok(())
}
