//! `keyward questions list|set`: the catalogue and the script form of set.

use crate::common::*;
use serde_json::Value;
use std::process::Output;

const PW: &str = "Right#pw42";

fn set(env: &TestEnv, user: &str, password: &str, lines: &[&str]) -> Output {
    let mut input = format!("{password}\n");
    for l in lines {
        input.push_str(l);
        input.push('\n');
    }
    env.run_stdin(&["questions", "set", user, "--password-stdin"], &input)
}

/// The question text of a catalogue item, whatever the field is called.
fn text_of(item: &Value) -> Option<String> {
    ["text", "question", "prompt", "label"]
        .iter()
        .find_map(|k| item.get(*k).and_then(Value::as_str))
        .map(str::to_owned)
}

/// Rows of the tables that hold security answers (name mentions question or answer).
fn answer_rows(env: &TestEnv) -> Vec<String> {
    let mut rows = Vec::new();
    for t in env.tables() {
        if t.contains("question") || t.contains("answer") {
            for r in env.sql(&format!("SELECT * FROM \"{t}\"")) {
                rows.push(Value::from(r).to_string());
            }
        }
    }
    rows
}

fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[track_caller]
fn assert_not_stored(env: &TestEnv, secret: &str) {
    let (db, wal) = env.file_bytes();
    assert!(
        !contains_bytes(&db, secret.as_bytes()),
        "{secret:?} in the database file"
    );
    if let Some(wal) = wal {
        assert!(
            !contains_bytes(&wal, secret.as_bytes()),
            "{secret:?} in the -wal file"
        );
    }
}

#[test]
fn list_includes_the_catalogue_ids_with_their_text() {
    let env = TestEnv::with_db();
    let v = env.json(&["questions", "list"]);
    let items = v.as_array().unwrap_or_else(|| panic!("not an array: {v}"));
    let ids: Vec<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
    for id in [
        "maiden-name",
        "first-pet",
        "birth-date",
        "birth-city",
        "first-school",
        "childhood-friend",
    ] {
        assert!(ids.contains(&id), "{id} missing from {v}");
    }
    for i in items {
        let t = text_of(i).unwrap_or_else(|| panic!("no question text in {i}"));
        assert!(t.len() > 5, "{i}");
    }
    let maiden = items
        .iter()
        .find(|i| i["id"] == "maiden-name")
        .and_then(text_of)
        .expect("maiden-name text");
    assert!(has(&maiden, "maiden"), "{maiden}");
    let pet = items
        .iter()
        .find(|i| i["id"] == "first-pet")
        .and_then(text_of)
        .expect("first-pet text");
    assert!(has(&pet, "pet"), "{pet}");
}

#[test]
fn list_in_human_output_names_the_ids() {
    let env = TestEnv::with_db();
    let out = env.run(&["questions", "list"]);
    assert_code(&out, 0);
    for id in ["maiden-name", "first-pet", "birth-date"] {
        assert!(stdout(&out).contains(id), "{}", stdout(&out));
    }
}

#[test]
fn set_three_answers_succeeds_and_stores_them_hashed() {
    sqlite_only!("the bytes of the database file");
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Quixotewell",
            "first-pet=Zebulon Barkington",
            "birth-date=1987-03-14",
        ],
    );
    assert_code(&out, 0);
    let rows = answer_rows(&env);
    let hashed = rows.iter().filter(|r| r.contains("$argon2id$")).count();
    assert_eq!(hashed, 3, "three Argon2id answer hashes expected: {rows:?}");
    for secret in [
        "Quixotewell",
        "quixotewell",
        "Zebulon Barkington",
        "zebulon barkington",
        "1987-03-14",
    ] {
        assert_not_stored(&env, secret);
    }
}

/// The prompt says YYYY-MM-DD: anything else, an impossible day, today
/// ([`NOW`] is 2026-11-22) or a future day is refused, and nothing is stored.
#[test]
fn birth_date_answers_must_be_real_past_dates() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    for bad in [
        "31/12/1980",
        "tomorrow",
        "1980-02-30",
        "2026-11-22",
        "2031-01-01",
    ] {
        let answers = [
            "maiden-name=Smithers".to_owned(),
            "first-pet=Rex".to_owned(),
            format!("birth-date={bad}"),
        ];
        let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
        let out = set(&env, "alice", PW, &answers);
        assert_code(&out, 65);
        assert!(has(&stderr(&out), "YYYY-MM-DD"), "{bad}: {}", stderr(&out));
        assert!(answer_rows(&env).is_empty(), "{bad} stored answers");
    }
    let ok = [
        "maiden-name=Smithers",
        "first-pet=Rex",
        "birth-date=2026-11-21",
    ];
    assert_code(&set(&env, "alice", PW, &ok), 0);
}

#[test]
fn set_again_replaces_the_answers() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let first = [
        "maiden-name=Smithers",
        "first-pet=Rex",
        "birth-date=1990-01-02",
    ];
    assert_code(&set(&env, "alice", PW, &first), 0);
    let second = [
        "birth-city=Lisbon",
        "first-school=Hilltop",
        "childhood-friend=Marta",
    ];
    assert_code(&set(&env, "alice", PW, &second), 0);
    let hashed = answer_rows(&env)
        .iter()
        .filter(|r| r.contains("$argon2id$"))
        .count();
    assert_eq!(hashed, 3);
}

#[test]
fn set_changes_no_account_flag() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let lines = [
        "maiden-name=Smithers",
        "first-pet=Rex",
        "birth-date=1990-01-02",
    ];
    assert_code(&set(&env, "alice", PW, &lines), 0);
    assert_code(&env.auth("alice", PW), 0);
}

#[test]
fn two_answers_are_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.snapshot();
    let out = set(
        &env,
        "alice",
        PW,
        &["maiden-name=Smithers", "first-pet=Rex"],
    );
    assert_code(&out, 65);
    let err = stderr(&out);
    assert!(has(&err, "3") || has(&err, "three"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn four_answers_are_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.snapshot();
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet=Rex",
            "birth-date=1990-01-02",
            "birth-city=Lisbon",
        ],
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn unknown_question_id_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.snapshot();
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "favourite-colour=Blue",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "favourite-colour"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn duplicate_question_id_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.snapshot();
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "maiden-name=Jones",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn too_short_answer_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.snapshot();
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet=X",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn answer_short_after_trimming_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet=   x   ",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 65);
}

#[test]
fn two_character_answer_is_accepted() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet=Jo",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 0);
}

#[test]
fn line_without_equals_is_refused() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let before = env.snapshot();
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet Rex",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn wrong_password_exits_3_and_counts() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = set(
        &env,
        "alice",
        "Wrong#pw42",
        &[
            "maiden-name=Smithers",
            "first-pet=Rex",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 3);
    assert_eq!(env.user("alice")["failed_attempts"], 1);
    assert!(answer_rows(&env).iter().all(|r| !r.contains("$argon2id$")));
}

#[test]
fn locked_account_exits_4() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let out = set(
        &env,
        "alice",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet=Rex",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 4);
    assert_eq!(env.user("alice")["failed_attempts"], 0);
}

#[test]
fn unknown_user_exits_3() {
    let env = TestEnv::with_db();
    let out = set(
        &env,
        "ghost",
        PW,
        &[
            "maiden-name=Smithers",
            "first-pet=Rex",
            "birth-date=1990-01-02",
        ],
    );
    assert_code(&out, 3);
}

#[test]
fn set_without_username_and_without_terminal_is_a_usage_error() {
    let env = TestEnv::with_db();
    env.ready_user("alice", PW);
    let out = env.run_stdin(
        &["questions", "set", "--password-stdin"],
        &format!("{PW}\nmaiden-name=Smithers\nfirst-pet=Rex\nbirth-date=1990-01-02\n"),
    );
    assert_code(&out, 2);
}
