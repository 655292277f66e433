//! Role scope with `--as` (SPEC 2 and 8, decisions issue 5): an admin acts
//! only on user and supervisor accounts of her own facilities; support does
//! everything; user and supervisor operators run no administrative command.
//! A refusal exits 6 and changes nothing. See `TestEnv::with_org` for who is who.

use crate::common::*;
use serde_json::Value;
use std::process::Output;

/// The password of an operator of [`TestEnv::with_org`].
fn password_of(op: &str) -> &'static str {
    if op == ROOT {
        ROOT_PASSWORD
    } else {
        OP_PASSWORD
    }
}

/// `keyward --as OP ... ARGS`.
fn as_op(env: &TestEnv, op: &str, args: &[&str]) -> Output {
    env.run_as(op, password_of(op), args)
}

/// Runs `ARGS` as `op`, asserting exit 6, an unchanged database, and no audit
/// row but the operator's own sign-in.
#[track_caller]
fn assert_refused(env: &TestEnv, op: &str, args: &[&str]) {
    let before = env.snapshot();
    let head = env.audit_head_id();
    let out = as_op(env, op, args);
    assert_eq!(
        code(&out),
        6,
        "--as {op} {args:?}: want exit 6\n--- stdout:\n{}\n--- stderr:\n{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(
        env.snapshot(),
        before,
        "--as {op} {args:?} was refused but changed the database"
    );
    for r in env.audit_since(head) {
        assert!(
            r["action"].as_str().unwrap_or("").starts_with("signin."),
            "--as {op} {args:?} was refused but recorded {r}"
        );
    }
}

/// Runs `ARGS` as `op`, asserting exit 0 and that every row it recorded
/// (besides the sign-in) names `op` as actor. Returns the output.
#[track_caller]
fn assert_allowed(env: &TestEnv, op: &str, args: &[&str]) -> Output {
    let head = env.audit_head_id();
    let out = as_op(env, op, args);
    assert_eq!(
        code(&out),
        0,
        "--as {op} {args:?}: want exit 0\n--- stdout:\n{}\n--- stderr:\n{}",
        stdout(&out),
        stderr(&out)
    );
    for r in env.audit_since(head) {
        if !r["action"].as_str().unwrap_or("").starts_with("signin.") {
            assert_eq!(r["actor"], op, "--as {op} {args:?}: actor of {r}");
        }
    }
    out
}

/// Like [`assert_allowed`] for a change: it must have recorded a row.
#[track_caller]
fn assert_changed(env: &TestEnv, op: &str, args: &[&str]) -> Output {
    let head = env.audit_head_id();
    let out = assert_allowed(env, op, args);
    let rows = env.audit_since(head);
    assert!(
        rows.iter().any(|r| r["actor"] == op
            && !r["action"].as_str().unwrap_or("").starts_with("signin.")),
        "--as {op} {args:?}: no audit row names {op}: {rows:#?}"
    );
    out
}

fn exists(env: &TestEnv, name: &str) -> bool {
    match code(&env.run(&["user", "show", name])) {
        0 => true,
        7 => false,
        c => panic!("user show {name}: exit {c}"),
    }
}

// ---- admin ----------------------------------------------------------------------

#[test]
fn admin_adds_user_and_supervisor_accounts_in_her_own_facility() {
    let env = TestEnv::with_org();
    assert_changed(&env, "amy", &["user", "add", "nina", "--facility", "A"]);
    let v = env.user("nina");
    assert_eq!(v["role"], "user");
    assert_eq!(facilities_of(&v), ["A"]);
    assert_changed(
        &env,
        "amy",
        &[
            "user",
            "add",
            "stan",
            "--role",
            "supervisor",
            "--facility",
            "A",
        ],
    );
    assert_eq!(env.user("stan")["role"], "supervisor");
}

#[test]
fn admin_may_not_add_accounts_elsewhere_or_above_supervisor() {
    let env = TestEnv::with_org();
    let cases: &[&[&str]] = &[
        &["user", "add", "nina", "--facility", "B"],
        &["user", "add", "nina", "--facility", "A,B"],
        &["user", "add", "nina"],
        &["user", "add", "nina", "--role", "admin", "--facility", "A"],
        &[
            "user",
            "add",
            "nina",
            "--role",
            "support",
            "--facility",
            "A",
        ],
    ];
    for args in cases {
        assert_refused(&env, "amy", args);
    }
    assert!(!exists(&env, "nina"));
}

#[test]
fn admin_assigns_and_unassigns_only_facilities_she_holds() {
    let env = TestEnv::with_org();
    assert_refused(&env, "amy", &["user", "assign", "alice", "--facility", "B"]);
    assert_refused(
        &env,
        "amy",
        &["user", "unassign", "carl", "--facility", "B"],
    );
    assert_refused(&env, "amy", &["user", "assign", "bob", "--facility", "A"]);
    // Assigning a facility already held is a no-op, but allowed.
    assert_allowed(&env, "amy", &["user", "assign", "alice", "--facility", "A"]);
    assert_eq!(facilities_of(&env.user("alice")), ["A"]);
    assert_changed(
        &env,
        "amy",
        &["user", "unassign", "carl", "--facility", "A"],
    );
    assert_eq!(facilities_of(&env.user("carl")), ["B"]);
    // carl now shares no facility with amy: out of her reach.
    assert_refused(&env, "amy", &["user", "assign", "carl", "--facility", "A"]);
    assert_refused(&env, "amy", &["user", "show", "carl"]);
}

#[test]
fn admin_sets_roles_only_up_to_supervisor() {
    let env = TestEnv::with_org();
    assert_refused(&env, "amy", &["user", "set-role", "alice", "admin"]);
    assert_refused(&env, "amy", &["user", "set-role", "sam", "support"]);
    assert_refused(&env, "amy", &["user", "set-role", "bob", "supervisor"]);
    assert_refused(&env, "amy", &["user", "set-role", "ann", "user"]);
    assert_refused(&env, "amy", &["user", "set-role", "amy", "support"]);
    assert_changed(&env, "amy", &["user", "set-role", "alice", "supervisor"]);
    assert_eq!(env.user("alice")["role"], "supervisor");
    assert_changed(&env, "amy", &["user", "set-role", "sam", "user"]);
    assert_eq!(env.user("sam")["role"], "user");
}

#[test]
fn admin_manages_accounts_of_her_own_facility() {
    let env = TestEnv::with_org();
    type Step = (&'static [&'static str], fn(&Value) -> bool);
    let steps: &[Step] = &[
        (&["user", "disable", "alice"], |v| v["status"] == "disabled"),
        (&["user", "enable", "alice"], |v| v["status"] == "active"),
        (&["user", "lock", "alice"], |v| v["status"] == "locked"),
        (&["user", "unlock", "alice"], |v| {
            v["status"] == "active" && v["must_change_password"] == true
        }),
        (&["user", "reset-password", "carl"], |v| {
            v["must_change_password"] == true
        }),
    ];
    for (args, check) in steps {
        assert_changed(&env, "amy", args);
        let v = env.user(args[2]);
        assert!(check(&v), "--as amy {args:?}: {v}");
    }
    assert_changed(&env, "amy", &["user", "remove", "sam", "--yes"]);
    assert!(!exists(&env, "sam"));
}

#[test]
fn admin_reset_password_shows_the_temporary_password() {
    let env = TestEnv::with_org();
    let out = assert_changed(&env, "amy", &["--json", "user", "reset-password", "alice"]);
    let v = parse_stdout(&out);
    let temp = v["temporary_password"]
        .as_str()
        .expect("temporary_password");
    assert_code(&env.auth("alice", temp), 5);
}

#[test]
fn admin_may_not_manage_other_facilities_other_admins_or_herself() {
    let env = TestEnv::with_org();
    let verbs: &[&[&str]] = &[
        &["disable"],
        &["enable"],
        &["lock"],
        &["unlock"],
        &["reset-password"],
        &["remove", "--yes"],
    ];
    for target in ["bob", "sue", "ann", "amy", ROOT] {
        for verb in verbs {
            let mut args = vec!["user", verb[0], target];
            args.extend_from_slice(&verb[1..]);
            assert_refused(&env, "amy", &args);
        }
    }
}

#[test]
fn admin_manages_second_factors_only_within_her_reach() {
    let env = TestEnv::with_org();
    assert_refused(&env, "amy", &["--json", "2fa", "enroll", "sue"]);
    assert_refused(&env, "amy", &["2fa", "status", "bob"]);
    assert_refused(&env, "amy", &["2fa", "reset", "sue", "--yes"]);
    assert_refused(&env, "amy", &["2fa", "reset", "ann", "--yes"]);
    assert_refused(&env, "amy", &["2fa", "backup-codes", "ann", "--regenerate"]);
    assert_allowed(&env, "amy", &["2fa", "status", "sam"]);
    assert_changed(&env, "amy", &["--json", "2fa", "enroll", "sam"]);
    // Her own second factor is hers to manage.
    assert_allowed(&env, "amy", &["2fa", "status", "amy"]);
}

#[test]
fn admin_may_not_touch_facilities_policy_terms_or_the_audit_log() {
    let env = TestEnv::with_org();
    let terms = env.write_file("terms.txt", b"New terms.\n");
    let terms = terms.to_str().expect("utf-8 path");
    let cases: &[&[&str]] = &[
        &["facility", "add", "C"],
        &["facility", "rename", "A", "--name", "Alpha"],
        &["facility", "rename", "A", "--code", "AA"],
        &["facility", "remove", "B", "--force", "--yes"],
        &["policy", "set", "min-length=8"],
        &["policy", "set", "require-operator=false"],
        &["terms", "set", "--file", terms],
        &["audit", "list"],
        &["audit", "verify"],
    ];
    for args in cases {
        assert_refused(&env, "amy", args);
    }
}

#[test]
fn admin_reads_facilities_policy_and_terms() {
    let env = TestEnv::with_org();
    env.publish_terms("Rules.\n");
    // The newest terms must be accepted before amy may act at all.
    let out = env.run_stdin(
        &["terms", "accept", "amy", "--password-stdin"],
        &format!("{OP_PASSWORD}\n"),
    );
    assert_code(&out, 0);
    for args in [
        &["facility", "list"][..],
        &["facility", "show", "B"][..],
        &["policy", "show"][..],
        &["terms", "list"][..],
        &["terms", "show"][..],
    ] {
        assert_allowed(&env, "amy", args);
    }
}

#[test]
fn admin_lists_only_user_and_supervisor_accounts_of_her_facility() {
    let env = TestEnv::with_org();
    let names = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--json", "user", "list"];
        all.extend_from_slice(args);
        let out = assert_allowed(&env, "amy", &all);
        let mut n: Vec<String> = parse_stdout(&out)
            .as_array()
            .expect("a JSON array")
            .iter()
            .map(|u| u["username"].as_str().unwrap_or("").to_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&[]), ["alice", "carl", "sam"]);
    assert_eq!(names(&["--facility", "B"]), ["carl"]);
    assert_eq!(names(&["--role", "admin"]), Vec::<String>::new());
}

#[test]
fn admin_sees_no_account_outside_her_reach() {
    let env = TestEnv::with_org();
    for target in ["bob", "sue", "ann", "amy", ROOT] {
        assert_refused(&env, "amy", &["user", "show", target]);
    }
    for target in ["alice", "sam", "carl"] {
        let out = assert_allowed(&env, "amy", &["--json", "user", "show", target]);
        assert_eq!(parse_stdout(&out)["username"], target);
    }
}

#[test]
fn another_admin_of_the_facility_has_the_same_scope() {
    let env = TestEnv::with_org();
    assert_refused(&env, "ann", &["user", "disable", "amy"]);
    assert_refused(&env, "ann", &["user", "disable", "bob"]);
    assert_changed(&env, "ann", &["user", "disable", "sam"]);
    assert_eq!(env.user("sam")["status"], "disabled");
}

// ---- support, user, supervisor ---------------------------------------------------

#[test]
fn support_operator_may_do_everything() {
    let env = TestEnv::with_org();
    let terms = env.write_file("terms.txt", b"Rules.\n");
    let terms = terms.to_str().expect("utf-8 path");
    let cases: &[&[&str]] = &[
        &["user", "add", "zed", "--role", "admin", "--facility", "B"],
        &["user", "add", "nofac"],
        &["user", "assign", "bob", "--facility", "A"],
        &["user", "set-role", "bob", "admin"],
        &["user", "disable", "ann"],
        &["user", "lock", "amy"],
        &["user", "unlock", "amy"],
        &["user", "reset-password", "sue"],
        &["user", "remove", "carl", "--yes"],
        &["facility", "add", "C"],
        &["facility", "rename", "B", "--name", "Bravo"],
        &["facility", "remove", "C", "--yes"],
        &["policy", "set", "min-length=8"],
    ];
    for args in cases {
        assert_changed(&env, ROOT, args);
    }
    assert_eq!(env.user("zed")["role"], "admin");
    assert_eq!(env.user("bob")["role"], "admin");
    assert_eq!(env.user("ann")["status"], "disabled");
    assert!(!exists(&env, "carl"));
    assert_eq!(env.policy()["min-length"], 8);
    assert_allowed(&env, ROOT, &["audit", "list"]);
    assert_allowed(&env, ROOT, &["audit", "verify"]);
    let out = assert_allowed(&env, ROOT, &["--json", "user", "list"]);
    assert_eq!(
        parse_stdout(&out).as_array().map(Vec::len),
        Some(env.users().len()),
        "support sees every account"
    );
    // Last: once published, root must accept the terms before acting again.
    assert_changed(&env, ROOT, &["terms", "set", "--file", terms]);
    assert_eq!(
        env.json(&["terms", "list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn user_and_supervisor_operators_may_not_run_administrative_commands() {
    let env = TestEnv::with_org();
    let cases: &[&[&str]] = &[
        &["user", "add", "nina", "--facility", "A"],
        &["user", "show", "bob"],
        &["user", "assign", "carl", "--facility", "A"],
        &["user", "set-role", "carl", "supervisor"],
        &["user", "disable", "bob"],
        &["user", "unlock", "carl"],
        &["user", "reset-password", "carl"],
        &["user", "remove", "carl", "--yes"],
        &["2fa", "reset", "carl", "--yes"],
        &["facility", "add", "C"],
        &["policy", "set", "min-length=8"],
        &["audit", "list"],
    ];
    for op in ["alice", "sam"] {
        for args in cases {
            assert_refused(&env, op, args);
        }
    }
}

#[test]
fn a_supervisor_operator_manages_its_own_second_factor() {
    let env = TestEnv::with_org();
    assert_allowed(&env, "sam", &["2fa", "status", "sam"]);
    assert_changed(&env, "sam", &["--json", "2fa", "enroll", "sam"]);
    assert_refused(&env, "sam", &["2fa", "status", "alice"]);
}

#[test]
fn user_and_supervisor_operators_may_not_list_accounts() {
    let env = TestEnv::with_org();
    for op in ["alice", "sam"] {
        assert_refused(&env, op, &["--json", "user", "list"]);
    }
}

#[test]
fn every_operator_may_read_facilities_policy_and_terms() {
    let env = TestEnv::with_org();
    env.publish_terms("Rules.\n");
    for op in ["alice", "sam"] {
        let out = env.run_stdin(
            &["terms", "accept", op, "--password-stdin"],
            &format!("{OP_PASSWORD}\n"),
        );
        assert_code(&out, 0);
        for args in [
            &["facility", "list"][..],
            &["facility", "show", "B"][..],
            &["policy", "show"][..],
            &["terms", "list"][..],
            &["terms", "show"][..],
        ] {
            assert_allowed(&env, op, args);
        }
    }
}

#[test]
fn a_user_operator_reads_its_own_second_factor_but_may_not_enrol() {
    let env = TestEnv::with_org();
    assert_allowed(&env, "alice", &["2fa", "status", "alice"]);
    // `user` is not in 2fa-roles.
    assert_refused(&env, "alice", &["--json", "2fa", "enroll", "alice"]);
    assert_refused(&env, "alice", &["2fa", "status", "carl"]);
}

// ---- scope decided when the change is written -------------------------------------

/// Is process `pid` blocked reading its stdin (Linux x86_64 `read(0, ...)`)?
/// `None` when this cannot be told.
fn reading_stdin(pid: u32) -> Option<bool> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return None;
    }
    let s = std::fs::read_to_string(format!("/proc/{pid}/syscall")).ok()?;
    let mut f = s.split_whitespace();
    Some(f.next() == Some("0") && f.next() == Some("0x0"))
}

/// Runs `--as amy ARGS` with its stdin held open; once it is reading stdin
/// (signed in and past its first checks), runs each of `between` as the OS
/// user, then writes `line`.
fn amy_with_change_while_reading(
    env: &TestEnv,
    args: &[&str],
    between: &[&[&str]],
    line: &str,
) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let file = env.password_file("amy", OP_PASSWORD);
    let mut all = vec![
        "--as",
        "amy",
        "--as-password-file",
        file.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    let mut child = env
        .std_cmd(&all)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn keyward");
    for _ in 0..2000 {
        match reading_stdin(child.id()) {
            Some(false) if child.try_wait().ok().flatten().is_none() => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            _ => break,
        }
    }
    for b in between {
        assert_code(&env.run(b), 0);
    }
    let mut stdin = child.stdin.take().expect("stdin");
    let _ = writeln!(stdin, "{line}");
    drop(stdin);
    child.wait_with_output().expect("wait keyward")
}

#[test]
fn a_target_moved_out_of_scope_during_reset_password_is_not_reset() {
    let env = TestEnv::with_org();
    let before = env.password_hash("alice");
    let out = amy_with_change_while_reading(
        &env,
        &["user", "reset-password", "alice", "--password-stdin"],
        &[
            &["user", "assign", "alice", "--facility", "B"],
            &["user", "unassign", "alice", "--facility", "A"],
        ],
        "Fresh#pw77",
    );
    assert_code(&out, 6);
    assert_eq!(env.password_hash("alice"), before);
    assert_eq!(env.user("alice")["must_change_password"], false);
}

#[test]
fn a_facility_taken_from_the_admin_during_user_add_is_not_given() {
    let env = TestEnv::with_org();
    let out = amy_with_change_while_reading(
        &env,
        &["user", "add", "nina", "--facility", "A", "--password-stdin"],
        &[&["user", "unassign", "amy", "--facility", "A"]],
        "Fresh#pw77",
    );
    assert_code(&out, 6);
    assert!(!exists(&env, "nina"));
}

#[test]
fn an_admin_demoted_during_reset_password_resets_nothing() {
    let env = TestEnv::with_org();
    let before = env.password_hash("alice");
    let out = amy_with_change_while_reading(
        &env,
        &["user", "reset-password", "alice", "--password-stdin"],
        &[&["user", "set-role", "amy", "user"]],
        "Fresh#pw77",
    );
    assert_code(&out, 6);
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn an_admin_disabled_during_reset_password_resets_nothing() {
    let env = TestEnv::with_org();
    let before = env.password_hash("alice");
    let out = amy_with_change_while_reading(
        &env,
        &["user", "reset-password", "alice", "--password-stdin"],
        &[&["user", "disable", "amy"]],
        "Fresh#pw77",
    );
    assert_code(&out, 4);
    assert_eq!(env.password_hash("alice"), before);
}
