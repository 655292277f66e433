//! The sign-in steps every self-service command shares, driving the domain
//! state machine (`domain::signin`) against the store. Slow work (Argon2)
//! happens outside write transactions; every write re-reads the account
//! inside `BEGIN IMMEDIATE`, so parallel attempts count exactly.

use anyhow::Result;
use serde_json::json;

use super::input::OsEntropy;
use super::{Ctx, input};
use crate::domain::backup_codes;
use crate::domain::names::Username;
use crate::domain::password::{self, Hasher};
use crate::domain::policy::{Policy, Violation};
use crate::domain::secret::Secret;
use crate::domain::signin::{self, Admission, Outcome, Refusal};
use crate::domain::totp::{self, TotpKey};
use crate::error::{Exit, Failure};
use crate::store::signin::{self as rows, Candidate};
use crate::store::{self, Store, Tx, accounts, terms, twofa};

/// The exit code of an outcome (SPEC 4 and 7).
pub fn exit_of(outcome: &Outcome) -> Exit {
    match outcome {
        Outcome::Ok => Exit::Success,
        Outcome::Failed { .. } | Outcome::CodeFailed { .. } => Exit::AuthFailed,
        Outcome::Locked { .. } | Outcome::Disabled | Outcome::Expired => Exit::Locked,
        Outcome::ActionRequired(_) => Exit::ActionRequired,
    }
}

/// An outcome that ends a command, as the error main prints and exits with.
pub fn refusal(outcome: &Outcome) -> anyhow::Error {
    Failure::new(exit_of(outcome), outcome.message()).into()
}

/// An account whose password was right. When its stored hash is weaker than
/// a new one ([`password::needs_upgrade`]), the password was hashed again
/// with the current parameters (outside any transaction, as all hashing is),
/// and the successful sign-in stores that hash ([`finish`], [`authenticate`]).
pub struct Verified {
    pub account: Candidate,
    upgrade: Option<Upgrade>,
}

struct Upgrade {
    old: String,
    new: String,
}

impl std::ops::Deref for Verified {
    type Target = Candidate;
    fn deref(&self) -> &Candidate {
        &self.account
    }
}

/// Inside the sign-in's write transaction: replace the weaker hash by the
/// stronger one, with an audit row naming both parameter sets (never the
/// hashes), unless the password was changed meanwhile.
fn store_upgrade(tx: Tx<'_>, ctx: &Ctx, v: &Verified) -> Result<()> {
    let Some(u) = &v.upgrade else {
        return Ok(());
    };
    if accounts::rehash(tx, v.id, &u.old, &u.new, ctx.now())? {
        let details = json!({
            "from": password::parameters(&u.old),
            "to": password::parameters(&u.new),
        });
        ctx.audit(tx, "password.rehash", Some(&v.username), None, details)?;
    }
    Ok(())
}

/// Steps 1-3: the account behind `username` if `password` is right, or the
/// final outcome (failed, locked, disabled). A wrong password is counted and
/// may lock; an unknown or malformed username costs the same work and write.
pub fn check_password(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    username: &str,
    pw: &Secret,
) -> Result<Result<Verified, Outcome>> {
    let found = match Username::parse(username) {
        Ok(name) => rows::by_username(db.read(), name.as_str())?,
        Err(_) => None,
    };
    let candidate = match (
        signin::admit(found.as_ref().map(|c| &c.state), rules, ctx.now()),
        found,
    ) {
        (Admission::Refused(r), found) => {
            let outcome = refused(r);
            let target = found.as_ref().map(|c| c.username.as_str());
            ctx.sign_in_write(db, |tx| {
                ctx.audit(
                    tx,
                    "signin.refused",
                    target,
                    None,
                    json!({"reason": outcome.result()}),
                )
            })?;
            return Ok(Err(outcome));
        }
        (Admission::Check { .. }, Some(c)) => c,
        (_, _) => {
            password::verify_dummy(pw);
            // The typed name is not recorded: people type passwords there by mistake.
            ctx.sign_in_write(db, |tx| -> store::Result<()> {
                rows::count_unknown_failure(tx)?;
                ctx.audit(
                    tx,
                    "signin.failed",
                    None,
                    None,
                    json!({"reason": "unknown-user"}),
                )
            })?;
            return Ok(Err(Outcome::Failed { locked_now: false }));
        }
    };
    if password::verify(pw, &candidate.password_hash)? {
        // A password hashing refuses (empty, from an old import) keeps its hash.
        let upgrade = password::needs_upgrade(&candidate.password_hash)
            .then(|| password::hash(pw, &mut OsEntropy).ok())
            .flatten()
            .map(|new| Upgrade {
                old: candidate.password_hash.clone(),
                new,
            });
        Ok(Ok(Verified {
            account: candidate,
            upgrade,
        }))
    } else {
        Ok(Err(count_failure(
            ctx,
            db,
            rules,
            candidate.id,
            "password",
        )?))
    }
}

fn refused(r: Refusal) -> Outcome {
    match r {
        Refusal::Disabled => Outcome::Disabled,
        Refusal::Expired => Outcome::Expired,
        Refusal::Locked { until } => Outcome::Locked { until },
    }
}

/// Count one failed attempt (wrong password, code or answers) and return its
/// outcome. Inside the write transaction the account is read again: if another
/// attempt locked it (or an administrator disabled it) while this one was
/// hashing, the answer is "locked"/"disabled" and nothing is counted, so
/// parallel guesses get no further than the threshold and a right guess in
/// that window looks the same as a wrong one. A lapsed lock is cleared first,
/// so counting starts again.
/// `reason` (password, code, answers) goes to the audit log.
pub fn count_failure(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    id: i64,
    reason: &str,
) -> Result<Outcome> {
    ctx.sign_in_write(db, |tx| -> Result<Outcome> {
        let c = match admitted_now(tx, ctx, rules, id)? {
            Ok(c) => c,
            Err(outcome) => return Ok(outcome),
        };
        let failures = rows::add_failure(tx, id)?;
        let open_before = crate::store::sessions::open_ids(tx, id)?;
        let locked_now = signin::locks_at(failures, rules)
            && rows::lock_if_unlocked(tx, id, signin::failure_lock(ctx.now()))?;
        let details = json!({"reason": reason, "failed_attempts": failures});
        ctx.audit(tx, "signin.failed", Some(&c.username), None, details)?;
        if locked_now {
            let details =
                json!({"reason": "failed-attempts", "threshold": rules.lockout_threshold});
            ctx.audit(tx, "account.locked", Some(&c.username), None, details)?;
            ctx.log_ended_sessions(tx, &c.username, &open_before)?;
        }
        Ok(Outcome::Failed { locked_now })
    })
}

/// The account as it is now, inside a write transaction: refused if it was
/// locked or disabled meanwhile (or removed), with a lapsed failed-attempts
/// lock cleared so that counting starts again. The domain decides both.
fn admitted_now(
    conn: Tx<'_>,
    ctx: &Ctx,
    rules: &Policy,
    id: i64,
) -> Result<Result<Candidate, Outcome>> {
    let Some(c) = rows::by_id(conn, id)? else {
        return Ok(Err(Outcome::Failed { locked_now: false }));
    };
    match signin::admit(Some(&c.state), rules, ctx.now()) {
        Admission::Refused(r) => {
            let outcome = refused(r);
            ctx.audit(
                conn,
                "signin.refused",
                Some(&c.username),
                None,
                json!({"reason": outcome.result()}),
            )?;
            Ok(Err(outcome))
        }
        Admission::Check { lock_lapsed } => {
            if lock_lapsed {
                rows::clear_lapsed_lock(conn, id)?;
                let details = json!({"locked_at": c.state.lock.map(|l| l.at), "lockout_minutes": rules.lockout_minutes});
                ctx.audit(conn, "lock.expired", Some(&c.username), None, details)?;
            }
            Ok(Ok(c))
        }
        Admission::Unknown => Ok(Err(Outcome::Failed { locked_now: false })),
    }
}

/// For a self-service change (new password, answers, terms acceptance) about
/// to be written: refuse it if the account was locked or disabled while the
/// person was typing, so a prompt left open cannot outlive a lock.
pub fn still_admitted(conn: Tx<'_>, ctx: &Ctx, rules: &Policy, id: i64) -> Result<()> {
    admitted_now(conn, ctx, rules, id)?
        .map(|_| ())
        .map_err(|o| refusal(&o))
}

/// Steps 4-6 after a right password (and, when enrolled, a right code):
/// the account is re-read inside the transaction; a lock or disable that
/// arrived meanwhile still wins. Resets failures unless the second factor is
/// missing; records the sign-in when nothing is pending. With the second
/// factor done, a weaker hash is replaced in the same transaction.
pub fn finish(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    verified: &Verified,
    second_factor_done: bool,
) -> Result<Outcome> {
    let id = verified.id;
    ctx.sign_in_write(db, |tx| -> Result<Outcome> {
        let c = match admitted_now(tx, ctx, rules, id)? {
            Ok(c) => c,
            Err(outcome) => return Ok(outcome),
        };
        if second_factor_done {
            store_upgrade(tx, ctx, verified)?;
        }
        let terms = terms::status(tx, id)?;
        let actions =
            signin::required_actions(&c.state, terms, second_factor_done, rules, ctx.now());
        if actions.is_empty() {
            let no_terms = terms == signin::TermsStatus::None;
            rows::record_sign_in(tx, id, ctx.now(), no_terms)?;
            ctx.audit(
                tx,
                "signin.ok",
                Some(&c.username),
                None,
                json!({"second_factor": c.state.twofa_enrolled}),
            )?;
            return Ok(Outcome::Ok);
        }
        if signin::resets_failures(&actions) {
            rows::reset_failures(tx, id)?;
        }
        let pending: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
        ctx.audit(
            tx,
            "signin.action-required",
            Some(&c.username),
            None,
            json!({"required_actions": pending}),
        )?;
        Ok(Outcome::ActionRequired(actions))
    })
}

/// Step 4 for an enrolled account: a TOTP code for the current step ±1 that
/// is later than the last step used (no replay), or an unused backup code
/// (spent atomically). A wrong, replayed or spent code counts as a failed
/// attempt, exactly like a wrong password.
pub fn check_second_factor(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    id: i64,
    code: &str,
) -> Result<Result<(), Outcome>> {
    let Some(secret) = twofa::get(db.read(), id)?.and_then(|e| e.secret) else {
        return Ok(Ok(()));
    };
    let accepted = if totp::looks_like_totp(code) {
        match TotpKey::from_base32(&secret)?.check(code, ctx.now()) {
            Some(step) => ctx.sign_in_write(db, |tx| twofa::advance_step(tx, id, step))?,
            None => false,
        }
    } else {
        let typed = backup_codes::normalise(code);
        let mut hit = None;
        if (1..=64).contains(&typed.expose().len()) {
            // One Argon2 block for all the codes, made when the first needs it.
            let mut hasher = None;
            for (code_id, hash) in twofa::unused_backup_codes(db.read(), id)? {
                if hasher
                    .get_or_insert_with(Hasher::new)
                    .verify(&typed, &hash)?
                {
                    hit = Some(code_id);
                    break;
                }
            }
        }
        match hit {
            Some(code_id) => ctx.sign_in_write(db, |tx| -> Result<bool> {
                let spent = twofa::use_backup_code(tx, code_id, ctx.now())?;
                if spent {
                    let left = twofa::backup_codes_left(tx, id)?;
                    let name = rows::by_id(tx, id)?.map(|c| c.username);
                    ctx.audit(
                        tx,
                        "2fa.backup-code-used",
                        name.as_deref(),
                        None,
                        json!({"left": left}),
                    )?;
                }
                Ok(spent)
            })?,
            None => false,
        }
    };
    if accepted {
        Ok(Ok(()))
    } else {
        Ok(Err(count_failure(ctx, db, rules, id, "code")?.for_code()))
    }
}

/// Ask for the second factor on a terminal.
pub fn prompt_code() -> Result<Secret> {
    Ok(Secret::new(
        dialoguer::Input::new()
            .with_prompt("Authentication code from the app (or a backup code)")
            .interact_text()?,
    ))
}

/// Where `--code-stdin` expects the code, for messages.
pub const CODE_AFTER_PASSWORD: &str = "with --code-stdin it is the line after the password, e.g. `printf '%s\\n%s\\n' \"$PW\" \"$CODE\"`";

/// Full authentication for a self-service change: the password and, for an
/// enrolled account, a code (`--code-stdin`, or asked on a terminal). A stolen
/// password alone must not change answers, reset the failure count, or
/// reach forgot-password's removal of the second factor.
pub fn authenticate(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    username: &str,
    pw: &Secret,
    code: Option<Secret>,
) -> Result<Verified> {
    let c = check_password(ctx, db, rules, username, pw)?.map_err(|o| refusal(&o))?;
    if c.state.twofa_enrolled {
        let code = match code {
            Some(code) => code,
            None if input::interactive() => prompt_code()?,
            None => {
                return Err(Failure::new(
                    Exit::ActionRequired,
                    "this account uses two-factor authentication: give its code with --code-stdin \
                     (the line after the password on stdin), or run on a terminal to be asked",
                )
                .into());
            }
        };
        check_second_factor(ctx, db, rules, c.id, code.expose())?.map_err(|o| refusal(&o))?;
    }
    if c.upgrade.is_some() {
        ctx.sign_in_write(db, |tx| store_upgrade(tx, ctx, &c))?;
    }
    Ok(c)
}

/// The start of every self-service command: the database, the policy, and
/// the account fully authenticated (password, and code when enrolled).
/// With `code_stdin` the code is the line after the password, read whether
/// or not the account is enrolled, so the lines after it mean the same.
pub fn self_service(
    ctx: &Ctx,
    username: Option<String>,
    password_stdin: bool,
    code_stdin: bool,
) -> Result<(Store, Policy, Verified)> {
    let mut db = ctx.open()?;
    let rules = crate::store::policy::load(db.read())?;
    let username = self::username(username)?;
    let pw = current_password(password_stdin)?;
    let code = input::code_from_stdin(code_stdin, CODE_AFTER_PASSWORD)?;
    let c = authenticate(ctx, &mut db, &rules, &username, &pw, code)?;
    Ok((db, rules, c))
}

/// Store a password the account chose for itself: refused if the account
/// was locked or disabled meanwhile; clears `must_change_password`.
pub fn store_own_password(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    id: i64,
    new: &Secret,
) -> Result<()> {
    let hash = password::hash(new, &mut OsEntropy)?;
    ctx.own_change(db, rules, id, |tx| -> Result<()> {
        accounts::set_password(tx, id, &hash, false, None, ctx.now())?;
        let name = rows::by_id(tx, id)?.map(|c| c.username);
        Ok(ctx.audit(tx, "password.change", name.as_deref(), None, json!({}))?)
    })
}

/// The history rule for a new password: none of the last `history` hashes
/// of the account (the current one included) may match.
pub fn history_rule<'a>(
    conn: Tx<'a>,
    rules: &'a Policy,
    account_id: i64,
) -> impl Fn(&Secret) -> Result<Vec<Violation>> + 'a {
    move |pw: &Secret| {
        let mut hasher = None;
        for old in accounts::password_history(conn, account_id, rules.history)? {
            if hasher.get_or_insert_with(Hasher::new).verify(pw, &old)? {
                return Ok(vec![Violation::RecentlyUsed]);
            }
        }
        Ok(Vec::new())
    }
}

/// The username a self-service command acts for: given, or asked on a terminal.
pub fn username(given: Option<String>) -> Result<String> {
    if let Some(u) = given {
        return Ok(u);
    }
    if !input::interactive() {
        return Err(
            Failure::usage("give the USERNAME (there is no terminal to ask for it)").into(),
        );
    }
    Ok(dialoguer::Input::<String>::new()
        .with_prompt("Username")
        .interact_text()?)
}

/// The current password: one line of stdin, or a hidden prompt.
pub fn current_password(password_stdin: bool) -> Result<Secret> {
    if password_stdin && !input::interactive() {
        return input::read_password_line();
    }
    if !input::interactive() {
        return Err(Failure::usage(
            "no terminal to ask for the password: pipe it with --password-stdin",
        )
        .into());
    }
    let typed = dialoguer::Password::new()
        .with_prompt("Password")
        .interact()?;
    Ok(Secret::new(typed))
}
