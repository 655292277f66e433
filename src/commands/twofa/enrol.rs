//! `2fa enroll` and `2fa confirm`: who may enrol, the pending secret and its
//! QR code, and making a confirmed secret the one in force.

use anyhow::Result;
use std::io::IsTerminal;

use super::backup_codes::{new_codes, print_codes};
use super::images::{Files, remove_files, write_images};
use super::prompt::{ask_code, confirmation_code, wrong_code};
use crate::commands::Ctx;
use crate::commands::input::{self, OsEntropy};
use crate::domain::account::Account;
use crate::domain::policy::Policy;
use crate::domain::scope::Action;
use crate::domain::secret::Secret;
use crate::domain::totp::TotpKey;
use crate::error::{Exit, Failure};
use crate::output::qr;
use crate::store::{Store, twofa};

/// `2fa confirm`: check the code against the pending secret, then
/// activate it and show the backup codes.
pub(super) fn confirm(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    a: &Account,
    code_stdin: bool,
) -> Result<()> {
    may_enrol(rules, a)?;
    let key = pending_key(db, a)?;
    let code = confirmation_code(code_stdin, &a.username)?;
    let code = code.expose();
    let Some(step) = key.check(code, ctx.now()) else {
        return Err(Failure::new(Exit::AuthFailed, wrong_code(&key, code, ctx.now())).into());
    };
    let codes = activate(ctx, db, rules, a, &key, step)?;
    print_codes(ctx, &a.username, &codes, "Two-factor authentication is on.")
}

/// Only roles in `2fa-roles` may enrol (checked at enrol and at confirm).
fn may_enrol(rules: &Policy, a: &Account) -> Result<()> {
    if rules.twofa_roles.contains(&a.role) {
        return Ok(());
    }
    let allowed: Vec<&str> = rules.twofa_roles.iter().map(|r| r.as_str()).collect();
    Err(Failure::new(
        Exit::Denied,
        format!(
            "role {} may not enrol two-factor authentication; allowed roles (policy 2fa-roles): {}",
            a.role,
            if allowed.is_empty() {
                "none".to_string()
            } else {
                allowed.join(", ")
            }
        ),
    )
    .into())
}

pub(super) fn enroll(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    a: &Account,
    invert: bool,
    files: Files<'_>,
    replace: bool,
) -> Result<()> {
    may_enrol(rules, a)?;
    if twofa::get(db.read(), a.id)?
        .and_then(|e| e.secret)
        .is_some()
        && !replace
    {
        return Err(Failure::exists(format!(
            "{} is already enrolled; pass --replace to enrol a new device (the current one keeps working until the new one is confirmed)",
            a.username
        ))
        .into());
    }
    if files.png.is_some() && files.png == files.svg {
        return Err(
            Failure::usage("--png and --svg name the same file; give two different files").into(),
        );
    }
    for path in [files.png, files.svg].into_iter().flatten() {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(Failure::exists(format!(
                "{} already exists; the QR code holds a secret, so keyward never overwrites a file",
                path.display()
            ))
            .into());
        }
    }
    let key = TotpKey::generate(&mut OsEntropy)?;
    let uri = key.uri(&rules.totp_issuer, &a.username)?;
    // The images are written inside the transaction that stores the secret:
    // if one cannot be written nothing is stored (the pending secret shown
    // before stays the one to confirm), and if the commit fails the images
    // are removed, so an image is only ever of a stored secret.
    let mut written = Vec::new();
    let stored = ctx.change_account(db, &a.username, &Action::ManageTwofa, |c, a| {
        may_enrol(rules, a)?;
        twofa::set_pending(c.tx, a.id, &key.base32(), ctx.now())?;
        c.audit(
            "2fa.enroll-start",
            Some(&a.username),
            None,
            serde_json::json!({"replace": replace}),
        )?;
        write_images(&uri, &files, &mut written)
    });
    if let Err(e) = stored {
        remove_files(&written);
        return Err(e);
    }
    if ctx.out.json {
        ctx.out.json(
            &serde_json::json!({"username": a.username, "uri": uri, "secret": key.base32()}),
        )?;
        return Ok(());
    }
    show_enrolment(
        ctx,
        &format!("{}:{}", rules.totp_issuer, a.username),
        &key,
        &uri,
        invert,
    )?;
    if !input::interactive() {
        ctx.out.text(format!(
            "Then finish with: keyward 2fa confirm {0} (asks for the code), or pipe it: \
             printf '%s\\n' CODE | keyward 2fa confirm {0} --code-stdin",
            a.username
        ))?;
        return Ok(());
    }
    let step = ask_code(ctx, &key)?;
    let codes = activate(ctx, db, rules, a, &key, step)?;
    print_codes(ctx, &a.username, &codes, "")?;
    while !dialoguer::Confirm::new()
        .with_prompt("Have you saved the backup codes somewhere safe?")
        .default(false)
        .interact()?
    {
        print_codes(ctx, &a.username, &codes, "")?;
    }
    ctx.out.text(format!(
        "Two-factor authentication is on for {}.",
        a.username
    ))?;
    Ok(())
}

/// The QR code (or the URI when the terminal is too narrow) and the secret.
fn show_enrolment(
    ctx: &Ctx,
    label: &str,
    key: &TotpKey,
    uri: &str,
    light_background: bool,
) -> Result<()> {
    let needed = qr::terminal_width(uri)?;
    let mut text = String::from(
        "Scan this QR code with an authenticator app (Google or Microsoft Authenticator):\n\n",
    );
    match terminal_columns() {
        Some(cols) if cols < needed => text.push_str(&format!(
            "The terminal is {cols} columns wide and the QR code needs {needed}: widen it, or use --png FILE,\nor add the account with this URI:\n\n  {uri}\n"
        )),
        _ => text.push_str(&qr::terminal(uri, light_background)?),
    }
    text.push_str(&format!(
        "\nAccount: {label}\nSecret for manual entry: {}\n",
        key.grouped()
    ));
    ctx.out.text(text)?;
    Ok(())
}

/// Columns available: `COLUMNS` if set, else the terminal's width, else unknown.
fn terminal_columns() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    if std::io::stdout().is_terminal() {
        let (_, cols) = console::Term::stdout().size();
        return Some(usize::from(cols)).filter(|c| *c > 0);
    }
    None
}

/// The pending secret of an account, or exit 7.
fn pending_key(db: &Store, a: &Account) -> Result<TotpKey> {
    let pending = twofa::get(db.read(), a.id)?.and_then(|e| e.pending_secret).ok_or_else(|| {
        Failure::not_found(format!(
            "no two-factor enrolment is waiting for confirmation for {}; start one with `keyward 2fa enroll {}`",
            a.username, a.username
        ))
    })?;
    Ok(TotpKey::from_base32(&pending)?)
}

/// Make the confirmed pending secret the one in force and create backup codes.
fn activate(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    a: &Account,
    key: &TotpKey,
    step: i64,
) -> Result<Vec<Secret>> {
    let (codes, hashes) = new_codes()?;
    let expected = key.base32();
    ctx.change_account(db, &a.username, &Action::ManageTwofa, |c, a| {
        may_enrol(rules, a)?;
        let tx = c.tx;
        let still = twofa::get(tx, a.id)?.and_then(|e| e.pending_secret);
        if still.as_deref() != Some(expected.as_str()) {
            return Err(Failure::refused(
                "the enrolment was restarted meanwhile; use the newest QR code",
            )
            .into());
        }
        twofa::confirm(tx, a.id, step, &hashes, ctx.now())?;
        let details = serde_json::json!({"backup_codes": hashes.len()});
        Ok(ctx.audit(tx, "2fa.enroll", Some(&a.username), None, details)?)
    })?;
    Ok(codes)
}
