//! `keyward policy show|set`: defaults, validation, all-or-nothing writes.

use crate::common::*;
use serde_json::json;

#[test]
fn show_prints_the_defaults() {
    let env = TestEnv::with_db();
    assert_eq!(env.policy(), default_policy());
}

#[test]
fn show_human_lists_every_key() {
    let env = TestEnv::with_db();
    let out = env.run(&["policy", "show"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    for key in default_policy().as_object().expect("object").keys() {
        assert!(text.contains(key.as_str()), "{key} missing from:\n{text}");
    }
}

#[test]
fn set_one_key() {
    let env = TestEnv::with_db();
    let v = env.json(&["policy", "set", "min-length=8"]);
    assert_eq!(v["min-length"], 8, "set prints the policy: {v}");
    let mut expected = default_policy();
    expected["min-length"] = json!(8);
    assert_eq!(env.policy(), expected);
}

#[test]
fn set_several_keys_at_once() {
    let env = TestEnv::with_db();
    env.set_policy(&[
        "min-length=10",
        "max-length=20",
        "lockout-threshold=5",
        "lockout-minutes=15",
        "history=0",
        "max-age-days=90",
    ]);
    let p = env.policy();
    assert_eq!(p["min-length"], 10);
    assert_eq!(p["max-length"], 20);
    assert_eq!(p["lockout-threshold"], 5);
    assert_eq!(p["lockout-minutes"], 15);
    assert_eq!(p["history"], 0);
    assert_eq!(p["max-age-days"], 90);
}

#[test]
fn set_string_keys() {
    let env = TestEnv::with_db();
    env.set_policy(&[
        "special-chars=#+~",
        "totp-issuer=Acme Corrections",
        "2fa-roles=admin,support",
    ]);
    let p = env.policy();
    assert_eq!(p["special-chars"], "#+~");
    assert_eq!(p["totp-issuer"], "Acme Corrections");
    assert_eq!(p["2fa-roles"], "admin,support");
}

#[test]
fn set_booleans_accept_common_spellings() {
    let env = TestEnv::with_db();
    for (value, expected) in [
        ("false", false),
        ("true", true),
        ("no", false),
        ("yes", true),
        ("off", false),
        ("on", true),
        ("0", false),
        ("1", true),
    ] {
        env.set_policy(&[&format!("reject-username={value}")]);
        assert_eq!(env.policy()["reject-username"], expected, "{value}");
    }
}

#[test]
fn set_every_boolean_key() {
    let env = TestEnv::with_db();
    env.set_policy(&[
        "require-letter=false",
        "require-digit=false",
        "require-special=false",
        "reject-username=false",
        "require-operator=true",
    ]);
    let p = env.policy();
    assert_eq!(p["require-letter"], false);
    assert_eq!(p["require-digit"], false);
    assert_eq!(p["require-special"], false);
    assert_eq!(p["reject-username"], false);
    assert_eq!(p["require-operator"], true);
}

#[test]
fn range_edges_are_accepted() {
    let env = TestEnv::with_db();
    env.set_policy(&["max-length=128", "min-length=128"]);
    env.set_policy(&["min-length=1", "max-length=3"]);
    env.set_policy(&["history=12", "lockout-threshold=100"]);
    env.set_policy(&["history=0", "lockout-threshold=0"]);
    let p = env.policy();
    assert_eq!(p["min-length"], 1);
    assert_eq!(p["max-length"], 3);
    assert_eq!(p["history"], 0);
    assert_eq!(p["lockout-threshold"], 0);
}

#[test]
fn min_and_max_may_change_together_in_either_order() {
    let env = TestEnv::with_db();
    // max-length=20 must be applied with min-length=16 (16 > old max 12).
    env.set_policy(&["min-length=16", "max-length=20"]);
    assert_eq!(env.policy()["min-length"], 16);
    assert_eq!(env.policy()["max-length"], 20);
}

/// Each bad input exits 65 and leaves the policy as it was.
#[test]
fn bad_pairs_exit_65_and_change_nothing() {
    let env = TestEnv::with_db();
    let before = env.policy();
    let cases: &[&[&str]] = &[
        &["min-length=0"],
        &["min-length=200"],
        &["min-length=129"],
        &["min-length=-1"],
        &["min-length=abc"],
        &["min-length="],
        &["min-length=13"], // above max-length 12
        &["max-length=5"],  // below min-length 6
        &["max-length=129"],
        &["max-length=10", "min-length=11"],
        &["history=13"],
        &["history=-1"],
        &["lockout-threshold=101"],
        &["lockout-minutes=-5"],
        &["max-age-days=-1"],
        &["unknown-key=1"],
        &["nonsense"],
        &["=5"],
        &["require-digit=maybe"],
        &["require-operator=2"],
        &["2fa-roles=wizard"],
        &["min-length=8", "history=13"], // one bad pair: nothing applied
        &["min-length=8", "nonsense"],
    ];
    for pairs in cases {
        let mut args = vec!["policy", "set"];
        args.extend_from_slice(pairs);
        let out = env.run(&args);
        assert_code(&out, 65);
        assert_eq!(env.policy(), before, "{pairs:?} changed the policy");
    }
}

#[test]
fn impossible_combinations_exit_65() {
    let env = TestEnv::with_db();
    let before = env.policy();
    for pairs in [
        &["min-length=1", "max-length=2"][..], // three classes required
        &["special-chars="][..],               // require-special with no specials
    ] {
        let mut args = vec!["policy", "set"];
        args.extend_from_slice(pairs);
        assert_code(&env.run(&args), 65);
        assert_eq!(env.policy(), before, "{pairs:?}");
    }
    // Without the requirement, the same values are fine.
    env.set_policy(&["require-special=false", "special-chars="]);
    env.set_policy(&["require-digit=false", "min-length=1", "max-length=1"]);
}

#[test]
fn out_of_range_message_names_the_range() {
    let env = TestEnv::with_db();
    let out = env.run(&["policy", "set", "history=13"]);
    assert_code(&out, 65);
    let err = stderr(&out);
    assert!(has(&err, "history"), "stderr: {err}");
    assert!(
        err.contains("12"),
        "stderr should name the allowed range: {err}"
    );

    let out = env.run(&["policy", "set", "lockout-threshold=101"]);
    assert_code(&out, 65);
    assert!(stderr(&out).contains("100"), "stderr: {}", stderr(&out));
}

/// Only the documented forms: a sign, a space, another case, a non-ASCII
/// symbol or an empty role list is a mistake (exit 65), and nothing changes.
#[test]
fn lenient_forms_are_refused_and_change_nothing() {
    let env = TestEnv::with_db();
    let before = env.policy();
    for bad in [
        "min-length=+7",
        "min-length= 7",
        "MIN-LENGTH=8",
        "special-chars=€",
        "2fa-roles=",
        "2fa-roles=admin, support",
        "require-operator=TRUE",
    ] {
        let out = env.run(&["policy", "set", bad]);
        assert_code(&out, 65);
        assert!(!stderr(&out).is_empty(), "{bad}: no message");
        assert_eq!(env.policy(), before, "{bad} changed the policy");
    }
    let out = env.run(&["policy", "set", "2fa-roles=none", "min-length=7"]);
    assert_code(&out, 0);
    assert_eq!(env.policy()["2fa-roles"], "", "{}", env.policy());
    assert_eq!(env.policy()["min-length"], 7);
}

#[test]
fn unknown_key_message_names_the_key() {
    let env = TestEnv::with_db();
    let out = env.run(&["policy", "set", "colour=blue"]);
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "colour"), "stderr: {}", stderr(&out));
}

#[test]
fn set_without_pairs_is_a_usage_error() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["policy", "set"]), 2);
}

#[test]
fn policy_persists_across_processes() {
    let env = TestEnv::with_db();
    env.set_policy(&["lockout-threshold=7"]);
    assert_eq!(env.policy()["lockout-threshold"], 7);
    env.set_policy(&["min-length=7"]);
    let p = env.policy();
    assert_eq!(p["lockout-threshold"], 7);
    assert_eq!(p["min-length"], 7);
}

#[test]
fn policy_on_missing_database_exits_1() {
    let env = TestEnv::new();
    assert_code(&env.run(&["policy", "set", "min-length=8"]), 1);
    assert!(!env.db_path().exists());
}

#[test]
fn stricter_policy_applies_to_new_passwords() {
    let env = TestEnv::with_db();
    env.set_policy(&["min-length=10"]);
    let snap = env.snapshot();
    let out = env.run_stdin(&["user", "add", "alice", "--password-stdin"], "Zebra#Qu7\n");
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
    assert_code(
        &env.run_stdin(
            &["user", "add", "alice", "--password-stdin"],
            "Zebra#Quil7\n",
        ),
        0,
    );
}

#[test]
fn relaxed_policy_accepts_simple_passwords() {
    let env = TestEnv::with_db();
    env.set_policy(&["require-special=false", "require-digit=false"]);
    assert_code(
        &env.run_stdin(
            &["user", "add", "alice", "--password-stdin"],
            "Zebraquill\n",
        ),
        0,
    );
}

#[test]
fn custom_special_chars_define_what_counts_as_special() {
    let env = TestEnv::with_db();
    env.set_policy(&["special-chars=+~"]);
    // '#' is no longer special.
    assert_code(
        &env.run_stdin(&["user", "add", "alice", "--password-stdin"], "Zebra#Qu7\n"),
        65,
    );
    assert_code(
        &env.run_stdin(&["user", "add", "alice", "--password-stdin"], "Zebra+Qu7\n"),
        0,
    );
}
