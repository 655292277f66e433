//! Operator sessions (SPEC 12): `session start` signs the operator in once;
//! later commands with the same `--as` on the same store run in the session
//! without a password, until it is unused for `session-minutes`, 8 hours
//! old, ended, revoked, or ended by a change to the operator. A session that
//! may not be used is refused and nothing counts against the account.
//! See `TestEnv::with_org` for who is who.

use crate::common::*;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Output;

/// `session start` as `op` with its password in a file; the session id.
#[track_caller]
pub fn start(env: &TestEnv, op: &str) -> i64 {
    start_at(env, NOW, op)
}

#[track_caller]
pub fn start_at(env: &TestEnv, now: &str, op: &str) -> i64 {
    let file = env.password_file(op, OP_PASSWORD);
    let out = env.run_at(
        now,
        &[
            "--json",
            "--as",
            op,
            "--as-password-file",
            file.to_str().expect("utf-8"),
            "session",
            "start",
        ],
    );
    assert_code(&out, 0);
    parse_stdout(&out)["session"]
        .as_i64()
        .unwrap_or_else(|| panic!("no session id: {}", stdout(&out)))
}

/// `keyward --as OP ARGS` with no password file and an empty stdin: only a
/// session lets it through.
pub fn as_op(env: &TestEnv, op: &str, args: &[&str]) -> Output {
    as_op_at(env, NOW, op, args)
}

pub fn as_op_at(env: &TestEnv, now: &str, op: &str, args: &[&str]) -> Output {
    let mut all = vec!["--as", op];
    all.extend_from_slice(args);
    env.run_at(now, &all)
}

/// The token files in the test's session folder.
pub fn token_files(env: &TestEnv) -> Vec<PathBuf> {
    let dir = env.path().join("run").join("keyward");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[track_caller]
pub fn only_token_file(env: &TestEnv) -> PathBuf {
    let files = token_files(env);
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

pub fn open_sessions(env: &TestEnv, name: &str) -> i64 {
    env.sql_scalar(&format!(
        "SELECT count(*) FROM operator_session s JOIN account a ON a.id = s.account_id
         WHERE a.username = '{name}' AND s.ended_at IS NULL"
    ))
    .as_i64()
    .expect("a count")
}

pub fn details(row: &Value) -> Value {
    serde_json::from_str(row["details"].as_str().unwrap_or("{}")).expect("details are JSON")
}

/// amy disables alice without a password: the session is used.
pub fn amy_disables_alice_at(env: &TestEnv, now: &str) -> Output {
    as_op_at(env, now, "amy", &["user", "disable", "alice"])
}

#[test]
fn commands_run_in_the_session_and_audit_rows_name_it() {
    let env = TestEnv::with_org();
    // Without a session, --as needs the password.
    assert_code(&as_op(&env, "amy", &["user", "disable", "alice"]), 2);
    let id = start(&env, "amy");
    let head = env.audit_head_id();
    let out = as_op(&env, "amy", &["user", "disable", "alice"]);
    assert_code(&out, 0);
    assert_eq!(env.user("alice")["status"], "disabled");
    let rows = env.audit_since(head);
    assert!(
        rows.iter().all(|r| r["action"] != "signin.ok"),
        "no sign-in ran: {rows:#?}"
    );
    let change = rows
        .iter()
        .find(|r| r["action"] == "user.disable")
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert_eq!(change["actor"], "amy");
    assert_eq!(details(change)["session"], id);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn only_a_hash_of_the_token_is_stored_and_the_file_is_private() {
    let env = TestEnv::with_org();
    let id = start(&env, "amy");
    let path = only_token_file(&env);
    let meta = std::fs::metadata(&path).expect("token file");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let dir = std::fs::metadata(path.parent().expect("folder")).expect("folder");
    assert_eq!(dir.permissions().mode() & 0o777, 0o700);
    let file: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("JSON file");
    let token = file["token"].as_str().expect("a token").to_owned();
    assert_eq!(token.len(), 64);
    assert_eq!(file["session"], id);
    assert_eq!(file["username"], "amy");
    let stored = env.sql_scalar("SELECT token_hash FROM operator_session");
    assert_eq!(stored, sha256_hex(token.as_bytes()));
    assert!(
        !env.snapshot().contains(&token),
        "the token is in the store"
    );
    let audit = serde_json::to_string(&env.audit_rows()).expect("json");
    assert!(!audit.contains(&token), "the token is in the audit log");
}

#[test]
fn the_policy_key_has_a_range() {
    let env = TestEnv::with_db();
    assert_eq!(env.policy()["session-minutes"], 15);
    env.set_policy(&["session-minutes=480"]);
    let out = env.run(&["policy", "set", "session-minutes=481"]);
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "session-minutes"), "{}", stderr(&out));
    assert_eq!(env.policy()["session-minutes"], 480);
}

#[test]
fn credentials_given_to_a_command_win_over_its_session() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    // A wrong password is checked, and counted, although a session is open.
    assert_code(&env.run_as("amy", "Wrong#pass1", &["user", "list"]), 3);
    assert_eq!(env.failed_attempts("amy"), 1);
    let missing = env.path().join("missing.pw");
    let out = as_op(
        &env,
        "amy",
        &[
            "--as-password-file",
            missing.to_str().expect("utf-8"),
            "user",
            "list",
        ],
    );
    assert_code(&out, 2);
    let head = env.audit_head_id();
    assert_code(
        &env.run_as("amy", OP_PASSWORD, &["user", "disable", "alice"]),
        0,
    );
    let rows = env.audit_since(head);
    assert!(rows.iter().any(|r| r["action"] == "signin.ok"), "{rows:#?}");
    let change = rows
        .iter()
        .find(|r| r["action"] == "user.disable")
        .expect("user.disable");
    assert!(details(change).get("session").is_none(), "{change}");
    assert_eq!(open_sessions(&env, "amy"), 1);
}

#[test]
fn the_operator_is_named_with_as_and_end_has_the_usual_aliases() {
    let env = TestEnv::with_org();
    let out = env.run(&["session", "start", "amy"]);
    assert_code(&out, 2);
    assert!(
        has(&stderr(&out), "keyward --as amy session start"),
        "{}",
        stderr(&out)
    );
    start(&env, "amy");
    assert_code(&as_op(&env, "amy", &["session", "logout"]), 0);
    assert_eq!(open_sessions(&env, "amy"), 0);
}

#[test]
fn list_shows_ones_own_sessions_or_all_of_them_to_support() {
    let env = TestEnv::with_org();
    let amy = start(&env, "amy");
    let ann = start(&env, "ann");
    let mine = parse_stdout(&as_op(&env, "amy", &["--json", "session", "list"]));
    let mine = mine.as_array().expect("a list");
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["session"], amy);
    assert_eq!(mine[0]["current"], true);
    assert_eq!(mine[0]["role"], "admin");
    let all = env.json(&["session", "list"]);
    let ids: Vec<i64> = all
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s["session"].as_i64())
        .collect();
    assert_eq!(ids, vec![amy, ann]);
    let text = stdout(&as_op(&env, "amy", &["session", "list"]));
    assert!(text.contains(&format!("{amy}*")), "{text}");
    assert!(!text.contains(" ann "), "{text}");
}

#[test]
fn start_needs_an_operator() {
    let env = TestEnv::with_org();
    let out = env.run(&["session", "start"]);
    assert_code(&out, 2);
    assert!(has(&stderr(&out), "--as"), "{}", stderr(&out));
}

#[test]
fn a_backup_carries_no_session() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    let backup = env.path().join("backup.db");
    assert_code(
        &env.run(&["db", "backup", backup.to_str().expect("utf-8")]),
        0,
    );
    let n: i64 = rusqlite::Connection::open(&backup)
        .and_then(|c| c.query_row("SELECT count(*) FROM operator_session", [], |r| r.get(0)))
        .expect("read the backup");
    assert_eq!(n, 0);
    assert_eq!(open_sessions(&env, "amy"), 1);
}

#[test]
fn a_store_at_schema_6_gains_sessions_when_opened() {
    let env = TestEnv::with_org();
    env.downgrade_to_schema_6();
    assert_eq!(env.schema_version(), 6);
    start(&env, "amy");
    assert_eq!(env.schema_version(), 7);
    assert_code(&as_op(&env, "amy", &["user", "list"]), 0);
    assert_code(&env.run(&["db", "check"]), 0);
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_copy_numbers_its_sessions_after_the_source() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    start(&env, "amy");
    let last = start(&env, "amy");
    let copy = env.path().join("copy.db");
    let copy = copy.to_str().expect("utf-8");
    assert_code(&env.run(&["db", "copy", "--to", copy]), 0);
    let out = env.run_as(
        "amy",
        OP_PASSWORD,
        &["--db", copy, "--json", "session", "start"],
    );
    assert_code(&out, 0);
    let id = parse_stdout(&out)["session"].as_i64().expect("an id");
    assert!(id > last, "{id} after {last}");
}
