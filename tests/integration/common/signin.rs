//! Sign-in helpers: the clock, `auth`, prompts read on a terminal.

use super::*;

/// [`NOW`] as Unix seconds.
pub const NOW_UNIX: i64 = 1_795_341_600;

/// A `KEYWARD_NOW` value `seconds` after [`NOW`] (as Unix seconds).
pub fn now_plus(seconds: i64) -> String {
    (NOW_UNIX + seconds).to_string()
}

/// A `KEYWARD_NOW` value `minutes` after [`NOW`].
pub fn now_plus_minutes(minutes: i64) -> String {
    now_plus(minutes * 60)
}

/// A `KEYWARD_NOW` value `days` after [`NOW`].
pub fn now_plus_days(days: i64) -> String {
    now_plus(days * 86_400)
}

impl TestEnv {
    /// Runs `keyward ARGS` with `input` on stdin and the clock at `now`.
    pub fn run_stdin_at(&self, now: &str, args: &[&str], input: &str) -> Output {
        self.cmd()
            .env("KEYWARD_NOW", now)
            .args(args)
            .write_stdin(input.to_owned())
            .output()
            .expect("run keyward")
    }

    /// Runs `keyward ARGS` (empty stdin) with the clock at `now`.
    pub fn run_at(&self, now: &str, args: &[&str]) -> Output {
        self.run_stdin_at(now, args, "")
    }

    /// `keyward --json auth USER --password-stdin` with `password`.
    pub fn auth(&self, username: &str, password: &str) -> Output {
        self.auth_at(NOW, username, password)
    }

    /// Like [`Self::auth`] with the clock at `now`.
    pub fn auth_at(&self, now: &str, username: &str, password: &str) -> Output {
        self.run_stdin_at(
            now,
            &["--json", "auth", username, "--password-stdin"],
            &format!("{password}\n"),
        )
    }

    /// A `std::process::Command` for `keyward ARGS` with the same environment
    /// as [`Self::cmd`] (for PTY sessions and raw child processes).
    pub fn std_cmd(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(bin());
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("KEYWARD_") {
                cmd.env_remove(&k);
            }
        }
        cmd.args(args)
            .env("KEYWARD_DB", self.db_location())
            .env("KEYWARD_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            // Session token files (SPEC 12) stay inside the test too.
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
            .env_remove("COLUMNS")
            .current_dir(self.dir.path());
        cmd
    }

    /// Creates `name` (role user) with `password` and clears its pending
    /// actions, so that `auth` answers `ok` with that password.
    #[track_caller]
    pub fn ready_user(&self, name: &str, password: &str) {
        self.add_user_with_password(name, "user", &[], password);
        self.clear_pending(&format!("username = '{name}'"));
    }

    /// Clears both sign-in flags of the accounts matching the SQL condition
    /// `cond` and records that they accepted every published terms version
    /// (`init` publishes version 1), so that `auth` asks them for nothing.
    #[track_caller]
    pub fn clear_pending(&self, cond: &str) {
        self.exec(&format!(
            "UPDATE account SET must_change_password = FALSE, terms_pending = FALSE WHERE {cond};
             INSERT INTO terms_acceptance (account_id, version, accepted_at)
                 SELECT a.id, t.version, 0 FROM account a, terms t WHERE {cond}
                 ON CONFLICT DO NOTHING;"
        ));
    }

    /// Starts `keyward ARGS` with `input` written to its stdin (then
    /// closed) and its output piped, for tests that run several at once.
    pub fn spawn_with_stdin(&self, args: &[&str], input: &str) -> std::process::Child {
        use std::io::Write;
        let mut child = self
            .std_cmd(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn keyward");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
        child
    }

    /// Writes `text` to a file in the temp dir and runs `terms set --file` on it.
    #[track_caller]
    pub fn publish_terms(&self, text: &str) -> Value {
        let file = self.write_file("terms.txt", text.as_bytes());
        self.json(&["terms", "set", "--file", file.to_str().expect("utf-8 path")])
    }

    /// Writes `bytes` to `name` inside the temp dir; returns the path.
    pub fn write_file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }
}

/// Wait until the program on the pseudo-terminal is reading input (spawn it
/// with [`spawn_pty`], which starts with echo on): every dialoguer prompt
/// turns echo off while it reads (hidden prompts with
/// TCSAFLUSH, which discards anything typed earlier), so a line sent after
/// this is never lost. Polls the terminal's state, never a fixed delay.
pub fn wait_for_input(p: &rexpect::session::PtySession) -> Result<(), rexpect::error::Error> {
    use nix::sys::termios::{LocalFlags, tcgetattr};
    let pty = p.process().get_file_handle()?;
    for _ in 0..4000 {
        if !tcgetattr(&pty)?.local_flags.contains(LocalFlags::ECHO) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::TimedOut,
        "the program never started reading from the terminal",
    )
    .into())
}
