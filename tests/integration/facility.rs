//! `keyward facility add|list|show|rename|remove`.

use crate::common::*;
use serde_json::{Value, json};

fn facilities(env: &TestEnv) -> Vec<Value> {
    let v = env.json(&["facility", "list"]);
    let mut list = v
        .as_array()
        .unwrap_or_else(|| panic!("facility list --json is not an array: {v}"))
        .clone();
    list.sort_by(|a, b| a["code"].as_str().cmp(&b["code"].as_str()));
    list
}

#[test]
fn add_creates_a_facility_named_after_its_code() {
    let env = TestEnv::with_db();
    let v = env.json(&["facility", "add", "DAL01"]);
    assert_eq!(v["code"], "DAL01");
    assert_eq!(v["name"], "DAL01");
    assert_eq!(v["accounts"], 0);
}

#[test]
fn add_with_name() {
    let env = TestEnv::with_db();
    let v = env.json(&["facility", "add", "DAL01", "--name", "Dallas County Jail"]);
    assert_eq!(v["name"], "Dallas County Jail");
    let s = env.json(&["facility", "show", "DAL01"]);
    assert_eq!(s["code"], "DAL01");
    assert_eq!(s["name"], "Dallas County Jail");
}

#[test]
fn code_is_stored_as_typed_and_matched_case_insensitively() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let s = env.json(&["facility", "show", "dal01"]);
    assert_eq!(s["code"], "DAL01");
    let s = env.json(&["facility", "show", "Dal01"]);
    assert_eq!(s["code"], "DAL01");
}

#[test]
fn duplicate_code_exits_8_case_insensitively() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    for code in ["DAL01", "dal01"] {
        let snap = env.snapshot();
        let out = env.run(&["facility", "add", code]);
        assert_code(&out, 8);
        assert_eq!(env.snapshot(), snap, "{code}");
    }
    assert_eq!(facilities(&env).len(), 1);
}

#[test]
fn bad_code_exits_65_and_changes_nothing() {
    let env = TestEnv::with_db();
    let long = "a".repeat(33);
    for code in [
        "",
        "-dal",
        ".dal",
        "dal 01",
        "dal:01",
        "dal/01",
        "dålø",
        long.as_str(),
    ] {
        let snap = env.snapshot();
        let out = env.run(&["facility", "add", "--", code]);
        assert_code(&out, 65);
        assert_eq!(env.snapshot(), snap, "{code:?}");
    }
    assert!(facilities(&env).is_empty());
}

#[test]
fn code_edge_cases_are_accepted() {
    let env = TestEnv::with_db();
    let long = "b".repeat(32);
    for code in ["a", "9", "x.y_z-1", long.as_str()] {
        assert_code(&env.run(&["facility", "add", code]), 0);
    }
    assert_eq!(facilities(&env).len(), 4);
}

#[test]
fn bad_name_exits_65() {
    let env = TestEnv::with_db();
    let long = "n".repeat(101);
    for name in ["", "line\nbreak", "tab\there", long.as_str()] {
        let out = env.run(&["facility", "add", "DAL01", "--name", name]);
        assert_code(&out, 65);
    }
    assert!(facilities(&env).is_empty());
    let ok = "n".repeat(100);
    assert_code(&env.run(&["facility", "add", "DAL01", "--name", &ok]), 0);
}

#[test]
fn list_counts_assigned_accounts() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env.facility("AUS03");
    env.add_user("alice", "user", &["DAL01", "HOU02"]);
    env.add_user("bob", "user", &["DAL01"]);
    let list = facilities(&env);
    let counts: Vec<(String, u64)> = list
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_owned(),
                f["accounts"].as_u64().unwrap_or(999),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            ("AUS03".to_owned(), 0),
            ("DAL01".to_owned(), 2),
            ("HOU02".to_owned(), 1)
        ]
    );
    for f in &list {
        assert!(f["name"].is_string(), "{f}");
    }
}

#[test]
fn list_of_no_facilities_is_an_empty_array() {
    let env = TestEnv::with_db();
    assert_eq!(env.json(&["facility", "list"]), json!([]));
}

#[test]
fn show_counts_accounts() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    let s = env.json(&["facility", "show", "DAL01"]);
    assert_eq!(s["accounts"], 1);
}

#[test]
fn show_unknown_exits_7() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["facility", "show", "NOPE"]), 7);
}

#[test]
fn rename_with_positional_name() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let v = env.json(&["facility", "rename", "dal01", "Dallas"]);
    assert_eq!(v["code"], "DAL01");
    assert_eq!(v["name"], "Dallas");
    assert_eq!(env.json(&["facility", "show", "DAL01"])["name"], "Dallas");
}

#[test]
fn rename_with_name_flag() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let v = env.json(&["facility", "rename", "DAL01", "--name", "Dallas"]);
    assert_eq!(v["name"], "Dallas");
}

#[test]
fn rename_code_keeps_assignments() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    let v = env.json(&["facility", "rename", "DAL01", "--code", "DAL02"]);
    assert_eq!(v["code"], "DAL02");
    assert_eq!(v["accounts"], 1);
    assert_code(&env.run(&["facility", "show", "DAL01"]), 7);
    assert_eq!(env.user("alice")["facilities"], json!(["DAL02"]));
}

#[test]
fn rename_code_and_name_together() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let v = env.json(&[
        "facility", "rename", "DAL01", "--code", "DAL02", "--name", "Dallas",
    ]);
    assert_eq!(v["code"], "DAL02");
    assert_eq!(v["name"], "Dallas");
}

#[test]
fn rename_code_to_an_existing_code_exits_8() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    let snap = env.snapshot();
    assert_code(
        &env.run(&["facility", "rename", "DAL01", "--code", "hou02"]),
        8,
    );
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn rename_code_to_a_bad_code_exits_65() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let snap = env.snapshot();
    assert_code(
        &env.run(&["facility", "rename", "DAL01", "--code", "dal:01"]),
        65,
    );
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn rename_unknown_exits_7() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["facility", "rename", "NOPE", "New name"]), 7);
}

#[test]
fn rename_without_a_change_is_a_usage_error() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    assert_code(&env.run(&["facility", "rename", "DAL01"]), 2);
}

#[test]
fn remove_without_yes_and_without_tty_exits_2_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let snap = env.snapshot();
    let out = env.run(&["facility", "remove", "DAL01"]);
    assert_code(&out, 2);
    assert_eq!(env.snapshot(), snap);
    assert!(has(&stderr(&out), "yes"), "stderr: {}", stderr(&out));
}

#[test]
fn remove_with_yes_deletes_the_facility() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    let v = env.json(&["facility", "remove", "dal01", "--yes"]);
    assert_eq!(v["code"], "DAL01");
    assert_eq!(v["removed"], true);
    assert_eq!(v["unassigned"], 0);
    assert_code(&env.run(&["facility", "show", "DAL01"]), 7);
    assert_eq!(facilities(&env).len(), 1);
}

#[test]
fn remove_short_y_flag_works() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    assert_code(&env.run(&["-y", "facility", "remove", "DAL01"]), 0);
    assert!(facilities(&env).is_empty());
}

#[test]
fn remove_with_accounts_assigned_exits_1_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    let snap = env.snapshot();
    assert_code(&env.run(&["facility", "remove", "DAL01", "--yes"]), 1);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn remove_with_force_unassigns_and_keeps_accounts() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env.add_user("alice", "user", &["DAL01", "HOU02"]);
    env.add_user("bob", "user", &["DAL01"]);
    let v = env.json(&["facility", "remove", "DAL01", "--force", "--yes"]);
    assert_eq!(v["removed"], true);
    assert_eq!(v["unassigned"], 2);
    assert_eq!(env.user("alice")["facilities"], json!(["HOU02"]));
    assert_eq!(env.user("bob")["facilities"], json!([]));
    assert_eq!(env.usernames(), vec!["alice", "bob", "root"]);
}

#[test]
fn remove_unknown_exits_7() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["facility", "remove", "NOPE", "--yes"]), 7);
}

#[test]
fn human_list_shows_codes() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    let out = env.run(&["facility", "list"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("DAL01") && text.contains("HOU02"), "{text}");
}
