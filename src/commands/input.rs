//! Reading secrets and confirmations from a person or a script. Passwords
//! never come from argv: a hidden prompt on a terminal, or `--password-stdin`.

use anyhow::Result;
use std::io::{BufRead, IsTerminal, Read};
use std::path::Path;

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

/// Longest second-factor code read from stdin or a file (a backup code is
/// 11 characters; anything much longer is not a code).
const MAX_CODE_BYTES: usize = 64;

/// One line of stdin with its ending, at most `limit` bytes. Stdin is
/// buffered once per process, so the next call reads the next line.
fn stdin_line(limit: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit as u64)
        .read_until(b'\n', &mut buf)?;
    Ok(buf)
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
    let mut buf = stdin_line(MAX_PASSWORD_BYTES + 3)?;
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

/// `--code-stdin`: the second-factor code on the next line of stdin (after
/// the password, or alone for `2fa confirm`). `None` without the flag, or on
/// a terminal, where the caller asks instead. `hint` says where the line goes.
pub fn code_from_stdin(code_stdin: bool, hint: &str) -> Result<Option<Secret>> {
    if !code_stdin || interactive() {
        return Ok(None);
    }
    if std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "refusing to read a code from a terminal with echo on: pipe it into --code-stdin, \
             or keep stderr on the terminal to be asked",
        )
        .into());
    }
    code_text(&stdin_line(MAX_CODE_BYTES + 3)?, "on stdin", hint).map(Some)
}

/// The operator's code from the first line of `--as-code-file PATH`.
pub fn read_code_file(path: &Path) -> Result<Secret> {
    let line = first_line(path, "--as-code-file", MAX_CODE_BYTES + 3)?;
    let place = format!("in --as-code-file {}", path.display());
    code_text(&line, &place, "write the code on its first line")
}

/// A code line as text; the code itself never appears in a message.
fn code_text(line: &[u8], place: &str, hint: &str) -> Result<Secret> {
    let line = line_content(line);
    if line.is_empty() {
        return Err(Failure::data(format!("no second-factor code {place}: {hint}")).into());
    }
    if line.len() > MAX_CODE_BYTES {
        return Err(Failure::data(format!(
            "the second-factor code {place} is longer than {MAX_CODE_BYTES} bytes: give only the code"
        ))
        .into());
    }
    let text = std::str::from_utf8(line)
        .map_err(|_| Failure::data(format!("the second-factor code {place} is not UTF-8 text")))?;
    Ok(Secret::new(text.to_string()))
}

/// Whether `path` is this process's stdin: `-`, or the same file as file
/// descriptor 0 (`/dev/stdin`, `/dev/fd/0`, or the file redirected into it).
pub fn is_stdin(path: &Path) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    if path.as_os_str() == "-" {
        return true;
    }
    let Ok(target) = std::fs::metadata(path) else {
        return false;
    };
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|m| (m.dev(), m.ino()) == (target.dev(), target.ino()))
}

/// The first line (with its ending) of the file behind `flag`, at most
/// `limit` bytes; of stdin for `-` or `/dev/stdin`. A file others can read
/// is used, with a warning: it should be 0600.
fn first_line(path: &Path, flag: &str, limit: usize) -> Result<Vec<u8>> {
    use std::os::unix::fs::PermissionsExt;
    let cannot =
        |e: std::io::Error| Failure::usage(format!("cannot read {flag} {}: {e}", path.display()));
    if is_stdin(path) {
        if std::io::stdin().is_terminal() {
            return Err(Failure::usage(format!(
                "{flag} {} is the terminal, which would echo it: leave {flag} out to be asked, or pipe the input",
                path.display()
            ))
            .into());
        }
        return Ok(stdin_line(limit).map_err(cannot)?);
    }
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.permissions().mode() & 0o077 != 0 {
        eprintln!(
            "warning: {} can be read by other users; chmod 600 it",
            path.display()
        );
    }
    let mut buf = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit as u64).read_to_end(&mut buf))
        .map_err(cannot)?;
    buf.truncate(buf.iter().position(|b| *b == b'\n').unwrap_or(buf.len()));
    Ok(buf)
}

/// The operator's password from the first line of a file (`--as-password-file`).
pub fn read_password_file(path: &Path) -> Result<Secret> {
    let line = first_line(path, "--as-password-file", MAX_PASSWORD_BYTES + 3)?;
    let text = String::from_utf8(line_content(&line).to_vec())
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
