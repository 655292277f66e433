//! Second-factor codes never on argv (SPEC 10, issue 11 item 5): `--code-stdin`
//! reads the code from the line after the password (alone for `2fa
//! confirm`), `--as-code-file PATH` reads the operator's; the old `--code`
//! and `--as-code` flags are gone.

use crate::common::*;
use std::path::Path;
use std::process::Output;

const PW: &str = "Start#pw1";

/// `alice`, a supervisor enrolled in 2FA with nothing pending.
fn enrolled_alice(env: &TestEnv) -> Enrolment {
    env.ready_supervisor("alice", PW);
    env.enrol("alice")
}

/// `keyward ARGS` with `input` on stdin, as amy signed in with a password file.
fn as_amy(env: &TestEnv, code_file: &Path, args: &[&str], input: &str) -> Output {
    let pw = env.password_file("amy", OP_PASSWORD);
    let mut all: Vec<&str> = vec!["--as", "amy", "--as-password-file"];
    all.push(pw.to_str().expect("utf-8 path"));
    all.push("--as-code-file");
    all.push(code_file.to_str().expect("utf-8 path"));
    all.extend_from_slice(args);
    env.run_stdin(&all, input)
}

#[test]
fn auth_reads_the_code_on_the_line_after_the_password() {
    let env = TestEnv::with_db();
    let e = enrolled_alice(&env);
    let args = [
        "--json",
        "auth",
        "alice",
        "--password-stdin",
        "--code-stdin",
    ];
    let out = env.run_stdin(&args, &format!("{PW}\n{}\n", totp_step(&e.secret, 0)));
    assert_code(&out, 0);
    assert_eq!(parse_stdout(&out)["result"], "ok");
    // CRLF and a trailing NUL (pam_exec) are line endings for the code too.
    let later = now_plus(60);
    let code = totp_at(&e.secret, NOW_UNIX + 60);
    let out = env.run_stdin_at(&later, &args, &format!("{PW}\r\n{code}\0"));
    assert_code(&out, 0);
    // Without the code line: exit 65 before anything is checked or counted.
    let before = env.snapshot();
    let out = env.run_stdin(&args, &format!("{PW}\n"));
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "--code-stdin"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_backup_code_sent_with_a_wrong_password_is_neither_checked_nor_spent() {
    let env = TestEnv::with_db();
    let e = enrolled_alice(&env);
    let code = &e.backup_codes[0];
    let out = env.auth_code_at(NOW_UNIX, "alice", "Wrong#pw9", code);
    assert_code(&out, 3);
    assert_eq!(env.failed_attempts("alice"), 1);
    assert_eq!(env.twofa_status("alice")["backup_codes_left"], 10);
    // The code still works once, with the right password, and then never.
    assert_code(&env.auth_code_at(NOW_UNIX, "alice", PW, code), 0);
    assert_eq!(env.twofa_status("alice")["backup_codes_left"], 9);
    assert_code(&env.auth_code_at(NOW_UNIX, "alice", PW, code), 3);
}

#[test]
fn a_code_line_is_read_even_for_an_account_without_2fa() {
    // The lines after the code mean the same whether or not the account is
    // enrolled: the code line is never taken for the new password.
    let env = TestEnv::with_db();
    env.ready_user("bob", PW);
    let out = env.run_stdin(
        &["passwd", "bob", "--password-stdin", "--code-stdin"],
        &format!("{PW}\n123456\nFresh#pw77\n"),
    );
    assert_code(&out, 0);
    assert_code(&env.auth("bob", "Fresh#pw77"), 0);
}

#[test]
fn a_long_code_is_refused_without_being_echoed_or_counted() {
    let env = TestEnv::with_db();
    enrolled_alice(&env);
    let long = "q".repeat(70);
    let out = env.auth_code_at(NOW_UNIX, "alice", PW, &long);
    assert_code(&out, 65);
    assert!(!stderr(&out).contains(&long), "{}", stderr(&out));
    assert_eq!(env.failed_attempts("alice"), 0);
}

#[test]
fn two_fa_confirm_reads_the_code_alone_from_stdin() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let (_, secret) = env.enroll_json("alice");
    // No flag and no terminal: exit 2, saying how; still pending.
    let out = env.run(&["2fa", "confirm", "alice"]);
    assert_code(&out, 2);
    assert!(has(&stderr(&out), "--code-stdin"), "{}", stderr(&out));
    // An empty stdin: exit 65, still pending.
    let out = env.run_stdin(&["2fa", "confirm", "alice", "--code-stdin"], "");
    assert_code(&out, 65);
    assert_eq!(env.twofa_status("alice")["pending"], true);
    assert_eq!(env.twofa_status("alice")["enrolled"], false);
    let out = env.run_stdin(
        &["--json", "2fa", "confirm", "alice", "--code-stdin"],
        &format!("{}\n", totp_at(&secret, NOW_UNIX)),
    );
    assert_code(&out, 0);
    assert_eq!(
        parse_stdout(&out)["backup_codes"].as_array().map(Vec::len),
        Some(10)
    );
    assert_eq!(env.twofa_status("alice")["enrolled"], true);
}

#[test]
fn an_enrolled_operator_signs_in_with_a_code_file_or_stdin() {
    let env = TestEnv::with_org();
    let e = env.enrol("amy");
    let file = env.code_file("amy", &totp_step(&e.secret, 0));
    assert_code(&as_amy(&env, &file, &["user", "lock", "alice"], ""), 0);
    assert_eq!(env.user("alice")["status"], "locked");
    // `-` reads the code from stdin when nothing else does.
    let input = format!("{}\n", totp_step(&e.secret, 1));
    let out = as_amy(&env, Path::new("-"), &["user", "unlock", "alice"], &input);
    assert_code(&out, 0);
    assert_eq!(env.user("alice")["status"], "active");
}

#[test]
fn a_missing_code_file_is_a_usage_error_and_changes_nothing() {
    let env = TestEnv::with_org();
    env.enrol("amy");
    let before = env.snapshot();
    let head = env.audit_head_id();
    let missing = env.path().join("no-such.code");
    let out = as_amy(&env, &missing, &["user", "disable", "alice"], "");
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(
        has(&err, "--as-code-file") && has(&err, "no-such.code"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_head_id(), head);
}

#[test]
fn an_operator_file_on_stdin_next_to_another_stdin_input_is_refused() {
    let env = TestEnv::with_org();
    let e = env.enrol("amy");
    let before = env.snapshot();
    let input = format!("{}\nNew#user42\n", totp_step(&e.secret, 0));
    for stdin_path in ["-", "/dev/stdin"] {
        let add = ["user", "add", "dan", "--facility", "A", "--password-stdin"];
        let out = as_amy(&env, Path::new(stdin_path), &add, &input);
        assert_code(&out, 2);
        let err = stderr(&out);
        assert!(
            has(&err, "--as-code-file") && has(&err, "--password-stdin"),
            "{err}"
        );
        assert!(has(&err, "ambiguous"), "{err}");
    }
    // The password and the code both on stdin: refused too.
    let out = env.run_stdin(
        &[
            "--as",
            "amy",
            "--as-password-file",
            "-",
            "--as-code-file",
            "/dev/stdin",
            "user",
            "disable",
            "alice",
        ],
        &format!("{OP_PASSWORD}\n{}\n", totp_step(&e.secret, 0)),
    );
    assert_code(&out, 2);
    assert!(has(&stderr(&out), "--as-password-file"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn the_old_code_flags_are_rejected() {
    let env = TestEnv::with_db();
    let e = enrolled_alice(&env);
    let code = totp_step(&e.secret, 0);
    let input = format!("{PW}\n");
    let old = "unexpected argument";
    for (args, says) in [
        (
            vec!["auth", "alice", "--password-stdin", "--code", &code],
            old,
        ),
        (
            vec!["passwd", "alice", "--password-stdin", "--code", &code],
            old,
        ),
        (
            vec![
                "terms",
                "accept",
                "alice",
                "--password-stdin",
                "--code",
                &code,
            ],
            old,
        ),
        (
            vec![
                "questions",
                "set",
                "alice",
                "--password-stdin",
                "--code",
                &code,
            ],
            old,
        ),
        (vec!["2fa", "confirm", "alice", "--code", &code], old),
        (
            vec!["--as", "alice", "--as-code", &code, "user", "list"],
            old,
        ),
        // --code-stdin reads after the password, so it needs --password-stdin.
        (vec!["passwd", "alice", "--code-stdin"], "--password-stdin"),
    ] {
        let out = env.run_stdin(&args, &input);
        assert_code(&out, 2);
        assert!(has(&stderr(&out), says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(env.failed_attempts("alice"), 0);
}

// ---- on a terminal the code is asked, with or without the flag ----------------

type R = Result<(), Box<dyn std::error::Error>>;

#[test]
fn on_a_terminal_2fa_confirm_and_auth_ask_for_the_code() -> R {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let (_, secret) = env.enroll_json("alice");
    let mut p = spawn_pty(env.std_cmd(&["2fa", "confirm", "alice"]))?;
    p.exp_regex("(?i)code[^\r\n]*$")?;
    type_line(&mut p, &totp_at(&secret, NOW_UNIX))?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert_eq!(env.twofa_status("alice")["enrolled"], true);
    // `--code-stdin` typed at a terminal becomes the prompt, as the password does.
    let args = ["auth", "alice", "--password-stdin", "--code-stdin"];
    let mut auth = env.std_cmd(&args);
    auth.env("KEYWARD_NOW", now_plus(60));
    let mut p = spawn_pty(auth)?;
    p.exp_string("Password")?;
    type_line(&mut p, PW)?;
    p.exp_regex("(?i)code[^\r\n]*$")?;
    type_line(&mut p, &totp_at(&secret, NOW_UNIX + 60))?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    Ok(())
}
