//! A lock or disable that arrives while a self-service command is running
//! wins: the command's write re-checks the account inside its transaction.

use crate::common::*;
use std::io::Write;
use std::process::Stdio;

const PW: &str = "Start#pw1";
const NEW: &str = "Fresh#pw2";

/// `passwd alice --password-stdin` with line 1 written, `between` run, then line 2.
fn passwd_with_change_between(env: &TestEnv, between: &[&str]) -> std::process::Output {
    let mut child = env
        .std_cmd(&["passwd", "alice", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn passwd");
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{PW}").expect("line 1");
    // Line 1 is there, so a read of stdin that blocks is the read of line
    // 2: the command is under way. Only then does the change happen.
    wait_reading_stdin(&mut child);
    assert_code(&env.run(between), 0);
    writeln!(stdin, "{NEW}").expect("line 2");
    drop(stdin);
    child.wait_with_output().expect("wait passwd")
}

/// The number of `read` in `/proc/PID/syscall` on this architecture.
#[cfg(target_arch = "x86_64")]
const SYS_READ: &str = "0";
#[cfg(target_arch = "aarch64")]
const SYS_READ: &str = "63";

/// Wait until `child` is blocked reading its stdin (fd 0), as
/// `/proc/PID/syscall` shows; panics if it ends first.
fn wait_reading_stdin(child: &mut std::process::Child) {
    let path = format!("/proc/{}/syscall", child.id());
    loop {
        let now = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            // Not ours to read (another user, no procfs): go on unproved.
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return,
            Err(_) => String::new(),
        };
        let mut fields = now.split_whitespace();
        if fields.next() == Some(SYS_READ) && fields.next() == Some("0x0") {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("passwd ended ({status}) before it read its second line");
        }
        std::thread::yield_now();
    }
}

#[test]
fn an_admin_lock_during_passwd_is_kept_and_nothing_changes() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.password_hash("alice");
    let out = passwd_with_change_between(&env, &["user", "lock", "alice"]);
    assert_code(&out, 4);
    let alice = env.user("alice");
    assert_eq!(alice["status"], "locked");
    assert_eq!(alice["lock_reason"], "admin");
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn a_disable_during_passwd_refuses_the_change() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.password_hash("alice");
    let out = passwd_with_change_between(&env, &["user", "disable", "alice"]);
    assert_code(&out, 4);
    assert_eq!(env.password_hash("alice"), before);
}

#[test]
fn an_admin_reset_still_lifts_a_lock() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    assert_code(&env.run(&["user", "reset-password", "alice"]), 0);
    let alice = env.user("alice");
    assert_eq!(alice["status"], "active");
    assert_eq!(alice["must_change_password"], true);
}

#[test]
fn a_lapsed_lock_is_cleared_by_a_successful_terms_acceptance() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    env.set_policy(&["lockout-minutes=10"]);
    for _ in 0..3 {
        env.auth("alice", "Wrong#pw9");
    }
    env.publish_terms("Be kind.\n");
    let later = now_plus_minutes(60);
    assert_code(
        &env.run_stdin_at(
            &later,
            &["terms", "accept", "alice", "--password-stdin"],
            &format!("{PW}\n"),
        ),
        0,
    );
    // Without the lapsed lock cleared, a stricter policy would revive it.
    env.set_policy(&["lockout-minutes=0"]);
    assert_code(&env.auth_at(&later, "alice", PW), 0);
}
