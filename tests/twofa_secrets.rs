//! Second-factor secrets stay secret: the TOTP secret never in an error,
//! backup codes never stored in clear (SPEC 1 and 6).

mod common;

use common::*;
use std::process::Output;

const PW: &str = "Start#pw1";

/// The forms a secret could take in a message: plain, lower case, grouped by four.
fn forms(secret: &str) -> Vec<String> {
    let grouped: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    vec![
        secret.to_owned(),
        secret.to_lowercase(),
        grouped.join(" "),
        grouped.join("-"),
    ]
}

#[track_caller]
fn assert_no_secret(what: &str, out: &Output, secret: &str) {
    assert_ne!(code(out), 0, "{what} was expected to fail");
    let err = stderr(out);
    let outp = stdout(out);
    for f in forms(secret) {
        assert!(!err.contains(&f), "{what}: secret in stderr: {err}");
        assert!(!outp.contains(&f), "{what}: secret in stdout: {outp}");
    }
}

#[test]
fn the_totp_secret_never_appears_in_a_failing_command() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.ready_supervisor("bob", "Other#pw2");
    let e = env.enrol("alice");
    let (_, pending) = env.enroll_json("bob");

    let mut runs: Vec<(&str, Output, String)> = Vec::new();
    for json in [false, true] {
        let j: &[&str] = if json { &["--json"] } else { &[] };
        let with = |args: &[&str]| -> Vec<String> {
            j.iter()
                .chain(args.iter())
                .map(|s| (*s).to_owned())
                .collect()
        };
        let run = |args: Vec<String>| {
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            env.run(&a)
        };
        // Enrolled already.
        runs.push((
            "enroll again",
            run(with(&["2fa", "enroll", "alice"])),
            e.secret.clone(),
        ));
        // Wrong and skewed confirmations of a pending enrolment.
        runs.push((
            "wrong confirm",
            run(with(&[
                "2fa",
                "confirm",
                "bob",
                "--code",
                &wrong_code(&pending, 0),
            ])),
            pending.clone(),
        ));
        runs.push((
            "skewed confirm",
            run(with(&[
                "2fa",
                "confirm",
                "bob",
                "--code",
                &totp_step(&pending, 4),
            ])),
            pending.clone(),
        ));
        runs.push((
            "malformed confirm",
            run(with(&["2fa", "confirm", "bob", "--code", "12x"])),
            pending.clone(),
        ));
        // Reset without --yes and no terminal.
        runs.push((
            "reset without yes",
            run(with(&["2fa", "reset", "alice"])),
            e.secret.clone(),
        ));
    }
    // Sign-in failures: wrong code, skewed code, replay.
    let skewed = env.auth_code_at(NOW_UNIX, "alice", PW, &totp_step(&e.secret, 4));
    runs.push(("skewed auth", skewed, e.secret.clone()));
    let ok = env.auth_code_at(NOW_UNIX, "alice", PW, &totp_step(&e.secret, 0));
    assert_code(&ok, 0);
    let replay = env.auth_code_at(NOW_UNIX, "alice", PW, &totp_step(&e.secret, 0));
    runs.push(("replayed auth", replay, e.secret.clone()));

    for (what, out, secret) in &runs {
        assert_no_secret(what, out, secret);
    }
}

#[test]
fn status_never_shows_the_secret() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let e = env.enrol("alice");
    for args in [
        vec!["2fa", "status", "alice"],
        vec!["--json", "2fa", "status", "alice"],
        vec!["--json", "user", "show", "alice"],
        vec!["user", "show", "alice"],
        vec!["--json", "user", "export"],
    ] {
        let out = env.run(&args);
        for f in forms(&e.secret) {
            assert!(!stdout(&out).contains(&f), "{args:?}: {}", stdout(&out));
            assert!(!stderr(&out).contains(&f), "{args:?}: {}", stderr(&out));
        }
    }
}

#[test]
fn backup_codes_are_not_stored_in_clear() {
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    let hashes_before = env.snapshot().matches("$argon2id$").count();
    let e = env.enrol("alice");
    let regenerated = env.json(&["2fa", "backup-codes", "alice", "--regenerate"]);
    let mut all = e.backup_codes.clone();
    all.extend(
        regenerated["backup_codes"]
            .as_array()
            .expect("backup_codes")
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_owned()),
    );
    assert_eq!(all.len(), 20);

    let (db, wal) = env.file_bytes();
    let haystacks: Vec<(&str, Vec<u8>)> = [("db", Some(db)), ("wal", wal)]
        .into_iter()
        .filter_map(|(n, b)| b.map(|b| (n, b)))
        .collect();
    for code in &all {
        let plain = code.replace('-', "");
        for form in [
            code.clone(),
            plain.clone(),
            code.to_uppercase(),
            plain.to_uppercase(),
        ] {
            for (name, bytes) in &haystacks {
                assert!(
                    !bytes.windows(form.len()).any(|w| w == form.as_bytes()),
                    "backup code {form} in clear in the {name} file"
                );
            }
        }
    }
    // Stored as Argon2id hashes instead: ten of them now.
    let hashes_after = env.snapshot().matches("$argon2id$").count();
    assert!(
        hashes_after >= hashes_before + 10,
        "{hashes_before} Argon2id hashes before, {hashes_after} after"
    );
}
