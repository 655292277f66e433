//! Operator sessions on a terminal (SPEC 12): `session start` asks for the
//! password and the code once; later commands with the same `--as` ask
//! nothing, even two within one 30 s TOTP step, which without a session
//! would be a replayed code and a failed attempt.

use super::sessions::open_sessions;
use crate::common::*;

type R = Result<(), Box<dyn std::error::Error>>;

const CODE_PROMPT: &str = r"(?i)code[^\r\n]*$";

/// `--as amy session start` on a terminal, her password typed, waiting
/// at the code prompt.
fn start_until_code_prompt(
    env: &TestEnv,
) -> Result<rexpect::session::PtySession, rexpect::error::Error> {
    let mut p = spawn_pty(env.std_cmd(&["--as", "amy", "session", "start"]))?;
    p.exp_regex(r"(?i)password of operator amy[^\r\n]*$")?;
    type_line(&mut p, OP_PASSWORD)?;
    p.exp_regex(CODE_PROMPT)?;
    Ok(p)
}

#[test]
fn start_asks_once_and_later_commands_ask_nothing() -> R {
    let env = TestEnv::with_org();
    let enrolled = env.enrol("amy");
    let mut p = start_until_code_prompt(&env)?;
    type_line(&mut p, &totp_step(&enrolled.secret, 0))?;
    let (out, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{out}");
    assert!(has(&out, "ends after 15 minutes unused"), "{out}");
    assert_eq!(open_sessions(&env, "amy"), 1);
    // Two changes at the same clock, on a terminal: no prompt, no failure.
    for args in [["user", "lock", "alice"], ["user", "unlock", "alice"]] {
        let mut all = vec!["--as", "amy"];
        all.extend_from_slice(&args);
        let mut p = spawn_pty(env.std_cmd(&all))?;
        let (out, code) = finish(&mut p)?;
        assert_eq!(code, 0, "{args:?}: {out}");
        assert!(!has(&out, "password of operator"), "{args:?} asked: {out}");
    }
    assert_eq!(env.failed_attempts("amy"), 0);
    assert_eq!(env.user("alice")["status"], "active");
    Ok(())
}

#[test]
fn a_wrong_code_at_start_opens_no_session_and_counts() -> R {
    let env = TestEnv::with_org();
    let enrolled = env.enrol("amy");
    let mut p = start_until_code_prompt(&env)?;
    // The code of the enrolment's own step: a replay.
    type_line(&mut p, &totp_at(&enrolled.secret, CONFIRM_AT))?;
    let (out, code) = finish(&mut p)?;
    assert_eq!(code, 3, "{out}");
    assert_eq!(open_sessions(&env, "amy"), 0);
    assert_eq!(env.failed_attempts("amy"), 1);
    assert!(
        !env.path().join("run").join("keyward").exists()
            || std::fs::read_dir(env.path().join("run").join("keyward"))?
                .next()
                .is_none()
    );
    Ok(())
}
