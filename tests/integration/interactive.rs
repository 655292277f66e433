//! Prompts driven in a real pseudo-terminal, as a person types them.

use crate::common::wait_for_input;
use rexpect::session::PtySession;
use std::process::Command;

fn keyward(db: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_keyward"));
    cmd.args(args)
        .env("KEYWARD_DB", db)
        .env("NO_COLOR", "1")
        .env("KEYWARD_NOW", "2026-11-22T10:00:00Z");
    cmd
}

fn spawn(cmd: Command) -> Result<PtySession, rexpect::error::Error> {
    crate::common::spawn_pty(cmd)
}

#[test]
fn init_prompts_twice_hidden_and_reasks_until_the_policy_is_met()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("k.db");
    let mut p = spawn(keyward(&db, &["init", "--admin", "root"]))?;
    p.exp_string("New password for root")?;
    wait_for_input(&p)?;
    p.send_line("abc")?;
    // Every broken rule at once, then asked again.
    p.exp_string("at least 6 characters")?;
    p.exp_string("digit")?;
    p.exp_string("New password for root")?;
    wait_for_input(&p)?;
    p.send_line("Good#pass7")?;
    p.exp_string("Repeat the password")?;
    wait_for_input(&p)?;
    p.send_line("Good#pass8")?;
    p.exp_string("differ")?;
    p.exp_string("New password for root")?;
    wait_for_input(&p)?;
    p.send_line("Good#pass7")?;
    p.exp_string("Repeat the password")?;
    wait_for_input(&p)?;
    p.send_line("Good#pass7")?;
    let rest = p.exp_eof()?;
    assert!(rest.contains("support account root"), "{rest}");
    assert!(
        !rest.contains("Good#pass7"),
        "the password was echoed: {rest}"
    );

    // The chosen password is the one stored.
    let conn = rusqlite::Connection::open(&db)?;
    let hash: String = conn.query_row(
        "SELECT password_hash FROM account WHERE username = 'root'",
        [],
        |r| r.get(0),
    )?;
    let pw = keyward::domain::secret::Secret::new("Good#pass7".into());
    assert!(keyward::domain::password::verify(&pw, &hash)?);
    Ok(())
}

#[test]
fn remove_asks_on_a_terminal_and_no_keeps_the_account() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("k.db");
    let ok = keyward(&db, &["init", "--admin", "root"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert!(ok.status.success());
    let ok = keyward(&db, &["user", "add", "alice"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert!(ok.status.success());

    let mut p = spawn(keyward(&db, &["user", "remove", "alice"]))?;
    p.exp_string("remove account alice")?;
    wait_for_input(&p)?;
    p.send_line("n")?;
    p.exp_eof()?;
    let shown = keyward(&db, &["user", "show", "alice"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert!(shown.status.success(), "alice should still exist");

    let mut p = spawn(keyward(&db, &["user", "remove", "alice"]))?;
    p.exp_string("remove account alice")?;
    wait_for_input(&p)?;
    p.send_line("y")?;
    p.exp_eof()?;
    let shown = keyward(&db, &["user", "show", "alice"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert_eq!(shown.status.code(), Some(7), "alice should be gone");
    Ok(())
}

#[test]
fn password_stdin_on_a_terminal_asks_with_a_hidden_prompt() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("k.db");
    assert!(
        keyward(&db, &["init", "--admin", "root"])
            .stdin(std::process::Stdio::null())
            .output()?
            .status
            .success()
    );
    let mut p = spawn(keyward(&db, &["user", "add", "bob", "--password-stdin"]))?;
    p.exp_string("New password for bob")?;
    wait_for_input(&p)?;
    p.send_line("Hidden#77x")?;
    p.exp_string("Repeat the password")?;
    wait_for_input(&p)?;
    p.send_line("Hidden#77x")?;
    let rest = p.exp_eof()?;
    assert!(!rest.contains("Hidden#77x"), "echoed: {rest}");
    let conn = rusqlite::Connection::open(&db)?;
    let hash: String = conn.query_row(
        "SELECT password_hash FROM account WHERE username = 'bob'",
        [],
        |r| r.get(0),
    )?;
    assert!(keyward::domain::password::verify(
        &keyward::domain::secret::Secret::new("Hidden#77x".into()),
        &hash
    )?);
    Ok(())
}

#[test]
fn with_stderr_redirected_a_destructive_command_needs_yes() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("k.db");
    assert!(
        keyward(&db, &["init", "--admin", "root"])
            .stdin(std::process::Stdio::null())
            .output()?
            .status
            .success()
    );
    assert!(
        keyward(&db, &["user", "add", "alice"])
            .stdin(std::process::Stdio::null())
            .output()?
            .status
            .success()
    );
    // stdin is a terminal but stderr (where prompts are drawn) is a file.
    let log = dir.path().join("err.log");
    let mut sh = Command::new("sh");
    sh.arg("-c")
        .arg(format!(
            "\"$0\" user remove alice 2>'{}'; echo \"exit=$?\"",
            log.display()
        ))
        .arg(env!("CARGO_BIN_EXE_keyward"))
        .env("KEYWARD_DB", &db)
        .env("KEYWARD_NOW", "2026-11-22T10:00:00Z");
    let mut p = spawn(sh)?;
    p.exp_string("exit=2")?;
    let err = std::fs::read_to_string(&log)?;
    assert!(err.contains("--yes"), "{err}");
    let shown = keyward(&db, &["user", "show", "alice"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert!(shown.status.success(), "alice must still exist");
    Ok(())
}

#[test]
fn ptys_start_with_echo_on_so_waiting_for_it_to_go_off_means_a_prompt_is_reading()
-> Result<(), Box<dyn std::error::Error>> {
    use nix::sys::termios::{LocalFlags, tcgetattr};
    // `cat` reads with the terminal as it finds it and never changes it.
    let p = crate::common::spawn_pty(Command::new("cat"))?;
    let pty = p.process().get_file_handle()?;
    let mut echo_on = false;
    for _ in 0..400 {
        echo_on = tcgetattr(&pty)?.local_flags.contains(LocalFlags::ECHO);
        if echo_on {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        echo_on,
        "spawn_pty must leave echo on until a prompt turns it off"
    );
    Ok(())
}
