//! `keyward forgot-password` in a real pseudo-terminal.

use crate::common::*;
use rexpect::ReadUntil;
use rexpect::session::PtySession;
use serde_json::Value;

type R = Result<(), Box<dyn std::error::Error>>;

const PW: &str = "Start#pw1";
const NEW_PW: &str = "Reset#pw55";
const CANNOT: &str = "cannot be reset here";

/// The answers alice sets, by question id.
const ANSWERS: [(&str, &str); 3] = [
    ("maiden-name", "Van der Berg"),
    ("first-pet", "Rex"),
    ("birth-date", "1990-01-02"),
];

fn spawn(env: &TestEnv, args: &[&str]) -> Result<PtySession, rexpect::error::Error> {
    spawn_pty(env.std_cmd(args))
}

/// Question text by id, from `questions list --json`.
fn question_texts(env: &TestEnv) -> Vec<(String, String)> {
    let v = env.json(&["questions", "list"]);
    v.as_array()
        .unwrap_or_else(|| panic!("questions list is not an array: {v}"))
        .iter()
        .map(|i| {
            let text = ["text", "question", "prompt", "label"]
                .iter()
                .find_map(|k| i.get(*k).and_then(Value::as_str))
                .unwrap_or_else(|| panic!("no question text in {i}"));
            (i["id"].as_str().expect("id").to_owned(), text.to_owned())
        })
        .collect()
}

/// alice with a ready password and the three answers of [`ANSWERS`].
fn alice_with_questions(env: &TestEnv) {
    env.ready_user("alice", PW);
    let mut input = format!("{PW}\n");
    for (id, a) in ANSWERS {
        input.push_str(&format!("{id}={a}\n"));
    }
    let out = env.run_stdin(&["questions", "set", "alice", "--password-stdin"], &input);
    assert_code(&out, 0);
}

/// Answers each of alice's three questions, in whatever order they come,
/// with `answer(id)`.
fn answer_questions(
    p: &mut PtySession,
    env: &TestEnv,
    answer: impl Fn(&str) -> String,
) -> Result<(), rexpect::error::Error> {
    let texts: Vec<(String, String)> = question_texts(env)
        .into_iter()
        .filter(|(id, _)| ANSWERS.iter().any(|(a, _)| a == id))
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    let mut asked = Vec::new();
    for _ in 0..3 {
        // Only questions not asked yet: an answered prompt may be drawn again.
        let (_, m) = p.exp_any(
            texts
                .iter()
                .filter(|(id, _)| !asked.contains(id))
                .map(|(_, t)| ReadUntil::String(t.clone()))
                .collect(),
        )?;
        let id = texts
            .iter()
            .find(|(_, t)| *t == m)
            .map(|(id, _)| id.clone())
            .expect("a known question");
        type_line(p, &answer(&id))?;
        asked.push(id);
    }
    Ok(())
}

fn right_answer(id: &str) -> String {
    // Normalisation: case, surrounding and inner whitespace do not matter.
    match id {
        "maiden-name" => "  VAN   der BERG ".into(),
        "first-pet" => "rex".into(),
        _ => "1990-01-02".into(),
    }
}

#[test]
fn right_answers_then_a_new_password_resets_it() -> R {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    let mut p = spawn(&env, &["forgot-password", "alice"])?;
    answer_questions(&mut p, &env, right_answer)?;

    // The current password is refused by history, then a new one is accepted.
    p.exp_string("New password for alice")?;
    type_line(&mut p, PW)?;
    let (_, m) = p.exp_any(vec![
        ReadUntil::String("Repeat the password".into()),
        ReadUntil::String("used recently".into()),
    ])?;
    if m.contains("Repeat") {
        type_line(&mut p, PW)?;
        p.exp_string("used recently")?;
    }
    p.exp_string("New password for alice")?;
    type_line(&mut p, NEW_PW)?;
    p.exp_string("Repeat the password")?;
    type_line(&mut p, NEW_PW)?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert!(!rest.contains(NEW_PW), "password echoed: {rest}");
    assert!(!has(&rest, "van der berg"), "answer echoed: {rest}");

    let u = env.user("alice");
    // The reset asks for the terms again; none are published, so sign-in
    // (and `user show`) have nothing to ask yet, but the flag is stored.
    let flag = env.sql_scalar("SELECT terms_pending FROM account WHERE username = 'alice'");
    assert_eq!(flag, 1, "{u}");
    assert_eq!(u["terms_pending"], false, "{u}");
    assert_eq!(u["must_change_password"], false, "{u}");
    assert_eq!(u["twofa_enrolled"], false, "{u}");
    assert_eq!(u["failed_attempts"], 0, "{u}");

    // No terms published: the new password signs in with nothing pending.
    assert_code(&env.auth("alice", NEW_PW), 0);
    assert_code(&env.auth("alice", PW), 3);
    Ok(())
}

#[test]
fn after_reset_published_terms_must_be_accepted() -> R {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    env.publish_terms("Keep every record you see confidential.\n");
    assert_code(
        &env.run_stdin(
            &["terms", "accept", "alice", "--password-stdin"],
            &format!("{PW}\n"),
        ),
        0,
    );
    assert_code(&env.auth("alice", PW), 0);

    let mut p = spawn(&env, &["forgot-password", "alice"])?;
    answer_questions(&mut p, &env, right_answer)?;
    p.exp_string("New password for alice")?;
    type_line(&mut p, NEW_PW)?;
    p.exp_string("Repeat the password")?;
    type_line(&mut p, NEW_PW)?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");

    let out = env.auth("alice", NEW_PW);
    assert_code(&out, 5);
    assert_eq!(
        parse_stdout(&out)["required_actions"],
        serde_json::json!(["accept_terms"])
    );
    Ok(())
}

#[test]
fn a_wrong_answer_exits_3_and_counts_a_failure() -> R {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    let hash = env.password_hash("alice");
    let mut p = spawn(&env, &["forgot-password", "alice"])?;
    answer_questions(&mut p, &env, |id| {
        if id == "first-pet" {
            "Fido".into()
        } else {
            right_answer(id)
        }
    })?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 3, "{rest}");
    assert!(!rest.contains("New password"), "{rest}");
    assert!(
        !has(&rest, "pet"),
        "the failure must not say which answer was wrong: {rest}"
    );

    let u = env.user("alice");
    assert_eq!(u["failed_attempts"], 1, "{u}");
    assert_eq!(u["terms_pending"], false, "{u}");
    assert_eq!(env.password_hash("alice"), hash);
    Ok(())
}

#[test]
fn wrong_answers_lock_at_the_threshold() -> R {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    for _ in 0..3 {
        let mut p = spawn(&env, &["forgot-password", "alice"])?;
        answer_questions(&mut p, &env, |_| "wrong answer".into())?;
        let (rest, code) = finish(&mut p)?;
        assert_eq!(code, 3, "{rest}");
    }
    let u = env.user("alice");
    assert_eq!(u["status"], "locked", "{u}");
    assert_eq!(u["lock_reason"], "failed-attempts", "{u}");
    Ok(())
}

/// Runs `forgot-password USER` expecting the refusal; returns (output, code).
fn refused(env: &TestEnv, user: &str) -> Result<(String, i32), Box<dyn std::error::Error>> {
    let mut p = spawn(env, &["forgot-password", user])?;
    let (rest, code) = finish(&mut p)?;
    Ok((rest, code))
}

#[test]
fn unknown_locked_disabled_and_no_questions_get_the_same_answer() -> R {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    env.ready_user("bob", "Quiet#pw42"); // no questions
    env.add_user_with_password("carol", "user", &[], "Dove#pw77x");
    let mut input = String::from("Dove#pw77x\n");
    for (id, a) in ANSWERS {
        input.push_str(&format!("{id}={a}\n"));
    }
    assert_code(
        &env.run_stdin(&["questions", "set", "carol", "--password-stdin"], &input),
        0,
    );
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    assert_code(&env.run(&["user", "disable", "carol"]), 0);

    let mut seen = Vec::new();
    for user in ["ghost", "alice", "bob", "carol"] {
        let (out, code) = refused(&env, user)?;
        assert!(has(&out, CANNOT), "{user}: {out}");
        assert!(has(&out, "administrator"), "{user}: {out}");
        assert_eq!(code, 1, "{user}: {out}");
        seen.push((user, out.trim().to_owned(), code));
    }
    for (user, out, code) in &seen[1..] {
        assert_eq!(out, &seen[0].1, "{user} differs from an unknown user");
        assert_eq!(code, &seen[0].2, "{user} differs from an unknown user");
    }
    // Nothing counted.
    for user in ["alice", "bob", "carol"] {
        assert_eq!(env.user(user)["failed_attempts"], 0, "{user}");
    }
    Ok(())
}

#[test]
fn forgot_password_asks_for_the_username_when_not_given() -> R {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    let mut p = spawn(&env, &["forgot-password"])?;
    p.exp_string("Username")?;
    type_line(&mut p, "alice")?;
    answer_questions(&mut p, &env, right_answer)?;
    p.exp_string("New password for alice")?;
    type_line(&mut p, NEW_PW)?;
    p.exp_string("Repeat the password")?;
    type_line(&mut p, NEW_PW)?;
    let (rest, code) = finish(&mut p)?;
    assert_eq!(code, 0, "{rest}");
    assert_code(&env.auth("alice", NEW_PW), 0);
    Ok(())
}

#[test]
fn forgot_password_without_a_terminal_is_a_usage_error() {
    let env = TestEnv::with_db();
    alice_with_questions(&env);
    let hash = env.password_hash("alice");
    let out = env.run_stdin(
        &["forgot-password", "alice"],
        "van der berg\nrex\n1990-01-02\nReset#pw55\nReset#pw55\n",
    );
    assert_code(&out, 2);
    assert_eq!(env.password_hash("alice"), hash);
    assert_code(&env.run(&["forgot-password"]), 2);
}
