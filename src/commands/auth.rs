//! `keyward auth` (scripts and programs) and `keyward login` (people).

use anyhow::Result;
use serde::Serialize;

use super::signin::{self, exit_of, refusal};
use super::{Ctx, input};
use crate::domain::policy::Policy;
use crate::domain::secret::Secret;
use crate::domain::signin::{Action, Outcome};
use crate::error::{Exit, Failure};
use crate::store::signin::Candidate;
use crate::store::{Store, policy, terms};

#[derive(Serialize)]
struct AuthDoc<'a> {
    username: &'a str,
    result: &'static str,
    required_actions: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locked: Option<bool>,
    message: String,
}

/// One non-interactive attempt; the exit code is the answer (0/3/4/5).
pub fn auth(ctx: &Ctx, username: &str, code_stdin: bool) -> Result<Exit> {
    let mut db = ctx.open()?;
    let rules = policy::load(db.read())?;
    let pw = signin::current_password(true)?;
    let code = input::code_from_stdin(code_stdin, signin::CODE_AFTER_PASSWORD)?;
    let outcome = match signin::check_password(ctx, &mut db, &rules, username, &pw)? {
        Err(outcome) => outcome,
        Ok(c) if !c.state.twofa_enrolled => signin::finish(ctx, &mut db, &rules, &c, true)?,
        Ok(c) => {
            let code = match code {
                // --code-stdin on a terminal: asked, as the password was.
                None if code_stdin => Some(signin::prompt_code()?),
                given => given,
            };
            match code {
                // Enrolled, no code: say what is missing without counting or resetting.
                None => signin::finish(ctx, &mut db, &rules, &c, false)?,
                Some(code) => {
                    match signin::check_second_factor(ctx, &mut db, &rules, c.id, code.expose())? {
                        Ok(()) => signin::finish(ctx, &mut db, &rules, &c, true)?,
                        Err(outcome) => outcome,
                    }
                }
            }
        }
    };
    let actions = match &outcome {
        Outcome::ActionRequired(a) => a.iter().map(|a| a.as_str()).collect(),
        _ => Vec::new(),
    };
    let doc = AuthDoc {
        username: &username.to_ascii_lowercase(),
        result: outcome.result(),
        required_actions: actions,
        locked: outcome.locked_now().then_some(true),
        message: outcome.message(),
    };
    match exit_of(&outcome) {
        Exit::Success | Exit::ActionRequired => ctx.out.emit(&doc, outcome.message())?,
        _ if ctx.out.json => ctx.out.json(&doc)?,
        _ => return Err(refusal(&outcome)),
    }
    Ok(exit_of(&outcome))
}

/// An interactive sign-in: password, then each required action in turn.
pub fn login(ctx: &Ctx, username: Option<String>) -> Result<Exit> {
    if !input::interactive() {
        return Err(Failure::usage(
            "login needs a terminal; scripts and programs use `keyward auth USERNAME --password-stdin`",
        )
        .into());
    }
    let mut db = ctx.open()?;
    let rules = policy::load(db.read())?;
    let username = signin::username(username)?;
    let pw = Secret::new(
        dialoguer::Password::new()
            .with_prompt("Password")
            .interact()?,
    );
    let c =
        signin::check_password(ctx, &mut db, &rules, &username, &pw)?.map_err(|o| refusal(&o))?;
    if c.state.twofa_enrolled {
        let code = signin::prompt_code()?;
        signin::check_second_factor(ctx, &mut db, &rules, c.id, code.expose())?
            .map_err(|o| refusal(&o))?;
    }
    // Each action changes the account, so a handful of rounds always suffices.
    for _ in 0..4 {
        match signin::finish(ctx, &mut db, &rules, &c, true)? {
            Outcome::Ok => {
                let doc = serde_json::json!({"username": c.username, "result": "ok"});
                ctx.out
                    .emit(&doc, format!("Signed in as {}.", c.username))?;
                return Ok(Exit::Success);
            }
            Outcome::ActionRequired(actions) => match actions.first() {
                Some(Action::AcceptTerms) => accept_terms(ctx, &mut db, &rules, &c)?,
                Some(Action::ChangePassword) => change_password(ctx, &mut db, &rules, &c)?,
                _ => return Err(refusal(&Outcome::ActionRequired(actions))),
            },
            other => return Err(refusal(&other)),
        }
    }
    Err(Failure::refused("sign-in did not complete; try again").into())
}

/// Show the newest terms and record acceptance; declining ends the sign-in (exit 5).
fn accept_terms(ctx: &Ctx, db: &mut Store, rules: &Policy, c: &Candidate) -> Result<()> {
    let Some(t) = terms::newest(db.read())? else {
        return Ok(());
    };
    eprintln!(
        "\nTerms of use (version {}):\n\n{}\n",
        t.version,
        t.text.trim_end()
    );
    let yes = dialoguer::Confirm::new()
        .with_prompt("Do you accept these terms?")
        .default(false)
        .interact()?;
    if !yes {
        return Err(Failure::new(
            Exit::ActionRequired,
            "terms not accepted; you cannot sign in until you accept them",
        )
        .into());
    }
    ctx.own_change(db, rules, c.id, |tx| {
        super::terms::record_acceptance(tx, ctx, c, t.version)
    })
}

/// Ask for a new password (policy and history, asked again until met) and store it.
fn change_password(ctx: &Ctx, db: &mut Store, rules: &Policy, c: &Candidate) -> Result<()> {
    eprintln!("You must choose a new password.");
    let chosen = {
        let history = signin::history_rule(db.read(), rules, c.id);
        input::chosen_password(false, true, rules, &c.username, &history)?
    };
    let pw = chosen.ok_or_else(|| Failure::usage("no terminal to ask for a new password"))?;
    signin::store_own_password(ctx, db, rules, c.id, &pw)?;
    eprintln!("Password changed.");
    Ok(())
}
