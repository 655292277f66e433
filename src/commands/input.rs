//! Reading secrets and confirmations from a person or a script. Passwords
//! never come from argv: a hidden prompt on a terminal, or `--password-stdin`.

use anyhow::Result;
use std::io::{BufRead, IsTerminal, Read};

use crate::domain::password::{self, MAX_PASSWORD_BYTES};
use crate::domain::policy::{Policy, describe};
use crate::domain::secret::Secret;
use crate::error::Failure;

/// Whether a person can be asked (stdin is a terminal).
pub fn interactive() -> bool {
    std::io::stdin().is_terminal()
}

/// One line of stdin as a password; the line ending is removed. Longer than
/// the limit, empty, or not UTF-8: refused before anything is hashed.
pub fn read_password_line() -> Result<Secret> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_PASSWORD_BYTES as u64 + 3)
        .read_until(b'\n', &mut buf)?;
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    let text = String::from_utf8(buf)
        .map_err(|_| Failure::data("the password on stdin is not valid UTF-8"))?;
    let secret = Secret::new(text);
    password::check_size(&secret).map_err(|e| match secret.expose().len() {
        0 => Failure::data("no password on stdin: pipe one line, e.g. `printf '%s\\n' \"$PW\" | keyward ... --password-stdin`"),
        _ => Failure::data(format!("{e}; use at most {MAX_PASSWORD_BYTES} bytes")),
    })?;
    Ok(secret)
}

/// Check a new password against the policy: every broken rule at once (exit 65).
pub fn check_new(policy: &Policy, username: &str, pw: &Secret) -> Result<()> {
    let violations = policy.check_password(username, pw.expose());
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Failure::data(describe(&violations)).into())
    }
}

/// A new password chosen by a person: `--password-stdin`, else a hidden
/// prompt with confirmation when `may_prompt` and a terminal is there (asked
/// again until it meets the policy). `None`: generate one instead.
pub fn chosen_password(
    password_stdin: bool,
    may_prompt: bool,
    policy: &Policy,
    username: &str,
) -> Result<Option<Secret>> {
    if password_stdin {
        let pw = read_password_line()?;
        check_new(policy, username, &pw)?;
        return Ok(Some(pw));
    }
    if !(may_prompt && interactive()) {
        return Ok(None);
    }
    let rules = policy.clone();
    let user = username.to_string();
    let typed = dialoguer::Password::new()
        .with_prompt(format!("New password for {username}"))
        .with_confirmation("Repeat the password", "The passwords differ; try again")
        .validate_with(move |input: &String| -> Result<(), String> {
            if input.len() > MAX_PASSWORD_BYTES {
                return Err(format!("use at most {MAX_PASSWORD_BYTES} bytes"));
            }
            let v = rules.check_password(&user, input);
            if v.is_empty() {
                Ok(())
            } else {
                Err(describe(&v))
            }
        })
        .interact()?;
    Ok(Some(Secret::new(typed)))
}

/// A new password and whether keyward generated it (then it is shown once).
pub struct NewPassword {
    pub secret: Secret,
    pub generated: bool,
}

impl NewPassword {
    /// The clear text to show, only when it was generated.
    pub fn shown(&self) -> Option<&Secret> {
        self.generated.then_some(&self.secret)
    }
}

/// [`chosen_password`], or else a generated temporary password meeting the policy.
pub fn new_password(
    password_stdin: bool,
    may_prompt: bool,
    policy: &Policy,
    username: &str,
) -> Result<NewPassword> {
    Ok(
        match chosen_password(password_stdin, may_prompt, policy, username)? {
            Some(secret) => NewPassword {
                secret,
                generated: false,
            },
            None => NewPassword {
                secret: password::generate_temporary(policy, username, &mut password::OsEntropy)?,
                generated: true,
            },
        },
    )
}

/// Ask before a destructive change ("remove account bob"). Without a
/// terminal, `--yes` is required.
pub fn confirm(yes: bool, action: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !interactive() {
        return Err(Failure::usage(format!(
            "refusing to {action} without confirmation: there is no terminal to ask, so pass --yes"
        ))
        .into());
    }
    let question = format!("Really {action}? This cannot be undone");
    let ok = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()?;
    if ok {
        Ok(())
    } else {
        Err(Failure::refused("cancelled; nothing was changed").into())
    }
}
