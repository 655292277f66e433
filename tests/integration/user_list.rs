//! `user list --search --pending --twofa --limit` (SPEC 12): each filter
//! alone and together with the others, in username order.

use crate::common::*;

const PW: &str = "Right#pw42";

/// `alice` (Alice Smith, pending), `bob` (supervisor Bob Alison, nothing pending,
/// 2FA), `carl` (nothing pending), `dalia` (pending) and `root`.
fn org() -> TestEnv {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "set-name", "alice", "Alice Smith"]), 0);
    env.ready_supervisor("bob", PW);
    assert_code(&env.run(&["user", "set-name", "bob", "Bob Alison"]), 0);
    env.ready_user("carl", PW);
    env.add_user("dalia", "user", &[]);
    env.clear_pending("username = 'root'");
    env.enrol("bob");
    env
}

fn names(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["user", "list"];
    all.extend_from_slice(args);
    env.json(&all)
        .as_array()
        .expect("an array")
        .iter()
        .map(|a| a["username"].as_str().expect("username").to_string())
        .collect()
}

#[test]
fn search_matches_username_or_name_in_any_case() {
    let env = org();
    assert_eq!(names(&env, &["--search", "ALI"]), ["alice", "bob", "dalia"]);
    assert_eq!(names(&env, &["--search", "smith"]), ["alice"]);
    assert_eq!(names(&env, &["--search", "zzz"]), Vec::<String>::new());
}

#[test]
fn pending_twofa_and_limit_narrow_the_list() {
    let env = org();
    assert_eq!(names(&env, &["--pending"]), ["alice", "dalia"]);
    assert_eq!(names(&env, &["--twofa", "enrolled"]), ["bob"]);
    assert_eq!(
        names(&env, &["--twofa", "none"]),
        ["alice", "carl", "dalia", "root"]
    );
    assert_eq!(names(&env, &["--limit", "2"]), ["alice", "bob"]);
    assert_eq!(
        names(
            &env,
            &[
                "--search",
                "a",
                "--twofa",
                "none",
                "--pending",
                "--limit",
                "1"
            ]
        ),
        ["alice"]
    );
}

#[test]
fn a_limit_of_zero_or_an_unknown_twofa_state_is_a_usage_error() {
    let env = org();
    assert_code(&env.run(&["user", "list", "--limit", "0"]), 2);
    assert_code(&env.run(&["user", "list", "--twofa", "maybe"]), 2);
}
