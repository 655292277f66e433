//! Account expiry (SPEC 12): `user add --expires DAY` and `user set-expiry
//! USERNAME DAY|never`. Through the day given (UTC) the account signs in;
//! from the next midnight it answers like a disabled account, as `expired`
//! (exit 4), and nothing is counted against it.

use crate::common::*;
use serde_json::json;

const PW: &str = "Right#pw42";
/// The clock of the suite is 2026-11-22T10:00:00Z; alice is valid through
/// 2026-11-30, so expired from this second on.
const EXPIRED_FROM: &str = "2026-12-01T00:00:00Z";
const LAST_SECOND: &str = "2026-11-30T23:59:59Z";

fn alice_expiring(env: &TestEnv) {
    env.ready_user("alice", PW);
    let v = env.json(&["user", "set-expiry", "alice", "2026-11-30"]);
    assert_eq!(v["expires_at"], json!(EXPIRED_FROM), "{v}");
}

fn auth_at(env: &TestEnv, now: &str) -> std::process::Output {
    env.run_stdin_at(
        now,
        &["--json", "auth", "alice", "--password-stdin"],
        &format!("{PW}\n"),
    )
}

#[test]
fn an_account_signs_in_through_its_last_day_and_not_after() {
    let env = TestEnv::with_db();
    alice_expiring(&env);
    assert_code(&auth_at(&env, LAST_SECOND), 0);
    let out = auth_at(&env, EXPIRED_FROM);
    assert_code(&out, 4);
    let v = parse_stdout(&out);
    assert_eq!(v["result"], "expired", "{v}");
    assert!(
        has(v["message"].as_str().unwrap_or_default(), "expired"),
        "{v}"
    );
    // Refused before any password check: a wrong one counts nothing either.
    let wrong = env.run_stdin_at(
        EXPIRED_FROM,
        &["--json", "auth", "alice", "--password-stdin"],
        "Wrong#pw42\n",
    );
    assert_code(&wrong, 4);
    let shown = parse_stdout(&env.run_at(EXPIRED_FROM, &["--json", "user", "show", "alice"]));
    assert_eq!(shown["status"], "expired", "{shown}");
    assert_eq!(shown["failed_attempts"], 0, "{shown}");
}

#[test]
fn never_removes_the_expiry_and_both_changes_are_logged() {
    let env = TestEnv::with_db();
    alice_expiring(&env);
    let v = env.json(&["user", "set-expiry", "alice", "never"]);
    assert_eq!(v["expires_at"], serde_json::Value::Null, "{v}");
    assert_code(&auth_at(&env, EXPIRED_FROM), 0);
    let rows: Vec<_> = env
        .audit_rows()
        .into_iter()
        .filter(|r| r["action"] == "user.set-expiry")
        .map(|r| audit_details(&r))
        .collect();
    assert_eq!(
        rows,
        vec![
            json!({"from": null, "to": EXPIRED_FROM}),
            json!({"from": EXPIRED_FROM, "to": null}),
        ]
    );
}

#[test]
fn user_add_expires_and_list_finds_expired_accounts() {
    let env = TestEnv::with_db();
    let v = env.json_stdin(
        &[
            "user",
            "add",
            "temp1",
            "--expires",
            "2026-11-30",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    );
    assert_eq!(v["expires_at"], json!(EXPIRED_FROM), "{v}");
    assert_eq!(v["status"], "active", "{v}");
    let listed = parse_stdout(&env.run_at(
        EXPIRED_FROM,
        &["--json", "user", "list", "--status", "expired"],
    ));
    let names: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["username"].as_str())
        .collect();
    assert_eq!(names, ["temp1"]);
}

#[test]
fn a_bad_day_is_a_usage_error_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    let before = env.snapshot();
    for bad in [
        "2026-02-30",
        "30/11/2026",
        "tomorrow",
        "2026-1-5",
        "9999-12-31",
    ] {
        let out = env.run(&["user", "set-expiry", "alice", bad]);
        assert_code(&out, 2);
        assert!(has(&stderr(&out), "YYYY-MM-DD"), "{bad}: {}", stderr(&out));
    }
    assert_code(&env.run(&["user", "add", "bob", "--expires", "never"]), 2);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn the_last_support_account_gets_no_expiry() {
    let env = TestEnv::with_db();
    let before = env.snapshot();
    let out = env.run(&["user", "set-expiry", "root", "2027-01-01"]);
    assert_code(&out, 1);
    assert!(
        has(
            &stderr(&out),
            "no other enabled support account is without one"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn some_support_account_always_stays_without_expiry_and_recover_clears_one() {
    let env = TestEnv::with_db();
    env.add_user("sup2", "support", &[]);
    assert_code(&env.run(&["user", "set-expiry", "root", "2026-11-30"]), 0);
    // sup2 is now the only support account without an expiry.
    assert_code(&env.run(&["user", "set-expiry", "sup2", "2027-01-01"]), 1);
    // Once root has expired, sup2 is the last usable support account.
    let out = env.run_at(EXPIRED_FROM, &["user", "disable", "sup2"]);
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "last enabled support account"),
        "{}",
        stderr(&out)
    );
    // Break glass gives root back, expiry and all.
    let out = env.run_stdin_at(
        EXPIRED_FROM,
        &["--json", "recover", "root", "--password-stdin"],
        "Fresh#pw77\n",
    );
    assert_code(&out, 0);
    assert_eq!(parse_stdout(&out)["expires_at"], serde_json::Value::Null);
    let row = env.audit_rows().pop().expect("a row");
    assert_eq!(audit_details(&row)["expiry_cleared"], true, "{row}");
}

/// `user export` of `from` (CSV or JSON, at the expired clock) imported
/// into a fresh store; alice there, as an account object at that clock.
fn round_trip(from: &TestEnv, format: &str) -> serde_json::Value {
    let exported = stdout(&from.run_at(EXPIRED_FROM, &["user", "export", "--format", format]));
    let to = TestEnv::with_db();
    let file = to.csv_file(&exported);
    let out = to.run(&[
        "user",
        "import",
        "--format",
        format,
        file.to_str().expect("utf-8"),
        "--on-conflict",
        "skip",
    ]);
    assert_code(&out, 0);
    parse_stdout(&to.run_at(EXPIRED_FROM, &["--json", "user", "show", "alice"]))
}

#[test]
fn an_export_carries_the_expiry_and_never_re_enables_an_account() {
    let env = TestEnv::with_db();
    alice_expiring(&env);
    let csv = stdout(&env.run_at(EXPIRED_FROM, &["user", "export"]));
    assert!(
        csv.lines()
            .any(|l| l == format!("alice,,user,,,active,{EXPIRED_FROM}")),
        "{csv}"
    );
    for format in ["csv", "json"] {
        let alice = round_trip(&env, format);
        assert_eq!(alice["status"], "expired", "{format}: {alice}");
        assert_eq!(
            alice["expires_at"],
            json!(EXPIRED_FROM),
            "{format}: {alice}"
        );
    }
}

#[test]
fn an_import_reads_a_day_or_a_time_and_keeps_a_support_without_expiry() {
    let env = TestEnv::with_db();
    let v = env.import_json(
        &format!(
            "username,name,role,facilities,password,expires_at\n\
             dana,,user,,,2026-11-30\n\
             eric,,user,,,{EXPIRED_FROM}\n\
             finn,,user,,,\n"
        ),
        &[],
    );
    assert_eq!(v["created"], 3, "{v}");
    assert_eq!(env.user("dana")["expires_at"], json!(EXPIRED_FROM));
    assert_eq!(env.user("eric")["expires_at"], json!(EXPIRED_FROM));
    assert_eq!(env.user("finn")["expires_at"], serde_json::Value::Null);
    let bad = env.import(
        "username,name,role,facilities,password,expires_at\ngus,,user,,,soon\n",
        &[],
    );
    assert_code(&bad, 65);
    assert!(has(&stderr(&bad), "expires_at `soon`"), "{}", stderr(&bad));
    // The only support account gets no expiry through an import either.
    let before = env.snapshot();
    let out = env.import(
        "username,name,role,facilities,password,expires_at\nroot,,support,,,2027-01-01\n",
        &["--on-conflict", "update"],
    );
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "every support account with an expiry"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_store_at_schema_5_gains_expiry_when_opened() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    env.downgrade_to_schema_5();
    assert_eq!(env.schema_version(), 5);
    let v = env.json(&["user", "set-expiry", "alice", "2026-11-30"]);
    assert_eq!(v["expires_at"], json!(EXPIRED_FROM), "{v}");
    assert_eq!(env.schema_version(), 7);
    assert_code(&env.run(&["db", "check"]), 0);
}
