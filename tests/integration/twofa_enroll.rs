//! `2fa enroll|confirm|status` without a terminal (SPEC 6, decisions
//! "Decisions for two-factor authentication").

use crate::common::*;
use std::collections::HashSet;

const PW: &str = "Start#pw1";

fn secret_bytes(secret: &str) -> Vec<u8> {
    totp_rs::Secret::try_from_base32(secret)
        .unwrap_or_else(|e| panic!("{secret:?} is not base32: {e:?}"))
        .as_ref()
        .to_vec()
}

fn said(out: &std::process::Output) -> String {
    format!("{}\n{}", stderr(out), stdout(out))
}

// ---- enroll --json ----------------------------------------------------------

#[test]
fn enroll_json_gives_a_160_bit_secret_and_the_exact_uri() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let v = env.json(&["2fa", "enroll", "alice"]);
    assert_eq!(v["username"], "alice", "{v}");
    let secret = v["secret"].as_str().expect("secret");
    assert_eq!(secret.len(), 32, "{secret}");
    assert!(
        secret
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c)),
        "not base32: {secret}"
    );
    assert_eq!(secret_bytes(secret).len(), 20, "160 bits");
    assert_eq!(v["uri"], default_uri("alice", secret), "{v}");

    // The URI carries the same secret, decodable, of 160 bits.
    let uri = v["uri"].as_str().expect("uri");
    let in_uri = uri
        .split_once("secret=")
        .and_then(|(_, rest)| rest.split('&').next())
        .expect("secret= in uri");
    assert_eq!(secret_bytes(in_uri).len(), 20);
}

#[test]
fn enroll_leaves_the_enrolment_pending() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.enroll_json("alice");
    let s = env.twofa_status("alice");
    assert_eq!(s["username"], "alice", "{s}");
    assert_eq!(s["enrolled"], false, "{s}");
    assert_eq!(s["pending"], true, "{s}");
    assert_eq!(env.user("alice")["twofa_enrolled"], false);
    // Not enrolled yet: the password alone still signs in.
    assert_code(&env.auth("alice", PW), 0);
}

#[test]
fn status_of_an_account_never_enrolled() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], false, "{s}");
    assert_eq!(s["pending"], false, "{s}");
    assert!(s["enrolled_at"].is_null(), "{s}");
    assert_eq!(s["backup_codes_left"], 0, "{s}");
}

#[test]
fn the_issuer_comes_from_the_policy() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.set_policy(&["totp-issuer=Acme"]);
    let (uri, secret) = env.enroll_json("alice");
    assert_eq!(
        uri,
        format!("otpauth://totp/Acme:alice?secret={secret}&issuer=Acme")
    );
}

#[test]
fn an_issuer_with_a_space_is_percent_encoded() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.set_policy(&["totp-issuer=Acme Corp"]);
    let (uri, secret) = env.enroll_json("alice");
    assert_eq!(
        uri,
        format!("otpauth://totp/Acme%20Corp:alice?secret={secret}&issuer=Acme%20Corp")
    );
}

#[test]
fn every_enrolment_gets_its_own_secret() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.ready_supervisor("bob", "Other#pw2");
    let (_, a) = env.enroll_json("alice");
    let (_, b) = env.enroll_json("bob");
    assert_ne!(a, b);
}

// ---- confirm ----------------------------------------------------------------

#[test]
fn confirm_with_the_right_code_gives_ten_distinct_backup_codes() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let (_, secret) = env.enroll_json("alice");
    let out = env.confirm_at(NOW_UNIX, "alice", &totp_step(&secret, 0));
    assert_code(&out, 0);
    let v = parse_stdout(&out);
    assert_eq!(v["username"], "alice", "{v}");
    let codes: Vec<&str> = v["backup_codes"]
        .as_array()
        .expect("backup_codes")
        .iter()
        .map(|c| c.as_str().expect("a string"))
        .collect();
    assert_eq!(codes.len(), 10, "{v}");
    for c in &codes {
        assert!(is_backup_code(c), "{c:?} is not xxxxx-xxxxx");
    }
    assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 10, "{v}");

    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], true, "{s}");
    assert_eq!(s["pending"], false, "{s}");
    assert_eq!(s["backup_codes_left"], 10, "{s}");
    assert_eq!(s["enrolled_at"], NOW, "{s}");
    assert_eq!(env.user("alice")["twofa_enrolled"], true);
}

#[test]
fn confirm_with_a_wrong_code_exits_3_and_stays_pending() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let (_, secret) = env.enroll_json("alice");
    let out = env.confirm_at(NOW_UNIX, "alice", &wrong_code(&secret, 0));
    assert_code(&out, 3);
    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], false, "{s}");
    assert_eq!(s["pending"], true, "{s}");
    // The right code still confirms afterwards.
    assert_code(
        &env.confirm_at(NOW_UNIX, "alice", &totp_step(&secret, 0)),
        0,
    );
}

#[test]
fn confirm_with_a_code_four_steps_off_mentions_the_clock() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let (_, secret) = env.enroll_json("alice");
    let ahead = env.confirm_at(NOW_UNIX, "alice", &totp_step(&secret, 4));
    assert_code(&ahead, 3);
    assert!(has(&said(&ahead), "clock"), "{}", said(&ahead));
    let behind = env.confirm_at(NOW_UNIX, "alice", &totp_step(&secret, -4));
    assert_code(&behind, 3);
    assert!(has(&said(&behind), "clock"), "{}", said(&behind));
    // The hint says which way the clock is off.
    assert_ne!(stderr(&ahead), stderr(&behind));
    assert_eq!(env.twofa_status("alice")["enrolled"], false);
}

#[test]
fn confirm_without_a_pending_enrolment_exits_7() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    assert_code(&env.confirm_at(NOW_UNIX, "alice", "123456"), 7);
    // Once confirmed, nothing is pending any more.
    let e = env.enrol("alice");
    assert_code(
        &env.confirm_at(NOW_UNIX, "alice", &totp_step(&e.secret, 0)),
        7,
    );
}

// ---- who may enrol ----------------------------------------------------------

#[test]
fn a_role_outside_2fa_roles_cannot_enrol_and_nothing_is_stored() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW); // role user
    let before = env.snapshot();
    let out = env.run(&["--json", "2fa", "enroll", "alice"]);
    assert_code(&out, 6);
    assert!(out.stdout.is_empty() || !stdout(&out).contains("otpauth"));
    assert_eq!(env.snapshot(), before);
    let s = env.twofa_status("alice");
    assert_eq!(s["pending"], false, "{s}");
    assert_eq!(s["enrolled"], false, "{s}");
}

#[test]
fn the_policy_decides_which_roles_may_enrol() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.ready_supervisor("bob", "Other#pw2");
    env.set_policy(&["2fa-roles=user"]);
    env.enroll_json("alice");
    assert_code(&env.run(&["--json", "2fa", "enroll", "bob"]), 6);
}

#[test]
fn an_unknown_user_exits_7() {
    let env = TestEnv::with_db();
    for args in [
        vec!["2fa", "enroll", "ghost"],
        vec!["--json", "2fa", "enroll", "ghost"],
        vec!["2fa", "confirm", "ghost", "--code-stdin"],
        vec!["2fa", "status", "ghost"],
        vec!["2fa", "reset", "ghost", "--yes"],
        vec!["2fa", "backup-codes", "ghost", "--regenerate"],
    ] {
        let out = env.run(&args);
        assert_eq!(code(&out), 7, "{args:?}: {}", stderr(&out));
    }
}

// ---- enrolling again ----------------------------------------------------------

#[test]
fn enrolling_an_enrolled_account_again_exits_8() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    let before = env.snapshot();
    assert_code(&env.run(&["--json", "2fa", "enroll", "alice"]), 8);
    assert_code(&env.run(&["2fa", "enroll", "alice"]), 8);
    assert_eq!(env.snapshot(), before);
    assert_code(
        &env.auth_code_at(NOW_UNIX, "alice", PW, &totp_step(&e.secret, 0)),
        0,
    );
}

#[test]
fn replace_keeps_the_old_secret_until_the_new_one_is_confirmed() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let old = env.enrol("alice");
    let v = env.json(&["2fa", "enroll", "alice", "--replace"]);
    let new = v["secret"].as_str().expect("secret").to_owned();
    assert_ne!(new, old.secret);
    assert_eq!(v["uri"], default_uri("alice", &new));
    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], true, "{s}");
    assert_eq!(s["pending"], true, "{s}");

    // Until confirmed, the old secret signs in and the new one does not.
    let t = NOW_UNIX;
    assert_code(
        &env.auth_code_at(t, "alice", PW, &totp_at(&old.secret, t)),
        0,
    );
    assert_code(
        &env.auth_code_at(t + 30, "alice", PW, &totp_at(&new, t + 30)),
        3,
    );

    assert_code(&env.confirm_at(t + 60, "alice", &totp_at(&new, t + 60)), 0);
    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], true, "{s}");
    assert_eq!(s["pending"], false, "{s}");

    // Now only the new one.
    assert_code(
        &env.auth_code_at(t + 120, "alice", PW, &totp_at(&old.secret, t + 120)),
        3,
    );
    assert_code(
        &env.auth_code_at(t + 150, "alice", PW, &totp_at(&new, t + 150)),
        0,
    );
}

// ---- without a terminal ---------------------------------------------------------

#[test]
fn enroll_without_a_terminal_says_to_run_confirm() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let out = env.run(&["2fa", "enroll", "alice"]);
    assert_code(&out, 0);
    assert!(has(&said(&out), "2fa confirm"), "{}", said(&out));
    let s = env.twofa_status("alice");
    assert_eq!(s["pending"], true, "{s}");
    assert_eq!(s["enrolled"], false, "{s}");
}
