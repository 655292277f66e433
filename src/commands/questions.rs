//! `keyward questions list|set` and `keyward forgot-password`.

use anyhow::Result;
use std::io::BufRead;

use super::input::OsEntropy;
use super::session::{Access, Session};
use super::signin::{self, refusal};
use super::{Ctx, input, user};
use crate::cli::QuestionsCmd;
use crate::domain::names::Username;
use crate::domain::password;
use crate::domain::questions::{self as catalogue, CATALOGUE, REQUIRED};
use crate::domain::scope::Action;
use crate::domain::secret::Secret;
use crate::domain::signin::{self as machine, Admission, Outcome};
use crate::error::{Exit, Failure};
use crate::output::table;
use crate::store::{accounts, policy, questions, signin as rows, twofa};

/// The one answer for every account that cannot use forgot-password.
pub const CANNOT_RESET: &str =
    "this account cannot be reset here; contact your site administrator or support";

pub fn run(ctx: &Ctx, cmd: QuestionsCmd) -> Result<()> {
    match cmd {
        QuestionsCmd::List => {
            let doc: Vec<_> = CATALOGUE
                .iter()
                .map(|q| serde_json::json!({"id": q.id, "text": q.text}))
                .collect();
            let rows: Vec<[String; 2]> = CATALOGUE
                .iter()
                .map(|q| [q.id.to_string(), q.text.to_string()])
                .collect();
            let human = format!(
                "{}\nChoose {REQUIRED}.",
                table::rows(&["ID", "QUESTION"], &rows, &[])
            );
            ctx.out.emit(&doc, human)?;
            Ok(())
        }
        QuestionsCmd::Set {
            username,
            password_stdin,
            code_stdin,
        } => set(ctx, username, password_stdin, code_stdin),
        QuestionsCmd::Clear { username } => clear(ctx, &username),
    }
}

/// `questions clear USERNAME`: an account change like `user unlock`. An
/// account without answers is left alone, and nothing is logged.
fn clear(ctx: &Ctx, username: &str) -> Result<()> {
    let Session { mut db, rules, .. } = ctx.session(Access::Change)?;
    let after = ctx.change_account(&mut db, username, &Action::ChangeAccount, |c, a| {
        let removed = questions::clear(c.tx, a.id)?;
        if removed > 0 {
            let facility = a.facilities.first().map(String::as_str);
            c.audit(
                "questions.clear",
                Some(&a.username),
                facility,
                serde_json::json!({"answers": removed}),
            )?;
        }
        user::find(c.tx, &a.username)
    })?;
    user::show_account(ctx, rules, &after, None)
}

fn set(ctx: &Ctx, username: Option<String>, password_stdin: bool, code_stdin: bool) -> Result<()> {
    let (mut db, rules, c) = signin::self_service(ctx, username, password_stdin, code_stdin)?;
    let raw = if password_stdin && !input::interactive() {
        answers_from_stdin()?
    } else {
        ask_answers()?
    };
    let today = jiff::Timestamp::from_second(ctx.now())?
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let chosen = catalogue::validate(&raw, today)?;
    let mut hashed = Vec::with_capacity(chosen.len());
    for (q, answer) in &chosen {
        hashed.push((
            q.id,
            password::hash(&Secret::new(answer.clone()), &mut OsEntropy)?,
        ));
    }
    ctx.own_change(&mut db, &rules, c.id, |tx| -> Result<()> {
        questions::replace(tx, c.id, &hashed, ctx.now())?;
        let ids: Vec<&str> = hashed.iter().map(|(q, _)| *q).collect();
        ctx.audit(
            tx,
            "questions.set",
            Some(&c.username),
            None,
            serde_json::json!({"questions": ids}),
        )?;
        rows::reset_failures(tx, c.id)?;
        Ok(())
    })?;
    let ids: Vec<&str> = chosen.iter().map(|(q, _)| q.id).collect();
    ctx.out.emit(
        &serde_json::json!({"username": c.username, "questions": ids}),
        format!("Saved {} security questions for {}.", ids.len(), c.username),
    )?;
    Ok(())
}

/// `id=answer` lines after the password line, up to a sane limit.
fn answers_from_stdin() -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for line in std::io::stdin().lock().lines().take(64) {
        let line = line.map_err(|_| Failure::data("answers on stdin must be UTF-8 text"))?;
        if line.trim().is_empty() {
            continue;
        }
        let (id, answer) = line.split_once('=').ok_or_else(|| {
            Failure::data("each answer line must be QUESTION=answer; see `keyward questions list`")
        })?;
        out.push((id.trim().to_string(), answer.to_string()));
    }
    Ok(out)
}

/// Choose [`REQUIRED`] questions from the catalogue and answer each (hidden, twice).
fn ask_answers() -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    while out.len() < REQUIRED {
        let left: Vec<_> = CATALOGUE
            .iter()
            .filter(|q| !out.iter().any(|(id, _)| id == q.id))
            .collect();
        let texts: Vec<&str> = left.iter().map(|q| q.text).collect();
        let pick = dialoguer::Select::new()
            .with_prompt(format!("Security question {} of {REQUIRED}", out.len() + 1))
            .items(&texts)
            .default(0)
            .interact()?;
        let q = left
            .get(pick)
            .ok_or_else(|| Failure::usage("no such question"))?;
        let answer = dialoguer::Password::new()
            .with_prompt(q.text)
            .with_confirmation("Repeat the answer", "The answers differ; try again")
            .interact()?;
        out.push((q.id.to_string(), answer));
    }
    Ok(out)
}

/// `keyward forgot-password`: all questions right, then a new password; 2FA is
/// removed and the terms must be accepted again.
pub fn forgot(ctx: &Ctx, username: Option<String>) -> Result<()> {
    if !input::interactive() {
        return Err(Failure::usage(
            "forgot-password needs a terminal; otherwise ask your site administrator or support for `user reset-password`",
        )
        .into());
    }
    let mut db = ctx.open()?;
    let rules = policy::load(db.read())?;
    let typed = signin::username(username)?;
    let found = match Username::parse(&typed) {
        Ok(name) => rows::by_username(db.read(), name.as_str())?,
        Err(_) => None,
    };
    let cannot = || Failure::new(Exit::Error, CANNOT_RESET);
    let c = found.ok_or_else(cannot)?;
    let stored = questions::for_account(db.read(), c.id)?;
    let admitted = matches!(
        machine::admit(Some(&c.state), &rules, ctx.now()),
        Admission::Check { .. }
    );
    if !admitted || stored.is_empty() {
        return Err(cannot().into());
    }
    let mut all_right = true;
    for (id, hash) in &stored {
        let text = catalogue::find(id).map_or(id.as_str(), |q| q.text);
        let answer = dialoguer::Password::new()
            .with_prompt(text)
            .allow_empty_password(true)
            .interact()?;
        let normalised = Secret::new(catalogue::normalise(&answer));
        // Check every answer, so the time does not tell which one was wrong.
        all_right &= !normalised.expose().is_empty() && password::verify(&normalised, hash)?;
    }
    if !all_right {
        let outcome = signin::count_failure(ctx, &mut db, &rules, c.id, "answers")?;
        let mut msg = String::from("the answers do not match");
        match outcome {
            Outcome::Failed { locked_now: false } => {}
            Outcome::Failed { locked_now: true } => msg.push_str(
                "; too many failed attempts, the account is now locked; contact your site administrator or support",
            ),
            other => return Err(refusal(&other)),
        }
        return Err(Failure::new(Exit::AuthFailed, msg).into());
    }
    let chosen = {
        let history = signin::history_rule(db.read(), &rules, c.id);
        input::chosen_password(false, true, &rules, &c.username, &history)?
    };
    let new = chosen.ok_or_else(|| Failure::usage("no terminal to ask for a new password"))?;
    let hash = password::hash(&new, &mut OsEntropy)?;
    ctx.own_change(&mut db, &rules, c.id, |tx| -> Result<()> {
        // Seed: the reset removes two-factor authentication, and the terms
        // must be accepted again.
        accounts::set_password(tx, c.id, &hash, false, Some(true), ctx.now())?;
        let twofa_removed = twofa::remove(tx, c.id, ctx.now())?;
        let details = serde_json::json!({"twofa_removed": twofa_removed});
        ctx.audit(
            tx,
            "password.forgot-reset",
            Some(&c.username),
            None,
            details,
        )?;
        Ok(())
    })?;
    ctx.out.emit(
        &serde_json::json!({"username": c.username, "password_changed": true}),
        format!(
            "Password changed for {}. Sign in with `keyward login {}`.",
            c.username, c.username
        ),
    )?;
    Ok(())
}
