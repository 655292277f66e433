//! Completions that know the store (SPEC 12): `KEYWARD_COMPLETE=SHELL
//! keyward` prints a script for the shell, which then asks keyward for the
//! candidates of the line being typed: usernames, facility codes and policy
//! keys from the store `KEYWARD_DB` names. Nothing is written.

use crate::common::*;

/// The candidates (without their descriptions) for `line`, as fish asks.
fn candidates(env: &TestEnv, line: &[&str]) -> Vec<String> {
    let out = env
        .cmd()
        .env("KEYWARD_COMPLETE", "fish")
        .arg("--")
        .arg("keyward")
        .args(line)
        .output()
        .expect("run");
    assert_code(&out, 0);
    stdout(&out)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

fn org() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env.add_user("alice", "user", &["DAL01"]);
    env.add_user("albert", "user", &[]);
    env.add_user("bob", "user", &[]);
    env
}

#[test]
fn usernames_facilities_and_policy_keys_come_from_the_store() {
    let env = org();
    let before = env.snapshot();
    assert_eq!(
        candidates(&env, &["user", "unlock", "al"]),
        ["albert", "alice"]
    );
    assert_eq!(candidates(&env, &["--as", "b"]), ["bob"]);
    assert_eq!(candidates(&env, &["2fa", "status", "bo"]), ["bob"]);
    assert_eq!(
        candidates(&env, &["user", "assign", "bob", "--facility", "H"]),
        ["HOU02"]
    );
    assert_eq!(candidates(&env, &["facility", "show", "D"]), ["DAL01"]);
    assert_eq!(
        candidates(&env, &["policy", "set", "lockout-"]),
        ["lockout-threshold=", "lockout-minutes="]
    );
    assert_eq!(
        candidates(&env, &["user", "set-expiry", "bob", "n"]),
        ["never"]
    );
    assert_eq!(
        candidates(&env, &["session", "revoke", "al"]),
        ["albert", "alice"]
    );
    // A new username is not completed from the store.
    assert_eq!(
        candidates(&env, &["user", "add", "al"]),
        Vec::<String>::new()
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn without_a_store_nothing_is_completed_or_created() {
    let env = TestEnv::new();
    assert_eq!(
        candidates(&env, &["user", "unlock", "a"]),
        Vec::<String>::new()
    );
    assert!(!env.db_path().exists());
}

#[test]
fn each_shell_gets_a_script_that_calls_keyward_back() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env
            .cmd()
            .env("KEYWARD_COMPLETE", shell)
            .output()
            .expect("run");
        assert_code(&out, 0);
        let script = stdout(&out);
        assert!(
            script.contains("KEYWARD_COMPLETE") && script.contains("keyward"),
            "{shell}: {script}"
        );
    }
}

#[test]
fn completion_neither_migrates_nor_waits_for_a_writer() {
    let env = org();
    // A writer holds the store: completion still answers at once.
    let held = env.hold_write_lock();
    assert_eq!(candidates(&env, &["user", "show", "bo"]), ["bob"]);
    held.rollback();
    // An older schema is left for a real command to migrate.
    env.downgrade_to_schema_5();
    assert_eq!(
        candidates(&env, &["user", "show", "bo"]),
        Vec::<String>::new()
    );
    assert_eq!(env.schema_version(), 5);
}
