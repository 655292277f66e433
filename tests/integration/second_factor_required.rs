//! A stolen password alone must not get past the second factor: not through
//! self-service changes, and not by resetting the failure count between
//! guessed codes.

use crate::common::*;

const PW: &str = "Start#pw1";

/// An enrolled supervisor with no pending actions; returns its base32 secret.
fn enrolled(env: &TestEnv) -> String {
    env.add_user_with_password("sup", "supervisor", &[], PW);
    env.clear_pending("username = 'sup'");
    let v = env.json(&["2fa", "enroll", "sup"]);
    let secret = v["secret"].as_str().expect("secret").to_string();
    let code = code_at(&secret, NOW_UNIX);
    assert_code(
        &env.run_stdin(
            &["2fa", "confirm", "sup", "--code-stdin"],
            &format!("{code}\n"),
        ),
        0,
    );
    secret
}

/// The code an authenticator app shows at `at` (independent of keyward's code path).
fn code_at(secret: &str, at: i64) -> String {
    let bytes = totp_rs::Secret::try_from_base32(secret).expect("base32");
    totp_rs::Builder::new()
        .with_secret(AsRef::<[u8]>::as_ref(&bytes).to_vec())
        .build_noncompliant()
        .generate(at as u64)
        .to_string()
}

const ANSWERS: &str = "maiden-name=xx\nfirst-pet=yy\nbirth-city=zz\n";

#[test]
fn questions_set_needs_the_code_of_an_enrolled_account() {
    let env = TestEnv::with_db();
    let secret = enrolled(&env);
    let out = env.run_stdin(
        &["questions", "set", "sup", "--password-stdin"],
        &format!("{PW}\n{ANSWERS}"),
    );
    assert_code(&out, 5);
    assert_eq!(env.sql_scalar("SELECT count(*) FROM security_answer"), 0);
    let later = now_plus(60);
    let code = code_at(&secret, NOW_UNIX + 60);
    let out = env.run_stdin_at(
        &later,
        &[
            "questions",
            "set",
            "sup",
            "--password-stdin",
            "--code-stdin",
        ],
        &format!("{PW}\n{code}\n{ANSWERS}"),
    );
    assert_code(&out, 0);
}

#[test]
fn passwd_and_terms_accept_need_the_code_too() {
    let env = TestEnv::with_db();
    enrolled(&env);
    env.publish_terms("Be kind.\n");
    let out = env.run_stdin(
        &["passwd", "sup", "--password-stdin"],
        &format!("{PW}\nOther#pw2\n"),
    );
    assert_code(&out, 5);
    let out = env.run_stdin(
        &["terms", "accept", "sup", "--password-stdin"],
        &format!("{PW}\n"),
    );
    assert_code(&out, 5);
    assert_eq!(env.sql_scalar("SELECT count(*) FROM terms_acceptance"), 0);
}

#[test]
fn wrong_codes_lock_even_when_the_password_is_used_in_between() {
    let env = TestEnv::with_db();
    enrolled(&env);
    env.publish_terms("Be kind.\n");
    let wrong = |env: &TestEnv| {
        env.run_stdin(
            &["auth", "sup", "--password-stdin", "--code-stdin"],
            &format!("{PW}\n000000\n"),
        )
    };
    assert_code(&wrong(&env), 3);
    assert_code(&wrong(&env), 3);
    // The password alone must not reset the count...
    assert_code(
        &env.run_stdin(
            &["terms", "accept", "sup", "--password-stdin"],
            &format!("{PW}\n"),
        ),
        5,
    );
    assert_code(
        &env.run_stdin(
            &["questions", "set", "sup", "--password-stdin"],
            &format!("{PW}\n{ANSWERS}"),
        ),
        5,
    );
    assert_eq!(env.user("sup")["failed_attempts"], 2);
    // ...so the third wrong code locks, and the fourth is refused as locked.
    assert_code(&wrong(&env), 3);
    assert_code(&wrong(&env), 4);
    assert_eq!(env.user("sup")["status"], "locked");
}

#[test]
fn confirm_rechecks_the_roles_allowed_to_enrol() {
    let env = TestEnv::with_db();
    env.add_user_with_password("sup", "supervisor", &[], PW);
    let v = env.json(&["2fa", "enroll", "sup"]);
    let code = code_at(v["secret"].as_str().expect("secret"), NOW_UNIX);
    env.set_policy(&["2fa-roles=none"]);
    assert_code(
        &env.run_stdin(
            &["2fa", "confirm", "sup", "--code-stdin"],
            &format!("{code}\n"),
        ),
        6,
    );
    assert_eq!(env.user("sup")["twofa_enrolled"], false);
}

#[test]
fn an_image_is_never_left_behind_by_a_failed_enrolment() {
    let env = TestEnv::with_db();
    env.add_user_with_password("sup", "supervisor", &[], PW);
    let png = env.path().join("ok.png");
    let bad = env.path().join("missing-dir").join("x.svg");
    let out = env.run(&[
        "2fa",
        "enroll",
        "sup",
        "--png",
        png.to_str().expect("utf-8"),
        "--svg",
        bad.to_str().expect("utf-8"),
    ]);
    assert_ne!(code(&out), 0);
    assert!(
        !png.exists(),
        "the PNG of a failed enrolment must be removed"
    );
}

#[test]
fn a_replacement_whose_image_cannot_be_written_keeps_the_pending_secret_shown_before() {
    // Issue 11 item 14: the failed command had already replaced the pending
    // secret with one it never showed.
    let env = TestEnv::with_db();
    env.add_user_with_password("sup", "supervisor", &[], PW);
    let (_, shown) = env.enroll_json("sup");
    let before = env.snapshot();
    let bad = env.path().join("missing-dir").join("qr.png");
    let out = env.run(&[
        "--json",
        "2fa",
        "enroll",
        "sup",
        "--replace",
        "--png",
        bad.to_str().expect("utf-8"),
    ]);
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("missing-dir"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before, "a failed command changes nothing");
    // The code of the secret that was shown still confirms.
    let out = env.confirm_at(CONFIRM_AT, "sup", &totp_at(&shown, CONFIRM_AT));
    assert_code(&out, 0);
}
