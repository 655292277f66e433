//! Output contract: `--json` documents with the SPEC 7 field names, JSON
//! errors on stderr, exit codes, no colour with NO_COLOR, broken pipes.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::common::*;
use serde_json::{Value, json};

fn env_with_data() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env.add_user("alice", "user", &["DAL01"]);
    env
}

#[track_caller]
fn assert_json_error(out: &std::process::Output, expected: i32) -> Value {
    assert_code(out, expected);
    let e = parse_error(out);
    assert_eq!(e["error"]["code"], expected, "{e}");
    assert!(
        e["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "error.message must be a non-empty string: {e}"
    );
    assert!(
        out.stdout.is_empty(),
        "stdout must stay empty on error, got: {}",
        stdout(out)
    );
    e
}

#[track_caller]
fn assert_facility(v: &Value) {
    assert!(v["code"].is_string(), "code: {v}");
    assert!(v["name"].is_string(), "name: {v}");
    assert!(v["accounts"].is_u64(), "accounts: {v}");
}

// ---- JSON documents of every command ----------------------------------------

#[test]
fn init_json() {
    let env = TestEnv::new();
    let v = env.json_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert!(v["database"].is_string(), "{v}");
    assert_eq!(v["username"], "root");
    assert_eq!(v["role"], "support");
}

#[test]
fn json_flag_may_follow_the_subcommand() {
    let env = env_with_data();
    let out = env.run(&["user", "show", "alice", "--json"]);
    assert_code(&out, 0);
    assert_account(&parse_stdout(&out));
}

#[test]
fn facility_commands_json() {
    let env = TestEnv::with_db();
    let v = env.json(&["facility", "add", "DAL01", "--name", "Dallas"]);
    assert_facility(&v);
    let v = env.json(&["facility", "list"]);
    let list = v.as_array().expect("facility list is an array");
    assert_eq!(list.len(), 1);
    assert_facility(&list[0]);
    assert_facility(&env.json(&["facility", "show", "DAL01"]));
    assert_facility(&env.json(&["facility", "rename", "DAL01", "--name", "Big D"]));
    let v = env.json(&["facility", "remove", "DAL01", "--yes"]);
    assert_eq!(v["code"], "DAL01");
    assert_eq!(v["removed"], true);
    assert!(v["unassigned"].is_u64(), "{v}");
}

#[test]
fn user_add_json() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let v = env.json(&["user", "add", "alice", "--facility", "DAL01"]);
    assert_account(&v);
    assert_eq!(v["username"], "alice");
    assert!(v["temporary_password"].is_string(), "{v}");
}

#[test]
fn user_list_json_is_an_array_of_accounts() {
    let env = env_with_data();
    let v = env.json(&["user", "list"]);
    let list = v.as_array().expect("user list is an array");
    assert_eq!(list.len(), 2);
    for u in list {
        assert_account(u);
    }
}

#[test]
fn user_list_json_with_no_match_is_an_empty_array() {
    let env = env_with_data();
    assert_eq!(
        env.json(&["user", "list", "--status", "disabled"]),
        json!([])
    );
}

#[test]
fn user_show_json_has_every_field_and_the_extra_ones() {
    let env = env_with_data();
    let v = env.user("alice");
    assert_account(&v);
    for f in [
        "locked_at",
        "lock_reason",
        "updated_at",
        "password_changed_at",
    ] {
        assert!(v.get(f).is_some(), "missing {f}: {v}");
    }
    assert_eq!(v["created_at"], NOW);
    assert_eq!(v["updated_at"], NOW);
    assert_eq!(v["password_changed_at"], NOW);
    assert!(v["locked_at"].is_null());
    assert!(v["lock_reason"].is_null());
    assert!(v["last_sign_in_at"].is_null());
    assert!(
        v.get("password_hash").is_none(),
        "no secrets in output: {v}"
    );
}

#[test]
fn user_changes_json_return_the_account() {
    let env = env_with_data();
    let cases: &[&[&str]] = &[
        &["user", "assign", "alice", "--facility", "HOU02"],
        &["user", "unassign", "alice", "--facility", "HOU02"],
        &["user", "set-role", "alice", "supervisor"],
        &["user", "disable", "alice"],
        &["user", "enable", "alice"],
        &["user", "lock", "alice"],
        &["user", "unlock", "alice"],
    ];
    for args in cases {
        let v = env.json(args);
        assert_account(&v);
        assert_eq!(v["username"], "alice", "{args:?}");
    }
}

#[test]
fn user_reset_password_json() {
    let env = env_with_data();
    let v = env.json(&["user", "reset-password", "alice"]);
    assert_eq!(v["username"], "alice");
    assert!(v["temporary_password"].is_string(), "{v}");
}

#[test]
fn user_remove_json() {
    let env = env_with_data();
    let v = env.json(&["user", "remove", "alice", "--yes"]);
    assert_eq!(v["username"], "alice");
    assert_eq!(v["removed"], true);
}

#[test]
fn policy_json_types() {
    let env = TestEnv::with_db();
    let v = env.policy();
    let obj = v.as_object().expect("policy is an object");
    for k in [
        "min-length",
        "max-length",
        "history",
        "lockout-threshold",
        "lockout-minutes",
        "max-age-days",
        "session-minutes",
    ] {
        assert!(obj[k].is_u64(), "{k} must be a number: {v}");
    }
    for k in [
        "require-letter",
        "require-digit",
        "require-special",
        "reject-username",
        "require-operator",
    ] {
        assert!(obj[k].is_boolean(), "{k} must be a boolean: {v}");
    }
    for k in ["special-chars", "totp-issuer", "2fa-roles"] {
        assert!(obj[k].is_string(), "{k} must be a string: {v}");
    }
    let set = env.json(&["policy", "set", "history=5"]);
    assert!(set.is_object(), "{set}");
    assert_eq!(set["history"], 5);
}

#[test]
fn timestamps_are_rfc3339_utc() {
    let env = env_with_data();
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let v = env.user("alice");
    for f in [
        "created_at",
        "updated_at",
        "locked_at",
        "password_changed_at",
    ] {
        assert_eq!(v[f], "2026-11-22T10:00:00Z", "{f}: {v}");
    }
}

#[test]
fn clock_accepts_unix_seconds() {
    let env = TestEnv::with_db();
    let out = env
        .cmd()
        .env("KEYWARD_NOW", "1795341600")
        .args(["--json", "user", "add", "alice"])
        .output()
        .expect("run");
    assert_code(&out, 0);
    // 1795341600 = 2026-11-22T10:00:00Z
    assert_eq!(env.user("alice")["created_at"], "2026-11-22T10:00:00Z");
}

#[test]
fn clock_is_the_keyward_now_value() {
    let env = TestEnv::with_db();
    let out = env
        .cmd()
        .env("KEYWARD_NOW", "2030-01-02T03:04:05Z")
        .args(["user", "add", "alice"])
        .output()
        .expect("run");
    assert_code(&out, 0);
    assert_eq!(env.user("alice")["created_at"], "2030-01-02T03:04:05Z");
}

// ---- JSON errors -----------------------------------------------------------

#[test]
fn json_error_for_missing_database_has_code_1() {
    let env = TestEnv::new();
    assert_json_error(&env.run(&["--json", "user", "list"]), 1);
}

#[test]
fn json_error_for_missing_yes_has_code_2() {
    let env = env_with_data();
    assert_json_error(&env.run(&["--json", "user", "remove", "alice"]), 2);
    assert_json_error(&env.run(&["--json", "facility", "remove", "HOU02"]), 2);
    assert_eq!(env.usernames(), vec!["alice", "root"]);
}

#[test]
fn json_error_for_not_found_has_code_7() {
    let env = env_with_data();
    assert_json_error(&env.run(&["--json", "user", "show", "nobody"]), 7);
    assert_json_error(&env.run(&["--json", "facility", "show", "NOPE"]), 7);
}

#[test]
fn json_error_for_duplicate_has_code_8() {
    let env = env_with_data();
    assert_json_error(&env.run(&["--json", "user", "add", "alice"]), 8);
    assert_json_error(&env.run(&["--json", "facility", "add", "dal01"]), 8);
    let out = env.run_stdin(
        &["--json", "init", "--admin", "other", "--password-stdin"],
        "Other#pass7\n",
    );
    assert_json_error(&out, 8);
}

#[test]
fn json_error_for_invalid_input_has_code_65() {
    let env = env_with_data();
    assert_json_error(&env.run(&["--json", "user", "add", "ab"]), 65);
    assert_json_error(&env.run(&["--json", "facility", "add", "a:b"]), 65);
    assert_json_error(&env.run(&["--json", "policy", "set", "history=13"]), 65);
}

#[test]
fn json_error_for_refused_operation_has_code_1() {
    let env = env_with_data();
    assert_json_error(&env.run(&["--json", "user", "disable", "root"]), 1);
    assert_json_error(
        &env.run(&["--json", "facility", "remove", "DAL01", "--yes"]),
        1,
    );
}

#[test]
fn human_errors_go_to_stderr_not_stdout() {
    let env = env_with_data();
    let out = env.run(&["user", "show", "nobody"]);
    assert_code(&out, 7);
    assert!(out.stdout.is_empty(), "stdout: {}", stdout(&out));
    assert!(has(&stderr(&out), "nobody"), "stderr: {}", stderr(&out));
}

// ---- exit codes of the command line ------------------------------------------

#[test]
fn unknown_flag_is_a_usage_error() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["user", "list", "--bogus"]), 2);
    assert_code(&env.run(&["--bogus", "user", "list"]), 2);
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["frobnicate"]), 2);
    assert_code(&env.run(&["user", "frobnicate"]), 2);
}

#[test]
fn missing_subcommand_is_a_usage_error() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&[]), 2);
    assert_code(&env.run(&["user"]), 2);
}

#[test]
fn help_and_version_exit_0() {
    let env = TestEnv::new();
    let out = env.run(&["--help"]);
    assert_code(&out, 0);
    assert!(has(&stdout(&out), "exit codes"), "{}", stdout(&out));
    assert!(stdout(&out).contains("65"));
    let out = env.run(&["--version"]);
    assert_code(&out, 0);
    assert!(stdout(&out).contains(env!("CARGO_PKG_VERSION")));
    assert_code(&env.run(&["user", "--help"]), 0);
    assert!(!env.db_path().exists());
}

// ---- colour ----------------------------------------------------------------

#[test]
fn no_escape_sequences_without_a_tty() {
    let env = env_with_data();
    for args in [
        &["user", "list"][..],
        &["user", "show", "alice"][..],
        &["facility", "list"][..],
        &["policy", "show"][..],
        &["user", "show", "nobody"][..],
        &["policy", "set", "nonsense"][..],
    ] {
        let out = env.run(args);
        assert!(!out.stdout.contains(&0x1b), "{args:?} stdout has ESC");
        assert!(!out.stderr.contains(&0x1b), "{args:?} stderr has ESC");
    }
}

// ---- broken pipe -------------------------------------------------------------

fn env_with_many_users() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    env.clone_user_rows("alice", "bulk", 3000);
    assert_eq!(
        env.sql_scalar(&format!("SELECT count(*) FROM \"{}\"", env.users_table())),
        3002
    );
    env
}

fn spawn(env: &TestEnv, args: &[&str]) -> std::process::Child {
    let mut cmd = Command::new(bin());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("KEYWARD_") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("KEYWARD_DB", env.db_location())
        .env("KEYWARD_NOW", NOW)
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn keyward")
}

#[track_caller]
fn assert_quiet_exit(out: &std::process::Output) {
    let err = stderr(out);
    assert!(!has(&err, "panicked"), "panic on broken pipe: {err}");
    // Rust ignores SIGPIPE, so keyward sees EPIPE and must exit 0 quietly.
    assert!(
        out.status.success(),
        "broken pipe must not be an error, got {:?}\nstderr: {err}",
        out.status
    );
}

#[test]
fn broken_pipe_before_any_output_is_not_an_error() {
    let env = env_with_many_users();
    let mut child = spawn(&env, &["user", "list"]);
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_quiet_exit(&out);
}

#[test]
fn broken_pipe_after_some_output_is_not_an_error() {
    let env = env_with_many_users();
    let mut child = spawn(&env, &["user", "list"]);
    let mut pipe = child.stdout.take().expect("stdout");
    let mut buf = [0u8; 512];
    pipe.read_exact(&mut buf).expect("read the first bytes");
    drop(pipe);
    let out = child.wait_with_output().expect("wait");
    assert_quiet_exit(&out);
}

#[test]
fn broken_pipe_with_json_is_not_an_error() {
    let env = env_with_many_users();
    let mut child = spawn(&env, &["--json", "user", "list"]);
    let mut pipe = child.stdout.take().expect("stdout");
    let mut buf = [0u8; 64];
    pipe.read_exact(&mut buf).expect("read the first bytes");
    drop(pipe);
    let out = child.wait_with_output().expect("wait");
    assert_quiet_exit(&out);
}

#[test]
fn many_users_list_completely() {
    let env = env_with_many_users();
    let v = env.json(&["user", "list", "--facility", "DAL01"]);
    assert_eq!(
        v.as_array().map(Vec::len),
        Some(1),
        "clones have no facility rows"
    );
    let v = env.json(&["user", "list"]);
    assert_eq!(v.as_array().map(Vec::len), Some(3002));
}

// ---- never waiting for input without a TTY -----------------------------------

/// Runs keyward with stdin an open pipe that never delivers a byte: a
/// command that tried to prompt would hang. Fails after 30 s.
fn run_with_silent_stdin(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(bin());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("KEYWARD_") {
            cmd.env_remove(&k);
        }
    }
    let mut child = cmd
        .env("KEYWARD_DB", env.db_location())
        .env("KEYWARD_NOW", NOW)
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn keyward");
    let stdin = child.stdin.take(); // kept open, never written
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} waited for input on a non-terminal stdin");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    drop(stdin);
    child.wait_with_output().expect("wait")
}

#[test]
fn init_without_tty_does_not_prompt() {
    let env = TestEnv::new();
    let out = run_with_silent_stdin(&env, &["--json", "init", "--admin", "root"]);
    assert_code(&out, 0);
    assert!(parse_stdout(&out)["temporary_password"].is_string());
}

#[test]
fn destructive_commands_without_tty_do_not_prompt() {
    let env = env_with_data();
    let snap = env.snapshot();
    assert_code(
        &run_with_silent_stdin(&env, &["user", "remove", "alice"]),
        2,
    );
    assert_code(
        &run_with_silent_stdin(&env, &["facility", "remove", "HOU02"]),
        2,
    );
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn user_add_and_reset_without_tty_do_not_prompt() {
    let env = env_with_data();
    assert_code(&run_with_silent_stdin(&env, &["user", "add", "bob"]), 0);
    assert_code(
        &run_with_silent_stdin(&env, &["user", "reset-password", "bob"]),
        0,
    );
}

#[test]
fn no_secrets_in_show_list_or_export_of_accounts() {
    let env = env_with_data();
    let hash = env.password_hash("alice");
    for args in [
        &["user", "show", "alice"][..],
        &["user", "list"][..],
        &["--json", "user", "show", "alice"][..],
        &["--json", "user", "list"][..],
        &["--json", "user", "lock", "alice"][..],
    ] {
        let out = env.run(args);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(!text.contains("$argon2"), "{args:?} printed a hash: {text}");
        assert!(!text.contains(&hash), "{args:?} printed the hash");
    }
}

#[test]
fn global_options_have_their_own_help_heading() {
    let env = TestEnv::new();
    let out = env.run(&["user", "unlock", "--help"]);
    assert_code(&out, 0);
    let help = stdout(&out);
    let (own, global) = help
        .split_once("Global options:")
        .unwrap_or_else(|| panic!("no Global options heading: {help}"));
    for flag in [
        "--db",
        "--json",
        "--as ",
        "--as-password-file",
        "--as-code-file",
    ] {
        assert!(
            global.contains(flag),
            "{flag} not under Global options: {help}"
        );
        assert!(
            !own.contains(flag),
            "{flag} also among the command's own: {help}"
        );
    }
    assert!(own.contains("Options:"), "{help}");
}

/// The widest line of `text`, in characters.
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

fn long_named_account(env: &TestEnv) {
    env.facility("VERYLONGFACILITYCODE1");
    env.add_user("a-very-long-username-x", "user", &["VERYLONGFACILITYCODE1"]);
    assert_code(
        &env.run(&[
            "user",
            "set-name",
            "a-very-long-username-x",
            "Alexandra Catherine Montgomery-Smythe the Third",
        ]),
        0,
    );
}

#[test]
fn tables_fit_80_columns_and_wrap_between_words() {
    let env = TestEnv::with_db();
    long_named_account(&env);
    for args in [
        &["user", "list"][..],
        &["policy", "show"],
        &["facility", "list"],
        &["user", "show", "a-very-long-username-x"],
        &["audit", "list"],
    ] {
        let out = env.run(args);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(widest(&text) <= 80, "{args:?} is wider than 80:\n{text}");
    }
    let list = stdout(&env.run(&["user", "list"]));
    for word in [
        "a-very-long-username-x",
        "Montgomery-Smythe",
        "Alexandra",
        "USERNAME",
    ] {
        assert!(list.contains(word), "{word} broken or missing:\n{list}");
    }
    let policy = stdout(&env.run(&["policy", "show"]));
    assert!(policy.contains("min-length-128"), "{policy}");
}

#[test]
fn a_header_word_that_fits_is_never_split() {
    // Every column of `user list` fits at 80 here; none may be narrowed
    // below its longest word to widen another.
    let env = TestEnv::with_db();
    let text = stdout(&env.run(&["user", "list"]));
    assert!(widest(&text) <= 80, "{text}");
    for word in [
        "USERNAME",
        "FACILITIES",
        "FAILED",
        "PENDING",
        "SIGN-IN",
        "support",
    ] {
        assert!(text.contains(word), "{word} split:\n{text}");
    }
}

#[test]
fn a_narrow_terminal_gets_fewer_columns() {
    let env = TestEnv::with_db();
    long_named_account(&env);
    let out = env
        .cmd()
        .env("COLUMNS", "60")
        .args(["user", "list"])
        .output()
        .expect("run");
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(widest(&text) <= 60, "{text}");
    for kept in ["USERNAME", "ROLE", "STATUS", "a-very-long-username-x"] {
        assert!(text.contains(kept), "{kept} missing:\n{text}");
    }
    assert!(!text.contains("LAST SIGN-IN"), "{text}");
    // A wide terminal shows every column.
    let out = env
        .cmd()
        .env("COLUMNS", "200")
        .args(["user", "list"])
        .output()
        .expect("run");
    assert!(stdout(&out).contains("LAST SIGN-IN"), "{}", stdout(&out));
}

#[test]
fn audit_list_keeps_time_and_actor_whole_and_wraps_the_details() {
    let env = TestEnv::with_db();
    env.add_user("alice", "user", &[]);
    assert_code(&env.run(&["user", "set-name", "alice", "Alice Smith"]), 0);
    let text = stdout(&env.run(&["audit", "list"]));
    assert!(widest(&text) <= 80, "{text}");
    assert!(text.contains("ACTOR") && text.contains("os:"), "{text}");
    assert!(text.contains(NOW), "a time split across lines:\n{text}");
    assert!(text.contains("user.set-name"), "{text}");
}
