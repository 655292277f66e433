//! `keyward 2fa enroll|confirm|status|reset|backup-codes`.

use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::input::{self, OsEntropy};
use super::session::{Access, Session};
use super::{Ctx, user};
use crate::cli::TwofaCmd;
use crate::domain::account::Account;
use crate::domain::backup_codes;
use crate::domain::password;
use crate::domain::policy::Policy;
use crate::domain::scope::Action;
use crate::domain::secret::Secret;
use crate::domain::totp::{STEP, TotpKey};
use crate::error::{Exit, Failure};
use crate::output::{qr, timestamp};
use crate::store::{Store, twofa};

/// Wrong codes a person may type at enrolment before it gives up.
const ENROL_TRIES: usize = 5;
/// How far (in steps, ±10 minutes) a wrong code is searched to explain clock skew.
const SKEW_SEARCH: i64 = 20;

pub fn run(ctx: &Ctx, cmd: TwofaCmd) -> Result<()> {
    let access = match cmd {
        TwofaCmd::Status { .. } => Access::Read,
        _ => Access::Change,
    };
    let Session { mut db, rules, op } = ctx.session(access)?;
    match cmd {
        TwofaCmd::Enroll {
            username,
            invert,
            png,
            svg,
            replace,
        } => {
            let files = Files {
                png: png.as_deref(),
                svg: svg.as_deref(),
            };
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            enroll(ctx, &mut db, &rules, &a, invert, files, replace)
        }
        TwofaCmd::Confirm {
            username,
            code_stdin,
        } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            may_enrol(&rules, &a)?;
            let key = pending_key(&db, &a)?;
            let code = confirmation_code(code_stdin, &a.username)?;
            let code = code.expose();
            let Some(step) = key.check(code, ctx.now()) else {
                return Err(
                    Failure::new(Exit::AuthFailed, wrong_code(&key, code, ctx.now())).into(),
                );
            };
            let codes = activate(ctx, &mut db, &rules, &a, &key, step)?;
            print_codes(ctx, &a.username, &codes, "Two-factor authentication is on.")
        }
        TwofaCmd::Status { username } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ViewTwofa, Some(&a))?;
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
        TwofaCmd::Reset { username } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
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
            ctx.change_account(&mut db, &a.username, &Action::ManageTwofa, |c, a| {
                twofa::remove(c.tx, a.id)?;
                c.audit("2fa.reset", Some(&a.username), None, serde_json::json!({}))
            })?;
            let doc = serde_json::json!({"username": a.username, "reset": true});
            ctx.out.emit(
                &doc,
                format!("Two-factor authentication removed for {}.", a.username),
            )?;
            Ok(())
        }
        TwofaCmd::BackupCodes {
            username,
            regenerate,
        } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            if twofa::get(db.read(), a.id)?
                .and_then(|e| e.secret)
                .is_none()
            {
                return Err(not_enrolled(&a));
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
            ctx.change_account(&mut db, &a.username, &Action::ManageTwofa, |c, a| {
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
    }
}

fn not_enrolled(a: &Account) -> anyhow::Error {
    Failure::not_found(format!(
        "{} is not enrolled in two-factor authentication",
        a.username
    ))
    .into()
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

/// Image files requested with `--png` / `--svg`.
struct Files<'a> {
    png: Option<&'a Path>,
    svg: Option<&'a Path>,
}

fn enroll(
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

/// The code that confirms an enrolment: alone on stdin with `--code-stdin`,
/// else asked on a terminal (also with the flag, as a password would be).
fn confirmation_code(code_stdin: bool, username: &str) -> Result<Secret> {
    let hint = format!(
        "pipe the code the app shows: printf '%s\\n' CODE | keyward 2fa confirm {username} --code-stdin"
    );
    if let Some(code) = input::code_from_stdin(code_stdin, &hint)? {
        return Ok(code);
    }
    if !input::interactive() {
        return Err(Failure::usage(format!("no terminal to ask for the code: {hint}")).into());
    }
    Ok(Secret::new(
        dialoguer::Input::new()
            .with_prompt("Code shown in the app")
            .interact_text()?,
    ))
}

/// Ask for the app's code until it is right (or [`ENROL_TRIES`] wrong ones).
fn ask_code(ctx: &Ctx, key: &TotpKey) -> Result<i64> {
    for _ in 0..ENROL_TRIES {
        let typed: String = dialoguer::Input::new()
            .with_prompt("Code shown in the app")
            .interact_text()?;
        // The time the code was typed, not when the command started.
        let now = ctx.now();
        if let Some(step) = key.check(&typed, now) {
            return Ok(step);
        }
        eprintln!("{}", wrong_code(key, &typed, now));
    }
    Err(Failure::new(
        Exit::AuthFailed,
        "no right code after 5 tries; the enrolment is still pending: run `keyward 2fa enroll` again, or `keyward 2fa confirm USER`",
    )
    .into())
}

/// Why a confirmation code was wrong, naming clock skew when it explains it.
fn wrong_code(key: &TotpKey, code: &str, now: i64) -> String {
    match key.skew_of(code, now, SKEW_SEARCH) {
        Some(steps) => {
            let minutes = (steps.abs() * STEP + 30) / 60;
            let way = if steps > 0 { "ahead" } else { "behind" };
            format!(
                "that code is not for now: it matches a time about {minutes} minute(s) {way}. Check the phone's clock (set it to automatic time) and type the current code"
            )
        }
        None => "that code is not right; check the app shows this account and type the code it shows now".into(),
    }
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

/// Fresh backup codes and their Argon2id hashes (of the normalised form).
fn new_codes() -> Result<(Vec<Secret>, Vec<String>)> {
    let codes = backup_codes::generate(&mut OsEntropy)?;
    let hashes = codes
        .iter()
        .map(|c| password::hash(&backup_codes::normalise(c.expose())))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((codes, hashes))
}

/// Backup codes, shown once; a failed write is reported (nobody saw them).
fn print_codes(ctx: &Ctx, username: &str, codes: &[Secret], after: &str) -> Result<()> {
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

/// Write the requested images, noting each one created in `written`; if
/// one fails, the ones written are removed.
fn write_images(uri: &str, files: &Files<'_>, written: &mut Vec<PathBuf>) -> Result<()> {
    let mut result = Ok(());
    if let Some(path) = files.png {
        result = qr::png(uri, 8)
            .map_err(Into::into)
            .and_then(|b| write_private(path, &b));
        if result.is_ok() {
            written.push(path.to_path_buf());
        }
    }
    if let (Ok(()), Some(path)) = (&result, files.svg) {
        result = qr::svg(uri)
            .map_err(Into::into)
            .and_then(|s| write_private(path, s.as_bytes()));
        if result.is_ok() {
            written.push(path.to_path_buf());
        }
    }
    if result.is_err() {
        remove_files(written);
        written.clear();
    }
    result
}

fn remove_files(paths: &[PathBuf]) {
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

/// Create a file only keyward's user can read, never over an existing one.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
