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

#[macro_use]
mod backend;
mod env;
mod import;
mod ops;
mod pause;
mod pty;
mod qr;
mod signin;
mod twofa;

pub use backend::*;
pub use env::*;
pub use import::*;
pub use ops::*;
pub use pty::*;
pub use qr::*;
pub use signin::*;
pub use twofa::*;
