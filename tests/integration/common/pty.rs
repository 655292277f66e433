//! Terminals and shells around a keyward command.

use super::*;

/// Spawn `cmd` on a pseudo-terminal with echo ON, as a real terminal starts.
/// rexpect turns echo off for its own reasons; put back, the echo flag going
/// off is the signal that a prompt is reading (see [`wait_for_input`]).
pub fn spawn_pty(
    cmd: std::process::Command,
) -> Result<rexpect::session::PtySession, rexpect::error::Error> {
    let sh = via_sh(&cmd, "stty echo && exec \"$0\" \"$@\"");
    rexpect::session::spawn_command(sh, Some(20_000))
}

/// `cmd` (a keyward command from [`TestEnv::std_cmd`]) run through
/// `sh -c SCRIPT`, with its environment and folder: in the script `$0` (and
/// `$K`) is the keyward binary and `"$@"` its arguments, so a test can set up
/// what only a shell can (`>&-`, `ulimit`, a pipe from `yes`).
pub fn via_sh(cmd: &std::process::Command, script: &str) -> std::process::Command {
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(script)
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .env("K", cmd.get_program());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        sh.current_dir(dir);
    }
    sh
}

/// Type a line once the prompt is reading (see [`wait_for_input`]).
pub fn type_line(
    p: &mut rexpect::session::PtySession,
    line: &str,
) -> Result<(), rexpect::error::Error> {
    wait_for_input(p)?;
    p.send_line(line)?;
    Ok(())
}

/// Exit code of a finished PTY session (nix's WaitStatus: "Exited(Pid(1234), 3)").
pub fn exit_code(p: &rexpect::session::PtySession) -> i32 {
    let status = format!("{:?}", p.process().wait().expect("wait for keyward"));
    assert!(
        status.starts_with("Exited("),
        "keyward did not exit normally: {status}"
    );
    status
        .trim_end_matches(')')
        .rsplit(", ")
        .next()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or_else(|| panic!("cannot read exit code from {status}"))
}

/// Wait for EOF: (all remaining output, exit code).
pub fn finish(
    p: &mut rexpect::session::PtySession,
) -> Result<(String, i32), rexpect::error::Error> {
    let rest = p.exp_eof()?;
    Ok((rest, exit_code(p)))
}
