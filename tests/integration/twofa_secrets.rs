//! Second-factor secrets stay secret: the TOTP secret never in an error,
//! backup codes never stored in clear (SPEC 1 and 6).

use crate::common::*;
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
        let confirm = |code: &str| {
            let args = with(&["2fa", "confirm", "bob", "--code-stdin"]);
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            env.run_stdin(&a, &format!("{code}\n"))
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
            confirm(&wrong_code(&pending, 0)),
            pending.clone(),
        ));
        runs.push((
            "skewed confirm",
            confirm(&totp_step(&pending, 4)),
            pending.clone(),
        ));
        runs.push(("malformed confirm", confirm("12x"), pending.clone()));
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
    sqlite_only!("the bytes of the database file");
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

// ---- deleted secrets do not linger (SPEC 10: secure_delete) ------------------------

/// Whether `needle` occurs anywhere in `hay`.
fn holds(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Fold the WAL into the database file, so the file alone holds every page.
fn checkpoint(env: &TestEnv) {
    env.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

/// `db backup` into a new file in the temp dir; returns its bytes.
#[track_caller]
fn backup_bytes(env: &TestEnv, name: &str) -> Vec<u8> {
    let file = env.path().join(name);
    let out = env.run(&["db", "backup", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 0);
    std::fs::read(&file).expect("read the backup")
}

#[test]
fn a_reset_secret_is_gone_from_the_database_file_and_from_a_backup() {
    sqlite_only!("the bytes of the database file");
    let env = TestEnv::with_db();
    env.ready_supervisor("alice", PW);
    env.enrol("alice");
    let stored = env
        .sql_scalar(
            "SELECT secret FROM twofa WHERE account_id = (SELECT id FROM account WHERE username = 'alice')",
        )
        .as_str()
        .expect("a stored secret")
        .to_owned();
    checkpoint(&env);
    let (db, _) = env.file_bytes();
    assert!(
        holds(&db, stored.as_bytes()),
        "the scan must see the secret while it is enrolled"
    );

    assert_code(&env.run(&["2fa", "reset", "alice", "--yes"]), 0);
    checkpoint(&env);
    let (db, wal) = env.file_bytes();
    assert!(
        !holds(&db, stored.as_bytes()),
        "the reset secret lingers in the database file"
    );
    assert!(
        !wal.is_some_and(|w| holds(&w, stored.as_bytes())),
        "the reset secret lingers in the WAL"
    );
    let backup = backup_bytes(&env, "after-reset.db");
    assert!(
        !holds(&backup, stored.as_bytes()),
        "the reset secret lingers in a backup"
    );
}

/// A file written before secure_delete (or by any other tool) may still hold
/// deleted rows in its free space; a backup must not copy them along.
#[test]
fn a_backup_carries_no_content_deleted_before_secure_delete_was_on() {
    sqlite_only!("SQLite's secure_delete");
    let env = TestEnv::with_db();
    // One marker stays in the row's cell of a table page; the other ends in
    // an overflow page, which the delete puts on the free list.
    let (head, tail) = ("STALEHEADQ7ZK4MXW", "STALETAILV3PN8RTY");
    let secret = format!("{head}{}{tail}", "A".repeat(20_000));
    env.exec(&format!(
        "PRAGMA secure_delete = OFF;
         INSERT INTO twofa (account_id, secret, enrolled_at)
             VALUES ((SELECT id FROM account WHERE username = 'root'), '{secret}', 1);
         DELETE FROM twofa;"
    ));
    checkpoint(&env);
    let (db, _) = env.file_bytes();
    assert!(holds(&db, head.as_bytes()) && holds(&db, tail.as_bytes()));
    assert!(
        env.sql_scalar("PRAGMA freelist_count").as_i64() > Some(0),
        "the overflow pages went to the free list"
    );

    let backup = backup_bytes(&env, "stale.db");
    for marker in [head, tail] {
        assert!(
            !holds(&backup, marker.as_bytes()),
            "{marker} was deleted but the backup carries it"
        );
    }
    let b = TestEnv::sqlite();
    let out = b.run(&[
        "--db",
        env.path().join("stale.db").to_str().expect("utf-8"),
        "db",
        "check",
    ]);
    assert_code(&out, 0);
}
