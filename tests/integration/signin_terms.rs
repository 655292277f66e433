//! `keyward terms set|show|list|accept`.

use crate::common::*;
use serde_json::Value;

const PW: &str = "Right#pw42";
const TEXT_1: &str = "Keep every record you see confidential.\nReport lost badges at once.\n";
const TEXT_2: &str = "Keep every record confidential.\nLock your screen when you leave.\n";

/// SHA-256 of `bytes` in lower-case hex, from the `sha256sum` command.
fn sha256sum(env: &TestEnv, bytes: &[u8]) -> String {
    let file = env.write_file("to-hash.bin", bytes);
    let out = std::process::Command::new("sha256sum")
        .arg(&file)
        .output()
        .expect("run sha256sum");
    assert!(out.status.success(), "sha256sum failed");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .expect("a digest")
        .to_owned()
}

fn accept(env: &TestEnv, user: &str, pw: &str) -> std::process::Output {
    env.run_stdin(
        &["terms", "accept", user, "--password-stdin"],
        &format!("{pw}\n"),
    )
}

#[track_caller]
fn list(env: &TestEnv) -> Vec<Value> {
    let v = env.json(&["terms", "list"]);
    v.as_array()
        .unwrap_or_else(|| panic!("terms list --json is not an array: {v}"))
        .clone()
}

#[test]
fn set_stores_version_1_with_the_sha256_of_the_file() {
    let env = TestEnv::with_db();
    let v = env.publish_terms(TEXT_1);
    assert_eq!(v["version"], 1, "{v}");
    assert_eq!(v["created"], true, "{v}");
    assert_eq!(v["sha256"], sha256sum(&env, TEXT_1.as_bytes()), "{v}");
}

#[test]
fn show_prints_the_newest_text_and_its_digest() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    let v = env.json(&["terms", "show"]);
    assert_eq!(v["version"], 1, "{v}");
    assert_eq!(v["text"], TEXT_1, "{v}");
    assert_eq!(v["sha256"], sha256sum(&env, TEXT_1.as_bytes()), "{v}");
    assert_eq!(v["created_at"], NOW, "{v}");
}

#[test]
fn show_in_human_output_contains_the_text() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    let out = env.run(&["terms", "show"]);
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("Report lost badges at once."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn versions_increment() {
    let env = TestEnv::with_db();
    assert_eq!(env.publish_terms(TEXT_1)["version"], 1);
    let v = env.publish_terms(TEXT_2);
    assert_eq!(v["version"], 2, "{v}");
    assert_eq!(v["created"], true, "{v}");
    assert_eq!(v["sha256"], sha256sum(&env, TEXT_2.as_bytes()), "{v}");

    let newest = env.json(&["terms", "show"]);
    assert_eq!(newest["version"], 2);
    assert_eq!(newest["text"], TEXT_2);
    let first = env.json(&["terms", "show", "--version", "1"]);
    assert_eq!(first["version"], 1);
    assert_eq!(first["text"], TEXT_1);

    let l = list(&env);
    let versions: Vec<_> = l.iter().map(|t| t["version"].as_i64()).collect();
    assert_eq!(versions, [Some(1), Some(2)], "{l:?}");
    for t in &l {
        assert!(t["sha256"].is_string(), "{t}");
        assert!(t["created_at"].is_string(), "{t}");
        assert_eq!(t["accepted"], 0, "{t}");
    }
}

#[test]
fn identical_text_creates_nothing() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    let v = env.publish_terms(TEXT_1);
    assert_eq!(v["created"], false, "{v}");
    assert_eq!(v["version"], 1, "{v}");
    assert_eq!(list(&env).len(), 1);
}

#[test]
fn identical_text_does_not_make_accounts_accept_again() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.publish_terms(TEXT_1);
    assert_code(&accept(&env, "alice", PW), 0);
    env.publish_terms(TEXT_1);
    assert_code(&env.auth("alice", PW), 0);
}

#[test]
fn text_equal_to_an_older_version_is_a_new_version() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    env.publish_terms(TEXT_2);
    let v = env.publish_terms(TEXT_1);
    assert_eq!(v["version"], 3, "{v}");
    assert_eq!(v["created"], true, "{v}");
}

#[test]
fn show_with_no_terms_exits_7() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["terms", "show"]), 7);
}

#[test]
fn show_of_an_unknown_version_exits_7() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    assert_code(&env.run(&["terms", "show", "--version", "2"]), 7);
}

#[test]
fn list_with_no_terms_is_empty() {
    let env = TestEnv::with_db();
    assert!(list(&env).is_empty());
}

#[test]
fn empty_file_is_refused() {
    let env = TestEnv::with_db();
    let f = env.write_file("empty.txt", b"");
    let out = env.run(&["terms", "set", "--file", f.to_str().expect("path")]);
    assert_code(&out, 65);
    assert!(list(&env).is_empty());
}

#[test]
fn non_utf8_file_is_refused() {
    let env = TestEnv::with_db();
    let f = env.write_file("latin1.txt", b"Caf\xe9 rules\n");
    let out = env.run(&["terms", "set", "--file", f.to_str().expect("path")]);
    assert_code(&out, 65);
    assert!(list(&env).is_empty());
}

#[test]
fn file_over_one_mib_is_refused() {
    let env = TestEnv::with_db();
    let f = env.write_file("big.txt", &vec![b'a'; 1024 * 1024 + 1]);
    let out = env.run(&["terms", "set", "--file", f.to_str().expect("path")]);
    assert_code(&out, 65);
    assert!(list(&env).is_empty());
}

#[test]
fn file_of_exactly_one_mib_is_accepted() {
    let env = TestEnv::with_db();
    let f = env.write_file("big.txt", &vec![b'a'; 1024 * 1024]);
    let out = env.run(&["terms", "set", "--file", f.to_str().expect("path")]);
    assert_code(&out, 0);
    assert_eq!(list(&env).len(), 1);
}

#[test]
fn missing_file_is_an_error_and_stores_nothing() {
    let env = TestEnv::with_db();
    let f = env.path().join("nope.txt");
    let out = env.run(&["terms", "set", "--file", f.to_str().expect("path")]);
    assert_ne!(code(&out), 0);
    assert!(list(&env).is_empty());
}

#[test]
fn accept_records_and_clears_terms_pending() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    env.add_user_with_password("alice", "user", &[], PW);
    assert_eq!(env.user("alice")["terms_pending"], true);
    let out = accept(&env, "alice", PW);
    assert_code(&out, 0);
    let u = env.user("alice");
    assert_eq!(u["terms_pending"], false, "{u}");
    assert_eq!(
        u["must_change_password"], true,
        "accepting terms is not a password change: {u}"
    );
    let l = list(&env);
    assert_eq!(l[0]["accepted"], 1, "{l:?}");
    // Only the password change is left.
    let out = env.auth("alice", PW);
    assert_code(&out, 5);
    assert_eq!(
        parse_stdout(&out)["required_actions"],
        serde_json::json!(["change_password"])
    );
}

#[test]
fn accept_counts_per_version() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.ready_user("bob", "Quiet#pw42");
    env.publish_terms(TEXT_1);
    assert_code(&accept(&env, "alice", PW), 0);
    assert_code(&accept(&env, "bob", "Quiet#pw42"), 0);
    env.publish_terms(TEXT_2);
    assert_code(&accept(&env, "alice", PW), 0);
    let l = list(&env);
    assert_eq!(l[0]["version"], 1);
    assert_eq!(l[0]["accepted"], 2, "{l:?}");
    assert_eq!(l[1]["version"], 2);
    assert_eq!(l[1]["accepted"], 1, "{l:?}");
}

#[test]
fn accept_with_wrong_password_exits_3_and_counts() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    env.add_user_with_password("alice", "user", &[], PW);
    let out = accept(&env, "alice", "Wrong#pw42");
    assert_code(&out, 3);
    let u = env.user("alice");
    assert_eq!(u["failed_attempts"], 1, "{u}");
    assert_eq!(u["terms_pending"], true, "{u}");
    assert_eq!(list(&env)[0]["accepted"], 0);
}

#[test]
fn accept_for_unknown_user_exits_3() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    assert_code(&accept(&env, "ghost", PW), 3);
}

#[test]
fn accept_on_a_locked_account_exits_4() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.publish_terms(TEXT_1);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    assert_code(&accept(&env, "alice", PW), 4);
    assert_eq!(list(&env)[0]["accepted"], 0);
    assert_eq!(env.user("alice")["failed_attempts"], 0);
}

#[test]
fn accept_on_a_disabled_account_exits_4() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.publish_terms(TEXT_1);
    assert_code(&env.run(&["user", "disable", "alice"]), 0);
    assert_code(&accept(&env, "alice", PW), 4);
    assert_eq!(list(&env)[0]["accepted"], 0);
}

#[test]
fn accept_with_no_terms_exits_7() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&accept(&env, "alice", PW), 7);
}

#[test]
fn accept_requires_password_stdin() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    env.ready_user("alice", PW);
    assert_code(&env.run(&["terms", "accept", "alice"]), 2);
}

#[test]
fn accept_without_username_and_without_terminal_is_a_usage_error() {
    let env = TestEnv::with_db();
    env.publish_terms(TEXT_1);
    env.ready_user("alice", PW);
    let out = env.run_stdin(&["terms", "accept", "--password-stdin"], &format!("{PW}\n"));
    assert_code(&out, 2);
}

#[test]
fn publishing_a_new_version_makes_accounts_accept_again() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.publish_terms(TEXT_1);
    assert_code(&accept(&env, "alice", PW), 0);
    assert_code(&env.auth("alice", PW), 0);
    env.publish_terms(TEXT_2);
    let out = env.auth("alice", PW);
    assert_code(&out, 5);
    assert_eq!(
        parse_stdout(&out)["required_actions"],
        serde_json::json!(["accept_terms"])
    );
}

#[test]
fn show_and_list_report_the_terms_pending_that_sign_in_enforces() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.ready_user("bob", PW);
    assert_eq!(env.user("alice")["terms_pending"], false);
    env.publish_terms(TEXT_2);
    // Sign-in asks alice for the new version: what admins see must say so.
    let out = env.auth("alice", PW);
    assert_code(&out, 5);
    assert_eq!(
        parse_stdout(&out)["required_actions"],
        serde_json::json!(["accept_terms"])
    );
    assert_eq!(env.user("alice")["terms_pending"], true);
    let listed: Vec<bool> = env
        .users()
        .iter()
        .filter(|u| u["username"] == "alice" || u["username"] == "bob")
        .map(|u| u["terms_pending"] == true)
        .collect();
    assert_eq!(listed, [true, true]);
    // Once alice accepts, both views and sign-in agree again.
    assert_code(&accept(&env, "alice", PW), 0);
    assert_eq!(env.user("alice")["terms_pending"], false);
    assert_code(&env.auth("alice", PW), 0);
    assert_eq!(env.user("bob")["terms_pending"], true);
}
