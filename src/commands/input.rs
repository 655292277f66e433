//! Reading secrets and confirmations from a person or a script. Passwords
//! never come from argv: a hidden prompt on a terminal, or `--password-stdin`.

use anyhow::Result;
use std::io::{BufRead, IsTerminal, Read};

use crate::domain::password::{self, MAX_PASSWORD_BYTES};
use crate::domain::policy::{Policy, Violation, describe};
use crate::domain::secret::Secret;
use crate::error::Failure;

/// Whether a person can be asked: dialoguer reads stdin and draws on stderr.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// The operating system's CSPRNG, for salts' sibling: temporary passwords.
pub struct OsEntropy;

impl password::Entropy for OsEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), password::PasswordError> {
        getrandom::fill(buf).map_err(|e| password::PasswordError::Random(e.to_string()))
    }
}

/// Rules a new password must meet beyond the policy (the account's history).
pub type ExtraRules<'a> = &'a dyn Fn(&Secret) -> Result<Vec<Violation>>;

/// No rules beyond the policy (a new account has no history).
pub fn no_extra_rules(_: &Secret) -> Result<Vec<Violation>> {
    Ok(Vec::new())
}

/// Every rule the password breaks: the policy's and the extra ones, together.
fn violations(
    policy: &Policy,
    username: &str,
    pw: &Secret,
    extra: ExtraRules<'_>,
) -> Result<Vec<Violation>> {
    let mut v = policy.check_password(username, pw.expose());
    v.extend(extra(pw)?);
    Ok(v)
}

/// A line without its ending: `\n` or `\r\n`, then one trailing NUL (what
/// pam_exec sends on some Linux-PAM versions, with or without a newline).
pub fn line_content(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.strip_suffix(b"\0").unwrap_or(line)
}

/// One line of stdin as a password; the line ending is removed. Longer than
/// the limit, empty, or not UTF-8: refused before anything is hashed.
pub fn read_password_line() -> Result<Secret> {
    if std::io::stdin().is_terminal() {
        // Reached only when stderr is not a terminal (else a hidden prompt is
        // used): reading here would echo the password on the screen.
        return Err(Failure::usage(
            "refusing to read a password from a terminal with echo on: pipe it into --password-stdin, \
             or keep stderr on the terminal to be asked with a hidden prompt",
        )
        .into());
    }
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_PASSWORD_BYTES as u64 + 3)
        .read_until(b'\n', &mut buf)?;
    let len = line_content(&buf).len();
    buf.truncate(len);
    let text = String::from_utf8(buf)
        .map_err(|_| Failure::data("the password on stdin is not valid UTF-8"))?;
    let secret = Secret::new(text);
    password::check_size(&secret).map_err(|e| match secret.expose().len() {
        0 => Failure::data("no password on stdin: pipe one line, e.g. `printf '%s\\n' \"$PW\" | keyward ... --password-stdin`"),
        _ => Failure::data(format!("{e}; use at most {MAX_PASSWORD_BYTES} bytes")),
    })?;
    Ok(secret)
}

/// The operator's password from the first line of a file (`--as-password-file`).
/// A file others can read is used, with a warning: it should be 0600.
pub fn read_password_file(path: &std::path::Path) -> Result<Secret> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).map_err(|e| {
        Failure::usage(format!(
            "cannot read --as-password-file {}: {e}",
            path.display()
        ))
    })?;
    if meta.permissions().mode() & 0o077 != 0 {
        eprintln!(
            "warning: {} can be read by other users; chmod 600 it",
            path.display()
        );
    }
    let mut buf = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PASSWORD_BYTES as u64 + 3).read_to_end(&mut buf))
        .map_err(|e| {
            Failure::usage(format!(
                "cannot read --as-password-file {}: {e}",
                path.display()
            ))
        })?;
    let line = line_content(buf.split(|b| *b == b'\n').next().unwrap_or_default());
    let text = String::from_utf8(line.to_vec())
        .map_err(|_| Failure::data("the operator password file is not UTF-8 text"))?;
    let secret = Secret::new(text);
    password::check_size(&secret).map_err(|e| Failure::data(format!("operator password: {e}")))?;
    Ok(secret)
}

/// A new password chosen by a person: one line of `--password-stdin`, or a
/// hidden prompt with confirmation, asked again until every rule is met.
/// The prompt is used when `may_prompt`, and also for `--password-stdin` when
/// stdin is a terminal (so the password is never echoed).
/// `None`: nobody to ask, so the caller generates one.
pub fn chosen_password(
    password_stdin: bool,
    may_prompt: bool,
    policy: &Policy,
    username: &str,
    extra: ExtraRules<'_>,
) -> Result<Option<Secret>> {
    if password_stdin && !interactive() {
        let pw = read_password_line()?;
        let v = violations(policy, username, &pw, extra)?;
        if !v.is_empty() {
            return Err(Failure::data(describe(&v)).into());
        }
        return Ok(Some(pw));
    }
    if !(password_stdin || may_prompt) || !interactive() {
        return Ok(None);
    }
    let typed = dialoguer::Password::new()
        .with_prompt(format!("New password for {username}"))
        .with_confirmation("Repeat the password", "The passwords differ; try again")
        .validate_with(|input: &String| -> Result<(), String> {
            if input.len() > MAX_PASSWORD_BYTES {
                return Err(format!("use at most {MAX_PASSWORD_BYTES} bytes"));
            }
            let pw = Secret::new(input.clone());
            match violations(policy, username, &pw, extra) {
                Ok(v) if v.is_empty() => Ok(()),
                Ok(v) => Err(describe(&v)),
                Err(e) => Err(format!("{e:#}")),
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
    extra: ExtraRules<'_>,
) -> Result<NewPassword> {
    let chosen = chosen_password(password_stdin, may_prompt, policy, username, extra)?;
    Ok(match chosen {
        Some(secret) => NewPassword {
            secret,
            generated: false,
        },
        None => NewPassword {
            secret: password::generate_temporary(policy, username, &mut OsEntropy)?,
            generated: true,
        },
    })
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

/// A generated password is shown exactly once; if that fails (a closed pipe,
/// a full disk) the command must not look successful, since nobody saw it.
pub fn delivered(written: std::io::Result<()>, shown: bool, username: &str) -> Result<()> {
    // A closed stdout "accepts" the write; it counts as a failed one.
    let written = written.and_then(|()| match shown {
        true => crate::output::stdout_open(),
        false => Ok(()),
    });
    match written {
        Err(e) if shown => Err(Failure::refused(format!(
            "the password for {username} is set but could not be shown ({e}); \
             run `keyward user reset-password {username}` for a new one"
        ))
        .into()),
        other => Ok(other?),
    }
}
