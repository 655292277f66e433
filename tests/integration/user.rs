//! `keyward user ...`: accounts, their facilities, role, status, lock and flags.

use crate::common::*;
use serde_json::json;

fn env_with_facilities() -> TestEnv {
    let env = TestEnv::with_default_terms();
    env.facility("DAL01");
    env.facility("HOU02");
    env
}

/// Clears both sign-in flags directly in the database so that a command
/// that sets them can be observed.
fn clear_flags(env: &TestEnv, username: &str) {
    env.clear_pending(&format!("username = '{username}'"));
    let u = env.user(username);
    assert_eq!(u["must_change_password"], false, "setup: {u}");
    assert_eq!(u["terms_pending"], false, "setup: {u}");
}

// ---- add -------------------------------------------------------------------

#[test]
fn add_creates_an_active_user_with_pending_actions() {
    let env = env_with_facilities();
    let v = env.json(&["user", "add", "alice", "--facility", "DAL01"]);
    assert_account(&v);
    assert_eq!(v["username"], "alice");
    assert_eq!(v["role"], "user", "default role");
    assert_eq!(v["status"], "active");
    assert_eq!(v["facilities"], json!(["DAL01"]));
    assert_eq!(v["must_change_password"], true);
    assert_eq!(v["terms_pending"], true);
    assert_eq!(v["failed_attempts"], 0);
    assert_eq!(v["twofa_enrolled"], false);
    assert_eq!(v["created_at"], NOW);
    assert!(v["temporary_password"].is_string(), "{v}");
    let u = env.user("alice");
    assert_eq!(u["must_change_password"], true);
    assert_eq!(u["terms_pending"], true);
}

#[test]
fn add_with_chosen_password_still_sets_pending_actions() {
    let env = env_with_facilities();
    let v = env.add_user_with_password("alice", "user", &["DAL01"], "Zebra#Quill7");
    assert!(
        v.get("temporary_password").is_none() || v["temporary_password"].is_null(),
        "{v}"
    );
    let u = env.user("alice");
    assert_eq!(u["must_change_password"], true);
    assert_eq!(u["terms_pending"], true);
}

#[test]
fn add_lowercases_the_username() {
    let env = env_with_facilities();
    let v = env.json(&["user", "add", "Alice"]);
    assert_eq!(v["username"], "alice");
    assert_eq!(env.user("ALICE")["username"], "alice");
    assert_eq!(env.usernames(), vec!["alice", "root"]);
}

#[test]
fn add_with_role_name_and_facilities() {
    let env = env_with_facilities();
    let v = env.json(&[
        "user",
        "add",
        "bob",
        "--role",
        "admin",
        "--name",
        "Bob Builder",
        "--facility",
        "DAL01",
        "--facility",
        "hou02",
    ]);
    assert_eq!(v["role"], "admin");
    assert_eq!(v["name"], "Bob Builder");
    assert_eq!(facilities_of(&v), vec!["DAL01", "HOU02"]);
}

#[test]
fn add_accepts_comma_separated_facilities() {
    let env = env_with_facilities();
    let v = env.json(&["user", "add", "bob", "--facility", "DAL01,HOU02"]);
    assert_eq!(facilities_of(&v), vec!["DAL01", "HOU02"]);
}

#[test]
fn add_without_facilities_is_allowed() {
    let env = env_with_facilities();
    let v = env.json(&["user", "add", "carol", "--role", "support"]);
    assert_eq!(v["facilities"], json!([]));
    assert_eq!(v["role"], "support");
}

#[test]
fn add_every_role() {
    let env = TestEnv::with_default_terms();
    for role in ["user", "supervisor", "admin", "support"] {
        let name = format!("x{role}");
        let v = env.json(&["user", "add", &name, "--role", role]);
        assert_eq!(v["role"], role);
    }
}

#[test]
fn add_with_bad_role_is_a_usage_error() {
    let env = TestEnv::with_default_terms();
    let snap = env.snapshot();
    assert_code(&env.run(&["user", "add", "alice", "--role", "wizard"]), 2);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn add_duplicate_exits_8_and_changes_nothing() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    for name in ["alice", "ALICE"] {
        let snap = env.snapshot();
        assert_code(&env.run(&["user", "add", name, "--facility", "HOU02"]), 8);
        assert_eq!(env.snapshot(), snap, "{name}");
    }
}

#[test]
fn add_with_unknown_facility_exits_7_and_creates_nothing() {
    let env = env_with_facilities();
    let snap = env.snapshot();
    let out = env.run(&[
        "user",
        "add",
        "alice",
        "--facility",
        "DAL01",
        "--facility",
        "NOPE",
    ]);
    assert_code(&out, 7);
    assert_eq!(env.snapshot(), snap);
    assert_code(&env.run(&["user", "show", "alice"]), 7);
}

#[test]
fn add_with_bad_username_exits_65_and_changes_nothing() {
    let env = TestEnv::with_default_terms();
    let long = "a".repeat(33);
    for name in [
        "ab",
        "a",
        "",
        "-bob",
        ".bob",
        "_bob",
        "bob:x",
        "bob x",
        "bob/x",
        "bob@x",
        "bøb",
        long.as_str(),
    ] {
        let snap = env.snapshot();
        // `--` so that "-bob" reaches keyward's own validation.
        let out = env.run(&["user", "add", "--", name]);
        assert_code(&out, 65);
        assert_eq!(env.snapshot(), snap, "{name:?}");
    }
    assert_eq!(env.usernames(), vec!["root"]);
}

#[test]
fn add_accepts_username_edge_cases() {
    let env = TestEnv::with_default_terms();
    let long = "a".repeat(32);
    for name in ["abc", "9lives", "j.doe_x-1", long.as_str()] {
        assert_code(&env.run(&["user", "add", name]), 0);
    }
    assert_eq!(env.usernames().len(), 5);
}

#[test]
fn add_with_empty_display_name_means_none() {
    let env = TestEnv::with_default_terms();
    let v = env.json(&["user", "add", "alice", "--name", ""]);
    assert!(v["name"].is_null(), "{v}");
    assert!(env.user("alice")["name"].is_null());
}

#[test]
fn add_with_bad_display_name_exits_65() {
    let env = TestEnv::with_default_terms();
    let long = "n".repeat(101);
    for name in ["line\nbreak", long.as_str()] {
        let snap = env.snapshot();
        assert_code(&env.run(&["user", "add", "alice", "--name", name]), 65);
        assert_eq!(env.snapshot(), snap);
    }
}

// ---- list / show -----------------------------------------------------------

#[test]
fn list_returns_every_account() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    env.add_user("bob", "admin", &["HOU02"]);
    let list = env.users();
    assert_eq!(list.len(), 3);
    for u in &list {
        assert_account(u);
    }
}

#[test]
fn list_filters_by_facility_case_insensitively() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    env.add_user("bob", "user", &["HOU02"]);
    env.add_user("carol", "user", &["DAL01", "HOU02"]);
    let v = env.json(&["user", "list", "--facility", "dal01"]);
    let mut names: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|u| u["username"].as_str())
        .collect();
    names.sort();
    assert_eq!(names, vec!["alice", "carol"]);
}

#[test]
fn list_filters_by_role_and_status() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    env.add_user("bob", "admin", &["DAL01"]);
    env.add_user("carol", "admin", &["DAL01"]);
    assert_code(&env.run(&["user", "lock", "carol"]), 0);

    let names = |args: &[&str]| -> Vec<String> {
        let v = env.json(args);
        let mut n: Vec<String> = v
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|u| u["username"].as_str().map(str::to_owned))
            .collect();
        n.sort();
        n
    };
    assert_eq!(
        names(&["user", "list", "--role", "admin"]),
        vec!["bob", "carol"]
    );
    assert_eq!(
        names(&["user", "list", "--status", "locked"]),
        vec!["carol"]
    );
    assert_eq!(
        names(&["user", "list", "--role", "admin", "--status", "active"]),
        vec!["bob"]
    );
    assert_eq!(
        names(&["user", "list", "--facility", "DAL01", "--role", "user"]),
        vec!["alice"]
    );
    assert!(names(&["user", "list", "--status", "disabled"]).is_empty());
}

#[test]
fn list_with_unknown_facility_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "list", "--facility", "NOPE"]), 7);
}

#[test]
fn list_with_bad_status_is_a_usage_error() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "list", "--status", "frozen"]), 2);
    assert_code(&env.run(&["user", "list", "--role", "wizard"]), 2);
}

#[test]
fn show_unknown_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "show", "nobody"]), 7);
}

#[test]
fn show_prints_the_account() {
    let env = env_with_facilities();
    env.add_user("alice", "supervisor", &["DAL01"]);
    let u = env.user("alice");
    assert_account(&u);
    assert_eq!(u["role"], "supervisor");
    let out = env.run(&["user", "show", "alice"]);
    assert_code(&out, 0);
    assert!(stdout(&out).contains("alice"));
}

// ---- assign / unassign -----------------------------------------------------

#[test]
fn assign_adds_facilities() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let v = env.json(&["user", "assign", "alice", "--facility", "hou02"]);
    assert_account(&v);
    assert_eq!(facilities_of(&v), vec!["DAL01", "HOU02"]);
    assert_eq!(facilities_of(&env.user("alice")), vec!["DAL01", "HOU02"]);
}

#[test]
fn assign_an_assigned_facility_is_a_no_op() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let v = env.json(&["user", "assign", "alice", "--facility", "DAL01"]);
    assert_eq!(facilities_of(&v), vec!["DAL01"]);
}

#[test]
fn assign_unknown_facility_exits_7_and_changes_nothing() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let snap = env.snapshot();
    assert_code(
        &env.run(&["user", "assign", "alice", "--facility", "HOU02,NOPE"]),
        7,
    );
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn assign_unknown_user_exits_7() {
    let env = env_with_facilities();
    assert_code(
        &env.run(&["user", "assign", "nobody", "--facility", "DAL01"]),
        7,
    );
}

#[test]
fn assign_requires_a_facility() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "assign", "alice"]), 2);
}

#[test]
fn unassign_removes_facilities() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01", "HOU02"]);
    let v = env.json(&["user", "unassign", "alice", "--facility", "dal01"]);
    assert_eq!(facilities_of(&v), vec!["HOU02"]);
    assert_eq!(facilities_of(&env.user("alice")), vec!["HOU02"]);
}

#[test]
fn unassign_an_unassigned_facility_is_a_no_op() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let v = env.json(&["user", "unassign", "alice", "--facility", "HOU02"]);
    assert_eq!(facilities_of(&v), vec!["DAL01"]);
}

#[test]
fn unassign_unknown_user_exits_7() {
    let env = env_with_facilities();
    assert_code(
        &env.run(&["user", "unassign", "nobody", "--facility", "DAL01"]),
        7,
    );
}

#[test]
fn unassign_unknown_facility_exits_7() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    assert_code(
        &env.run(&["user", "unassign", "alice", "--facility", "NOPE"]),
        7,
    );
}

// ---- set-role --------------------------------------------------------------

#[test]
fn set_role_positional_and_flag() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    let v = env.json(&["user", "set-role", "alice", "admin"]);
    assert_account(&v);
    assert_eq!(v["role"], "admin");
    let v = env.json(&["user", "set-role", "alice", "--role", "supervisor"]);
    assert_eq!(v["role"], "supervisor");
    assert_eq!(env.user("alice")["role"], "supervisor");
}

#[test]
fn set_role_without_role_is_a_usage_error() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "set-role", "alice"]), 2);
    assert_code(&env.run(&["user", "set-role", "alice", "wizard"]), 2);
    assert_eq!(env.user("alice")["role"], "user");
}

#[test]
fn set_role_unknown_user_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "set-role", "nobody", "admin"]), 7);
}

#[test]
fn last_support_cannot_be_demoted() {
    let env = TestEnv::with_default_terms();
    let snap = env.snapshot();
    assert_code(&env.run(&["user", "set-role", "root", "admin"]), 1);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn last_support_may_be_set_to_support_again() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "set-role", "root", "support"]), 0);
    assert_eq!(env.user("root")["role"], "support");
}

#[test]
fn a_support_can_be_demoted_when_another_remains() {
    let env = TestEnv::with_default_terms();
    env.add_user("second", "support", &[]);
    assert_code(&env.run(&["user", "set-role", "root", "admin"]), 0);
    assert_eq!(env.user("root")["role"], "admin");
}

// ---- disable / enable ------------------------------------------------------

#[test]
fn disable_and_enable() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    let v = env.json(&["user", "disable", "alice"]);
    assert_account(&v);
    assert_eq!(v["status"], "disabled");
    assert_eq!(env.user("alice")["status"], "disabled");
    let v = env.json(&["user", "enable", "alice"]);
    assert_eq!(v["status"], "active");
    assert_eq!(env.user("alice")["status"], "active");
}

#[test]
fn disable_unknown_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "disable", "nobody"]), 7);
    assert_code(&env.run(&["user", "enable", "nobody"]), 7);
}

#[test]
fn last_support_cannot_be_disabled() {
    let env = TestEnv::with_default_terms();
    let snap = env.snapshot();
    assert_code(&env.run(&["user", "disable", "root"]), 1);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn a_disabled_support_does_not_count_as_the_remaining_support() {
    let env = TestEnv::with_default_terms();
    env.add_user("second", "support", &[]);
    assert_code(&env.run(&["user", "disable", "second"]), 0);
    let snap = env.snapshot();
    assert_code(&env.run(&["user", "disable", "root"]), 1);
    assert_eq!(env.snapshot(), snap);
}

// ---- lock / unlock ---------------------------------------------------------

#[test]
fn lock_sets_status_locked_with_reason_admin() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    let v = env.json(&["user", "lock", "alice"]);
    assert_account(&v);
    assert_eq!(v["status"], "locked");
    assert_eq!(v["lock_reason"], "admin");
    assert_eq!(v["locked_at"], NOW);
    assert_eq!(env.user("alice")["status"], "locked");
}

#[test]
fn lock_unknown_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "lock", "nobody"]), 7);
    assert_code(&env.run(&["user", "unlock", "nobody"]), 7);
}

#[test]
fn unlock_clears_lock_and_failures_and_sets_flags() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let t = env.users_table();
    env.exec(&format!(
        "UPDATE \"{t}\" SET failed_attempts = 2 WHERE username = 'alice'"
    ));
    clear_flags(&env, "alice");
    let before = env.user("alice");
    assert_eq!(before["failed_attempts"], 2, "setup: {before}");
    assert_eq!(before["status"], "locked", "setup: {before}");

    let v = env.json(&["user", "unlock", "alice"]);
    assert_account(&v);
    assert_eq!(v["status"], "active");
    assert_eq!(v["failed_attempts"], 0);
    assert_eq!(v["must_change_password"], true);
    assert_eq!(v["terms_pending"], true);
    assert!(v["lock_reason"].is_null(), "{v}");
    assert!(v["locked_at"].is_null(), "{v}");
    let u = env.user("alice");
    assert_eq!(u["status"], "active");
    assert_eq!(u["failed_attempts"], 0);
    assert_eq!(u["must_change_password"], true);
    assert_eq!(u["terms_pending"], true);
}

#[test]
fn unlock_lifts_a_failed_attempts_lock() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    // Simulate three failed sign-ins: lock with reason failed-attempts.
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let t = env.users_table();
    let cols = env.columns(&t);
    let reason_col = cols
        .iter()
        .find(|c| c.contains("reason"))
        .cloned()
        .expect("a lock reason column");
    env.exec(&format!(
        "UPDATE \"{t}\" SET failed_attempts = 3, \"{reason_col}\" = 'failed-attempts' WHERE username = 'alice'"
    ));
    let before = env.user("alice");
    assert_eq!(before["status"], "locked", "setup: {before}");
    assert_eq!(before["lock_reason"], "failed-attempts", "setup: {before}");
    assert_eq!(before["failed_attempts"], 3, "setup: {before}");

    let v = env.json(&["user", "unlock", "alice"]);
    assert_eq!(v["status"], "active");
    assert_eq!(v["failed_attempts"], 0);
}

#[test]
fn unlock_of_an_unlocked_account_still_sets_flags() {
    let env = TestEnv::with_default_terms();
    let v = env.json(&["user", "unlock", "root"]);
    assert_eq!(v["status"], "active");
    assert_eq!(v["must_change_password"], true);
    assert_eq!(v["terms_pending"], true);
}

#[test]
fn unlock_keeps_a_disabled_account_disabled_or_reports_it() {
    // Unlock is about the lock; it must not silently enable a disabled account.
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "disable", "alice"]), 0);
    let out = env.run(&["user", "unlock", "alice"]);
    assert!(code(&out) == 0 || code(&out) == 1, "exit {:?}", out.status);
    assert_eq!(env.user("alice")["status"], "disabled");
}

// ---- reset-password --------------------------------------------------------

#[test]
fn reset_password_generates_a_new_temporary_password_and_sets_flags() {
    let env = TestEnv::with_default_terms();
    let old = env.add_user("alice", "user", &[]);
    clear_flags(&env, "alice");
    let old_hash = env.password_hash("alice");
    let v = env.json(&["user", "reset-password", "alice"]);
    assert_eq!(v["username"], "alice");
    let pw = v["temporary_password"]
        .as_str()
        .unwrap_or_else(|| panic!("no temporary_password: {v}"))
        .to_owned();
    assert_ne!(pw, old);
    let hash = env.password_hash("alice");
    assert_ne!(hash, old_hash);
    if let Err(e) = check_argon2id(&hash, &pw) {
        panic!("{e}");
    }
    let u = env.user("alice");
    assert_eq!(u["must_change_password"], true);
    assert_eq!(u["terms_pending"], true);
}

#[test]
fn reset_password_of_init_account_sets_flags() {
    let env = TestEnv::with_default_terms();
    let v = env.json(&["user", "reset-password", "root"]);
    assert!(v["temporary_password"].is_string(), "{v}");
    let u = env.user("root");
    assert_eq!(u["must_change_password"], true);
    assert_eq!(u["terms_pending"], true);
}

#[test]
fn reset_password_clears_lock_and_failures() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let t = env.users_table();
    env.exec(&format!(
        "UPDATE \"{t}\" SET failed_attempts = 2 WHERE username = 'alice'"
    ));
    env.json(&["user", "reset-password", "alice"]);
    let u = env.user("alice");
    assert_eq!(u["status"], "active");
    assert_eq!(u["failed_attempts"], 0);
}

#[test]
fn reset_password_with_stdin_sets_that_password_and_flags() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    clear_flags(&env, "alice");
    let v = env.json_stdin(
        &["user", "reset-password", "alice", "--password-stdin"],
        "Fresh#start8\n",
    );
    assert!(
        v.get("temporary_password").is_none() || v["temporary_password"].is_null(),
        "{v}"
    );
    if let Err(e) = check_argon2id(&env.password_hash("alice"), "Fresh#start8") {
        panic!("{e}");
    }
    let u = env.user("alice");
    assert_eq!(u["must_change_password"], true);
    assert_eq!(u["terms_pending"], true);
}

#[test]
fn reset_password_unknown_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "reset-password", "nobody"]), 7);
}

// ---- remove ----------------------------------------------------------------

#[test]
fn remove_without_yes_and_without_tty_exits_2_and_changes_nothing() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let snap = env.snapshot();
    assert_code(&env.run(&["user", "remove", "alice"]), 2);
    assert_eq!(env.snapshot(), snap);
    assert_eq!(env.user("alice")["username"], "alice");
}

#[test]
fn remove_with_yes_deletes_the_account() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let v = env.json(&["user", "remove", "Alice", "--yes"]);
    assert_eq!(v["username"], "alice");
    assert_eq!(v["removed"], true);
    assert_code(&env.run(&["user", "show", "alice"]), 7);
    assert_eq!(env.json(&["facility", "show", "DAL01"])["accounts"], 0);
    assert_eq!(env.usernames(), vec!["root"]);
}

#[test]
fn removed_username_can_be_reused() {
    let env = TestEnv::with_default_terms();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "remove", "alice", "--yes"]), 0);
    env.add_user("alice", "admin", &[]);
    assert_eq!(env.user("alice")["role"], "admin");
}

#[test]
fn remove_unknown_exits_7() {
    let env = TestEnv::with_default_terms();
    assert_code(&env.run(&["user", "remove", "nobody", "--yes"]), 7);
}

#[test]
fn last_support_cannot_be_removed() {
    let env = TestEnv::with_default_terms();
    let snap = env.snapshot();
    assert_code(&env.run(&["user", "remove", "root", "--yes"]), 1);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn human_list_shows_usernames() {
    let env = env_with_facilities();
    env.add_user("alice", "user", &["DAL01"]);
    let out = env.run(&["user", "list"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("alice") && text.contains("root"), "{text}");
}
