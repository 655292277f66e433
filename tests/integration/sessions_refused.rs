//! Operator sessions that may not be used (SPEC 12): idle, too old, turned
//! off, a token file open to others or not ours, started by another OS user
//! or host, made for another store, or ended while a command ran. Each is
//! refused with what happened and what to do, and nothing counts against
//! the account.

use super::sessions::*;
use crate::common::*;
use std::os::unix::fs::PermissionsExt;

#[test]
fn an_idle_session_ends_and_nothing_is_counted() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    // Each use restarts the 15 idle minutes.
    assert_code(
        &as_op_at(&env, &now_plus_minutes(14), "amy", &["user", "list"]),
        0,
    );
    assert_code(
        &as_op_at(&env, &now_plus_minutes(28), "amy", &["user", "list"]),
        0,
    );
    let snap = env.snapshot();
    let out = amy_disables_alice_at(&env, &now_plus_minutes(43));
    assert_code(&out, 3);
    let err = stderr(&out);
    assert!(has(&err, "15 minutes unused"), "{err}");
    assert!(has(&err, "--as amy session start"), "{err}");
    assert_eq!(env.user("alice")["status"], "active");
    assert_eq!(env.failed_attempts("amy"), 0);
    assert_eq!(env.user("amy")["status"], "active");
    assert_eq!(open_sessions(&env, "amy"), 0);
    assert!(token_files(&env).is_empty());
    // Only the session row went.
    assert_ne!(env.snapshot(), snap);
    // The next command signs in again: without a password it cannot.
    assert_code(&amy_disables_alice_at(&env, &now_plus_minutes(44)), 2);
}

#[test]
fn no_session_outlives_eight_hours() {
    let env = TestEnv::with_org();
    env.set_policy(&["session-minutes=480"]);
    start(&env, "amy");
    assert_code(
        &as_op_at(&env, &now_plus_minutes(7 * 60), "amy", &["user", "list"]),
        0,
    );
    let out = as_op_at(&env, &now_plus_minutes(8 * 60), "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "8 hours"), "{}", stderr(&out));
    assert_eq!(env.failed_attempts("amy"), 0);
}

#[test]
fn session_minutes_zero_turns_sessions_off() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    env.set_policy(&["session-minutes=0"]);
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "session-minutes=0"), "{}", stderr(&out));
    assert_eq!(open_sessions(&env, "amy"), 0);
    // A new one is refused before any password is asked (none is given).
    let out = as_op(&env, "amy", &["session", "start"]);
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "turned off"), "{}", stderr(&out));
    assert_eq!(env.failed_attempts("amy"), 0);
}

#[test]
fn a_token_file_open_to_others_ends_its_session() {
    let env = TestEnv::with_org();
    let id = start(&env, "amy");
    let path = only_token_file(&env);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let saved = std::fs::read(&path).expect("read");
    let head = env.audit_head_id();
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "mode 0644"), "{}", stderr(&out));
    assert_eq!(open_sessions(&env, "amy"), 0);
    assert!(!path.exists());
    assert_eq!(env.failed_attempts("amy"), 0);
    let row = env
        .audit_since(head)
        .into_iter()
        .find(|r| r["action"] == "session.end")
        .expect("a session.end row");
    assert_eq!(details(&row)["reason"], "file-exposed");
    assert_eq!(details(&row)["session"], id);
    // A copy taken meanwhile is of no use.
    std::fs::write(&path, saved).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(
        has(&stderr(&out), "open to other users"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_token_file_not_ours_is_refused_and_nothing_counted() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    let path = only_token_file(&env);
    let snap = env.snapshot();
    if nix::unistd::geteuid().is_root() {
        // Another OS user's file.
        nix::unistd::chown(&path, Some(65534.into()), None).expect("chown");
        let out = as_op(&env, "amy", &["user", "list"]);
        assert_code(&out, 3);
        assert!(
            has(&stderr(&out), "belongs to uid 65534"),
            "{}",
            stderr(&out)
        );
        assert!(path.exists(), "a refused file is left for its owner");
        assert_eq!(env.snapshot(), snap);
        nix::unistd::chown(&path, Some(nix::unistd::getuid()), None).expect("chown");
    }
    // A link to the file is not followed.
    let real = path.with_extension("real");
    std::fs::rename(&path, &real).expect("move");
    std::os::unix::fs::symlink(&real, &path).expect("symlink");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "symbolic link"), "{}", stderr(&out));
    assert_eq!(env.failed_attempts("amy"), 0);
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn a_session_started_by_another_os_user_or_host_is_refused() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    env.exec("UPDATE operator_session SET host = 'elsewhere.example'");
    let snap = env.snapshot();
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "elsewhere.example"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), snap);
    assert_eq!(env.failed_attempts("amy"), 0);
}

#[test]
fn a_token_file_of_another_store_is_refused() {
    let a = TestEnv::with_org();
    let b = TestEnv::with_org();
    start(&a, "amy");
    start(&b, "amy");
    // b's file replaced by a's: the same operator, another store.
    std::fs::copy(only_token_file(&a), only_token_file(&b)).expect("copy");
    let snap = b.snapshot();
    let out = as_op(&b, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(
        has(&stderr(&out), "was made for operator amy on"),
        "{}",
        stderr(&out)
    );
    assert_eq!(b.snapshot(), snap);
    assert_eq!(b.failed_attempts("amy"), 0);
}

#[test]
fn a_session_revoked_while_a_command_runs_changes_nothing() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    let mut cmd = env.std_cmd(&["--as", "amy", "user", "disable", "alice"]);
    cmd.env("KEYWARD_NOW", NOW);
    let out = env.paused_at(cmd, "before-change", || {
        assert_code(&env.run(&["session", "revoke", "amy"]), 0);
    });
    assert_code(&out, 3);
    assert!(
        has(&stderr(&out), "ended while the command ran"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.user("alice")["status"], "active");
}

#[test]
fn a_longer_policy_does_not_revive_an_ended_session() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    // Idle for 30 minutes, then the policy allows 2 hours.
    let head = env.audit_head_id();
    let out = env.run_at(
        &now_plus_minutes(30),
        &["policy", "set", "session-minutes=120"],
    );
    assert_code(&out, 0);
    assert_eq!(open_sessions(&env, "amy"), 0);
    let row = env
        .audit_since(head)
        .into_iter()
        .find(|r| r["action"] == "policy.set")
        .expect("a policy.set row");
    assert_eq!(details(&row)["sessions_ended"], 1);
    let out = as_op_at(&env, &now_plus_minutes(31), "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "going unused"), "{}", stderr(&out));
}

#[test]
fn new_terms_stop_a_session_until_they_are_accepted() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    env.publish_terms("Version two.\n");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 5);
    assert!(has(&stderr(&out), "accept_terms"), "{}", stderr(&out));
    // The session stays for when they are accepted.
    assert_eq!(open_sessions(&env, "amy"), 1);
    let out = env.run_stdin(
        &["terms", "accept", "amy", "--password-stdin"],
        &format!("{OP_PASSWORD}\n"),
    );
    assert_code(&out, 0);
    assert_code(&as_op(&env, "amy", &["user", "list"]), 0);
}

#[test]
fn a_session_that_starts_after_now_is_refused() {
    let env = TestEnv::with_org();
    start_at(&env, &now_plus_minutes(60), "amy");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "clock set back"), "{}", stderr(&out));
    assert_eq!(open_sessions(&env, "amy"), 0);
}

#[test]
fn an_edited_or_borrowed_token_file_is_refused_and_left() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    let path = only_token_file(&env);
    let text = std::fs::read_to_string(&path).expect("read");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    v["session"] = 99.into();
    std::fs::write(&path, v.to_string()).expect("write");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "does not match"), "{}", stderr(&out));
    assert!(path.exists());
    assert_eq!(open_sessions(&env, "amy"), 1);
    std::fs::write(&path, &text).expect("write");
    // ann's file name holding amy's file: neither used nor ended by ann.
    start(&env, "ann");
    let ann = token_files(&env)
        .into_iter()
        .find(|p| p != &path)
        .expect("ann's file");
    std::fs::copy(&path, &ann).expect("copy");
    for args in [&["user", "list"][..], &["session", "end"][..]] {
        let out = as_op(&env, "ann", args);
        assert_code(&out, 3);
        assert!(
            has(&stderr(&out), "was made for operator amy"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(open_sessions(&env, "amy"), 1);
}

#[test]
fn a_fifo_at_the_token_path_is_refused_without_waiting() {
    let env = TestEnv::with_org();
    start(&env, "amy");
    let path = only_token_file(&env);
    std::fs::remove_file(&path).expect("rm");
    nix::unistd::mkfifo(
        &path,
        nix::sys::stat::Mode::S_IRUSR | nix::sys::stat::Mode::S_IWUSR,
    )
    .expect("mkfifo");
    let out = as_op(&env, "amy", &["user", "list"]);
    assert_code(&out, 3);
    assert!(has(&stderr(&out), "not a regular file"), "{}", stderr(&out));
}

#[test]
fn a_session_folder_of_another_user_is_not_ours_to_read() {
    if !nix::unistd::geteuid().is_root() {
        return;
    }
    let env = TestEnv::with_org();
    start(&env, "amy");
    let dir = only_token_file(&env)
        .parent()
        .expect("folder")
        .to_path_buf();
    nix::unistd::chown(&dir, Some(65534.into()), None).expect("chown");
    // No session here for this user: --as signs in with the password.
    assert_code(&as_op(&env, "amy", &["user", "list"]), 2);
    assert_code(&env.run_as("amy", OP_PASSWORD, &["user", "list"]), 0);
    assert_code(&as_op(&env, "amy", &["session", "end"]), 0);
}
