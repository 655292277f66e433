//! `keyward passwd USER --password-stdin`: line 1 current, line 2 new.

use crate::common::*;
use std::process::Output;

const PW: &str = "Right#pw42";

fn passwd(env: &TestEnv, user: &str, current: &str, new: &str) -> Output {
    env.run_stdin(
        &["passwd", user, "--password-stdin"],
        &format!("{current}\n{new}\n"),
    )
}

#[track_caller]
fn auth_code(env: &TestEnv, user: &str, pw: &str) -> i32 {
    code(&env.auth(user, pw))
}

#[test]
fn passwd_sets_the_new_password_and_clears_must_change() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], PW);
    assert_eq!(env.user("alice")["must_change_password"], true);
    let out = passwd(&env, "alice", PW, "Fresh#pw77");
    assert_code(&out, 0);
    let u = env.user("alice");
    assert_eq!(u["must_change_password"], false, "{u}");
    check_argon2id(&env.password_hash("alice"), "Fresh#pw77").expect("new hash");
    assert_eq!(
        auth_code(&env, "alice", PW),
        3,
        "old password must stop working"
    );
    assert_eq!(auth_code(&env, "alice", "Fresh#pw77"), 0);
}

#[test]
fn passwd_records_the_change_time() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let later = now_plus_days(3);
    let out = env.run_stdin_at(
        &later,
        &["--json", "passwd", "alice", "--password-stdin"],
        &format!("{PW}\nFresh#pw77\n"),
    );
    assert_code(&out, 0);
    let u = env.user("alice");
    assert_eq!(u["password_changed_at"], "2026-11-25T10:00:00Z", "{u}");
}

#[test]
fn passwd_with_crlf_lines_works() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = env.run_stdin(
        &["passwd", "alice", "--password-stdin"],
        &format!("{PW}\r\nFresh#pw77\r\n"),
    );
    assert_code(&out, 0);
    assert_eq!(auth_code(&env, "alice", "Fresh#pw77"), 0);
}

#[test]
fn passwd_with_only_one_line_changes_nothing() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.password_hash("alice");
    let out = env.run_stdin(&["passwd", "alice", "--password-stdin"], &format!("{PW}\n"));
    assert_ne!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn wrong_current_password_exits_3_and_counts() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.password_hash("alice");
    let out = passwd(&env, "alice", "Wrong#pw42", "Fresh#pw77");
    assert_code(&out, 3);
    assert!(
        has(&stderr(&out), "authentication failed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.user("alice")["failed_attempts"], 1);
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn unknown_user_looks_like_a_wrong_password() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let wrong = passwd(&env, "alice", "Wrong#pw42", "Fresh#pw77");
    let unknown = passwd(&env, "ghost", "Wrong#pw42", "Fresh#pw77");
    assert_code(&wrong, 3);
    assert_code(&unknown, 3);
    assert_eq!(stderr(&wrong), stderr(&unknown));
}

#[test]
fn third_wrong_current_password_locks_the_account() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    for _ in 0..3 {
        assert_code(&passwd(&env, "alice", "Wrong#pw42", "Fresh#pw77"), 3);
    }
    let u = env.user("alice");
    assert_eq!(u["status"], "locked", "{u}");
    assert_eq!(u["lock_reason"], "failed-attempts", "{u}");
}

#[test]
fn new_password_breaking_rules_lists_every_rule_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], PW);
    let before = env.snapshot();
    let out = passwd(&env, "alice", PW, "abc");
    assert_code(&out, 65);
    let err = stderr(&out);
    assert!(has(&err, "6 characters"), "{err}");
    assert!(has(&err, "digit"), "{err}");
    assert!(has(&err, "special"), "{err}");
    assert_eq!(
        env.snapshot(),
        before,
        "a refused passwd must change nothing"
    );
    assert_eq!(env.user("alice")["must_change_password"], true);
}

#[test]
fn new_password_without_letter_is_refused_naming_letter() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = passwd(&env, "alice", PW, "1234567#");
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "letter"), "{}", stderr(&out));
}

#[test]
fn new_password_too_long_names_the_maximum() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = passwd(&env, "alice", PW, "Abcdefgh#12345");
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "12"), "{}", stderr(&out));
}

#[test]
fn reusing_the_current_password_is_refused() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], PW);
    let before = env.snapshot();
    let out = passwd(&env, "alice", PW, PW);
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "used recently"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn reusing_a_recent_password_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&passwd(&env, "alice", PW, "Second#pw2"), 0);
    assert_code(&passwd(&env, "alice", "Second#pw2", "Third#pw33"), 0);
    let out = passwd(&env, "alice", "Third#pw33", PW);
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "used recently"), "{}", stderr(&out));
    assert_eq!(auth_code(&env, "alice", "Third#pw33"), 0);
}

#[test]
fn rule_and_history_failures_are_reported_together() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    // Allowed by the policy when set, now too long for a stricter maximum.
    env.set_policy(&["max-length=8"]);
    let out = passwd(&env, "alice", PW, PW);
    assert_code(&out, 65);
    let err = stderr(&out);
    assert!(has(&err, "8 characters"), "{err}");
    assert!(has(&err, "used recently"), "{err}");
}

#[test]
fn history_limits_how_far_back_reuse_is_refused() {
    let env = TestEnv::with_db();
    env.set_policy(&["history=2"]);
    env.ready_user("alice", PW);
    assert_code(&passwd(&env, "alice", PW, "Second#pw2"), 0);
    assert_code(&passwd(&env, "alice", "Second#pw2", "Third#pw33"), 0);
    // History 2: the current one and the one before are refused; PW is older.
    assert_code(&passwd(&env, "alice", "Third#pw33", "Second#pw2"), 65);
    assert_code(&passwd(&env, "alice", "Third#pw33", PW), 0);
}

#[test]
fn history_zero_allows_reuse() {
    let env = TestEnv::with_db();
    env.set_policy(&["history=0"]);
    env.add_user_with_password("alice", "user", &[], PW);
    let out = passwd(&env, "alice", PW, PW);
    assert_code(&out, 0);
    assert_eq!(env.user("alice")["must_change_password"], false);
    assert_eq!(auth_code(&env, "alice", PW), 0);
}

#[test]
fn new_password_containing_the_username_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = passwd(&env, "alice", PW, "xALICE#7x");
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "username"), "{}", stderr(&out));
    assert_eq!(auth_code(&env, "alice", PW), 0);
}

#[test]
fn username_in_password_allowed_when_rule_is_off() {
    let env = TestEnv::with_db();
    env.set_policy(&["reject-username=false"]);
    env.ready_user("alice", PW);
    assert_code(&passwd(&env, "alice", PW, "xALICE#7x"), 0);
    assert_eq!(auth_code(&env, "alice", "xALICE#7x"), 0);
}

#[test]
fn locked_account_exits_4_without_checking() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let before = env.password_hash("alice");
    let out = passwd(&env, "alice", PW, "Fresh#pw77");
    assert_code(&out, 4);
    assert!(has(&stderr(&out), "locked"), "{}", stderr(&out));
    let out = passwd(&env, "alice", "Wrong#pw42", "Fresh#pw77");
    assert_code(&out, 4);
    let u = env.user("alice");
    assert_eq!(u["failed_attempts"], 0, "{u}");
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn disabled_account_exits_4() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&env.run(&["user", "disable", "alice"]), 0);
    assert_code(&passwd(&env, "alice", PW, "Fresh#pw77"), 4);
    assert_eq!(env.user("alice")["failed_attempts"], 0);
}

#[test]
fn passwd_without_username_and_without_terminal_is_a_usage_error() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = env.run_stdin(
        &["passwd", "--password-stdin"],
        &format!("{PW}\nFresh#pw77\n"),
    );
    assert_code(&out, 2);
    assert_eq!(auth_code(&env, "alice", PW), 0);
}

#[test]
fn passwd_without_password_stdin_and_without_terminal_does_not_wait() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.password_hash("alice");
    let out = env.run(&["passwd", "alice"]);
    assert_ne!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn passwd_keeps_the_new_password_out_of_the_database_in_clear() {
    sqlite_only!("the bytes of the database file");
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&passwd(&env, "alice", PW, "Clear#txt99"), 0);
    let (db, wal) = env.file_bytes();
    let needle = b"Clear#txt99";
    assert!(!db.windows(needle.len()).any(|w| w == needle));
    if let Some(wal) = wal {
        assert!(!wal.windows(needle.len()).any(|w| w == needle));
    }
}
