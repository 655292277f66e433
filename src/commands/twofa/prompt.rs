//! The codes a person types: asking for them, and explaining a wrong one
//! (clock skew when it explains it).

use anyhow::Result;

use crate::commands::Ctx;
use crate::commands::input;
use crate::domain::secret::Secret;
use crate::domain::totp::{STEP, TotpKey};
use crate::error::{Exit, Failure};

/// Wrong codes a person may type at enrolment before it gives up.
const ENROL_TRIES: usize = 5;
/// How far (in steps, ±10 minutes) a wrong code is searched to explain clock skew.
const SKEW_SEARCH: i64 = 20;

/// The code that confirms an enrolment: alone on stdin with `--code-stdin`,
/// else asked on a terminal (also with the flag, as a password would be).
pub(super) fn confirmation_code(code_stdin: bool, username: &str) -> Result<Secret> {
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
pub(super) fn ask_code(ctx: &Ctx, key: &TotpKey) -> Result<i64> {
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
pub(super) fn wrong_code(key: &TotpKey, code: &str, now: i64) -> String {
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
