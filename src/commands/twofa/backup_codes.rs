//! `2fa backup-codes`: how many are left, or a fresh set; making backup
//! codes and showing them once (also at enrolment).

use anyhow::Result;

use crate::commands::Ctx;
use crate::commands::input::OsEntropy;
use crate::domain::account::Account;
use crate::domain::backup_codes;
use crate::domain::password;
use crate::domain::scope::Action;
use crate::domain::secret::Secret;
use crate::error::Failure;
use crate::store::{Store, twofa};

/// `2fa backup-codes`: the count left, or with `regenerate` new codes that
/// replace the old ones.
pub(super) fn count_or_regenerate(
    ctx: &Ctx,
    db: &mut Store,
    a: &Account,
    regenerate: bool,
) -> Result<()> {
    if twofa::get(db.read(), a.id)?
        .and_then(|e| e.secret)
        .is_none()
    {
        return Err(not_enrolled(a));
    }
    if !regenerate {
        let left = twofa::backup_codes_left(db.read(), a.id)?;
        let doc = serde_json::json!({"username": a.username, "backup_codes_left": left});
        let human = format!(
            "{}: {left} backup code(s) left. Codes cannot be shown again; make new ones with --regenerate.",
            a.username
        );
        ctx.out.emit(&doc, human)?;
        return Ok(());
    }
    let (codes, hashes) = new_codes()?;
    ctx.change_account(db, &a.username, &Action::ManageTwofa, |c, a| {
        if twofa::get(c.tx, a.id)?.and_then(|e| e.secret).is_none() {
            return Err(not_enrolled(a));
        }
        twofa::replace_backup_codes(c.tx, a.id, &hashes, ctx.now())?;
        c.audit(
            "2fa.backup-codes",
            Some(&a.username),
            None,
            serde_json::json!({"count": hashes.len()}),
        )
    })?;
    print_codes(
        ctx,
        &a.username,
        &codes,
        "The old backup codes no longer work.",
    )
}

fn not_enrolled(a: &Account) -> anyhow::Error {
    Failure::not_found(format!(
        "{} is not enrolled in two-factor authentication",
        a.username
    ))
    .into()
}

/// Fresh backup codes and their Argon2id hashes (of the normalised form).
pub(super) fn new_codes() -> Result<(Vec<Secret>, Vec<String>)> {
    let codes = backup_codes::generate(&mut OsEntropy)?;
    let hashes = codes
        .iter()
        .map(|c| password::hash(&backup_codes::normalise(c.expose()), &mut OsEntropy))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((codes, hashes))
}

/// Backup codes, shown once; a failed write is reported (nobody saw them).
pub(super) fn print_codes(ctx: &Ctx, username: &str, codes: &[Secret], after: &str) -> Result<()> {
    let list: Vec<&str> = codes.iter().map(Secret::expose).collect();
    let doc = serde_json::json!({"username": username, "backup_codes": list});
    let mut human = format!(
        "Backup codes for {username}. Each works once. They cannot be shown again: write them down or store them safely now.\n\n"
    );
    for pair in list.chunks(2) {
        human.push_str(&format!("  {}\n", pair.join("    ")));
    }
    if !after.is_empty() {
        human.push_str(&format!("\n{after}"));
    }
    let written = ctx.out.emit(&doc, human.trim_end());
    written.map_err(|e| {
        Failure::refused(format!(
            "the backup codes for {username} could not be shown ({e}); make new ones with `keyward 2fa backup-codes {username} --regenerate`"
        ))
        .into()
    })
}
