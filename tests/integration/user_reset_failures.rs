//! `user reset-failures USERNAME` (SPEC 12, `faillock --reset`): the
//! failure count goes to 0 and a lock that failures set is lifted, while
//! an administrator's lock, a disabled account and the pending actions stay;
//! `user unlock` keeps forcing terms and a new password.

use crate::common::*;
use serde_json::Value;

const PW: &str = "Right#pw42";
const WRONG: &str = "Wrong#pw42";

/// `alice`, ready to sign in, locked by three wrong passwords.
fn locked_by_failures() -> TestEnv {
    let env = TestEnv::with_default_terms();
    env.set_policy(&["lockout-threshold=3"]);
    env.ready_user("alice", PW);
    for _ in 0..3 {
        assert_code(&env.auth("alice", WRONG), 3);
    }
    let v = env.user("alice");
    assert_eq!(v["status"], "locked", "setup: {v}");
    assert_eq!(v["lock_reason"], "failed-attempts", "setup: {v}");
    env
}

fn last_audit(env: &TestEnv) -> Value {
    env.audit_rows().pop().expect("an audit row")
}

#[test]
fn lifts_a_failures_lock_and_forces_nothing() {
    let env = locked_by_failures();
    let v = env.json(&["user", "reset-failures", "alice"]);
    assert_eq!(v["status"], "active", "{v}");
    assert_eq!(v["failed_attempts"], 0, "{v}");
    assert_eq!(v["must_change_password"], false, "{v}");
    assert_eq!(v["terms_pending"], false, "{v}");
    let row = last_audit(&env);
    assert_eq!(row["action"], "user.reset-failures", "{row}");
    assert_eq!(row["target"], "alice", "{row}");
    let details = audit_details(&row);
    assert_eq!(details["failed_attempts"], 3, "{row}");
    assert_eq!(details["lock_lifted"], true, "{row}");
    // The next sign-in goes straight through: no terms, no new password.
    let out = env.auth("alice", PW);
    assert_code(&out, 0);
    assert_eq!(parse_stdout(&out)["result"], "ok");
}

#[test]
fn unlock_still_forces_terms_and_a_new_password() {
    let env = locked_by_failures();
    let v = env.json(&["user", "unlock", "alice"]);
    assert_eq!(v["status"], "active", "{v}");
    assert_eq!(v["must_change_password"], true, "{v}");
    assert_eq!(v["terms_pending"], true, "{v}");
}

#[test]
fn an_administrators_lock_and_a_disabled_account_stay() {
    let env = TestEnv::with_default_terms();
    env.set_policy(&["lockout-threshold=5"]);
    env.ready_user("alice", PW);
    env.ready_user("bob", PW);
    for _ in 0..2 {
        assert_code(&env.auth("alice", WRONG), 3);
        assert_code(&env.auth("bob", WRONG), 3);
    }
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    assert_code(&env.run(&["user", "disable", "bob"]), 0);

    let a = env.json(&["user", "reset-failures", "alice"]);
    assert_eq!(a["status"], "locked", "{a}");
    assert_eq!(a["lock_reason"], "admin", "{a}");
    assert_eq!(a["failed_attempts"], 0, "{a}");
    assert_eq!(audit_details(&last_audit(&env))["lock_lifted"], false);
    // People are told why it still says locked, and how to lift it.
    let out = env.run(&["user", "reset-failures", "alice"]);
    assert_code(&out, 0);
    assert!(
        has(&stderr(&out), "stays locked by an administrator")
            && has(&stderr(&out), "user unlock alice"),
        "{}",
        stderr(&out)
    );

    let b = env.json(&["user", "reset-failures", "bob"]);
    assert_eq!(b["status"], "disabled", "{b}");
    assert_eq!(b["failed_attempts"], 0, "{b}");
    // Both still refused with the right password (exit 4).
    let alice = env.auth("alice", PW);
    assert_code(&alice, 4);
    assert_eq!(parse_stdout(&alice)["result"], "locked");
    let bob = env.auth("bob", PW);
    assert_code(&bob, 4);
    assert_eq!(parse_stdout(&bob)["result"], "disabled");
}

#[test]
fn an_unknown_account_changes_nothing() {
    let env = TestEnv::with_db();
    let before = env.snapshot();
    let out = env.run(&["user", "reset-failures", "ghost"]);
    assert_code(&out, 7);
    assert!(has(&stderr(&out), "no account `ghost`"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_admin_resets_only_within_its_scope() {
    let env = TestEnv::with_org();
    env.exec("UPDATE account SET failed_attempts = 2 WHERE username IN ('alice', 'bob')");
    // amy (admin of A) may reset alice (A) ...
    let ok = env.run_as(
        "amy",
        OP_PASSWORD,
        &["--json", "user", "reset-failures", "alice"],
    );
    assert_code(&ok, 0);
    assert_eq!(parse_stdout(&ok)["failed_attempts"], 0);
    // ... but not bob (B): exit 6, nothing changed.
    let before = env.sql("SELECT failed_attempts FROM account WHERE username = 'bob'");
    let out = env.run_as("amy", OP_PASSWORD, &["user", "reset-failures", "bob"]);
    assert_code(&out, 6);
    assert_eq!(
        env.sql("SELECT failed_attempts FROM account WHERE username = 'bob'"),
        before
    );
    assert_eq!(before, vec![vec![serde_json::json!(2)]]);
}
