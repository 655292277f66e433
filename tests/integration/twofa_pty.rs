//! Two-factor authentication in a real pseudo-terminal: the QR code drawn
//! with half blocks (both polarities), the code prompt of `2fa enroll` and of
//! `login`, `2fa reset`'s question, and forgot-password removing 2FA.

use crate::common::*;
use rexpect::ReadUntil;
use rexpect::session::{PtySession, spawn_command};
use serde_json::Value;
use std::process::Command;

type R = Result<(), Box<dyn std::error::Error>>;
type Res<T> = Result<T, Box<dyn std::error::Error>>;

const TIMEOUT_MS: Option<u64> = Some(30_000);
const PW: &str = "Start#pw1";

/// The grouped secret as printed for manual entry: 8 groups of 4.
const GROUPED_SECRET: &str = r"[A-Z2-7]{4}(?:[ \-][A-Z2-7]{4}){7}";
/// A prompt mentioning the code, waiting at the end of the output.
const CODE_PROMPT: &str = r"(?i)code[^\r\n]*$";
/// The question whether the backup codes were saved, waiting at the end.
const SAVED_PROMPT: &str = r"(?i)saved[^\r\n]*$";

/// rexpect hands over every byte as one char: rebuild the UTF-8 text.
fn text(s: &str) -> String {
    let bytes: Vec<u8> = s.chars().map(|c| (c as u32 & 0xff) as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn spawn(env: &TestEnv, args: &[&str]) -> Result<PtySession, rexpect::error::Error> {
    spawn_pty(env.std_cmd(args))
}

/// `keyward ARGS` on a terminal of `cols` × `rows`: both the terminal's own
/// size (stty) and `COLUMNS` / `LINES` say so.
fn spawn_sized(
    env: &TestEnv,
    args: &[&str],
    cols: u16,
    rows: u16,
) -> Result<PtySession, rexpect::error::Error> {
    let base = env.std_cmd(args);
    let mut sh = Command::new("sh");
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh.env("COLUMNS", cols.to_string())
        .env("LINES", rows.to_string())
        .current_dir(env.path())
        .arg("-c")
        .arg("stty echo cols \"$COLUMNS\" rows \"$LINES\" && exec \"$0\" \"$@\"")
        .arg(bin())
        .args(args);
    spawn_command(sh, TIMEOUT_MS)
}

/// Reads up to the code prompt of `2fa enroll`; returns everything shown so
/// far and the secret printed for manual entry (without its spaces).
fn read_enrolment(p: &mut PtySession) -> Res<(String, String)> {
    let (before, grouped) = p.exp_regex(GROUPED_SECRET)?;
    let (after, prompt) = p.exp_regex(CODE_PROMPT)?;
    let secret: String = grouped
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    Ok((text(&format!("{before}{grouped}{after}{prompt}")), secret))
}

/// Types the right code, checks the 10 backup codes and the warning, answers
/// the "saved?" question with `answers` (the last must be yes; the codes may
/// be shown again while it is no); returns the backup codes and the exit code.
fn confirm_on_terminal(
    p: &mut PtySession,
    secret: &str,
    answers: &[&str],
) -> Res<(Vec<String>, i32)> {
    type_line(p, &totp_step(secret, 0))?;
    let (shown, prompt) = p.exp_regex(SAVED_PROMPT)?;
    let shown = text(&shown);
    let codes = backup_codes_in(&shown);
    assert_eq!(codes.len(), 10, "want 10 backup codes: {shown}");
    let mut distinct = codes.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 10, "{shown}");
    assert!(
        has(&format!("{shown}{prompt}"), "again"),
        "no warning that the codes are not shown again: {shown}"
    );
    for (i, a) in answers.iter().enumerate() {
        if i > 0 {
            p.exp_regex(SAVED_PROMPT)?;
        }
        if i + 1 < answers.len() {
            // A y/n question takes one key: a newline after "n" would be
            // read as the (default) answer to the next question.
            wait_for_input(p)?;
            p.send(a)?;
            p.flush()?;
        } else {
            type_line(p, a)?;
        }
    }
    let (rest, code) = finish(p)?;
    for c in &codes {
        assert!(!rest.contains(c.as_str()), "codes shown twice: {rest}");
    }
    Ok((codes, code))
}

/// On a dark terminal the drawn (light) area is a square: the QR code
/// (21 + 4k modules) with a light quiet zone of 4 modules on every side.
#[track_caller]
fn assert_light_quiet_zone(shown: &str) {
    let (w, h, dark) = half_block_bitmap(shown, true).expect("a half-block QR code");
    let light = |x: usize, y: usize| !dark[y * w + x];
    let xs: Vec<usize> = (0..w).filter(|&x| (0..h).any(|y| light(x, y))).collect();
    let ys: Vec<usize> = (0..h).filter(|&y| (0..w).any(|x| light(x, y))).collect();
    let (x0, x1) = (xs[0], xs[xs.len() - 1]);
    let (y0, y1) = (ys[0], ys[ys.len() - 1]);
    let size = x1 - x0 + 1;
    assert_eq!(size, y1 - y0 + 1, "not square: {shown}");
    assert!(
        size >= 29 && (size - 29) % 4 == 0,
        "{size} modules is not a QR code of 21 + 4k modules with 4 around: {shown}"
    );
    for i in 0..size {
        for d in 0..4 {
            for (x, y) in [
                (x0 + i, y0 + d),
                (x0 + i, y1 - d),
                (x0 + d, y0 + i),
                (x1 - d, y0 + i),
            ] {
                assert!(light(x, y), "quiet zone not light at ({x}, {y}): {shown}");
            }
        }
    }
}

/// Enrolls `user` in a wide terminal and checks the QR code decodes to the URI.
fn enroll_and_check_qr(invert: bool) -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let args: &[&str] = if invert {
        &["2fa", "enroll", "alice", "--invert"]
    } else {
        &["2fa", "enroll", "alice"]
    };
    let mut p = spawn_sized(&env, args, 200, 60)?;
    let (shown, secret) = read_enrolment(&mut p)?;
    assert_eq!(secret.len(), 32, "{shown}");
    let uri = default_uri("alice", &secret);
    // Default: light modules drawn (filled) for a dark terminal; --invert:
    // dark modules drawn for a light one.
    assert_eq!(
        decode_half_blocks(&shown, !invert),
        Ok(uri.clone()),
        "the QR code does not decode to {uri}:\n{shown}"
    );
    assert_ne!(
        decode_half_blocks(&shown, invert),
        Ok(uri),
        "the QR code is drawn in the other polarity:\n{shown}"
    );
    if !invert {
        assert_light_quiet_zone(&shown);
    }
    assert!(shown.contains("keyward"), "issuer not shown: {shown}");
    assert!(shown.contains("alice"), "account not shown: {shown}");

    let answers: &[&str] = if invert { &["n", "y"] } else { &["y"] };
    let (codes, code) = confirm_on_terminal(&mut p, &secret, answers)?;
    assert_eq!(code, 0);
    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], true, "{s}");
    assert_eq!(s["backup_codes_left"], 10, "{s}");
    // The codes shown are the ones that work.
    let out = env.auth_code_at(NOW_UNIX, "alice", PW, &codes[0]);
    assert_code(&out, 0);
    Ok(())
}

// ---- enroll on a terminal ----------------------------------------------------

#[test]
fn enroll_draws_a_qr_code_for_a_dark_terminal_then_confirms() -> R {
    enroll_and_check_qr(false)
}

#[test]
fn enroll_with_invert_draws_a_qr_code_for_a_light_terminal_and_asks_until_saved() -> R {
    enroll_and_check_qr(true)
}

#[test]
fn a_wrong_code_is_asked_again_and_a_skewed_one_mentions_the_clock() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let mut p = spawn_sized(&env, &["2fa", "enroll", "alice"], 200, 60)?;
    let (_, secret) = read_enrolment(&mut p)?;

    type_line(&mut p, &totp_step(&secret, 4))?;
    p.exp_regex("(?i)clock")?;
    p.exp_regex(CODE_PROMPT)?;
    type_line(&mut p, &wrong_code(&secret, 0))?;
    p.exp_regex(CODE_PROMPT)?;

    let (_, code) = confirm_on_terminal(&mut p, &secret, &["y"])?;
    assert_eq!(code, 0);
    assert_eq!(env.twofa_status("alice")["enrolled"], true);
    Ok(())
}

#[test]
fn five_wrong_codes_exit_3_and_the_enrolment_stays_pending() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let mut p = spawn_sized(&env, &["2fa", "enroll", "alice"], 200, 60)?;
    let (_, secret) = read_enrolment(&mut p)?;
    let bad = wrong_code(&secret, 0);
    type_line(&mut p, &bad)?;
    for _ in 0..4 {
        p.exp_regex(CODE_PROMPT)?;
        type_line(&mut p, &bad)?;
    }
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 3, "{rest}");
    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], false, "{s}");
    assert_eq!(s["pending"], true, "{s}");
    // Still pending: the script way can finish it.
    assert_code(
        &env.confirm_at(NOW_UNIX, "alice", &totp_step(&secret, 0)),
        0,
    );
    Ok(())
}

#[test]
fn a_narrow_terminal_gets_the_uri_instead_of_the_qr_code() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let mut p = spawn_sized(&env, &["2fa", "enroll", "alice"], 30, 60)?;
    let (before, prompt) = p.exp_regex(CODE_PROMPT)?;
    let shown = text(&format!("{before}{prompt}"));
    // It says the terminal is too narrow (in so many words, or with its width).
    assert!(
        has(&shown, "narrow") || has(&shown, "30 columns"),
        "no word that the terminal is too narrow: {shown}"
    );
    assert!(
        !shown.contains(['▀', '▄', '█']),
        "a QR code was drawn anyway: {shown}"
    );
    let uri = shown
        .split_whitespace()
        .find(|w| w.starts_with("otpauth://"))
        .unwrap_or_else(|| panic!("no otpauth:// URI shown: {shown}"))
        .to_owned();
    let secret = uri
        .split_once("secret=")
        .and_then(|(_, r)| r.split('&').next())
        .expect("secret in the URI")
        .to_owned();
    assert_eq!(uri, default_uri("alice", &secret));

    let (_, code) = confirm_on_terminal(&mut p, &secret, &["y"])?;
    assert_eq!(code, 0);
    assert_eq!(env.twofa_status("alice")["enrolled"], true);
    Ok(())
}

// ---- login with a second factor ------------------------------------------------

/// `login alice`: the password, then `code` at the code prompt.
fn login_with_code(env: &TestEnv, code: &str) -> Res<(String, i32)> {
    let mut p = spawn(env, &["login", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    p.exp_regex(CODE_PROMPT)?;
    type_line(&mut p, code)?;
    Ok(finish(&mut p)?)
}

#[test]
fn login_asks_for_a_code_after_the_password() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    let (rest, code) = login_with_code(&env, &totp_step(&e.secret, 0))?;
    assert_eq!(code, 0, "{rest}");
    let u = env.user("alice");
    assert_eq!(u["last_sign_in_at"], NOW, "{u}");
    assert_eq!(u["failed_attempts"], 0, "{u}");
    Ok(())
}

#[test]
fn login_accepts_a_backup_code_once() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    let (rest, code) = login_with_code(&env, &e.backup_codes[0])?;
    assert_eq!(code, 0, "{rest}");
    assert_eq!(env.twofa_status("alice")["backup_codes_left"], 9);
    let (rest, code) = login_with_code(&env, &e.backup_codes[0])?;
    assert_eq!(code, 3, "{rest}");
    assert_eq!(env.failed_attempts("alice"), 1);
    Ok(())
}

#[test]
fn login_with_a_wrong_code_fails_and_counts() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    let (rest, code) = login_with_code(&env, &wrong_code(&e.secret, 0))?;
    assert_eq!(code, 3, "{rest}");
    assert_eq!(env.failed_attempts("alice"), 1);
    assert!(env.user("alice")["last_sign_in_at"].is_null());
    Ok(())
}

#[test]
fn passwd_on_a_terminal_asks_for_the_code_of_an_enrolled_account() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    let mut p = spawn(&env, &["passwd", "alice"])?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    p.exp_regex(CODE_PROMPT)?;
    type_line(&mut p, &totp_step(&e.secret, 0))?;
    p.exp_string("New password for alice")?;
    type_line(&mut p, "Fresh#pw77")?;
    p.exp_string("Repeat the password")?;
    type_line(&mut p, "Fresh#pw77")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    let later = NOW_UNIX + 30;
    assert_code(
        &env.auth_code_at(later, "alice", "Fresh#pw77", &totp_at(&e.secret, later)),
        0,
    );
    Ok(())
}

// ---- reset asks on a terminal ------------------------------------------------------

#[test]
fn reset_asks_on_a_terminal() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.enrol("alice");

    let mut p = spawn(&env, &["2fa", "reset", "alice"])?;
    p.exp_regex(r"(?i)\[y/n\]")?;
    type_line(&mut p, "n")?;
    p.exp_eof()?;
    assert_eq!(env.twofa_status("alice")["enrolled"], true);

    let mut p = spawn(&env, &["2fa", "reset", "alice"])?;
    p.exp_regex(r"(?i)\[y/n\]")?;
    type_line(&mut p, "y")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert_eq!(env.twofa_status("alice")["enrolled"], false);
    Ok(())
}

// ---- forgot-password removes the enrolment ------------------------------------------

const ANSWERS: [(&str, &str); 3] = [
    ("maiden-name", "Van der Berg"),
    ("first-pet", "Rex"),
    ("birth-date", "1990-01-02"),
];

fn question_texts(env: &TestEnv) -> Vec<(String, String)> {
    let v = env.json(&["questions", "list"]);
    v.as_array()
        .unwrap_or_else(|| panic!("questions list is not an array: {v}"))
        .iter()
        .map(|i| {
            let text = ["text", "question", "prompt", "label"]
                .iter()
                .find_map(|k| i.get(*k).and_then(Value::as_str))
                .unwrap_or_else(|| panic!("no question text in {i}"));
            (i["id"].as_str().expect("id").to_owned(), text.to_owned())
        })
        .collect()
}

#[test]
fn forgot_password_removes_the_enrolment() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    // Questions of an enrolled account need the second factor too.
    // The password, the code, then the answers.
    let code = totp_step(&e.secret, 0);
    let mut input = format!("{PW}\n{code}\n");
    for (id, a) in ANSWERS {
        input.push_str(&format!("{id}={a}\n"));
    }
    assert_code(
        &env.run_stdin(
            &[
                "questions",
                "set",
                "alice",
                "--password-stdin",
                "--code-stdin",
            ],
            &input,
        ),
        0,
    );

    let texts: Vec<(String, String)> = question_texts(&env)
        .into_iter()
        .filter(|(id, _)| ANSWERS.iter().any(|(a, _)| a == id))
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    let mut p = spawn(&env, &["forgot-password", "alice"])?;
    let mut asked: Vec<String> = Vec::new();
    for _ in 0..3 {
        let (_, m) = p.exp_any(
            texts
                .iter()
                .filter(|(id, _)| !asked.contains(id))
                .map(|(_, t)| ReadUntil::String(t.clone()))
                .collect(),
        )?;
        let id = texts
            .iter()
            .find(|(_, t)| *t == m)
            .map(|(id, _)| id.clone())
            .expect("a known question");
        let answer = ANSWERS
            .iter()
            .find(|(a, _)| *a == id)
            .map(|(_, v)| *v)
            .expect("an answer");
        type_line(&mut p, answer)?;
        asked.push(id);
    }
    p.exp_string("New password for alice")?;
    type_line(&mut p, "Reset#pw55")?;
    p.exp_string("Repeat the password")?;
    type_line(&mut p, "Reset#pw55")?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");

    let s = env.twofa_status("alice");
    assert_eq!(s["enrolled"], false, "{s}");
    assert_eq!(s["backup_codes_left"], 0, "{s}");
    assert_eq!(env.user("alice")["twofa_enrolled"], false);
    // The new password alone signs in; old backup codes are gone.
    assert_code(&env.auth("alice", "Reset#pw55"), 0);
    assert_code(
        &env.auth_code_at(NOW_UNIX, "alice", "Reset#pw55", &e.backup_codes[0]),
        0,
    );
    Ok(())
}

/// [`crate::common::finish`] with ANSI escapes removed from the output.
fn finish(p: &mut PtySession) -> Result<(String, i32), rexpect::error::Error> {
    let (rest, code) = crate::common::finish(p)?;
    Ok((text(&rest), code))
}
