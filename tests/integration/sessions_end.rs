//! How operator sessions end (SPEC 12): `session end`, a newer `session
//! start`, `session revoke` (support), and changes to the operator, each
//! logged with its reason and told to the next command of the session.

use super::sessions::*;
use crate::common::*;
use serde_json::Value;

/// Each change to amy, made by the OS user, ends her session at once, and
/// her next command and the audit log say why.
#[test]
fn changes_to_the_operator_end_its_sessions() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("operator-locked", &["user", "lock", "amy"], "was locked"),
        (
            "operator-disabled",
            &["user", "disable", "amy"],
            "was disabled",
        ),
        (
            "role-changed",
            &["user", "set-role", "amy", "supervisor"],
            "role changed",
        ),
        ("renamed", &["user", "rename", "amy", "amy2"], "was renamed"),
        (
            "password-changed",
            &["user", "reset-password", "amy"],
            "password changed",
        ),
        (
            "",
            &["user", "remove", "amy", "--yes"],
            "no longer in the store",
        ),
    ];
    for (reason, args, said) in cases {
        let env = TestEnv::with_org();
        let id = start(&env, "amy");
        // ann's session is not touched by a change to amy.
        start(&env, "ann");
        let head = env.audit_head_id();
        assert_code(&env.run(args), 0);
        assert_eq!(open_sessions(&env, "amy"), 0, "{reason}");
        assert_eq!(open_sessions(&env, "ann"), 1, "{reason}");
        let logged: Vec<Value> = env
            .audit_since(head)
            .iter()
            .filter(|r| r["action"] == "session.end")
            .map(details)
            .collect();
        if reason.is_empty() {
            assert!(logged.is_empty(), "{logged:?}");
        } else {
            assert_eq!(
                logged,
                vec![serde_json::json!({"ended": [id], "reason": reason})]
            );
        }
        let out = as_op(&env, "amy", &["user", "list"]);
        assert!(code(&out) == 3, "{reason}: {}", stderr(&out));
        assert!(has(&stderr(&out), said), "{reason}: {}", stderr(&out));
    }
}

#[test]
fn a_lock_by_failed_attempts_ends_the_session() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    for _ in 0..3 {
        assert_code(&env.auth("amy", "Wrong#pass1"), 3);
    }
    assert_eq!(env.user("amy")["status"], "locked");
    assert_eq!(open_sessions(&env, "amy"), 0);
    let ended = env
        .audit_rows()
        .into_iter()
        .find(|r| r["action"] == "session.end")
        .expect("a session.end row");
    assert_eq!(details(&ended)["reason"], "operator-locked");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "was locked"), "{}", stderr(&out));
}

#[test]
fn revoke_is_for_support_and_ends_every_session() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    start(&env, "ann");
    let out = env.run_as("ann", OP_PASSWORD, &["session", "revoke", "amy"]);
    assert_code(&out, 6);
    assert!(
        has(
            &stderr(&out),
            "an admin may not end other operators' sessions"
        ),
        "{}",
        stderr(&out)
    );
    let out = env.run_as("alice", OP_PASSWORD, &["session", "revoke", "amy"]);
    assert_code(&out, 6);
    assert!(
        has(
            &stderr(&out),
            "a user may not end other operators' sessions"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(open_sessions(&env, "amy"), 1);
    let head = env.audit_head_id();
    let v = parse_stdout(&env.run_as(ROOT, ROOT_PASSWORD, &["--json", "session", "revoke", "amy"]));
    assert_eq!(v["ended"], 1, "{v}");
    assert_eq!(v["sessions"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(open_sessions(&env, "amy"), 0);
    assert_eq!(open_sessions(&env, "ann"), 1);
    let row = env
        .audit_since(head)
        .into_iter()
        .find(|r| r["action"] == "session.revoke")
        .expect("a session.revoke row");
    assert_eq!(row["target"], "amy");
    assert_eq!(row["actor"], ROOT);
    assert_code(&as_op(&env, "amy", &["user", "list"]), 3);
    let out = env.run(&["session", "revoke", "nobody"]);
    assert_code(&out, 7);
}

#[test]
fn end_removes_the_session_and_its_file_and_may_be_repeated() {
    let env = TestEnv::with_org();
    let id = start(&env, "amy");
    let head = env.audit_head_id();
    let v = parse_stdout(&as_op(&env, "amy", &["--json", "session", "end"]));
    assert_eq!(v["session"], id, "{v}");
    assert_eq!(v["ended"], true, "{v}");
    assert_eq!(open_sessions(&env, "amy"), 0);
    assert!(token_files(&env).is_empty());
    let row = env
        .audit_since(head)
        .into_iter()
        .find(|r| r["action"] == "session.end")
        .expect("a session.end row");
    assert_eq!(details(&row)["session"], id);
    let out = as_op(&env, "amy", &["session", "end"]);
    assert_code(&out, 0);
    assert!(has(&stdout(&out), "no session"), "{}", stdout(&out));
    // Ids are never reused: the next session has a new one.
    assert!(start(&env, "amy") > id);
}

#[test]
fn a_new_start_replaces_the_operators_earlier_session() {
    let env = TestEnv::with_org();
    let first = start(&env, "amy");
    let second = start(&env, "amy");
    assert_ne!(first, second);
    assert_eq!(open_sessions(&env, "amy"), 1);
    assert_eq!(token_files(&env).len(), 1);
    assert_eq!(
        ended_rows(&env),
        vec![serde_json::json!({"ended": [first], "reason": "replaced"})]
    );
}

/// The `session.end` rows of the log, their details.
fn ended_rows(env: &TestEnv) -> Vec<Value> {
    env.audit_rows()
        .iter()
        .filter(|r| r["action"] == "session.end")
        .map(details)
        .collect()
}

#[test]
fn the_operators_own_new_password_ends_its_sessions_and_says_so() {
    let env = TestEnv::with_org();
    let id = start(&env, "amy");
    let out = env.run_stdin(
        &["passwd", "amy", "--password-stdin"],
        &format!("{OP_PASSWORD}\nNew#pass77\n"),
    );
    assert_code(&out, 0);
    assert_eq!(open_sessions(&env, "amy"), 0);
    assert_eq!(
        ended_rows(&env),
        vec![serde_json::json!({"ended": [id], "reason": "password-changed"})]
    );
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "password changed"), "{}", stderr(&out));
}
