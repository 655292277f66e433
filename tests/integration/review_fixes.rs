//! Regressions found in review: each test names the behaviour it pins down.

use crate::common::*;
use std::process::{Command, Stdio};

/// A plain `std` command (assert_cmd cannot redirect stdout) with the test env.
fn std_cmd(env: &TestEnv) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("KEYWARD_DB", env.db_location())
        .env("KEYWARD_NOW", NOW)
        .env("NO_COLOR", "1")
        .env_remove("KEYWARD_AS")
        .stdin(Stdio::null());
    cmd
}

#[test]
fn a_generated_password_that_cannot_be_shown_is_an_error_naming_the_fix() {
    let env = TestEnv::with_db();
    // A pipe whose reader is already closed: the write fails with EPIPE.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = std_cmd(&env)
        .args(["user", "add", "zed"])
        .stdout(writer)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "reset-password zed"), "{}", stderr(&out));
    // The account exists; only the password was lost, and the message says how to recover.
    assert_code(&env.run(&["user", "show", "zed"]), 0);
}

#[test]
fn a_full_disk_on_stdout_is_reported_for_a_reset_password() {
    let env = TestEnv::with_db();
    env.add_user("amy", "user", &[]);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std_cmd(&env)
        .args(["user", "reset-password", "amy"])
        .stdout(full)
        .output()
        .expect("run");
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "reset-password amy"), "{}", stderr(&out));
}

#[test]
fn a_broken_pipe_on_a_read_only_command_is_still_success() {
    let env = TestEnv::with_db();
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = std_cmd(&env)
        .args(["user", "list"])
        .stdout(writer)
        .output()
        .expect("run");
    assert_code(&out, 0);
}

#[test]
fn history_and_policy_violations_are_reported_together() {
    let env = TestEnv::with_db();
    env.add_user_with_password("amy", "user", &[], "Abc123!x");
    env.set_policy(&["min-length=10"]);
    let before = env.password_hash("amy");
    let out = env.run_stdin(
        &["user", "reset-password", "amy", "--password-stdin"],
        "Abc123!x\n",
    );
    assert_code(&out, 65);
    let err = stderr(&out);
    assert!(
        has(&err, "10 characters") && has(&err, "used recently"),
        "{err}"
    );
    assert_eq!(env.password_hash("amy"), before, "nothing changed");
}

#[test]
fn a_directory_as_the_database_path_is_named_as_such() {
    let env = TestEnv::new();
    let dir = env.path().join("adir");
    std::fs::create_dir(&dir).expect("mkdir");
    for args in [&["user", "list"][..], &["init", "--admin", "root"][..]] {
        let out = std_cmd(&env)
            .env("KEYWARD_DB", &dir)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_code(&out, 1);
        assert!(has(&stderr(&out), "directory"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read_dir(&dir).expect("read").count(),
        0,
        "nothing created inside"
    );
}

#[test]
fn a_failed_init_leaves_no_file_and_no_temporary_files() {
    sqlite_only!("files of init");
    let env = TestEnv::new();
    // reject-username refuses the password after the folder may exist: no file may remain.
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        "xroot#9A\n",
    );
    assert_code(&out, 65);
    assert!(!env.db_path().exists());
    env.init();
    let folder = env
        .db_path()
        .parent()
        .map(|p| p.to_path_buf())
        .expect("folder");
    let names: Vec<String> = std::fs::read_dir(folder)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".init-")),
        "temporary file left: {names:?}"
    );
}

#[test]
fn locking_the_last_support_account_is_refused() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["user", "lock", "root"]), 1);
    assert_eq!(env.user("root")["status"], "active");
}

#[test]
fn a_policy_key_given_twice_is_refused() {
    let env = TestEnv::with_db();
    let before = env.policy();
    assert_code(
        &env.run(&["policy", "set", "MIN-LENGTH=8", "min-length=7"]),
        65,
    );
    assert_eq!(env.policy(), before);
}

#[test]
fn unicode_look_alikes_are_not_folded_into_usernames() {
    let env = TestEnv::with_db();
    assert_code(&env.run(&["user", "add", "\u{212A}im"]), 65);
    assert_code(&env.run(&["user", "show", "kim"]), 7);
}

#[test]
fn display_names_with_direction_overrides_are_refused() {
    let env = TestEnv::with_db();
    assert_code(
        &env.run(&["facility", "add", "DAL01", "--name", "Dallas\u{202E}tnuoc"]),
        65,
    );
    assert_code(&env.run(&["facility", "show", "DAL01"]), 7);
}

#[test]
fn a_damaged_stored_policy_is_an_error_not_bad_input() {
    let env = TestEnv::with_db();
    env.exec("INSERT INTO policy (key, value) VALUES ('future-key', '1')");
    let out = env.run(&["policy", "show"]);
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "future-key"), "{}", stderr(&out));
}

/// `keyward ARGS >&-`: stdout closed (EBADF), which Rust's stdout accepts
/// silently. The environment of [`std_cmd`], through `sh`.
fn closed_stdout(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(bin())
        .args(args)
        .env("KEYWARD_DB", env.db_location())
        .env("KEYWARD_NOW", NOW)
        .env("NO_COLOR", "1")
        .env_remove("KEYWARD_AS")
        .stdin(Stdio::null());
    cmd.output().expect("run sh")
}

#[test]
fn a_closed_stdout_loses_no_generated_password_silently() {
    let env = TestEnv::new();
    let out = closed_stdout(&env, &["init", "--admin", "root"]);
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "reset-password root"),
        "{}",
        stderr(&out)
    );
    for args in [
        &["user", "add", "zed"][..],
        &["user", "reset-password", "zed"],
    ] {
        let out = closed_stdout(&env, args);
        assert_code(&out, 1);
        assert!(
            has(&stderr(&out), "reset-password zed"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // Nothing secret, nothing lost: a closed stdout is not an error.
    assert_code(&closed_stdout(&env, &["user", "list"]), 0);
    let out = env.run_stdin(&["user", "add", "amy", "--password-stdin"], "Chosen#pw42\n");
    assert_code(&out, 0);
    let out = closed_stdout(&env, &["user", "disable", "amy"]);
    assert_code(&out, 0);
}
