//! Passwords: how they are hashed and stored, generated, and checked
//! against the policy.

use crate::common::*;

fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every byte keyward left on disk for this database (file, -wal, -shm).
fn all_db_bytes(env: &TestEnv) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let p = env.db_path().with_file_name(format!("keyward.db{suffix}"));
        if let Ok(b) = std::fs::read(&p) {
            out.push((p.display().to_string(), b));
        }
    }
    out
}

#[track_caller]
fn assert_not_on_disk(env: &TestEnv, secret: &str) {
    for (path, bytes) in all_db_bytes(env) {
        assert!(
            !contains_bytes(&bytes, secret.as_bytes()),
            "{secret:?} found in clear in {path}"
        );
    }
}

// ---- hashing ---------------------------------------------------------------

#[test]
fn stored_hash_is_argon2id_phc_that_verifies() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let hash = env.password_hash("alice");
    assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
    if let Err(e) = check_argon2id(&hash, "Zebra#Quill7") {
        panic!("{e}");
    }
    assert!(
        check_argon2id(&hash, "Zebra#Quill8").is_err(),
        "wrong password verified"
    );
}

#[test]
fn temporary_password_hash_verifies() {
    let env = TestEnv::with_db();
    let pw = env.add_user("alice", "user", &[]);
    if let Err(e) = check_argon2id(&env.password_hash("alice"), &pw) {
        panic!("{e}");
    }
}

#[test]
fn same_password_gets_different_salts() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    env.add_user_with_password("bob", "user", &[], "Zebra#Quill7");
    assert_ne!(env.password_hash("alice"), env.password_hash("bob"));
}

#[test]
fn no_password_in_clear_in_database_files() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let temp = env.add_user("bob", "user", &[]);
    let reset = env.json(&["user", "reset-password", "bob"])["temporary_password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_not_on_disk(&env, ROOT_PASSWORD);
    assert_not_on_disk(&env, "Zebra#Quill7");
    assert_not_on_disk(&env, "Quill7");
    assert_not_on_disk(&env, &temp);
    assert_not_on_disk(&env, &reset);
}

#[test]
fn no_password_in_clear_in_wal_while_another_connection_is_open() {
    sqlite_only!("the SQLite WAL file");
    // Keep a reader open so that the -wal file is not checkpointed away.
    let env = TestEnv::with_db();
    let reader = env.conn();
    let _: i64 = reader
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("read");
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let temp = env.add_user("bob", "user", &[]);
    assert_not_on_disk(&env, "Zebra#Quill7");
    assert_not_on_disk(&env, &temp);
    drop(reader);
}

// ---- password input --------------------------------------------------------

#[test]
fn password_over_1024_bytes_exits_65_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.set_policy(&["max-length=128"]);
    let long = format!("Aa1#{}", "x".repeat(1100));
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["user", "add", "alice", "--password-stdin"],
        &format!("{long}\n"),
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);

    env.add_user("bob", "user", &[]);
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["user", "reset-password", "bob", "--password-stdin"],
        &format!("{long}\n"),
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn password_over_1024_bytes_at_init_creates_nothing() {
    let env = TestEnv::new();
    let long = format!("Aa1#{}", "x".repeat(1100));
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{long}\n"),
    );
    assert_code(&out, 65);
    assert!(!env.db_path().exists());
}

#[test]
fn empty_password_on_stdin_exits_65() {
    let env = TestEnv::with_db();
    let snap = env.snapshot();
    for input in ["\n", "", "\r\n"] {
        let out = env.run_stdin(&["user", "add", "alice", "--password-stdin"], input);
        assert_code(&out, 65);
        assert_eq!(env.snapshot(), snap, "{input:?}");
    }
}

#[test]
fn trailing_crlf_is_not_part_of_the_password() {
    let env = TestEnv::with_db();
    let out = env.run_stdin(
        &["user", "add", "alice", "--password-stdin"],
        "Zebra#Quill7\r\n",
    );
    assert_code(&out, 0);
    if let Err(e) = check_argon2id(&env.password_hash("alice"), "Zebra#Quill7") {
        panic!("{e}");
    }
}

/// pam_exec (expose_authtok) sends the password NUL-terminated on some
/// Linux-PAM versions: the NUL is not part of it, and the right password
/// must neither fail nor count toward the lockout.
#[test]
fn one_trailing_nul_is_not_part_of_the_password() {
    let env = TestEnv::with_db();
    env.ready_user("alice", "Zebra#Quill7");
    for input in ["Zebra#Quill7\0", "Zebra#Quill7\0\n", "Zebra#Quill7\n"] {
        let out = env.run_stdin(&["--json", "auth", "alice", "--password-stdin"], input);
        assert_code(&out, 0);
    }
    assert_eq!(env.user("alice")["failed_attempts"], 0);
    // Only one: a second NUL is part of the password, which is then wrong.
    let out = env.run_stdin(
        &["--json", "auth", "alice", "--password-stdin"],
        "Zebra#Quill7\0\0",
    );
    assert_code(&out, 3);
}

#[test]
fn password_without_trailing_newline_is_accepted() {
    let env = TestEnv::with_db();
    let out = env.run_stdin(
        &["user", "add", "alice", "--password-stdin"],
        "Zebra#Quill7",
    );
    assert_code(&out, 0);
    if let Err(e) = check_argon2id(&env.password_hash("alice"), "Zebra#Quill7") {
        panic!("{e}");
    }
}

#[test]
fn password_with_control_character_exits_65() {
    let env = TestEnv::with_db();
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["user", "add", "alice", "--password-stdin"],
        "Zebra#\tQuil7\n",
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn password_may_contain_spaces_and_unicode() {
    let env = TestEnv::with_db();
    let pw = "Zé bra#Qu7";
    env.add_user_with_password("alice", "user", &[], pw);
    if let Err(e) = check_argon2id(&env.password_hash("alice"), pw) {
        panic!("{e}");
    }
}

#[test]
fn length_is_counted_in_characters_not_bytes() {
    let env = TestEnv::with_db();
    // 10 characters, 16 bytes: within max-length 12.
    let pw = "ÄÖÜäöü#7ab";
    assert_eq!(pw.chars().count(), 10);
    assert!(pw.len() > 12);
    let out = env.run_stdin(
        &["user", "add", "alice", "--password-stdin"],
        &format!("{pw}\n"),
    );
    assert_code(&out, 0);
    // 5 characters, 6 bytes: below min-length 6.
    let short = "ab#7é";
    assert_eq!(short.chars().count(), 5);
    assert_eq!(short.len(), 6);
    let out = env.run_stdin(
        &["user", "add", "bob", "--password-stdin"],
        &format!("{short}\n"),
    );
    assert_code(&out, 65);
}

// ---- policy rules ----------------------------------------------------------

#[test]
fn every_failed_rule_is_reported_at_once() {
    let env = TestEnv::with_db();
    let snap = env.snapshot();
    let out = env.run_stdin(&["user", "add", "alice", "--password-stdin"], "abc\n");
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
    let err = stderr(&out);
    assert!(has(&err, "digit"), "no digit rule in: {err}");
    assert!(has(&err, "special"), "no special rule in: {err}");
    assert!(err.contains('6'), "no length rule (6) in: {err}");
}

#[test]
fn every_failed_rule_including_letter_is_reported() {
    let env = TestEnv::with_db();
    let out = env.run_stdin(&["user", "add", "alice", "--password-stdin"], "~~\n");
    assert_code(&out, 65);
    let err = stderr(&out);
    for word in ["letter", "digit", "special", "6"] {
        assert!(has(&err, word), "{word:?} missing from: {err}");
    }
}

#[test]
fn too_long_password_names_the_maximum() {
    let env = TestEnv::with_db();
    let out = env.run_stdin(
        &["user", "add", "alice", "--password-stdin"],
        "Zebra#Quill7xyz\n",
    );
    assert_code(&out, 65);
    assert!(stderr(&out).contains("12"), "stderr: {}", stderr(&out));
}

#[test]
fn policy_errors_with_json_are_one_error_document() {
    let env = TestEnv::with_db();
    let out = env.run_stdin(
        &["--json", "user", "add", "alice", "--password-stdin"],
        "abc\n",
    );
    assert_code(&out, 65);
    let e = parse_error(&out);
    assert_eq!(e["error"]["code"], 65);
    let msg = e["error"]["message"].as_str().unwrap_or_default();
    assert!(has(msg, "digit") && has(msg, "special"), "{msg}");
}

#[test]
fn password_containing_the_username_is_refused() {
    let env = TestEnv::with_db();
    let snap = env.snapshot();
    let out = env.run_stdin(&["user", "add", "alice", "--password-stdin"], "xALICE#12\n");
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
    assert!(has(&stderr(&out), "username"), "stderr: {}", stderr(&out));
}

#[test]
fn password_containing_the_username_is_allowed_when_rule_is_off() {
    let env = TestEnv::with_db();
    env.set_policy(&["reject-username=false"]);
    let out = env.run_stdin(&["user", "add", "alice", "--password-stdin"], "xALICE#12\n");
    assert_code(&out, 0);
}

#[test]
fn reset_to_the_current_password_is_refused_by_history() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["user", "reset-password", "alice", "--password-stdin"],
        "Zebra#Quill7\n",
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
    let err = stderr(&out);
    assert!(
        has(&err, "recent") || has(&err, "history") || has(&err, "used") || has(&err, "previous"),
        "stderr: {err}"
    );
}

#[test]
fn reset_to_an_earlier_password_is_refused_by_history() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    env.json_stdin(
        &["user", "reset-password", "alice", "--password-stdin"],
        "Other#Pass8\n",
    );
    let out = env.run_stdin(
        &["user", "reset-password", "alice", "--password-stdin"],
        "Zebra#Quill7\n",
    );
    assert_code(&out, 65);
}

#[test]
fn history_counts_the_current_password_and_the_ones_before() {
    let env = TestEnv::with_db();
    env.set_policy(&["history=2"]);
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let reset = |pw: &str| {
        env.run_stdin(
            &["user", "reset-password", "alice", "--password-stdin"],
            &format!("{pw}\n"),
        )
    };
    assert_code(&reset("Other#Pass8"), 0);
    // Last two: Other#Pass8 (current), Zebra#Quill7.
    assert_code(&reset("Zebra#Quill7"), 65);
    assert_code(&reset("Third#Pass9"), 0);
    // Last two: Third#Pass9, Other#Pass8: the first one is free again.
    assert_code(&reset("Zebra#Quill7"), 0);
}

#[test]
fn history_one_refuses_only_the_current_password() {
    let env = TestEnv::with_db();
    env.set_policy(&["history=1"]);
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let reset = |pw: &str| {
        env.run_stdin(
            &["user", "reset-password", "alice", "--password-stdin"],
            &format!("{pw}\n"),
        )
    };
    assert_code(&reset("Zebra#Quill7"), 65);
    assert_code(&reset("Other#Pass8"), 0);
    assert_code(&reset("Zebra#Quill7"), 0);
}

#[test]
fn history_zero_allows_reusing_the_password() {
    let env = TestEnv::with_db();
    env.set_policy(&["history=0"]);
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let out = env.run_stdin(
        &["user", "reset-password", "alice", "--password-stdin"],
        "Zebra#Quill7\n",
    );
    assert_code(&out, 0);
}

#[test]
fn reset_with_policy_breaking_password_exits_65_and_changes_nothing() {
    let env = TestEnv::with_db();
    env.add_user_with_password("alice", "user", &[], "Zebra#Quill7");
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["user", "reset-password", "alice", "--password-stdin"],
        "abc\n",
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), snap);
}

// ---- generated passwords ---------------------------------------------------

#[test]
fn temporary_passwords_satisfy_the_default_policy() {
    let env = TestEnv::with_db();
    for i in 0..6 {
        let pw = env.add_user(&format!("user{i}"), "user", &[]);
        if let Err(e) = satisfies_policy(&pw, 6, 12, DEFAULT_SPECIALS) {
            panic!("user add: {e}");
        }
    }
    for _ in 0..6 {
        let v = env.json(&["user", "reset-password", "user0"]);
        let pw = v["temporary_password"].as_str().unwrap_or_default();
        if let Err(e) = satisfies_policy(pw, 6, 12, DEFAULT_SPECIALS) {
            panic!("reset-password: {e}");
        }
    }
}

#[test]
fn temporary_passwords_follow_a_changed_policy() {
    let env = TestEnv::with_db();
    env.set_policy(&["min-length=10", "max-length=20"]);
    for i in 0..6 {
        let pw = env.add_user(&format!("user{i}"), "user", &[]);
        if let Err(e) = satisfies_policy(&pw, 10, 20, DEFAULT_SPECIALS) {
            panic!("{e}");
        }
    }
}

#[test]
fn temporary_passwords_use_the_policy_special_chars() {
    let env = TestEnv::with_db();
    env.set_policy(&["special-chars=+~"]);
    for i in 0..5 {
        let pw = env.add_user(&format!("user{i}"), "user", &[]);
        if let Err(e) = satisfies_policy(&pw, 6, 12, "+~") {
            panic!("{e}");
        }
    }
}

#[test]
fn temporary_passwords_fit_a_tight_policy() {
    let env = TestEnv::with_db();
    env.set_policy(&["min-length=3", "max-length=3"]);
    for i in 0..4 {
        let pw = env.add_user(&format!("user{i}"), "user", &[]);
        if let Err(e) = satisfies_policy(&pw, 3, 3, DEFAULT_SPECIALS) {
            panic!("{e}");
        }
    }
}

#[test]
fn temporary_passwords_reach_a_large_minimum() {
    let env = TestEnv::with_db();
    env.set_policy(&["max-length=128", "min-length=128"]);
    let pw = env.add_user("alice", "user", &[]);
    if let Err(e) = satisfies_policy(&pw, 128, 128, DEFAULT_SPECIALS) {
        panic!("{e}");
    }
    if let Err(e) = check_argon2id(&env.password_hash("alice"), &pw) {
        panic!("{e}");
    }
}

#[test]
fn temporary_passwords_do_not_contain_the_username() {
    let env = TestEnv::with_db();
    for i in 0..4 {
        let name = format!("ab{i}");
        let pw = env.add_user(&name, "user", &[]);
        assert!(!has(&pw, &name), "{pw:?} contains {name:?}");
    }
}

#[test]
fn temporary_passwords_differ() {
    let env = TestEnv::with_db();
    let a = env.add_user("alice", "user", &[]);
    let b = env.add_user("bob", "user", &[]);
    assert_ne!(a, b);
}

#[test]
fn temporary_password_is_shown_in_human_output() {
    let env = TestEnv::with_db();
    let out = env.run(&["user", "add", "alice"]);
    assert_code(&out, 0);
    let hash = env.password_hash("alice");
    let text = stdout(&out);
    let found: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '`' || c == '|')
        .filter(|w| (6..=40).contains(&w.len()))
        .filter(|w| check_argon2id(&hash, w).is_ok())
        .collect();
    assert_eq!(
        found.len(),
        1,
        "temporary password not shown exactly once:\n{text}"
    );
    assert!(
        !stderr(&out).contains(found[0]),
        "password leaked to stderr"
    );
}
