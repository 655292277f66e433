//! Operator sign-in with `--as` (decisions issue 5): the operator signs in
//! with the sign-in state machine before the command runs, failures count
//! toward its own lockout, and `require-operator=true` makes `--as`
//! mandatory for every change. See `TestEnv::with_org` for who is who.

use crate::common::*;
use serde_json::Value;
use std::process::Output;

/// `keyward --as amy` with `password` in a 0600 file, disabling alice.
fn amy_disables_alice(env: &TestEnv, password: &str) -> Output {
    env.run_as("amy", password, &["user", "disable", "alice"])
}

fn status(env: &TestEnv, name: &str) -> Value {
    env.user(name)["status"].clone()
}

/// The actions of the audit rows after `head`.
fn actions_since(env: &TestEnv, head: i64) -> Vec<String> {
    env.audit_since(head)
        .iter()
        .map(|r| r["action"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn a_signed_in_operator_is_recorded_and_named_as_actor() {
    let env = TestEnv::with_org();
    let head = env.audit_head_id();
    assert_code(&amy_disables_alice(&env, OP_PASSWORD), 0);
    assert_eq!(status(&env, "alice"), "disabled");
    let rows = env.audit_since(head);
    let signin = rows
        .iter()
        .find(|r| r["action"] == "signin.ok")
        .unwrap_or_else(|| panic!("no signin.ok: {rows:#?}"));
    assert_eq!(signin["target"], "amy");
    let change = rows
        .iter()
        .find(|r| r["action"] == "user.disable")
        .unwrap_or_else(|| panic!("no user.disable: {rows:#?}"));
    assert_eq!(change["actor"], "amy");
    assert_eq!(change["target"], "alice");
    assert!(
        rows.iter()
            .position(|r| r["action"] == "signin.ok")
            .lt(&rows.iter().position(|r| r["action"] == "user.disable")),
        "the sign-in comes before the change: {rows:#?}"
    );
}

#[test]
fn a_wrong_operator_password_fails_and_counts_toward_its_own_lockout() {
    let env = TestEnv::with_org();
    for n in 1..=2 {
        let out = amy_disables_alice(&env, "Wrong#pass1");
        assert_code(&out, 3);
        assert_eq!(env.failed_attempts("amy"), n);
        assert_eq!(status(&env, "amy"), "active");
    }
    let head = env.audit_head_id();
    let out = amy_disables_alice(&env, "Wrong#pass1");
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "locked"), "{}", stderr(&out));
    assert_eq!(status(&env, "amy"), "locked");
    assert_eq!(
        actions_since(&env, head),
        ["signin.failed", "account.locked"]
    );
    // Locked: even the right password is refused, without counting.
    let out = amy_disables_alice(&env, OP_PASSWORD);
    assert_code(&out, 4);
    assert_eq!(env.failed_attempts("amy"), 3);
    // The command itself never ran.
    assert_eq!(status(&env, "alice"), "active");
    assert_eq!(env.failed_attempts("alice"), 0);
}

#[test]
fn a_failed_operator_sign_in_runs_no_command_not_even_a_read() {
    let env = TestEnv::with_org();
    let out = env.run_as("amy", "Wrong#pass1", &["--json", "user", "list"]);
    assert_code(&out, 3);
    assert!(stdout(&out).trim().is_empty(), "{}", stdout(&out));
}

#[test]
fn a_right_operator_password_resets_its_failure_count() {
    let env = TestEnv::with_org();
    assert_code(&amy_disables_alice(&env, "Wrong#pass1"), 3);
    assert_eq!(env.failed_attempts("amy"), 1);
    assert_code(&amy_disables_alice(&env, OP_PASSWORD), 0);
    assert_eq!(env.failed_attempts("amy"), 0);
}

#[test]
fn a_disabled_operator_is_refused_with_4() {
    let env = TestEnv::with_org();
    assert_code(&env.run(&["user", "disable", "amy"]), 0);
    let before = env.snapshot();
    let out = amy_disables_alice(&env, OP_PASSWORD);
    assert_code(&out, 4);
    assert!(has(&stderr(&out), "disabled"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_admin_locked_operator_is_refused_with_4() {
    let env = TestEnv::with_org();
    assert_code(&env.run(&["user", "lock", "amy"]), 0);
    let before = env.snapshot();
    assert_code(&amy_disables_alice(&env, OP_PASSWORD), 4);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_operator_with_pending_actions_must_sign_in_first() {
    let env = TestEnv::with_org();
    // A fresh account must change its password before anything else.
    env.add_user_with_password("fay", "admin", &["A"], OP_PASSWORD);
    let out = env.run_as("fay", OP_PASSWORD, &["user", "disable", "alice"]);
    assert_code(&out, 5);
    assert!(has(&stderr(&out), "login"), "{}", stderr(&out));
    assert_eq!(status(&env, "alice"), "active");
}

#[test]
fn an_operator_must_accept_new_terms_first() {
    let env = TestEnv::with_org();
    env.publish_terms("Rules.\n");
    let out = amy_disables_alice(&env, OP_PASSWORD);
    assert_code(&out, 5);
    assert!(has(&stderr(&out), "terms"), "{}", stderr(&out));
    assert_eq!(status(&env, "alice"), "active");
}

#[test]
fn an_enrolled_operator_needs_its_code() {
    let env = TestEnv::with_org();
    let e = env.enrol("amy");
    // No code and no terminal: action required, nothing done, not counted.
    let out = amy_disables_alice(&env, OP_PASSWORD);
    assert_code(&out, 5);
    assert!(has(&stderr(&out), "--as-code-file"), "{}", stderr(&out));
    assert_eq!(status(&env, "alice"), "active");
    assert_eq!(env.failed_attempts("amy"), 0);
    // A wrong code counts like a wrong password.
    let file = env.password_file("amy", OP_PASSWORD);
    let file = file.to_str().expect("utf-8 path");
    let wrong = env.code_file("wrong", &wrong_code(&e.secret, 0));
    let right = env.code_file("right", &totp_step(&e.secret, 0));
    let args = |code_file: &std::path::Path| -> Vec<String> {
        let code_file = code_file.to_str().expect("utf-8 path");
        [
            "--as",
            "amy",
            "--as-password-file",
            file,
            "--as-code-file",
            code_file,
            "user",
            "disable",
            "alice",
        ]
        .map(String::from)
        .to_vec()
    };
    let out = env.cmd().args(args(&wrong)).output().expect("run keyward");
    assert_code(&out, 3);
    assert_eq!(env.failed_attempts("amy"), 1);
    assert_eq!(status(&env, "alice"), "active");
    // The right code: the command runs.
    let out = env.cmd().args(args(&right)).output().expect("run keyward");
    assert_code(&out, 0);
    assert_eq!(status(&env, "alice"), "disabled");
    assert_eq!(env.failed_attempts("amy"), 0);
    // The same step again is a replay.
    assert_code(&env.run(&["user", "enable", "alice"]), 0);
    let out = env.cmd().args(args(&right)).output().expect("run keyward");
    assert_code(&out, 3);
    assert_eq!(status(&env, "alice"), "active");
}

#[test]
fn an_enrolled_operator_may_use_a_backup_code() {
    let env = TestEnv::with_org();
    let e = env.enrol("amy");
    let file = env.password_file("amy", OP_PASSWORD);
    let head = env.audit_head_id();
    let out = env
        .cmd()
        .args(["--as", "amy", "--as-password-file"])
        .arg(&file)
        .arg("--as-code-file")
        .arg(env.code_file("backup", &e.backup_codes[0]))
        .args(["user", "lock", "alice"])
        .output()
        .expect("run keyward");
    assert_code(&out, 0);
    assert_eq!(status(&env, "alice"), "locked");
    let acts = actions_since(&env, head);
    assert!(
        acts.contains(&"2fa.backup-code-used".to_owned()),
        "{acts:?}"
    );
    assert_eq!(env.twofa_status("amy")["backup_codes_left"], 9);
}

#[test]
fn keyward_as_in_the_environment_works_like_the_flag() {
    let env = TestEnv::with_org();
    let file = env.password_file("amy", OP_PASSWORD);
    let run = |args: &[&str]| {
        env.cmd()
            .env("KEYWARD_AS", "amy")
            .arg("--as-password-file")
            .arg(&file)
            .args(args)
            .output()
            .expect("run keyward")
    };
    // Scope applies: bob is in B.
    assert_code(&run(&["user", "disable", "bob"]), 6);
    assert_eq!(status(&env, "bob"), "active");
    let head = env.audit_head_id();
    assert_code(&run(&["user", "disable", "alice"]), 0);
    let rows = env.audit_since(head);
    let change = rows
        .iter()
        .find(|r| r["action"] == "user.disable")
        .unwrap_or_else(|| panic!("no user.disable: {rows:#?}"));
    assert_eq!(change["actor"], "amy");
    // A wrong password through the environment counts too.
    let bad = env.password_file("bad", "Wrong#pass1");
    let out = env
        .cmd()
        .env("KEYWARD_AS", "amy")
        .arg("--as-password-file")
        .arg(&bad)
        .args(["user", "enable", "alice"])
        .output()
        .expect("run keyward");
    assert_code(&out, 3);
    assert_eq!(env.failed_attempts("amy"), 1);
}

#[test]
fn an_unknown_operator_fails_like_a_wrong_password() {
    let env = TestEnv::with_org();
    let head = env.audit_head_id();
    let out = env.run_as("nobody", OP_PASSWORD, &["user", "disable", "alice"]);
    assert_code(&out, 3);
    assert_eq!(status(&env, "alice"), "active");
    let rows = env.audit_since(head);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["action"], "signin.failed");
    assert_eq!(rows[0]["target"], Value::Null);
    assert!(!has(&Value::from(env.audit_rows()).to_string(), "nobody"));
}

#[test]
fn an_operator_without_a_password_source_or_terminal_is_a_usage_error() {
    let env = TestEnv::with_org();
    let before = env.snapshot();
    let out = env.run(&["--as", "amy", "user", "disable", "alice"]);
    assert_code(&out, 2);
    assert!(has(&stderr(&out), "--as-password-file"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_password_file_others_can_read_gets_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::with_org();
    let file = env.password_file("amy", OP_PASSWORD);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let out = env
        .cmd()
        .args(["--as", "amy", "--as-password-file"])
        .arg(&file)
        .args(["user", "disable", "alice"])
        .output()
        .expect("run keyward");
    assert_code(&out, 0);
    assert!(has(&stderr(&out), "warning"), "{}", stderr(&out));
    // A 0600 file gets none.
    let out = env.run_as("amy", OP_PASSWORD, &["user", "enable", "alice"]);
    assert_code(&out, 0);
    assert!(!has(&stderr(&out), "warning"), "{}", stderr(&out));
}

#[test]
fn only_the_first_line_of_the_password_file_counts() {
    let env = TestEnv::with_org();
    let file = env.write_file(
        "two-lines.pw",
        format!("{OP_PASSWORD}\nsomething else\n").as_bytes(),
    );
    let out = env
        .cmd()
        .args(["--as", "amy", "--as-password-file"])
        .arg(&file)
        .args(["user", "disable", "alice"])
        .output()
        .expect("run keyward");
    assert_code(&out, 0);
    assert_eq!(status(&env, "alice"), "disabled");
}

// ---- require-operator ---------------------------------------------------------

/// [`TestEnv::with_org`] with `require-operator=true`.
fn operators_required() -> TestEnv {
    let env = TestEnv::with_org();
    env.set_policy(&["require-operator=true"]);
    assert_eq!(env.policy()["require-operator"], true);
    env
}

#[test]
fn require_operator_refuses_every_change_without_as() {
    let env = operators_required();
    let terms = env.write_file("terms.txt", b"Rules.\n");
    let terms = terms.to_str().expect("utf-8 path");
    let cases: &[&[&str]] = &[
        &["user", "add", "nina", "--facility", "A"],
        &["user", "assign", "alice", "--facility", "B"],
        &["user", "unassign", "carl", "--facility", "B"],
        &["user", "set-role", "alice", "supervisor"],
        &["user", "disable", "alice"],
        &["user", "enable", "alice"],
        &["user", "lock", "alice"],
        &["user", "unlock", "alice"],
        &["user", "reset-password", "alice"],
        &["user", "remove", "alice", "--yes"],
        &["facility", "add", "C"],
        &["facility", "rename", "A", "--name", "Alpha"],
        &["facility", "remove", "B", "--force", "--yes"],
        &["policy", "set", "min-length=8"],
        &["policy", "set", "require-operator=false"],
        &["terms", "set", "--file", terms],
        &["--json", "2fa", "enroll", "sam"],
        &["2fa", "reset", "sam", "--yes"],
    ];
    for args in cases {
        let before = env.snapshot();
        let head = env.audit_head_id();
        let out = env.run(args);
        assert_eq!(
            code(&out),
            6,
            "{args:?} without --as: want 6\n--- stderr:\n{}",
            stderr(&out)
        );
        assert!(has(&stderr(&out), "--as"), "{args:?}: {}", stderr(&out));
        assert_eq!(env.snapshot(), before, "{args:?} changed the database");
        assert_eq!(env.audit_since(head), Vec::<Value>::new(), "{args:?}");
    }
}

#[test]
fn require_operator_still_allows_reading_without_as() {
    let env = operators_required();
    let terms = env.write_file("terms.txt", b"Rules.\n");
    let out = env.run_as(
        ROOT,
        ROOT_PASSWORD,
        &[
            "terms",
            "set",
            "--file",
            terms.to_str().expect("utf-8 path"),
        ],
    );
    assert_code(&out, 0);
    for args in [
        &["user", "list"][..],
        &["user", "show", "alice"][..],
        &["policy", "show"][..],
        &["facility", "list"][..],
        &["facility", "show", "A"][..],
        &["terms", "list"][..],
        &["terms", "show"][..],
        &["2fa", "status", "sam"][..],
        &["audit", "list"][..],
        &["audit", "verify"][..],
    ] {
        let out = env.run(args);
        assert_code(&out, 0);
    }
}

#[test]
fn require_operator_lets_support_and_admins_change_with_as() {
    let env = operators_required();
    let head = env.audit_head_id();
    let out = env.run_as(ROOT, ROOT_PASSWORD, &["user", "disable", "bob"]);
    assert_code(&out, 0);
    assert_eq!(status(&env, "bob"), "disabled");
    let out = env.run_as("amy", OP_PASSWORD, &["user", "disable", "alice"]);
    assert_code(&out, 0);
    assert_eq!(status(&env, "alice"), "disabled");
    // Scope still applies.
    let out = env.run_as("amy", OP_PASSWORD, &["user", "enable", "bob"]);
    assert_code(&out, 6);
    assert_eq!(status(&env, "bob"), "disabled");
    let actors: Vec<(String, String)> = env
        .audit_since(head)
        .iter()
        .filter(|r| r["action"] == "user.disable")
        .map(|r| {
            (
                r["actor"].as_str().unwrap_or("").to_owned(),
                r["target"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        actors,
        [
            ("root".to_owned(), "bob".to_owned()),
            ("amy".to_owned(), "alice".to_owned())
        ]
    );
    // Support may turn the requirement off again.
    let out = env.run_as(
        ROOT,
        ROOT_PASSWORD,
        &["policy", "set", "require-operator=false"],
    );
    assert_code(&out, 0);
    assert_code(&env.run(&["user", "enable", "bob"]), 0);
}

#[test]
fn require_operator_leaves_self_service_alone() {
    let env = operators_required();
    assert_code(&env.auth("alice", OP_PASSWORD), 0);
    let out = env.run_stdin(
        &["passwd", "alice", "--password-stdin"],
        &format!("{OP_PASSWORD}\nNew#pass77\n"),
    );
    assert_code(&out, 0);
    assert_code(&env.auth("alice", "New#pass77"), 0);
    assert_code(&env.auth("alice", OP_PASSWORD), 3);
    let out = env.run_stdin(
        &["questions", "set", "alice", "--password-stdin"],
        "New#pass77\nmaiden-name=smith\nfirst-pet=rex\nbirth-city=paris\n",
    );
    assert_code(&out, 0);
    // Terms published by support (with --as), accepted by the account itself.
    let terms = env.write_file("terms.txt", b"Rules.\n");
    let out = env.run_as(
        ROOT,
        ROOT_PASSWORD,
        &[
            "terms",
            "set",
            "--file",
            terms.to_str().expect("utf-8 path"),
        ],
    );
    assert_code(&out, 0);
    let out = env.run_stdin(
        &["terms", "accept", "alice", "--password-stdin"],
        "New#pass77\n",
    );
    assert_code(&out, 0);
}

#[test]
fn self_service_commands_do_not_sign_the_operator_in() {
    let env = TestEnv::with_org();
    let head = env.audit_head_id();
    // No password file and no terminal would be a usage error for an operator.
    let out = env.run_stdin(
        &[
            "--as",
            "nobody",
            "--json",
            "auth",
            "alice",
            "--password-stdin",
        ],
        &format!("{OP_PASSWORD}\n"),
    );
    assert_code(&out, 0);
    let out = env.run_stdin(
        &["--as", "amy", "passwd", "alice", "--password-stdin"],
        &format!("{OP_PASSWORD}\nNew#pass77\n"),
    );
    assert_code(&out, 0);
    let rows = env.audit_since(head);
    assert!(
        rows.iter().all(|r| r["target"] == "alice"),
        "only alice signed in: {rows:#?}"
    );
}

// ---- recover: the break-glass path (issue 11 item 3, SPEC 10) ----------------

/// `root` (the only support account) locked by failed attempts, and the
/// policy requiring an operator for every change: no account can sign in to
/// unlock it.
fn locked_out_support() -> TestEnv {
    let env = TestEnv::with_db();
    env.set_policy(&["lockout-threshold=3", "require-operator=true"]);
    for _ in 0..3 {
        let out = env.run_stdin(&["auth", ROOT, "--password-stdin"], "Wrong#guess1\n");
        assert_code(&out, 3);
    }
    assert_eq!(env.user(ROOT)["status"], "locked");
    assert_code(&env.run(&["user", "unlock", ROOT]), 6);
    env
}

#[test]
fn recover_unlocks_a_support_account_under_require_operator_with_a_chosen_password() {
    let env = locked_out_support();
    let head = env.audit_count("account.recover");
    let out = env.run_stdin(
        &["--json", "recover", ROOT, "--password-stdin"],
        "Back#in-2026\n",
    );
    assert_code(&out, 0);
    let shown = parse_stdout(&out);
    assert_eq!(shown["status"], "active", "{shown}");
    assert_eq!(shown["must_change_password"], true);
    // No terms are published in this fixture, so the flag is what is set.
    assert_eq!(
        env.sql("SELECT terms_pending, failed_attempts FROM account WHERE username = 'root'"),
        [[1, 0]]
    );
    assert!(shown.get("temporary_password").is_none_or(Value::is_null));
    assert_eq!(env.audit_count("account.recover"), head + 1);
    let row = env.audit_rows().pop().expect("an audit row");
    assert_eq!(row["action"], "account.recover");
    assert!(
        row["actor"].as_str().is_some_and(|a| a.starts_with("os:")),
        "{row}"
    );
    assert!(
        !row["details"].to_string().contains("Back#in"),
        "no secret in the audit row"
    );
    // The new password signs in and must be changed first (exit 5).
    let out = env.run_stdin(
        &["--json", "auth", ROOT, "--password-stdin"],
        "Back#in-2026\n",
    );
    assert_code(&out, 5);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn recover_generates_a_password_shown_once_that_signs_in() {
    let env = locked_out_support();
    let out = env.run(&["--json", "recover", ROOT]);
    assert_code(&out, 0);
    let pw = parse_stdout(&out)["temporary_password"]
        .as_str()
        .expect("a generated password")
        .to_owned();
    let out = env.run_stdin(
        &["--json", "auth", ROOT, "--password-stdin"],
        &format!("{pw}\n"),
    );
    assert_code(&out, 5);
    // The old password no longer works.
    let out = env.run_stdin(
        &["--json", "auth", ROOT, "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_code(&out, 3);
}

#[test]
fn recover_is_for_support_accounts_only_and_never_with_as() {
    let env = TestEnv::with_db();
    env.add_user_with_password("bob", "admin", &[], "Start#pw1");
    assert_code(&env.run(&["user", "lock", "bob"]), 0);
    let before = env.snapshot();
    let out = env.run_stdin(&["recover", "bob", "--password-stdin"], "Back#in-2026\n");
    assert_code(&out, 6);
    assert!(
        stderr(&out).contains("only for support accounts"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("user unlock bob"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
    let out = env.run_as(ROOT, ROOT_PASSWORD, &["recover", ROOT]);
    assert_code(&out, 2);
    let out = env.run(&["recover", "nobody"]);
    assert_code(&out, 7);
    assert_eq!(env.snapshot(), before);
}
