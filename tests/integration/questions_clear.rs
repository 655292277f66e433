//! `questions clear USERNAME` (SPEC 12): an administrator in scope removes
//! an account's security answers; nothing else changes.

use crate::common::*;
use serde_json::json;

/// Three stored answers for `name` (their content does not matter here).
fn give_answers(env: &TestEnv, name: &str) {
    env.exec(&format!(
        "INSERT INTO security_answer (account_id, question, position, answer_hash, set_at)
         SELECT id, q, p, 'h', 0 FROM account,
           (SELECT 'q1' AS q, 0 AS p UNION ALL SELECT 'q2', 1 UNION ALL SELECT 'q3', 2) qs
         WHERE username = '{name}'"
    ));
}

fn answers(env: &TestEnv, name: &str) -> serde_json::Value {
    env.sql_scalar(&format!(
        "SELECT count(*) FROM security_answer s JOIN account a ON a.id = s.account_id \
         WHERE a.username = '{name}'"
    ))
}

#[test]
fn clear_removes_the_answers_and_logs_how_many() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    env.add_user("bob", "user", &[]);
    give_answers(&env, "alice");
    give_answers(&env, "bob");
    let v = env.json(&["questions", "clear", "alice"]);
    assert_eq!(v["username"], "alice", "{v}");
    assert_eq!(v["questions_set"], false, "{v}");
    assert_eq!(answers(&env, "alice"), json!(0));
    assert_eq!(answers(&env, "bob"), json!(3));
    let row = env.audit_rows().pop().expect("a row");
    assert_eq!(row["action"], "questions.clear", "{row}");
    assert_eq!(row["target"], "alice", "{row}");
    assert_eq!(audit_details(&row), json!({"answers": 3}));
}

#[test]
fn an_account_without_answers_is_left_alone() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    let before = env.snapshot();
    assert_code(&env.run(&["questions", "clear", "alice"]), 0);
    assert_eq!(env.snapshot(), before);
    assert_code(&env.run(&["questions", "clear", "ghost"]), 7);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_admin_clears_only_within_its_scope() {
    let env = TestEnv::with_org();
    give_answers(&env, "alice");
    give_answers(&env, "bob");
    let ok = env.run_as("amy", OP_PASSWORD, &["questions", "clear", "alice"]);
    assert_code(&ok, 0);
    assert_eq!(answers(&env, "alice"), json!(0));
    let out = env.run_as("amy", OP_PASSWORD, &["questions", "clear", "bob"]);
    assert_code(&out, 6);
    assert_eq!(answers(&env, "bob"), json!(3));
    // A user operator runs no administrative command.
    let out = env.run_as("alice", OP_PASSWORD, &["questions", "clear", "bob"]);
    assert_code(&out, 6);
    assert_eq!(answers(&env, "bob"), json!(3));
}
