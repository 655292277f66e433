//! `keyward init`: the database and its first support account.

use crate::common::*;
use serde_json::json;

#[test]
fn init_creates_a_support_account_without_pending_actions() {
    let env = TestEnv::with_db();
    let u = env.user("root");
    assert_account(&u);
    assert_eq!(u["username"], "root");
    assert_eq!(u["role"], "support");
    assert_eq!(u["status"], "active");
    assert_eq!(u["must_change_password"], false);
    assert_eq!(u["terms_pending"], false);
    assert_eq!(u["failed_attempts"], 0);
    assert_eq!(u["twofa_enrolled"], false);
    assert_eq!(u["facilities"], json!([]));
}

#[test]
fn init_account_timestamps_use_the_clock() {
    let env = TestEnv::with_db();
    let u = env.user("root");
    assert_eq!(u["created_at"], NOW);
    assert!(u["last_sign_in_at"].is_null(), "{u}");
}

#[test]
fn init_json_reports_database_username_and_role() {
    let env = TestEnv::new();
    let v = env.json_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_eq!(v["username"], "root");
    assert_eq!(v["role"], "support");
    assert!(v["database"].is_string(), "{v}");
    assert!(
        v.get("temporary_password").is_none() || v["temporary_password"].is_null(),
        "a chosen password must not be echoed: {v}"
    );
}

#[test]
fn init_stores_the_chosen_password() {
    let env = TestEnv::with_db();
    let hash = env.password_hash("root");
    if let Err(e) = check_argon2id(&hash, ROOT_PASSWORD) {
        panic!("{e}");
    }
}

#[test]
fn init_lowercases_the_admin_name() {
    let env = TestEnv::new();
    let v = env.json_stdin(
        &["init", "--admin", "Root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_eq!(v["username"], "root");
    assert_eq!(env.usernames(), vec!["root"]);
}

#[test]
fn init_without_tty_or_stdin_flag_generates_a_password() {
    let env = TestEnv::new();
    let v = env.json(&["init", "--admin", "root"]);
    let pw = v["temporary_password"]
        .as_str()
        .unwrap_or_else(|| panic!("no temporary_password: {v}"))
        .to_owned();
    let hash = env.password_hash("root");
    if let Err(e) = check_argon2id(&hash, &pw) {
        panic!("{e}");
    }
    let u = env.user("root");
    assert_eq!(u["role"], "support");
}

#[test]
fn init_generated_password_satisfies_default_policy() {
    let env = TestEnv::new();
    let v = env.json(&["init", "--admin", "root"]);
    let pw = v["temporary_password"].as_str().unwrap_or_default();
    // "a strong password": at least the policy's classes and no look-alikes;
    // length may exceed nothing the policy forbids.
    if let Err(e) = satisfies_policy(pw, 6, 12, DEFAULT_SPECIALS) {
        panic!("{e}");
    }
}

#[test]
fn init_human_output_shows_generated_password_once() {
    let env = TestEnv::new();
    let out = env.run(&["init", "--admin", "root"]);
    assert_code(&out, 0);
    // Find the password by verifying candidate words of stdout against the hash.
    let hash = env.password_hash("root");
    let text = stdout(&out);
    let found = text
        .split(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '`')
        .filter(|w| (6..=40).contains(&w.len()))
        .any(|w| check_argon2id(&hash, w).is_ok());
    assert!(found, "generated password not on stdout:\n{text}");
}

#[test]
fn init_with_bad_username_exits_65_and_creates_no_database() {
    for name in ["ab", "-root", "ro:ot", "root admin"] {
        let env = TestEnv::new();
        let admin = format!("--admin={name}");
        let out = env.run_stdin(
            &["init", &admin, "--password-stdin"],
            &format!("{ROOT_PASSWORD}\n"),
        );
        assert_code(&out, 65);
        assert!(!env.db_path().exists(), "{name:?}: database created");
    }
}

#[test]
fn init_with_policy_breaking_password_exits_65_and_creates_no_database() {
    let env = TestEnv::new();
    let out = env.run_stdin(&["init", "--admin", "root", "--password-stdin"], "abc\n");
    assert_code(&out, 65);
    assert!(!env.db_path().exists());
}

#[test]
fn init_password_may_not_contain_the_username() {
    let env = TestEnv::new();
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        "Root#pass9\n",
    );
    assert_code(&out, 65);
    assert!(!env.db_path().exists());
    assert!(has(&stderr(&out), "username"), "stderr: {}", stderr(&out));
}

#[test]
fn init_with_empty_password_exits_65() {
    let env = TestEnv::new();
    let out = env.run_stdin(&["init", "--admin", "root", "--password-stdin"], "\n");
    assert_code(&out, 65);
    assert!(!env.db_path().exists());
    let out = env.run_stdin(&["init", "--admin", "root", "--password-stdin"], "");
    assert_code(&out, 65);
    assert!(!env.db_path().exists());
}

#[test]
fn init_without_admin_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.run(&["init"]);
    assert_code(&out, 2);
    assert!(!env.db_path().exists());
}

#[test]
fn init_reads_only_the_first_line_and_strips_crlf() {
    let env = TestEnv::new();
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\r\nsecond line\n"),
    );
    assert_code(&out, 0);
    let hash = env.password_hash("root");
    if let Err(e) = check_argon2id(&hash, ROOT_PASSWORD) {
        panic!("{e}");
    }
}

#[test]
fn init_sets_default_policy() {
    let env = TestEnv::with_db();
    assert_eq!(env.policy(), default_policy());
}

#[test]
fn init_twice_exits_8() {
    let env = TestEnv::with_db();
    let out = env.run_stdin(
        &["init", "--admin", "other", "--password-stdin"],
        "Other#pass7\n",
    );
    assert_code(&out, 8);
    assert_eq!(env.usernames(), vec!["root"]);
}

#[test]
fn init_publishes_default_terms_that_new_accounts_must_accept() {
    let env = TestEnv::with_default_terms();
    let t = env.json(&["terms", "show"]);
    assert_eq!(t["version"], 1, "{t}");
    let text = t["text"].as_str().expect("text");
    assert!(text.contains("keyward terms set"), "{text}");
    // The first account created them and has nothing pending.
    let admin = env.users()[0].clone();
    assert_eq!(admin["terms_pending"], false, "{admin}");
    // A new account must accept them at its first sign-in.
    env.add_user_with_password("carol", "user", &[], "Dove#pw4242");
    env.exec(
        "UPDATE account SET must_change_password = FALSE, terms_pending = FALSE WHERE username = 'carol'",
    );
    let out = env.auth("carol", "Dove#pw4242");
    assert_code(&out, 5);
    assert_eq!(
        parse_stdout(&out)["required_actions"],
        serde_json::json!(["accept_terms"])
    );
    assert_eq!(env.user("carol")["terms_pending"], true);
}
