//! `keyward user import`: where generated passwords go (stdout or a new 0600
//! `--credentials-out` file), accounts migrated with an Argon2 hash, and the
//! `must_change` column (decisions, issue 6).

use crate::common::*;
use serde_json::Value;
use std::process::Stdio;

fn env_with_facilities() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env
}

// ---- --credentials-out --------------------------------------------------------

#[test]
fn credentials_out_writes_a_new_0600_file_and_stdout_carries_no_password() {
    let env = env_with_facilities();
    let path = env.path().join("creds.csv");
    let out = env.import(
        &format!("{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,,Bk#pass123\ncarol,,user,,\n"),
        &["--credentials-out", path.to_str().expect("utf-8 path")],
    );
    assert_code(&out, 0);
    assert_eq!(file_mode(&path), 0o600, "the credentials file is private");
    let text = std::fs::read_to_string(&path).expect("read the credentials file");
    let creds = parse_credentials(&text);
    let mut names: Vec<&str> = creds.iter().map(|(u, _)| u.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, vec!["alice", "carol"], "{text}");
    let printed = format!("{}{}", stdout(&out), stderr(&out));
    for (user, pw) in &creds {
        assert!(
            !printed.contains(pw.as_str()),
            "{user}'s password was printed"
        );
        let a = env.auth(user, pw);
        assert_code(&a, 5);
        assert_eq!(required_actions(&a), vec!["change_password"]);
    }
    assert!(
        !stdout(&out).contains("temporary_password"),
        "no credentials CSV on stdout: {}",
        stdout(&out)
    );
}

#[test]
fn credentials_out_with_json_names_the_file_instead_of_listing_passwords() {
    let env = env_with_facilities();
    let path = env.path().join("creds.csv");
    let out = env.import(
        &format!("{IMPORT_HEADER}\nalice,,user,DAL01,\n"),
        &[
            "--json",
            "--credentials-out",
            path.to_str().expect("utf-8 path"),
        ],
    );
    assert_code(&out, 0);
    let v = parse_stdout(&out);
    assert_eq!(v["created"], 1, "{v}");
    assert!(
        v.get("credentials").is_none_or(Value::is_null),
        "no `credentials` list when a file was used: {v}"
    );
    assert!(
        v.get("credentials_out").is_some_and(|c| !c.is_null()),
        "`credentials_out` instead: {v}"
    );
    let creds = parse_credentials(&std::fs::read_to_string(&path).expect("read the file"));
    assert_eq!(creds.len(), 1);
    assert!(!stdout(&out).contains(creds[0].1.as_str()), "{v}");
    assert_eq!(file_mode(&path), 0o600);
}

#[test]
fn credentials_out_refuses_an_existing_file_before_any_change() {
    let env = env_with_facilities();
    let path = env.write_file("creds.csv", b"keep me\n");
    let before = env.snapshot();
    let head = env.audit_head_id();
    for json in [false, true] {
        let mut args = vec!["--credentials-out", path.to_str().expect("utf-8 path")];
        if json {
            args.push("--json");
        }
        let out = env.import(
            &format!("{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,,\n"),
            &args,
        );
        assert_code(&out, 8);
        assert!(out.stdout.is_empty(), "{}", stdout(&out));
        if json {
            assert_eq!(parse_error(&out)["error"]["code"], 8);
        }
    }
    assert_eq!(std::fs::read(&path).expect("read"), b"keep me\n");
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_head_id(), head);
    assert_eq!(env.count_accounts("alice"), 0);
}

#[test]
fn a_credentials_file_is_not_created_when_the_import_is_rejected() {
    let env = env_with_facilities();
    let path = env.path().join("creds.csv");
    let out = env.import(
        &format!("{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,wizard,,\n"),
        &["--credentials-out", path.to_str().expect("utf-8 path")],
    );
    assert_code(&out, 65);
    assert!(
        !path.exists(),
        "a rejected import leaves no credentials file"
    );
}

#[test]
fn generated_passwords_that_stdout_cannot_take_fail_the_command_naming_reset_password() {
    let env = env_with_facilities();
    let file = env.csv_file(&format!("{IMPORT_HEADER}\nalice,,user,DAL01,\n"));
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    let out = env
        .std_cmd(&["user", "import", file.to_str().expect("utf-8 path")])
        .stdin(Stdio::null())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("run keyward");
    assert_code(&out, 1);
    assert!(
        stderr(&out).contains("reset-password"),
        "names `user reset-password`: {}",
        stderr(&out)
    );
    // The accounts were committed before stdout failed.
    assert_eq!(env.count_accounts("alice"), 1);
}

// ---- migrated hashes ------------------------------------------------------------

#[test]
fn a_migrated_hash_signs_in_with_the_original_password_without_a_forced_change() {
    let env = env_with_facilities();
    let hash = argon2id_hash("Mig#rate42");
    let v = env.import_json(
        &format!(
            "{IMPORT_HEADER},password_hash,must_change\n\
             mig1,,user,DAL01,,\"{hash}\",\n\
             mig2,,user,DAL01,,\"{hash}\",true\n"
        ),
        &[],
    );
    assert_eq!(v["created"], 2, "{v}");
    assert!(
        v["credentials"].as_array().is_none_or(Vec::is_empty),
        "nothing generated for a migrated hash: {v}"
    );
    let mig1 = env.user("mig1");
    assert_eq!(mig1["must_change_password"], false, "its owner chose it");
    let flag = env.sql_scalar("SELECT terms_pending FROM account WHERE username = 'mig1'");
    assert_eq!(
        flag, 1,
        "a new account accepts the terms once some are published"
    );
    assert_eq!(env.user("mig2")["must_change_password"], true);

    assert_code(&env.auth("mig1", "Mig#rate42"), 0);
    let a = env.auth("mig2", "Mig#rate42");
    assert_code(&a, 5);
    assert_eq!(required_actions(&a), vec!["change_password"]);
    assert_code(&env.auth("mig1", "Mig#rate43"), 3);
}

#[test]
fn a_migrated_account_must_accept_published_terms() {
    let env = env_with_facilities();
    env.publish_terms("Be kind.\n");
    let hash = argon2id_hash("Mig#rate42");
    env.import_json(
        &format!("{IMPORT_HEADER},password_hash\nmig1,,user,,,\"{hash}\"\n"),
        &[],
    );
    let a = env.auth("mig1", "Mig#rate42");
    assert_code(&a, 5);
    assert_eq!(required_actions(&a), vec!["accept_terms"]);
}

#[test]
fn argon2i_argon2d_and_version_16_hashes_are_accepted_and_verify() {
    use argon2::{Algorithm, Version};
    let env = env_with_facilities();
    let cases = [
        (
            "mig.i",
            phc_hash(Algorithm::Argon2i, Version::V0x13, "Mig#rate42"),
        ),
        (
            "mig.d",
            phc_hash(Algorithm::Argon2d, Version::V0x13, "Mig#rate42"),
        ),
        (
            "mig.v16",
            phc_hash(Algorithm::Argon2id, Version::V0x10, "Mig#rate42"),
        ),
    ];
    let mut csv = format!("{IMPORT_HEADER},password_hash\n");
    for (user, hash) in &cases {
        csv.push_str(&format!("{user},,user,,,\"{hash}\"\n"));
    }
    let v = env.import_json(&csv, &[]);
    assert_eq!(v["created"], 3, "{v}");
    for (user, _) in &cases {
        let a = env.auth(user, "Mig#rate42");
        assert_code(&a, 0);
    }
    assert_code(&env.auth("mig.i", "Mig#rate24"), 3);
}

/// A PHC string without `v=` is Argon2 version 0x10, as the reference
/// implementation and argon2-cffi read it (SPEC 10). Such a hash computed
/// as version 0x13 matches nothing, so the account could never sign in.
#[test]
fn a_hash_without_a_version_is_read_as_version_16_and_signs_in() {
    use argon2::{Algorithm, Version};
    let env = env_with_facilities();
    let v16 = phc_hash(Algorithm::Argon2id, Version::V0x10, "Mig#rate42");
    let bare = v16.replacen("$v=16$", "$", 1);
    assert_ne!(bare, v16, "the version segment was removed: {v16}");
    assert!(bare.starts_with("$argon2id$m=19456,t=2,p=1$"), "{bare}");
    let v = env.import_json(
        &format!("{IMPORT_HEADER},password_hash\nold.sys,,user,,,\"{bare}\"\n"),
        &[],
    );
    assert_eq!(v["created"], 1, "{v}");
    assert_code(&env.auth("old.sys", "Mig#rate42"), 0);
    assert_code(&env.auth("old.sys", "Mig#rate24"), 3);
}

#[test]
fn a_hash_whose_password_nobody_knows_is_imported_but_nothing_signs_in_with_it() {
    let env = env_with_facilities();
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    let out = env.import(
        &format!("{IMPORT_HEADER},password_hash\nghost,,user,,,\"{hash}\"\n"),
        &[],
    );
    assert_code(&out, 0);
    assert!(out.stdout.is_empty(), "nothing generated: {}", stdout(&out));
    assert!(!stderr(&out).contains(hash));
    assert_code(&env.auth("ghost", "Mig#rate42"), 3);
    assert_eq!(env.failed_attempts("ghost"), 1);
}

// ---- must_change ----------------------------------------------------------------------

#[test]
fn must_change_accepts_true_false_yes_no_1_0_and_empty() {
    let env = env_with_facilities();
    let cases = [
        ("mc.true", "true", true),
        ("mc.false", "false", false),
        ("mc.yes", "yes", true),
        ("mc.no", "no", false),
        ("mc.one", "1", true),
        ("mc.zero", "0", false),
        ("mc.empty", "", true),
    ];
    let mut csv = format!("{IMPORT_HEADER},must_change\n");
    for (user, flag, _) in &cases {
        csv.push_str(&format!("{user},,user,,Given#pw42,{flag}\n"));
    }
    let v = env.import_json(&csv, &[]);
    assert_eq!(v["created"], cases.len(), "{v}");
    for (user, flag, want) in &cases {
        assert_eq!(
            env.user(user)["must_change_password"],
            *want,
            "{user}: must_change={flag:?}"
        );
    }
    // must_change=false with a given password: it signs in with nothing pending.
    assert_code(&env.auth("mc.false", "Given#pw42"), 0);
}

#[test]
fn must_change_true_with_a_generated_password_is_fine() {
    let env = env_with_facilities();
    let v = env.import_json(
        &format!("{IMPORT_HEADER},must_change\ngen1,,user,,,true\ngen2,,user,,,\n"),
        &[],
    );
    assert_eq!(v["created"], 2, "{v}");
    assert_eq!(v["credentials"].as_array().map(Vec::len), Some(2), "{v}");
    assert_eq!(env.user("gen1")["must_change_password"], true);
    assert_eq!(env.user("gen2")["must_change_password"], true);
}

// ---- stdout (SPEC 10) -------------------------------------------------------------

/// `keyward ARGS` with stdout going to `out`; stderr captured.
fn run_with_stdout(env: &TestEnv, args: &[&str], out: std::fs::File) -> std::process::Output {
    env.std_cmd(args)
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::piped())
        .output()
        .expect("run keyward")
}

#[test]
fn a_credentials_csv_redirected_to_a_file_others_can_read_is_made_0600_first() {
    use std::os::unix::fs::PermissionsExt;
    let env = env_with_facilities();
    let file = env.csv_file(&format!("{IMPORT_HEADER}\nalice,,user,DAL01,\n"));
    let creds = env.write_file("creds.csv", b"");
    std::fs::set_permissions(&creds, std::fs::Permissions::from_mode(0o644)).expect("chmod 0644");
    let out = run_with_stdout(
        &env,
        &["user", "import", file.to_str().expect("utf-8 path")],
        std::fs::File::create(&creds).expect("open creds.csv"),
    );
    assert_code(&out, 0);
    assert_eq!(file_mode(&creds), 0o600, "`> creds.csv` is made private");
    let pairs = parse_credentials(&std::fs::read_to_string(&creds).expect("read creds.csv"));
    assert_eq!(pairs.len(), 1);
    assert_code(&env.auth(&pairs[0].0, &pairs[0].1), 5);

    // Nothing secret generated: a file on stdout is left as it is.
    let hash = argon2id_hash("Mig#rate42");
    let file = env.csv_file(&format!(
        "{IMPORT_HEADER},password_hash\nmig1,,user,,,\"{hash}\"\n"
    ));
    let log = env.write_file("log.txt", b"");
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o644)).expect("chmod 0644");
    let out = run_with_stdout(
        &env,
        &["user", "import", file.to_str().expect("utf-8 path")],
        std::fs::File::create(&log).expect("open log.txt"),
    );
    assert_code(&out, 0);
    assert_eq!(file_mode(&log), 0o644);
}

/// `keyward ARGS` run by `sh` with stdout closed (`>&-`), as a shell user would.
fn run_with_closed_stdout(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let mut sh = crate::common::via_sh(&env.std_cmd(args), "exec \"$0\" \"$@\" >&-");
    sh.current_dir(env.path())
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run sh")
}

#[test]
fn a_closed_stdout_refuses_an_import_that_generates_passwords_before_any_change() {
    let env = env_with_facilities();
    let file = env.csv_file(&format!(
        "{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,,\n"
    ));
    let before = env.snapshot();
    for json in [false, true] {
        let mut args = vec!["user", "import", file.to_str().expect("utf-8 path")];
        if json {
            args.insert(0, "--json");
        }
        let out = run_with_closed_stdout(&env, &args);
        assert_code(&out, 1);
        let err = stderr(&out);
        assert!(
            err.contains("stdout is closed") && err.contains("--credentials-out"),
            "says the passwords would be lost and how to keep them: {err}"
        );
        assert_eq!(env.snapshot(), before, "nothing was written");
        assert_eq!(env.count_accounts("alice"), 0);
        assert_eq!(env.audit_count("user.import"), 0);
    }
    // A write-only `> /dev/null` is the caller's choice, as for `user add`:
    // the import runs (the accounts get passwords nobody saw).
    let null = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/null")
        .expect("open /dev/null");
    let out = run_with_stdout(
        &env,
        &["user", "import", file.to_str().expect("utf-8 path")],
        null,
    );
    assert_code(&out, 0);
    assert_eq!(env.count_accounts("alice"), 1);
    // Nothing generated: a closed stdout loses nothing.
    let hash = argon2id_hash("Mig#rate42");
    let migrated = env.csv_file(&format!(
        "{IMPORT_HEADER},password_hash\nmig1,,user,,,\"{hash}\"\n"
    ));
    let out = run_with_closed_stdout(
        &env,
        &["user", "import", migrated.to_str().expect("utf-8 path")],
    );
    assert_code(&out, 0);
    assert_eq!(env.count_accounts("mig1"), 1);
}
