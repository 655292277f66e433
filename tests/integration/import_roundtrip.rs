//! `user export` then `user import` into a fresh store gives the same
//! accounts, for the CSV and the JSON export: statuses, hostile names
//! (neutralised in the CSV), facilities, roles; and `--format json` has the
//! CSV's checks, dry run, conflicts and credentials (issue 11, item 12).

use crate::common::*;
use serde_json::Value;

/// Names a spreadsheet would run as formulas, and their look-alikes.
const HOSTILE: [&str; 8] = [
    "=HYPERLINK(\"http://evil\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "|pipe",
    "'=already quoted",
    "Ann, \"the\" Boss",
    "it's fine",
];

/// A store with facilities, roles, hostile names and every status.
fn source_env() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    let mut csv = format!("{IMPORT_HEADER}\n");
    for (i, name) in HOSTILE.iter().enumerate() {
        let role = ["user", "supervisor", "admin"][i % 3];
        let facilities = ["DAL01", "DAL01;HOU02", ""][i % 3];
        // As export writes them, so the stored names are exactly HOSTILE.
        let name = if name
            .trim_start_matches('\'')
            .starts_with(['=', '+', '-', '@', '|'])
        {
            format!("'{name}")
        } else {
            name.to_string()
        };
        let name = name.replace('"', "\"\"");
        csv.push_str(&format!("user{i},\"{name}\",{role},{facilities},\n"));
    }
    assert_code(&env.import(&csv, &["--credentials-out", "creds.csv"]), 0);
    for (i, name) in HOSTILE.iter().enumerate() {
        assert_eq!(env.user(&format!("user{i}"))["name"], *name);
    }
    for (cmd, who) in [
        ("disable", "user1"),
        ("lock", "user2"),
        ("disable", "user4"),
    ] {
        assert_code(&env.run(&["user", cmd, who]), 0);
    }
    env
}

/// What a round trip keeps of each account.
fn accounts(env: &TestEnv) -> Vec<Value> {
    env.users()
        .into_iter()
        .map(|u| {
            serde_json::json!({
                "username": u["username"], "name": u["name"], "role": u["role"],
                "status": u["status"], "facilities": u["facilities"],
            })
        })
        .collect()
}

/// `user export ARGS` on stdout, asserting success.
fn export(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["user", "export"];
    all.extend_from_slice(args);
    let out = env.run(&all);
    assert_code(&out, 0);
    stdout(&out)
}

/// A fresh store (its own `root`) with `file` imported from `text`.
fn import_fresh(file: &str, text: &str, args: &[&str]) -> TestEnv {
    let env = TestEnv::with_db();
    let path = env.path().join(file);
    std::fs::write(&path, text).expect("write export");
    let mut all = vec!["user", "import", path.to_str().expect("utf-8 path")];
    all.extend_from_slice(&["--create-facilities", "--on-conflict", "skip"]);
    all.extend_from_slice(args);
    let out = env.run(&all);
    assert_code(&out, 0);
    env
}

#[test]
fn a_csv_export_is_neutralised_and_reads_back_to_the_same_accounts() {
    let env = source_env();
    let csv = export(&env, &[]);
    assert!(
        csv.starts_with("username,name,role,facilities,password,status,expires_at\n"),
        "{csv}"
    );
    // No cell begins like a formula, quoted or not.
    for line in csv.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@', '|', '\t']), "{line}");
        }
    }
    assert!(
        csv.contains("'=HYPERLINK") && csv.contains("''=already quoted"),
        "{csv}"
    );
    assert!(
        csv.contains(",disabled,\n") && csv.contains(",locked,\n"),
        "{csv}"
    );
    let copy = import_fresh("export.csv", &csv, &[]);
    assert_eq!(accounts(&copy), accounts(&env));
    // A disabled account does not come back active, a locked one is locked.
    assert_code(
        &copy.run_stdin(&["auth", "user1", "--password-stdin"], "x\n"),
        4,
    );
    assert_code(
        &copy.run_stdin(&["auth", "user2", "--password-stdin"], "x\n"),
        4,
    );
}

#[test]
fn a_json_export_reads_back_to_the_same_accounts() {
    let env = source_env();
    let json = export(&env, &["--format", "json"]);
    assert!(json.contains("=HYPERLINK"), "JSON is written as it is");
    let copy = import_fresh("export.json", &json, &["--format", "json"]);
    assert_eq!(accounts(&copy), accounts(&env));
    // And the copy exports the same document again, as CSV too.
    assert_eq!(export(&copy, &[]), export(&env, &[]));
}

#[test]
fn without_a_status_column_an_update_keeps_the_status_and_a_status_sets_it() {
    let env = source_env();
    let csv = format!("{IMPORT_HEADER}\nuser1,New Name,supervisor,DAL01,\n");
    assert_code(&env.import(&csv, &["--on-conflict", "update"]), 0);
    assert_eq!(env.user("user1")["status"], "disabled");
    assert_eq!(env.user("user1")["name"], "New Name");
    let csv = format!(
        "{IMPORT_HEADER},status\nuser1,,user,,,active\nuser2,,user,,,ACTIVE\nuser0,,user,,,locked\n"
    );
    assert_code(&env.import(&csv, &["--on-conflict", "update"]), 0);
    assert_eq!(env.user("user1")["status"], "active");
    assert_eq!(env.user("user2")["status"], "active");
    assert_eq!(env.user("user2")["must_change_password"], true);
    assert_eq!(env.user("user0")["status"], "locked");
    assert_eq!(env.user("user0")["lock_reason"], "admin");
    let before = env.snapshot();
    let csv = format!("{IMPORT_HEADER},status\nnew1,,user,,,gone\nroot,,support,,,disabled\n");
    let out = env.import(&csv, &["--on-conflict", "update"]);
    assert_code(&out, 65);
    let err = stderr(&out);
    assert!(
        err.contains("line 2: status `gone` is not active, disabled or locked"),
        "{err}"
    );
    assert!(
        err.contains("line 3: this would leave no enabled support account"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
}

/// `keyward [--json] user import --format json FILE ARGS` on a file holding `text`.
fn import_json_file(env: &TestEnv, text: &str, args: &[&str]) -> std::process::Output {
    let path = env.path().join("in.json");
    std::fs::write(&path, text).expect("write json");
    let mut all = vec![
        "user",
        "import",
        "--format",
        "json",
        path.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    env.run(&all)
}

#[test]
fn json_import_has_the_csv_checks_dry_run_conflicts_and_credentials() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let good = r#"[{"username": "ann", "name": "Ann", "role": "user", "facilities": ["DAL01"],
                    "status": "disabled", "failed_attempts": 3},
                   {"username": "bob", "password": "Bk#pass123", "must_change": false}]"#;
    let before = env.snapshot();
    let out = import_json_file(&env, good, &["--dry-run"]);
    assert_code(&out, 0);
    assert!(
        stderr(&out).contains("it would create 2"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
    // Generated passwords on stdout as CSV, as for a CSV import.
    let out = import_json_file(&env, good, &[]);
    assert_code(&out, 0);
    assert!(
        stdout(&out).starts_with("username,temporary_password\nann,"),
        "{}",
        stdout(&out)
    );
    assert_eq!(env.user("ann")["status"], "disabled");
    assert_eq!(env.user("bob")["must_change_password"], false);
    // Existing usernames: exit 8 by default, skipped on request.
    assert_code(&import_json_file(&env, good, &[]), 8);
    assert_code(&import_json_file(&env, good, &["--on-conflict", "skip"]), 0);
    // Bad items are listed by line, nothing is written.
    let before = env.snapshot();
    let bad = "[\n{\"username\": \"cid\", \"role\": \"boss\"},\n{\"username\": \"dan\", \"extra\": 1},\n{\"name\": \"no one\"},\n{\"username\": \"eve\", \"facilities\": \"DAL01\"}\n]";
    let out = import_json_file(&env, bad, &[]);
    assert_code(&out, 65);
    let err = stderr(&out);
    for want in [
        "line 2: unknown role",
        "line 3: unknown key `extra`",
        "line 4: missing `username`",
        "line 5: `facilities` must be a list of facility codes",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
    // A document that is not the export's shape stops, naming the line.
    for (text, want) in [
        ("", "the file is empty"),
        ("{\"username\": \"x\"}", "does not start with `[`"),
        (
            "[\n{\"username\": \"fay\"},\n{\"username\": }",
            "line 3: not valid JSON",
        ),
        ("[{\"username\": \"fay\"}, 7]", "an item is not an object"),
        ("[{\"username\": \"fay\"},]", "a `,` before `]`"),
        ("[{\"username\": \"fay\"}] x", "more after the closing `]`"),
        ("[{\"username\": \"fay\"}", "the array ends without `]`"),
    ] {
        let out = import_json_file(&env, text, &[]);
        assert_code(&out, 65);
        assert!(stderr(&out).contains(want), "{want}: {}", stderr(&out));
    }
    assert_eq!(env.snapshot(), before);
}

#[test]
fn json_from_stdin_is_bounded_like_the_csv() {
    let env = TestEnv::with_db();
    let before = env.snapshot();
    // One item longer than a row may be.
    let big = format!(
        "[{{\"username\": \"ann\", \"name\": \"{}\"}}]",
        "x".repeat(2 << 20)
    );
    let out = env.run_stdin(&["user", "import", "--format", "json", "-"], &big);
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("stdin: line 1: a row longer than 1 MiB"),
        "{}",
        stderr(&out)
    );
    // Past the stream limit.
    let mut many = String::from("[");
    for i in 0..200 {
        many.push_str(&format!("{{\"username\": \"user{i:03}\"}},"));
    }
    many.push_str("{\"username\": \"last\"}]");
    let out = env
        .cmd()
        .env("KEYWARD_IMPORT_LIMIT", "1024")
        .args(["user", "import", "--format", "json", "-"])
        .write_stdin(many)
        .output()
        .expect("run keyward");
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("stdin holds more than 1 KiB"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
}
