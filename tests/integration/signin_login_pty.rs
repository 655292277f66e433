//! `keyward login` in a real pseudo-terminal, typed as a person would.

use crate::common::*;
use rexpect::ReadUntil;
use rexpect::session::{PtySession, spawn_command};

type R = Result<(), Box<dyn std::error::Error>>;

const TIMEOUT_MS: Option<u64> = Some(20_000);
const PW: &str = "Start#pw1";
const WRONG: &str = "Wrong#pw9";
const TERMS_FIRST: &str = "Keep every record you see confidential.";
const TERMS_LAST: &str = "Report a lost badge the same day.";

fn terms_text() -> String {
    format!("{TERMS_FIRST}\n{TERMS_LAST}\n")
}

fn spawn(env: &TestEnv, args: &[&str]) -> Result<PtySession, rexpect::error::Error> {
    spawn_pty(env.std_cmd(args))
}

/// One `login USER` attempt with `password`; returns (output, exit code).
fn login_once(
    env: &TestEnv,
    user: &str,
    password: &str,
) -> Result<(String, i32), Box<dyn std::error::Error>> {
    let mut p = spawn(env, &["login", user])?;
    let (_, m) = p.exp_any(vec![ReadUntil::String("Password".into()), ReadUntil::EOF])?;
    if m == "Password" {
        type_line(&mut p, password)?;
        let (rest, code) = finish(&mut p)?;
        Ok((rest, code))
    } else {
        // Refused before asking (e.g. locked): the text is what was read.
        Ok((m, exit_code(&p)))
    }
}

/// Answers the terms question with `answer` ("y" or "n") after checking the text is shown.
fn terms_step(p: &mut PtySession, answer: &str) -> Result<(), rexpect::error::Error> {
    p.exp_string(TERMS_FIRST)?;
    p.exp_string(TERMS_LAST)?;
    p.exp_any(vec![
        ReadUntil::String("accept".into()),
        ReadUntil::String("Accept".into()),
    ])?;
    type_line(p, answer)
}

/// Enters a new password that is refused; expects every word of `reasons`.
fn refused_new_password(
    p: &mut PtySession,
    user: &str,
    pw: &str,
    reasons: &[&str],
) -> Result<(), rexpect::error::Error> {
    p.exp_string(&format!("New password for {user}"))?;
    type_line(p, pw)?;
    // Rules may be checked before or after the confirmation.
    let (_, m) = p.exp_any(vec![
        ReadUntil::String("Repeat the password".into()),
        ReadUntil::String(reasons[0].into()),
    ])?;
    if m.contains("Repeat the password") {
        type_line(p, pw)?;
        p.exp_string(reasons[0])?;
    }
    for r in &reasons[1..] {
        p.exp_string(r)?;
    }
    Ok(())
}

/// Enters a new password that is accepted, with its confirmation.
fn accepted_new_password(
    p: &mut PtySession,
    user: &str,
    pw: &str,
) -> Result<(), rexpect::error::Error> {
    p.exp_string(&format!("New password for {user}"))?;
    type_line(p, pw)?;
    p.exp_string("Repeat the password")?;
    type_line(p, pw)
}

#[test]
fn login_through_lock_unlock_terms_and_new_password() -> R {
    let env = TestEnv::with_db();
    env.publish_terms(&terms_text());
    env.ready_user("alice", PW);

    // A wrong password: exit 3.
    let (out, code) = login_once(&env, "alice", WRONG)?;
    assert_eq!(code, 3, "{out}");
    assert!(has(&out, "authentication failed"), "{out}");
    assert!(!out.contains(WRONG), "password echoed: {out}");

    // Two more: the third locks and says so.
    let (out, code) = login_once(&env, "alice", WRONG)?;
    assert_eq!(code, 3, "{out}");
    let (out, code) = login_once(&env, "alice", WRONG)?;
    assert_eq!(code, 3, "{out}");
    assert!(has(&out, "locked"), "{out}");
    assert_eq!(env.user("alice")["status"], "locked");

    // Locked: even the right password is refused.
    let (out, code) = login_once(&env, "alice", PW)?;
    assert_eq!(code, 4, "{out}");
    assert!(has(&out, "locked"), "{out}");
    assert!(has(&out, "administrator"), "{out}");

    assert_code(&env.run(&["user", "unlock", "alice"]), 0);

    // Terms, then a new password, refused until it meets policy and history.
    let mut p = spawn(&env, &["login", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    terms_step(&mut p, "y")?;
    refused_new_password(
        &mut p,
        "alice",
        "abc",
        &["at least 6 characters", "digit", "special"],
    )?;
    refused_new_password(&mut p, "alice", PW, &["used recently"])?;
    accepted_new_password(&mut p, "alice", "Fresh#pw77")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert!(!rest.contains("Fresh#pw77"), "password echoed: {rest}");

    let u = env.user("alice");
    assert_eq!(u["status"], "active", "{u}");
    assert_eq!(u["failed_attempts"], 0, "{u}");
    assert_eq!(u["must_change_password"], false, "{u}");
    assert_eq!(u["terms_pending"], false, "{u}");
    assert_eq!(u["last_sign_in_at"], NOW, "{u}");

    // The next login goes straight through.
    let mut p = spawn(&env, &["login", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, "Fresh#pw77")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert!(!rest.contains(TERMS_FIRST), "terms shown again: {rest}");
    assert!(
        !rest.contains("New password"),
        "asked for a new password again: {rest}"
    );

    // And auth agrees.
    assert_code(&env.auth("alice", "Fresh#pw77"), 0);
    Ok(())
}

#[test]
fn login_asks_for_the_username_when_not_given() -> R {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let mut p = spawn(&env, &["login"])?;
    p.exp_string("Username")?;
    type_line(&mut p, "alice")?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert_eq!(env.user("alice")["last_sign_in_at"], NOW);
    Ok(())
}

#[test]
fn login_with_terms_declined_exits_5_and_records_nothing() -> R {
    let env = TestEnv::with_db();
    env.publish_terms(&terms_text());
    env.add_user_with_password("alice", "user", &[], PW);
    let hash = env.password_hash("alice");

    let mut p = spawn(&env, &["login", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    terms_step(&mut p, "n")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 5, "{rest}");
    assert!(
        !rest.contains("New password"),
        "went on after a refusal: {rest}"
    );

    let u = env.user("alice");
    assert_eq!(u["terms_pending"], true, "{u}");
    assert_eq!(u["must_change_password"], true, "{u}");
    assert!(u["last_sign_in_at"].is_null(), "{u}");
    assert_eq!(env.password_hash("alice"), hash);
    let l = env.json(&["terms", "list"]);
    assert_eq!(l[0]["accepted"], 0, "{l}");
    Ok(())
}

#[test]
fn login_of_a_new_account_without_terms_asks_only_for_a_new_password() -> R {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], PW);
    let mut p = spawn(&env, &["login", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    accepted_new_password(&mut p, "alice", "Fresh#pw77")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    let u = env.user("alice");
    assert_eq!(u["must_change_password"], false, "{u}");
    assert_eq!(u["terms_pending"], false, "{u}");
    assert_eq!(u["last_sign_in_at"], NOW, "{u}");
    Ok(())
}

#[test]
fn login_with_a_mismatched_confirmation_asks_again() -> R {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], PW);
    let mut p = spawn(&env, &["login", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    p.exp_string("New password for alice")?;
    type_line(&mut p, "Fresh#pw77")?;
    p.exp_string("Repeat the password")?;
    type_line(&mut p, "Fresh#pw78")?;
    accepted_new_password(&mut p, "alice", "Fresh#pw77")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert_code(&env.auth("alice", "Fresh#pw77"), 0);
    Ok(())
}

#[test]
fn login_of_an_unknown_user_looks_like_a_wrong_password() -> R {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let (wrong, wrong_code) = login_once(&env, "alice", WRONG)?;
    let (unknown, unknown_code) = login_once(&env, "ghost", WRONG)?;
    assert_eq!(wrong_code, 3, "{wrong}");
    assert_eq!(unknown_code, 3, "{unknown}");
    assert!(has(&wrong, "unknown username or wrong password"), "{wrong}");
    assert!(
        has(&unknown, "unknown username or wrong password"),
        "{unknown}"
    );
    assert_eq!(wrong.trim(), unknown.trim());
    Ok(())
}

#[test]
fn login_of_a_disabled_account_exits_4() -> R {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&env.run(&["user", "disable", "alice"]), 0);
    let (out, code) = login_once(&env, "alice", PW)?;
    assert_eq!(code, 4, "{out}");
    assert_eq!(env.user("alice")["failed_attempts"], 0);
    Ok(())
}

#[test]
fn login_without_a_terminal_is_a_usage_error() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = env.run_stdin(&["login", "alice"], &format!("{PW}\n"));
    assert_code(&out, 2);
    assert!(has(&stderr(&out), "auth"), "{}", stderr(&out));
    assert_eq!(env.user("alice")["failed_attempts"], 0);
    assert!(env.user("alice")["last_sign_in_at"].is_null());
    let out = env.run(&["login"]);
    assert_code(&out, 2);
}

#[test]
fn login_with_stderr_redirected_is_a_usage_error() -> R {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let log = env.path().join("err.log");
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(format!(
            "\"$0\" login alice 2>'{}'; echo \"exit=$?\"",
            log.display()
        ))
        .arg(bin())
        .env("KEYWARD_DB", env.db_location())
        .env("KEYWARD_NOW", NOW)
        .env("NO_COLOR", "1");
    let mut p = spawn_command(sh, TIMEOUT_MS)?;
    p.exp_string("exit=2")?;
    Ok(())
}
