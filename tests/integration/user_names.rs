//! `user set-name USERNAME NAME` and `user rename OLD NEW` (SPEC 12): the
//! account keeps its id, password, facilities and history; a name another
//! account holds is exit 8 and changes nothing.

use crate::common::*;
use serde_json::json;

const PW: &str = "Right#pw42";

fn id_of(env: &TestEnv, name: &str) -> serde_json::Value {
    env.sql_scalar(&format!("SELECT id FROM account WHERE username = '{name}'"))
}

#[test]
fn set_name_sets_and_clears_the_display_name() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    let v = env.json(&["user", "set-name", "alice", "Alice Smith"]);
    assert_eq!(v["name"], "Alice Smith", "{v}");
    let row = env.audit_rows().pop().expect("a row");
    assert_eq!(row["action"], "user.set-name", "{row}");
    assert_eq!(row["target"], "alice", "{row}");
    // The name itself is not logged.
    assert_eq!(audit_details(&row), json!({"name": "set"}));
    let v = env.json(&["user", "set-name", "alice", ""]);
    assert_eq!(v["name"], serde_json::Value::Null, "{v}");
    assert_eq!(
        audit_details(&env.audit_rows().pop().expect("a row")),
        json!({"name": "cleared"})
    );
}

#[test]
fn set_name_refuses_a_control_character_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    let before = env.snapshot();
    let out = env.run(&["user", "set-name", "alice", "Al\u{7}ice"]);
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "display name"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn rename_keeps_the_account_and_its_password() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.ready_account("alice", "user", &["DAL01"], PW);
    let id = id_of(&env, "alice");
    let v = env.json(&["user", "rename", "alice", "Alice.Smith"]);
    assert_eq!(v["username"], "alice.smith", "{v}");
    assert_eq!(v["facilities"], json!(["DAL01"]), "{v}");
    assert_eq!(id_of(&env, "alice.smith"), id);
    let row = env.audit_rows().pop().expect("a row");
    assert_eq!(row["action"], "user.rename", "{row}");
    assert_eq!(row["target"], "alice.smith", "{row}");
    assert_eq!(
        audit_details(&row),
        json!({"from": "alice", "to": "alice.smith"})
    );
    // The password follows the account; the old name no longer exists.
    assert_code(&env.auth("alice.smith", PW), 0);
    assert_code(&env.auth("alice", PW), 3);
    let out = env.run(&["user", "show", "alice"]);
    assert_code(&out, 7);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn rename_onto_a_taken_name_is_exit_8_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    env.add_user("bob", "user", &[]);
    let before = env.snapshot();
    let out = env.run(&["user", "rename", "alice", "BOB"]);
    assert_code(&out, 8);
    assert!(
        has(&stderr(&out), "account `bob` already exists"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn rename_to_its_own_name_changes_and_logs_nothing() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    let before = env.snapshot();
    let v = env.json(&["user", "rename", "alice", "alice"]);
    assert_eq!(v["username"], "alice", "{v}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn rename_to_an_invalid_name_or_from_an_unknown_one_changes_nothing() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    let before = env.snapshot();
    let bad = env.run(&["user", "rename", "alice", "a b"]);
    assert_code(&bad, 65);
    let unknown = env.run(&["user", "rename", "ghost", "ghost2"]);
    assert_code(&unknown, 7);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_admin_renames_only_within_its_scope() {
    let env = TestEnv::with_org();
    let ok = env.run_as(
        "amy",
        OP_PASSWORD,
        &["--json", "user", "rename", "alice", "alice2"],
    );
    assert_code(&ok, 0);
    let out = env.run_as("amy", OP_PASSWORD, &["user", "rename", "bob", "bob2"]);
    assert_code(&out, 6);
    let out = env.run_as("amy", OP_PASSWORD, &["user", "set-name", "bob", "Bob"]);
    assert_code(&out, 6);
    assert_eq!(
        env.sql("SELECT username, name FROM account WHERE username LIKE 'bob%'"),
        vec![vec![json!("bob"), serde_json::Value::Null]]
    );
}
