//! Scope is decided inside the write transaction (issue 11, item 17): every
//! change goes through one door (src/commands/change.rs) that reads the
//! operator and the target again once it holds the write lock. Each test
//! stops a command with `--as` exactly there (a debug-build pause point),
//! changes the operator or the target meanwhile, lets it go, and checks that
//! the change was refused and nothing of it was written.

use crate::common::*;
use std::process::Output;

const ALICE_SECRET: &str =
    "SELECT t.secret FROM twofa t JOIN account a ON a.id = t.account_id WHERE a.username = 'alice'";
const ALICE_CODES: &str = "SELECT b.hash FROM backup_code b JOIN account a ON a.id = b.account_id WHERE a.username = 'alice' ORDER BY b.id";

/// A support account besides `root`, so that demoting it keeps one.
const SKY: &str = "sky";

fn org_with_second_support() -> TestEnv {
    let env = TestEnv::with_org();
    env.ready_account(SKY, "support", &[], OP_PASSWORD);
    env
}

/// Runs `--as OP ARGS`, paused after its first checks just before it opens
/// its write transaction; once it is waiting there, runs each of `between`
/// as the OS user, then lets it go and returns its output.
fn paused_before_change(env: &TestEnv, op: &str, args: &[&str], between: &[&[&str]]) -> Output {
    let pw = env.password_file(op, OP_PASSWORD);
    let mut all = vec![
        "--as",
        op,
        "--as-password-file",
        pw.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    env.paused_at(env.std_cmd(&all), "before-change", || {
        for b in between {
            assert_code(&env.run(b), 0);
        }
    })
}

/// `sky` is support again (after a test demoted it).
fn restore_sky(env: &TestEnv) {
    assert_code(&env.run(&["user", "set-role", SKY, "support"]), 0);
}

#[test]
fn a_support_demoted_while_a_facility_change_waits_changes_no_facility() {
    let env = org_with_second_support();
    let demote: &[&[&str]] = &[&["user", "set-role", SKY, "admin"]];
    for args in [
        &["facility", "add", "NEW"][..],
        &["facility", "rename", "B", "--code", "C"],
        &["--yes", "facility", "remove", "B", "--force"],
    ] {
        let out = paused_before_change(&env, SKY, args, demote);
        assert_code(&out, 6);
        assert!(
            stderr(&out).contains("ask support"),
            "{args:?}: {}",
            stderr(&out)
        );
        let codes: Vec<String> = env
            .sql("SELECT code FROM facility ORDER BY code")
            .into_iter()
            .map(|r| r[0].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(codes, ["A", "B"], "{args:?}");
        restore_sky(&env);
    }
    // Undisturbed, the same path works.
    assert_code(
        &paused_before_change(&env, SKY, &["facility", "add", "NEW"], &[]),
        0,
    );
    assert_eq!(env.audit_count("facility.add"), 3, "2 by with_org, 1 here");
}

#[test]
fn a_support_demoted_while_policy_set_waits_leaves_the_policy() {
    let env = org_with_second_support();
    let before = env.json(&["policy", "show"]);
    let out = paused_before_change(
        &env,
        SKY,
        &["policy", "set", "min-length=12"],
        &[&["user", "set-role", SKY, "admin"]],
    );
    assert_code(&out, 6);
    assert_eq!(env.json(&["policy", "show"]), before);
    assert_eq!(env.audit_count("policy.set"), 0);
}

#[test]
fn a_support_locked_while_terms_set_waits_publishes_nothing() {
    let env = org_with_second_support();
    let file = env.write_file("terms.txt", b"Be kind to the shared printers.\n");
    let published = env.sql("SELECT version, sha256 FROM terms ORDER BY version");
    let publish_rows = env.audit_count("terms.publish");
    let out = paused_before_change(
        &env,
        SKY,
        &["terms", "set", "--file", file.to_str().expect("utf-8")],
        &[&["user", "lock", SKY]],
    );
    assert_code(&out, 4);
    assert!(
        stderr(&out).contains("locked, disabled or expired"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        env.sql("SELECT version, sha256 FROM terms ORDER BY version"),
        published
    );
    assert_eq!(env.audit_count("terms.publish"), publish_rows);
}

#[test]
fn a_support_demoted_while_db_backup_waits_writes_no_copy() {
    let env = org_with_second_support();
    let copy = env.path().join("copy.db");
    let out = paused_before_change(
        &env,
        SKY,
        &["db", "backup", copy.to_str().expect("utf-8")],
        &[&["user", "set-role", SKY, "admin"]],
    );
    assert_code(&out, 6);
    assert!(!copy.exists(), "no copy for an operator who lost the right");
    assert_eq!(env.audit_count("db.backup"), 0);
    restore_sky(&env);
    let out = paused_before_change(
        &env,
        SKY,
        &["db", "backup", copy.to_str().expect("utf-8")],
        &[],
    );
    assert_code(&out, 0);
    assert!(copy.exists());
}

#[test]
fn a_target_moved_away_while_a_second_factor_change_waits_keeps_its_second_factor() {
    let env = org_with_second_support();
    env.set_policy(&["2fa-roles=user,supervisor,admin,support"]);
    let move_alice: &[&[&str]] = &[
        &["user", "assign", "alice", "--facility", "B"],
        &["user", "unassign", "alice", "--facility", "A"],
    ];
    let back: &[&[&str]] = &[
        &["user", "assign", "alice", "--facility", "A"],
        &["user", "unassign", "alice", "--facility", "B"],
    ];
    // Not enrolled yet: an enrolment started by amy stores no secret.
    let out = paused_before_change(
        &env,
        "amy",
        &["--json", "2fa", "enroll", "alice"],
        move_alice,
    );
    assert_code(&out, 6);
    assert_eq!(env.twofa_status("alice")["pending"], false);
    assert_eq!(env.audit_count("2fa.enroll-start"), 0);
    for b in back {
        assert_code(&env.run(b), 0);
    }
    env.enrol("alice");
    let secret_before = env.sql(ALICE_SECRET);
    let codes_before = env.sql(ALICE_CODES);
    for args in [
        &["--yes", "2fa", "reset", "alice"][..],
        &["2fa", "backup-codes", "alice", "--regenerate"],
    ] {
        let out = paused_before_change(&env, "amy", args, move_alice);
        assert_code(&out, 6);
        assert_eq!(env.twofa_status("alice")["enrolled"], true, "{args:?}");
        for b in back {
            assert_code(&env.run(b), 0);
        }
    }
    assert_eq!(env.sql(ALICE_SECRET), secret_before);
    assert_eq!(env.sql(ALICE_CODES), codes_before);
    assert_eq!(env.audit_count("2fa.reset"), 0);
    assert_eq!(env.audit_count("2fa.backup-codes"), 0);
    assert_code(&env.run(&["audit", "verify"]), 0);
}
