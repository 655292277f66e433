//! Shared harness for the integration tests: every test gets its own temp
//! directory, a database path inside a folder that does not exist yet, and a
//! `keyward` command with a fixed clock and a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The clock every command sees (`KEYWARD_NOW`, honoured by debug builds).
pub const NOW: &str = "2026-11-22T10:00:00Z";

/// Username of the first (support) account created by [`TestEnv::init`].
pub const ROOT: &str = "root";

/// Password of the first account: satisfies the default policy and does not
/// contain the username.
pub const ROOT_PASSWORD: &str = "Gate#keep42";

/// Special characters of the default policy.
pub const DEFAULT_SPECIALS: &str = "!@#$%^&*()";

/// Characters a generated password must never contain.
pub const LOOK_ALIKES: &str = "0Oo1lI";

/// Path of the `keyward` binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_keyward")
}

/// Exit code of a finished process (-1 when killed by a signal).
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code, printing both streams when it differs.
#[track_caller]
pub fn assert_code(out: &Output, expected: i32) {
    assert_eq!(
        code(out),
        expected,
        "expected exit code {expected}, got {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

/// Parses the stdout of a successful `--json` command.
#[track_caller]
pub fn parse_stdout(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e})\n--- stdout:\n{}\n--- stderr:\n{}",
            stdout(out),
            stderr(out)
        )
    })
}

/// Finds the `{"error": {...}}` document on stderr of a failed `--json` command.
#[track_caller]
pub fn parse_error(out: &Output) -> Value {
    let text = stderr(out);
    if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
        return v;
    }
    for line in text.lines() {
        if let Ok(v) = serde_json::from_str::<Value>(line.trim())
            && v.get("error").is_some()
        {
            return v;
        }
    }
    panic!(
        "stderr holds no JSON error document\n--- stdout:\n{}\n--- stderr:\n{}",
        stdout(out),
        text
    )
}

/// Case-insensitive "contains".
pub fn has(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// Does `pw` satisfy a policy with these lengths and specials (letter and
/// digit required), and avoid the look-alike characters?
pub fn satisfies_policy(pw: &str, min: usize, max: usize, specials: &str) -> Result<(), String> {
    let n = pw.chars().count();
    if n < min || n > max {
        return Err(format!("{pw:?}: length {n} not in {min}..={max}"));
    }
    if !pw.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err(format!("{pw:?}: no letter"));
    }
    if !pw.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!("{pw:?}: no digit"));
    }
    if !pw.chars().any(|c| specials.contains(c)) {
        return Err(format!("{pw:?}: no special from {specials:?}"));
    }
    if let Some(c) = pw.chars().find(|c| LOOK_ALIKES.contains(*c)) {
        return Err(format!("{pw:?}: look-alike character {c:?}"));
    }
    if let Some(c) = pw.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(format!("{pw:?}: unexpected character {c:?}"));
    }
    Ok(())
}

/// Is `hash` an Argon2id PHC string at least as strong as OWASP's minimum
/// (m=19456 KiB, t=2, p=1, version 19) that verifies `password`?
pub fn check_argon2id(hash: &str, password: &str) -> Result<(), String> {
    let parts: Vec<&str> = hash.split('$').collect();
    // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
    if parts.len() != 6 || !parts[0].is_empty() {
        return Err(format!("not a PHC string: {hash:?}"));
    }
    if parts[1] != "argon2id" {
        return Err(format!("algorithm is {:?}, want argon2id", parts[1]));
    }
    if parts[2] != "v=19" {
        return Err(format!("version is {:?}, want v=19", parts[2]));
    }
    let mut m = 0u64;
    let mut t = 0u64;
    let mut p = 0u64;
    for kv in parts[3].split(',') {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("bad params {:?}", parts[3]))?;
        let v: u64 = v
            .parse()
            .map_err(|_| format!("bad params {:?}", parts[3]))?;
        match k {
            "m" => m = v,
            "t" => t = v,
            "p" => p = v,
            _ => {}
        }
    }
    if m < 19456 || t < 2 || p < 1 {
        return Err(format!("params too weak: m={m}, t={t}, p={p}"));
    }
    use argon2::PasswordVerifier;
    argon2::Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .map_err(|e| format!("hash does not verify the password: {e}"))
}

/// Converts one SQLite value to JSON for easy comparisons.
fn sql_value(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(format!("blob:{}", hex(b))),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// One test's world: a temp dir whose `data/keyward.db` is the database.
pub struct TestEnv {
    pub dir: TempDir,
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl TestEnv {
    /// A fresh environment without a database.
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("keyward-test-")
            .tempdir()
            .expect("create temp dir");
        Self { dir }
    }

    /// A fresh environment with an initialised database (`root` / [`ROOT_PASSWORD`])
    /// and no terms: the default terms `init` publishes are removed, so that
    /// tests of other rules start from the seed's "no terms set" state and
    /// publish terms when they need them. [`Self::with_default_terms`] keeps them.
    pub fn with_db() -> Self {
        let env = Self::with_default_terms();
        env.exec("DELETE FROM terms_acceptance; DELETE FROM terms;");
        env
    }

    /// A fresh environment with the database exactly as `init` leaves it.
    pub fn with_default_terms() -> Self {
        let env = Self::new();
        env.init();
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `tempdir/data/keyward.db`; the `data` folder does not exist until `init`.
    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("data").join("keyward.db")
    }

    pub fn wal_path(&self) -> PathBuf {
        self.dir.path().join("data").join("keyward.db-wal")
    }

    /// `keyward` with `KEYWARD_DB` set, a fixed clock, `NO_COLOR`, no other
    /// `KEYWARD_*` variable, and `XDG_DATA_HOME` inside the temp dir.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(bin());
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("KEYWARD_") {
                cmd.env_remove(&k);
            }
        }
        cmd.env("KEYWARD_DB", self.db_path())
            .env("KEYWARD_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
            .current_dir(self.dir.path())
            .timeout(Duration::from_secs(120));
        cmd
    }

    /// Runs `keyward ARGS` with an empty, closed stdin.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run keyward")
    }

    /// Runs `keyward ARGS` with `input` on stdin.
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Output {
        self.cmd()
            .args(args)
            .write_stdin(input.to_owned())
            .output()
            .expect("run keyward")
    }

    /// Runs `keyward --json ARGS`, asserts success and parses stdout.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert_code(&out, 0);
        parse_stdout(&out)
    }

    /// Like [`Self::json`] with `input` on stdin.
    #[track_caller]
    pub fn json_stdin(&self, args: &[&str], input: &str) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run_stdin(&all, input);
        assert_code(&out, 0);
        parse_stdout(&out)
    }

    /// `init --admin root --password-stdin` with [`ROOT_PASSWORD`].
    #[track_caller]
    pub fn init(&self) {
        let out = self.run_stdin(
            &["init", "--admin", ROOT, "--password-stdin"],
            &format!("{ROOT_PASSWORD}\n"),
        );
        assert_code(&out, 0);
    }

    /// `facility add CODE`.
    #[track_caller]
    pub fn facility(&self, code: &str) {
        let out = self.run(&["facility", "add", code]);
        assert_code(&out, 0);
    }

    fn user_add_args<'a>(name: &'a str, role: &'a str, facilities: &'a [&'a str]) -> Vec<&'a str> {
        let mut args = vec!["user", "add", name, "--role", role];
        for f in facilities {
            args.push("--facility");
            args.push(f);
        }
        args
    }

    /// `user add NAME --role ROLE --facility F...`; returns the temporary password.
    #[track_caller]
    pub fn add_user(&self, name: &str, role: &str, facilities: &[&str]) -> String {
        let v = self.json(&Self::user_add_args(name, role, facilities));
        v["temporary_password"]
            .as_str()
            .unwrap_or_else(|| panic!("user add --json gave no temporary_password: {v}"))
            .to_owned()
    }

    /// `user add ... --password-stdin` with a chosen password.
    #[track_caller]
    pub fn add_user_with_password(
        &self,
        name: &str,
        role: &str,
        facilities: &[&str],
        password: &str,
    ) -> Value {
        let mut args = Self::user_add_args(name, role, facilities);
        args.push("--password-stdin");
        self.json_stdin(&args, &format!("{password}\n"))
    }

    /// `user show NAME --json`.
    #[track_caller]
    pub fn user(&self, name: &str) -> Value {
        self.json(&["user", "show", name])
    }

    /// `user list --json` sorted by username.
    #[track_caller]
    pub fn users(&self) -> Vec<Value> {
        let v = self.json(&["user", "list"]);
        let mut list = v
            .as_array()
            .unwrap_or_else(|| panic!("user list --json is not an array: {v}"))
            .clone();
        list.sort_by(|a, b| a["username"].as_str().cmp(&b["username"].as_str()));
        list
    }

    /// Sorted usernames of `user list --json`.
    #[track_caller]
    pub fn usernames(&self) -> Vec<String> {
        self.users()
            .iter()
            .map(|u| u["username"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// `policy show --json`.
    #[track_caller]
    pub fn policy(&self) -> Value {
        self.json(&["policy", "show"])
    }

    /// `policy set PAIRS...`, asserting success.
    #[track_caller]
    pub fn set_policy(&self, pairs: &[&str]) {
        let mut args = vec!["policy", "set"];
        args.extend_from_slice(pairs);
        let out = self.run(&args);
        assert_code(&out, 0);
    }

    /// Opens the database directly.
    pub fn conn(&self) -> rusqlite::Connection {
        let conn = rusqlite::Connection::open(self.db_path()).expect("open database with rusqlite");
        conn.busy_timeout(Duration::from_secs(10))
            .expect("busy timeout");
        conn
    }

    /// Runs a query and returns every row as a list of JSON values.
    #[track_caller]
    pub fn sql(&self, query: &str) -> Vec<Vec<Value>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare(query)
            .unwrap_or_else(|e| panic!("prepare {query:?}: {e}"));
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        let mut out = Vec::new();
        while let Some(row) = rows.next().expect("row") {
            let mut vals = Vec::with_capacity(n);
            for i in 0..n {
                vals.push(sql_value(row.get_ref(i).expect("column")));
            }
            out.push(vals);
        }
        out
    }

    /// The first column of the first row of a query.
    #[track_caller]
    pub fn sql_scalar(&self, query: &str) -> Value {
        self.sql(query)
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .unwrap_or_else(|| panic!("query returned nothing: {query:?}"))
    }

    /// Executes statements that change the database.
    #[track_caller]
    pub fn exec(&self, statements: &str) {
        self.conn()
            .execute_batch(statements)
            .unwrap_or_else(|e| panic!("execute {statements:?}: {e}"));
    }

    /// Names of the tables of the database.
    pub fn tables(&self) -> Vec<String> {
        self.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .into_iter()
            .filter_map(|r| r.first().and_then(|v| v.as_str().map(str::to_owned)))
            .collect()
    }

    /// Column names of a table.
    pub fn columns(&self, table: &str) -> Vec<String> {
        self.sql(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .into_iter()
            .filter_map(|r| r.first().and_then(|v| v.as_str().map(str::to_owned)))
            .collect()
    }

    /// The table holding the accounts (the one with a `username` column,
    /// preferring `users` / `accounts`).
    pub fn users_table(&self) -> String {
        let with_username: Vec<String> = self
            .tables()
            .into_iter()
            .filter(|t| self.columns(t).iter().any(|c| c == "username"))
            .collect();
        for pref in ["users", "accounts", "account", "user"] {
            if with_username.iter().any(|t| t == pref) {
                return pref.to_owned();
            }
        }
        with_username
            .into_iter()
            .next()
            .expect("a table with a username column")
    }

    /// Every row of every table except the audit log, as sorted text: two
    /// equal snapshots mean a command changed nothing.
    pub fn snapshot(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "user_version={}\n",
            self.sql_scalar("PRAGMA user_version")
        ));
        for t in self.tables() {
            if t.contains("audit") {
                continue;
            }
            let mut rows: Vec<String> = self
                .sql(&format!("SELECT * FROM \"{t}\""))
                .into_iter()
                .map(|r| Value::from(r).to_string())
                .collect();
            rows.sort();
            out.push_str(&format!("== {t}\n"));
            for r in rows {
                out.push_str(&r);
                out.push('\n');
            }
        }
        out
    }

    /// Bytes of the database file and its -wal file (when present).
    pub fn file_bytes(&self) -> (Vec<u8>, Option<Vec<u8>>) {
        let db = std::fs::read(self.db_path()).expect("read database file");
        let wal = std::fs::read(self.wal_path()).ok();
        (db, wal)
    }

    /// The stored password hash of an account: the `$argon2...` text in the
    /// account's row, or else in a row of another table that refers to it.
    #[track_caller]
    pub fn password_hash(&self, username: &str) -> String {
        let users = self.users_table();
        let cols = self.columns(&users);
        for c in &cols {
            if c.contains("password") || c.contains("hash") {
                let v = self.sql_scalar(&format!(
                    "SELECT \"{c}\" FROM \"{users}\" WHERE username = '{username}'"
                ));
                if let Some(s) = v.as_str()
                    && s.starts_with("$argon2")
                {
                    return s.to_owned();
                }
            }
        }
        panic!("no password hash column found in {users} ({cols:?})")
    }

    /// Copies the account `template` `n` times with the usernames
    /// `{prefix}00001`...: many accounts without paying for Argon2 each time.
    #[track_caller]
    pub fn clone_user_rows(&self, template: &str, prefix: &str, n: usize) {
        let users = self.users_table();
        let info = self.sql(&format!(
            "SELECT name, type, pk FROM pragma_table_info('{users}')"
        ));
        let mut cols = Vec::new();
        let mut exprs = Vec::new();
        for r in info {
            let name = r[0].as_str().unwrap_or_default().to_owned();
            let ty = r[1].as_str().unwrap_or_default().to_uppercase();
            let pk = r[2].as_i64().unwrap_or(0);
            if pk > 0 && ty.contains("INT") {
                continue; // rowid alias: let SQLite number the copies
            }
            let expr = if name == "username" {
                format!("'{prefix}' || printf('%05d', n.i)")
            } else {
                format!("t.\"{name}\"")
            };
            cols.push(format!("\"{name}\""));
            exprs.push(expr);
        }
        self.exec(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
             INSERT INTO \"{users}\" ({}) SELECT {} FROM \"{users}\" AS t, n WHERE t.username = '{template}';",
            cols.join(", "),
            exprs.join(", ")
        ));
    }
}

/// Every key of the policy with its default, as `policy show --json` prints it.
pub fn default_policy() -> Value {
    serde_json::json!({
        "min-length": 6,
        "max-length": 12,
        "require-letter": true,
        "require-digit": true,
        "require-special": true,
        "special-chars": "!@#$%^&*()",
        "history": 12,
        "lockout-threshold": 3,
        "lockout-minutes": 0,
        "reject-username": true,
        "max-age-days": 0,
        "totp-issuer": "keyward",
        "2fa-roles": "supervisor,admin,support",
        "require-operator": false,
    })
}

/// The account fields of SPEC 7 that scripts rely on.
pub const ACCOUNT_FIELDS: &[&str] = &[
    "username",
    "name",
    "role",
    "status",
    "facilities",
    "failed_attempts",
    "must_change_password",
    "terms_pending",
    "twofa_enrolled",
    "created_at",
    "last_sign_in_at",
];

/// Asserts that `v` is an account object with every SPEC 7 field, of the right type.
#[track_caller]
pub fn assert_account(v: &Value) {
    for f in ACCOUNT_FIELDS {
        assert!(v.get(*f).is_some(), "account object lacks {f:?}: {v}");
    }
    assert!(v["username"].is_string(), "username: {v}");
    assert!(v["name"].is_string() || v["name"].is_null(), "name: {v}");
    assert!(
        ["user", "supervisor", "admin", "support"].contains(&v["role"].as_str().unwrap_or("")),
        "role: {v}"
    );
    assert!(
        ["active", "locked", "disabled"].contains(&v["status"].as_str().unwrap_or("")),
        "status: {v}"
    );
    assert!(v["facilities"].is_array(), "facilities: {v}");
    assert!(v["failed_attempts"].is_u64(), "failed_attempts: {v}");
    assert!(
        v["must_change_password"].is_boolean(),
        "must_change_password: {v}"
    );
    assert!(v["terms_pending"].is_boolean(), "terms_pending: {v}");
    assert!(v["twofa_enrolled"].is_boolean(), "twofa_enrolled: {v}");
    assert!(v["created_at"].is_string(), "created_at: {v}");
    assert!(
        v["last_sign_in_at"].is_string() || v["last_sign_in_at"].is_null(),
        "last_sign_in_at: {v}"
    );
}

/// Facility codes of an account object, sorted.
pub fn facilities_of(v: &Value) -> Vec<String> {
    let mut f: Vec<String> = v["facilities"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    f.sort();
    f
}

// ---- sign-in helpers (issue 3) ---------------------------------------------

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
            .env("KEYWARD_DB", self.db_path())
            .env("KEYWARD_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
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
            "UPDATE account SET must_change_password = 0, terms_pending = 0 WHERE {cond};
             INSERT OR IGNORE INTO terms_acceptance (account_id, version, accepted_at)
                 SELECT a.id, t.version, 0 FROM account a, terms t WHERE {cond};"
        ));
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

// ---- two-factor helpers (issue 4) ------------------------------------------

/// The alphabet of backup codes (no look-alikes).
pub const BACKUP_ALPHABET: &str = "abcdefghjkmnpqrstuvwxyz23456789";

/// The TOTP code (SHA-1, 6 digits, 30 s) of a base32 `secret` at `unix` seconds,
/// computed independently of keyward with totp-rs.
#[track_caller]
pub fn totp_at(secret: &str, unix: i64) -> String {
    let bytes = totp_rs::Secret::try_from_base32(secret)
        .unwrap_or_else(|e| panic!("secret {secret:?} is not base32: {e:?}"))
        .as_ref()
        .to_vec();
    let totp = totp_rs::Builder::new()
        .with_secret(bytes)
        .build()
        .unwrap_or_else(|e| panic!("cannot build a TOTP from {secret:?}: {e:?}"));
    totp.generate(u64::try_from(unix).expect("time after 1970"))
        .to_string()
}

/// The TOTP code for the step `steps` away from [`NOW`]'s step.
#[track_caller]
pub fn totp_step(secret: &str, steps: i64) -> String {
    totp_at(secret, NOW_UNIX + steps * 30)
}

/// A 6-digit code that is the code of no step within ±40 steps (20 minutes) of
/// [`NOW`] + `around` seconds: certainly wrong, and without a clock-skew match.
#[track_caller]
pub fn wrong_code(secret: &str, around: i64) -> String {
    let near: Vec<String> = (-40..=40)
        .map(|s| totp_at(secret, NOW_UNIX + around + s * 30))
        .collect();
    (0..1_000_000u32)
        .map(|n| format!("{:06}", (n * 7919 + 123_457) % 1_000_000))
        .find(|c| !near.contains(c))
        .expect("a wrong code")
}

/// Is `c` shaped like a backup code as shown: `xxxxx-xxxxx` from [`BACKUP_ALPHABET`]?
pub fn is_backup_code(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 11
        && b[5] == b'-'
        && c.chars()
            .enumerate()
            .all(|(i, ch)| i == 5 || BACKUP_ALPHABET.contains(ch))
}

/// Backup-code-shaped words of a text, in order.
pub fn backup_codes_in(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| is_backup_code(w))
        .map(str::to_owned)
        .collect()
}

/// The default enrolment URI of `user` with `secret` (issuer `keyward`).
pub fn default_uri(user: &str, secret: &str) -> String {
    format!("otpauth://totp/keyward:{user}?secret={secret}&issuer=keyward")
}

/// Removes ANSI escape sequences (CSI and OSC) from terminal output.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match it.peek() {
            Some('[') => {
                it.next();
                for d in it.by_ref() {
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            }
            Some(']') => {
                it.next();
                while let Some(d) = it.next() {
                    if d == '\u{7}' {
                        break;
                    }
                    if d == '\u{1b}' {
                        it.next();
                        break;
                    }
                }
            }
            Some(_) => {
                it.next();
            }
            None => {}
        }
    }
    out
}

/// Decodes the one QR code in a bitmap (`dark(x, y)`), after scaling it up
/// `scale` times and surrounding it with `border` light pixels.
pub fn decode_qr_bitmap(
    w: usize,
    h: usize,
    scale: usize,
    border: usize,
    dark: impl Fn(usize, usize) -> bool,
) -> Result<String, String> {
    let big_w = w * scale + 2 * border;
    let big_h = h * scale + 2 * border;
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(big_w, big_h, |x, y| {
        if x < border || y < border || x >= border + w * scale || y >= border + h * scale {
            false
        } else {
            dark((x - border) / scale, (y - border) / scale)
        }
    });
    let grids = img.detect_grids();
    if grids.len() != 1 {
        return Err(format!("found {} QR codes, want 1", grids.len()));
    }
    grids[0]
        .decode()
        .map(|(_, text)| text)
        .map_err(|e| format!("the QR code does not decode: {e:?}"))
}

/// The QR code drawn with Unicode half blocks in terminal output, as a bitmap
/// of dark pixels: the longest run of lines made only of ' ', '▀', '▄', '█'
/// (with at least one block). Each character is two pixels, top and bottom;
/// a "filled" half is light when `filled_is_light` (dark terminal) and dark
/// otherwise (`--invert`). A space is the terminal's background, which is the
/// colour of an unfilled half. Returns (width, height, dark pixels).
pub fn half_block_bitmap(text: &str, filled_is_light: bool) -> Option<(usize, usize, Vec<bool>)> {
    let text = strip_ansi(text).replace('\r', "");
    let is_qr_line = |l: &str| {
        l.chars().any(|c| matches!(c, '▀' | '▄' | '█'))
            && l.chars().all(|c| matches!(c, ' ' | '▀' | '▄' | '█'))
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut best: (usize, usize) = (0, 0); // (start, len)
    let mut i = 0;
    while i < lines.len() {
        if is_qr_line(lines[i]) {
            let start = i;
            while i < lines.len() && is_qr_line(lines[i]) {
                i += 1;
            }
            if i - start > best.1 {
                best = (start, i - start);
            }
        } else {
            i += 1;
        }
    }
    if best.1 == 0 {
        return None;
    }
    let rows: Vec<Vec<char>> = lines[best.0..best.0 + best.1]
        .iter()
        .map(|l| l.chars().collect())
        .collect();
    let w = rows.iter().map(Vec::len).max().unwrap_or(0);
    let h = rows.len() * 2;
    // Short lines end early: the rest is background, the colour of an unfilled half.
    let mut dark = vec![filled_is_light; w * h];
    for (r, row) in rows.iter().enumerate() {
        for (x, c) in row.iter().enumerate() {
            let (top, bottom) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            // A filled half is light on a dark terminal, dark with --invert.
            dark[(2 * r) * w + x] = top != filled_is_light;
            dark[(2 * r + 1) * w + x] = bottom != filled_is_light;
        }
    }
    Some((w, h, dark))
}

/// Decodes the half-block QR code of terminal output (see [`half_block_bitmap`])
/// as a terminal would show it: outside the drawing is the background.
pub fn decode_half_blocks(text: &str, filled_is_light: bool) -> Result<String, String> {
    let (w, h, dark) = half_block_bitmap(text, filled_is_light)
        .ok_or_else(|| "no half-block QR code in the output".to_owned())?;
    // The terminal's background around the drawing: dark on a dark terminal.
    let bg_dark = filled_is_light;
    let pad = 8;
    let (pw, ph) = (w + 2 * pad, h + 2 * pad);
    let px = |x: usize, y: usize| -> bool {
        if x < pad || y < pad || x >= pad + w || y >= pad + h {
            bg_dark
        } else {
            dark[(y - pad) * w + (x - pad)]
        }
    };
    // Each module 4×4 pixels, as a phone camera would see it on the screen.
    decode_qr_bitmap(pw, ph, 4, 0, px)
}

/// Decodes the QR code of a PNG file's bytes: pixels are thresholded to
/// black and white (transparent counts as white), then scaled up.
pub fn decode_png_qr(bytes: &[u8]) -> Result<String, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("not a PNG: {e}"))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "PNG too large".to_owned())?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("PNG does not decode: {e}"))?;
    let (w, h) = (info.width as usize, info.height as usize);
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err("indexed PNG not expanded".into()),
    };
    let line = info.line_size;
    let dark = |x: usize, y: usize| -> bool {
        let p = &buf[y * line + x * channels..y * line + (x + 1) * channels];
        let (lum, alpha) = match channels {
            1 => (u32::from(p[0]), 255),
            2 => (u32::from(p[0]), p[1]),
            3 => (
                (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3,
                255,
            ),
            _ => (
                (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3,
                p[3],
            ),
        };
        alpha >= 128 && lum < 128
    };
    let scale = (400 / w.max(1)).max(1);
    decode_qr_bitmap(w, h, scale, 8 * scale, dark)
}

/// One finished enrolment: the secret, the URI and the backup codes.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub secret: String,
    pub uri: String,
    pub backup_codes: Vec<String>,
}

/// When [`TestEnv::enrol`] confirms: three steps before [`NOW`], so that every
/// step from NOW - 60 s on is still unused.
pub const CONFIRM_AT: i64 = NOW_UNIX - 90;

impl TestEnv {
    /// `name` as a `supervisor` (allowed to enrol by default) with `password`
    /// and nothing pending.
    #[track_caller]
    pub fn ready_supervisor(&self, name: &str, password: &str) {
        self.add_user_with_password(name, "supervisor", &[], password);
        self.clear_pending(&format!("username = '{name}'"));
    }

    /// `2fa enroll NAME --json`, asserting success: (uri, secret).
    #[track_caller]
    pub fn enroll_json(&self, name: &str) -> (String, String) {
        let v = self.json(&["2fa", "enroll", name]);
        let uri = v["uri"]
            .as_str()
            .unwrap_or_else(|| panic!("2fa enroll --json gave no uri: {v}"))
            .to_owned();
        let secret = v["secret"]
            .as_str()
            .unwrap_or_else(|| panic!("2fa enroll --json gave no secret: {v}"))
            .to_owned();
        (uri, secret)
    }

    /// `--json 2fa confirm NAME --code-stdin` with CODE on stdin and the
    /// clock at `now` (Unix seconds).
    pub fn confirm_at(&self, now: i64, name: &str, code: &str) -> Output {
        self.run_stdin_at(
            &now.to_string(),
            &["--json", "2fa", "confirm", name, "--code-stdin"],
            &format!("{code}\n"),
        )
    }

    /// Enrols `name` (enroll --json, then confirm at [`CONFIRM_AT`]).
    #[track_caller]
    pub fn enrol(&self, name: &str) -> Enrolment {
        let (uri, secret) = self.enroll_json(name);
        let out = self.confirm_at(CONFIRM_AT, name, &totp_at(&secret, CONFIRM_AT));
        assert_code(&out, 0);
        let v = parse_stdout(&out);
        let backup_codes: Vec<String> = v["backup_codes"]
            .as_array()
            .unwrap_or_else(|| panic!("2fa confirm --json gave no backup_codes: {v}"))
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_owned())
            .collect();
        Enrolment {
            secret,
            uri,
            backup_codes,
        }
    }

    /// `2fa status NAME --json`.
    #[track_caller]
    pub fn twofa_status(&self, name: &str) -> Value {
        self.json(&["2fa", "status", name])
    }

    /// `keyward --json auth USER --password-stdin --code-stdin` at `now`
    /// (Unix seconds): the password, then the code, on stdin.
    pub fn auth_code_at(&self, now: i64, username: &str, password: &str, code: &str) -> Output {
        self.run_stdin_at(
            &now.to_string(),
            &[
                "--json",
                "auth",
                username,
                "--password-stdin",
                "--code-stdin",
            ],
            &format!("{password}\n{code}\n"),
        )
    }

    /// Failed attempts of an account, from `user show`.
    #[track_caller]
    pub fn failed_attempts(&self, name: &str) -> u64 {
        self.user(name)["failed_attempts"]
            .as_u64()
            .expect("failed_attempts")
    }
}

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

// ---- operator and audit helpers (issue 5) ----------------------------------

/// A password every operator of the ops_* tests uses: meets the default
/// policy and contains none of their usernames.
pub const OP_PASSWORD: &str = "Op#pass42";

/// Does `text` name audit row `id` ("row 4", not "row 42")?
pub fn names_row(text: &str, id: i64) -> bool {
    let lower = text.to_lowercase();
    let needle = format!("row {id}");
    lower.match_indices(&needle).any(|(i, _)| {
        !lower[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

impl TestEnv {
    /// `user add NAME --role ROLE --facility F... --password-stdin`, then clears
    /// the pending actions: an account that signs in with `password` at once.
    #[track_caller]
    pub fn ready_account(&self, name: &str, role: &str, facilities: &[&str], password: &str) {
        self.add_user_with_password(name, role, facilities, password);
        self.clear_pending(&format!("username = '{name}'"));
    }

    /// Writes `password` and a newline to `op-NAME.pw` (mode 0600); returns the path.
    pub fn password_file(&self, name: &str, password: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let p = self.write_file(&format!("op-{name}.pw"), format!("{password}\n").as_bytes());
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the password file");
        p
    }

    /// A 0600 file holding `code` on one line, for `--as-code-file`.
    pub fn code_file(&self, name: &str, code: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let p = self.write_file(&format!("{name}.code"), format!("{code}\n").as_bytes());
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the code file");
        p
    }

    /// `keyward --as OP --as-password-file FILE ARGS` (empty stdin).
    pub fn run_as(&self, op: &str, password: &str, args: &[&str]) -> Output {
        let file = self.password_file(op, password);
        let file = file.to_str().expect("utf-8 path");
        let mut all = vec!["--as", op, "--as-password-file", file];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Every row of the audit table, all columns, oldest first, as JSON
    /// objects keyed by column name (`details` kept as stored text).
    #[track_caller]
    pub fn audit_rows(&self) -> Vec<Value> {
        let cols = self.columns("audit");
        self.sql(&format!(
            "SELECT {} FROM audit ORDER BY id",
            cols.iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into_iter()
        .map(|r| Value::Object(cols.iter().cloned().zip(r).collect()))
        .collect()
    }

    /// The highest audit row id (0 when the log is empty).
    #[track_caller]
    pub fn audit_head_id(&self) -> i64 {
        self.sql_scalar("SELECT COALESCE(MAX(id), 0) FROM audit")
            .as_i64()
            .expect("an integer id")
    }

    /// Audit rows with an id above `after`, oldest first.
    #[track_caller]
    pub fn audit_since(&self, after: i64) -> Vec<Value> {
        self.audit_rows()
            .into_iter()
            .filter(|r| r["id"].as_i64().unwrap_or(0) > after)
            .collect()
    }
}

impl TestEnv {
    /// The organisation of the scope tests, every account ready to sign in
    /// with [`OP_PASSWORD`]: facilities `A` and `B`; admins `amy` and `ann`
    /// in A; `alice` (user) and `sam` (supervisor) in A; `bob` (user) and
    /// `sue` (supervisor) in B; `carl` (user) in A and B; `root` (support).
    /// Each operator has signed in once, so that signing in again at the
    /// same clock changes no account row.
    #[track_caller]
    pub fn with_org() -> TestEnv {
        let env = TestEnv::with_db();
        env.facility("A");
        env.facility("B");
        for (name, role, facilities) in [
            ("amy", "admin", &["A"][..]),
            ("ann", "admin", &["A"][..]),
            ("alice", "user", &["A"][..]),
            ("sam", "supervisor", &["A"][..]),
            ("bob", "user", &["B"][..]),
            ("sue", "supervisor", &["B"][..]),
            ("carl", "user", &["A", "B"][..]),
        ] {
            env.ready_account(name, role, facilities, OP_PASSWORD);
        }
        for (op, pw) in [
            ("amy", OP_PASSWORD),
            ("ann", OP_PASSWORD),
            ("alice", OP_PASSWORD),
            ("sam", OP_PASSWORD),
            (ROOT, ROOT_PASSWORD),
        ] {
            let out = env.run_as(op, pw, &["policy", "show"]);
            assert_code(&out, 0);
        }
        env
    }
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

// ---- bulk provisioning helpers (issue 6) -----------------------------------

/// The header `user import` requires and `user export` writes.
pub const IMPORT_HEADER: &str = "username,name,role,facilities,password";

/// The header of generated credentials (stdout or `--credentials-out`).
pub const CREDENTIALS_HEADER: &str = "username,temporary_password";

/// An Argon2 PHC string of `password`, computed here with the `argon2` crate
/// (independently of keyward) at OWASP's minimum costs and a fixed salt.
#[track_caller]
pub fn phc_hash(algorithm: argon2::Algorithm, version: argon2::Version, password: &str) -> String {
    phc_hash_with(algorithm, version, (19_456, 2, 1), password)
}

/// [`phc_hash`] with other costs `(m KiB, t, p)`.
#[track_caller]
pub fn phc_hash_with(
    algorithm: argon2::Algorithm,
    version: argon2::Version,
    (m, t, p): (u32, u32, u32),
    password: &str,
) -> String {
    use argon2::PasswordHasher;
    let params = argon2::Params::new(m, t, p, None).expect("argon2 params");
    argon2::Argon2::new(algorithm, version, params)
        .hash_password_with_salt(password.as_bytes(), b"keyward-test-salt")
        .unwrap_or_else(|e| panic!("hash {password:?}: {e}"))
        .to_string()
}

/// An Argon2id (version 19) PHC string of `password` (see [`phc_hash`]).
#[track_caller]
pub fn argon2id_hash(password: &str) -> String {
    phc_hash(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        password,
    )
}

/// Parses a CSV text (header first) into its header and records.
#[track_caller]
pub fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = rdr
        .headers()
        .unwrap_or_else(|e| panic!("not CSV ({e}):\n{text}"))
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = rdr
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("bad CSV record ({e}):\n{text}"))
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    (header, rows)
}

/// The `(username, temporary_password)` pairs of a credentials CSV, asserting
/// its header is exactly [`CREDENTIALS_HEADER`].
#[track_caller]
pub fn parse_credentials(text: &str) -> Vec<(String, String)> {
    let (header, rows) = parse_csv(text);
    assert_eq!(
        header.join(","),
        CREDENTIALS_HEADER,
        "credentials header:\n{text}"
    );
    rows.into_iter()
        .map(|r| {
            assert_eq!(r.len(), 2, "credentials row {r:?}:\n{text}");
            (r[0].clone(), r[1].clone())
        })
        .collect()
}

/// The `(line, message)` pairs of a `--json` import error
/// (`{"error": {"code", "message", "rows": [{"line", "message"}]}}`).
#[track_caller]
pub fn error_rows(out: &Output) -> Vec<(u64, String)> {
    let err = parse_error(out);
    let rows = err["error"]["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("the JSON error has no `rows` list: {err}"));
    rows.iter()
        .map(|r| {
            (
                r["line"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("row without a numeric line: {r}")),
                r["message"]
                    .as_str()
                    .unwrap_or_else(|| panic!("row without a message: {r}"))
                    .to_owned(),
            )
        })
        .collect()
}

/// The `details` of an audit row as JSON (stored as text).
pub fn audit_details(row: &Value) -> Value {
    match &row["details"] {
        Value::String(s) => serde_json::from_str(s).unwrap_or(Value::String(s.clone())),
        other => other.clone(),
    }
}

/// What an import may set on an account: username, name, role, sorted
/// facilities. Two equal cores mean the same account as far as a CSV goes.
pub fn account_core(v: &Value) -> Value {
    serde_json::json!({
        "username": v["username"],
        "name": v["name"],
        "role": v["role"],
        "facilities": facilities_of(v),
    })
}

/// Permission bits of a file.
#[track_caller]
pub fn file_mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The `required_actions` of an `auth --json` answer (empty when absent).
#[track_caller]
pub fn required_actions(out: &Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    v["required_actions"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

impl TestEnv {
    /// Writes `csv` to a new file `import-N.csv` in the temp dir; returns its path.
    pub fn csv_file(&self, csv: &str) -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        self.write_file(&format!("import-{n}.csv"), csv.as_bytes())
    }

    /// `keyward user import FILE ARGS...` on a new file holding `csv`.
    pub fn import(&self, csv: &str, args: &[&str]) -> Output {
        let file = self.csv_file(csv);
        let file = file.to_str().expect("utf-8 path");
        let mut all = vec!["user", "import", file];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// `keyward --json user import FILE ARGS...`, asserting success; the document.
    #[track_caller]
    pub fn import_json(&self, csv: &str, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.import(csv, &all);
        assert_code(&out, 0);
        parse_stdout(&out)
    }

    /// Number of audit rows with `action`.
    #[track_caller]
    pub fn audit_count(&self, action: &str) -> i64 {
        self.conn()
            .query_row(
                "SELECT COUNT(*) FROM audit WHERE action = ?1",
                [action],
                |r| r.get(0),
            )
            .expect("count audit rows")
    }

    /// Number of accounts whose username starts with `prefix`.
    #[track_caller]
    pub fn count_accounts(&self, prefix: &str) -> i64 {
        self.conn()
            .query_row(
                "SELECT COUNT(*) FROM account WHERE username LIKE ?1 || '%'",
                [prefix],
                |r| r.get(0),
            )
            .expect("count accounts")
    }
}
