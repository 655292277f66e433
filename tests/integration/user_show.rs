//! What `user show` (and every account object) adds in SPEC 12:
//! `questions_set`, and `locked_until` beside `lock_reason` for a lock that
//! lifts by itself.

use crate::common::*;
use serde_json::json;

const PW: &str = "Right#pw42";
const WRONG: &str = "Wrong#pw42";

#[test]
fn questions_set_follows_the_stored_answers() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let v = env.user("alice");
    assert_eq!(v["questions_set"], false, "{v}");
    env.exec(
        "INSERT INTO security_answer (account_id, question, position, answer_hash, set_at)
         SELECT id, 'q1', 1, 'h', 0 FROM account WHERE username = 'alice'",
    );
    let v = env.user("alice");
    assert_eq!(v["questions_set"], true, "{v}");
    let human = stdout(&env.run(&["user", "show", "alice"]));
    assert!(
        human
            .lines()
            .any(|l| l.contains("security questions") && l.contains(" set ")),
        "{human}"
    );
}

#[test]
fn a_failures_lock_says_until_when_and_an_admin_lock_does_not() {
    let env = TestEnv::with_db();
    env.set_policy(&["lockout-threshold=3", "lockout-minutes=30"]);
    env.ready_user("alice", PW);
    env.ready_user("bob", PW);
    for _ in 0..3 {
        assert_code(&env.auth("alice", WRONG), 3);
    }
    assert_code(&env.run(&["user", "lock", "bob"]), 0);
    let a = env.user("alice");
    assert_eq!(a["lock_reason"], "failed-attempts", "{a}");
    assert_eq!(a["locked_at"], json!(NOW), "{a}");
    assert_eq!(a["locked_until"], json!("2026-11-22T10:30:00Z"), "{a}");
    let human = stdout(&env.run(&["user", "show", "alice"]));
    // The lock line may wrap between words in the table.
    assert!(
        has(&human, "until") && has(&human, "2026-11-22T10:30:00Z"),
        "{human}"
    );
    let b = env.user("bob");
    assert_eq!(b["lock_reason"], "admin", "{b}");
    assert_eq!(b["locked_until"], serde_json::Value::Null, "{b}");
    // Past the half hour the lock is gone, and with it both fields.
    let later =
        parse_stdout(&env.run_at(&now_plus_minutes(31), &["--json", "user", "show", "alice"]));
    assert_eq!(later["status"], "active", "{later}");
    assert_eq!(later["locked_until"], serde_json::Value::Null, "{later}");
}
