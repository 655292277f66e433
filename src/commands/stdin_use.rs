//! Stdin carries one input per command. An operator file that names stdin
//! (`--as-password-file -`, `--as-code-file /dev/stdin`) next to another
//! reader of stdin (`--password-stdin`, `--code-stdin`, `user import -`, or
//! the other operator file) would leave which line is which to a guess, so
//! the command is refused before anything is read or changed (exit 2).

use anyhow::Result;

use super::input;
use super::operator::OperatorArgs;
use crate::cli::{Command, TermsCmd, TwofaCmd, UserCmd};
use crate::error::Failure;

/// Refuse an operator file on stdin when something else reads stdin too.
pub fn check(cmd: &Command, args: &OperatorArgs) -> Result<()> {
    if args.user.is_none() {
        return Ok(()); // No --as: the operator files are never read.
    }
    let files = [
        ("--as-password-file", args.password_file.as_deref()),
        ("--as-code-file", args.code_file.as_deref()),
    ];
    let on_stdin: Vec<&str> = files
        .iter()
        .filter(|(_, path)| path.is_some_and(input::is_stdin))
        .map(|(flag, _)| *flag)
        .collect();
    let Some(file) = on_stdin.first() else {
        return Ok(());
    };
    let other = on_stdin.get(1).copied().or_else(|| reader(cmd));
    match other {
        None => Ok(()),
        Some(other) => Err(Failure::usage(format!(
            "{file} and {other} would both read stdin, so which line is which is ambiguous: \
             give {file} a file of its own (not `-` or /dev/stdin)"
        ))
        .into()),
    }
}

/// What else on the command line reads stdin, among the commands that sign
/// an operator in (the self-service ones authenticate the account itself).
fn reader(cmd: &Command) -> Option<&'static str> {
    match cmd {
        Command::User(UserCmd::Add {
            password_stdin: true,
            ..
        })
        | Command::User(UserCmd::ResetPassword {
            password_stdin: true,
            ..
        }) => Some("--password-stdin"),
        Command::User(UserCmd::Import { file, .. }) if input::is_stdin(file) => {
            Some("the import FILE")
        }
        Command::Terms(TermsCmd::Set { file }) if input::is_stdin(file) => Some("--file"),
        Command::Twofa(TwofaCmd::Confirm {
            code_stdin: true, ..
        }) => Some("--code-stdin"),
        _ => None,
    }
}
