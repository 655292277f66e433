//! `keyward user import`: every bad input is reported with its physical line
//! number (exit 65) and nothing is written (decisions, issue 6).

use crate::common::*;
use serde_json::Value;
use std::process::Output;

/// Does `text` name line `n` ("line 4", not "line 42")?
fn names_line(text: &str, n: u64) -> bool {
    let lower = text.to_lowercase();
    let needle = format!("line {n}");
    lower.match_indices(&needle).any(|(i, _)| {
        !lower[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Does `text` hold `word` as a whole word (not `password` inside `password_hash`)?
fn names_word(text: &str, word: &str) -> bool {
    let lower = text.to_lowercase();
    let word = word.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    lower.match_indices(&word).any(|(i, _)| {
        !lower[..i].chars().next_back().is_some_and(is_word)
            && !lower[i + word.len()..].chars().next().is_some_and(is_word)
    })
}

/// A database with the facilities `DAL01` and `HOU02`.
fn env_with_facilities() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env
}

/// What both runs of [`reject`] printed.
struct Rejected {
    /// `(line, message)` of each bad row, from the `--json` error.
    rows: Vec<(u64, String)>,
    /// The `--json` error's message.
    message: String,
    /// Everything both runs printed, stdout and stderr.
    all_output: String,
}

fn everything(out: &Output) -> String {
    format!("{}\n{}", stdout(out), stderr(out))
}

/// Imports `csv` twice (with `--json`, then in text mode), asserting each run
/// exits 65, prints nothing on stdout, names every bad row's line on stderr,
/// and changes nothing: no account, facility or flag, no audit row.
#[track_caller]
fn reject(env: &TestEnv, csv: &str, args: &[&str]) -> Rejected {
    let before = env.snapshot();
    let head = env.audit_head_id();

    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let json_out = env.import(csv, &all);
    assert_code(&json_out, 65);
    assert!(
        json_out.stdout.is_empty(),
        "a rejected import prints nothing on stdout:\n{}",
        stdout(&json_out)
    );
    let err = parse_error(&json_out);
    assert_eq!(err["error"]["code"], 65, "{err}");
    let message = err["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no error message: {err}"))
        .to_owned();
    let rows = error_rows(&json_out);
    let lines: Vec<u64> = rows.iter().map(|(l, _)| *l).collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(lines, sorted, "rows are reported in file order: {err}");

    let text_out = env.import(csv, args);
    assert_code(&text_out, 65);
    assert!(
        text_out.stdout.is_empty(),
        "a rejected import prints nothing on stdout:\n{}",
        stdout(&text_out)
    );
    let text = stderr(&text_out);
    for line in &lines {
        assert!(
            names_line(&text, *line),
            "text-mode error should name line {line}:\n{text}"
        );
    }

    assert_eq!(env.snapshot(), before, "a rejected import wrote something");
    assert_eq!(
        env.audit_head_id(),
        head,
        "a rejected import added audit rows: {:#?}",
        env.audit_since(head)
    );
    Rejected {
        rows,
        message,
        all_output: format!("{}\n{}", everything(&json_out), everything(&text_out)),
    }
}

/// Like [`reject`] for a problem with the file as a whole (header, empty
/// file): exit 65 in both modes, nothing written; returns the JSON message
/// and the text-mode stderr.
#[track_caller]
fn reject_file(env: &TestEnv, csv: &str) -> (String, String) {
    let before = env.snapshot();
    let head = env.audit_head_id();
    let json_out = env.import(csv, &["--json"]);
    assert_code(&json_out, 65);
    assert!(json_out.stdout.is_empty(), "{}", stdout(&json_out));
    let err = parse_error(&json_out);
    assert_eq!(err["error"]["code"], 65, "{err}");
    let message = err["error"]["message"].as_str().unwrap_or("").to_owned();
    let text_out = env.import(csv, &[]);
    assert_code(&text_out, 65);
    assert!(text_out.stdout.is_empty(), "{}", stdout(&text_out));
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_head_id(), head);
    (message, stderr(&text_out))
}

#[track_caller]
fn assert_lines(rows: &[(u64, String)], want: &[u64]) {
    let got: Vec<u64> = rows.iter().map(|(l, _)| *l).collect();
    assert_eq!(got, want, "reported rows: {rows:#?}");
}

// ---- single bad values -------------------------------------------------------

#[test]
fn a_bad_role_is_reported_at_its_line() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nalice,Alice,user,DAL01,\nbob,Bob,wizard,DAL01,\n"),
        &[],
    );
    assert_lines(&r.rows, &[3]);
    assert!(has(&r.rows[0].1, "role"), "{:?}", r.rows);
}

#[test]
fn a_bad_username_is_reported() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nBad User!,,user,,\nok.name,,user,,\nx,,user,,\n"),
        &[],
    );
    assert_lines(&r.rows, &[2, 4]);
}

#[test]
fn an_unknown_facility_is_a_bad_row_naming_it() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nbob,Bob,user,DAL01;NOPE9,\n"),
        &[],
    );
    assert_lines(&r.rows, &[2]);
    assert!(r.rows[0].1.contains("NOPE9"), "{:?}", r.rows);
    let out = env.run(&["facility", "show", "NOPE9"]);
    assert_code(&out, 7);
}

#[test]
fn a_bad_facility_code_is_a_bad_row() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nbob,,user,bad code!,\n"),
        &["--create-facilities"],
    );
    assert_lines(&r.rows, &[2]);
}

#[test]
fn create_facilities_creates_the_unknown_ones_named_after_their_code() {
    let env = env_with_facilities();
    let head = env.audit_head_id();
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nbob,Bob,user,dal01;NOPE9;new-2,\ncarol,,user,NOPE9,\n"),
        &["--create-facilities"],
    );
    assert_eq!(v["created"], 2, "{v}");
    let nope = env.json(&["facility", "show", "NOPE9"]);
    assert_eq!(nope["code"], "NOPE9", "{nope}");
    assert_eq!(nope["name"], "NOPE9", "{nope}");
    assert_eq!(nope["accounts"], 2, "{nope}");
    let new2 = env.json(&["facility", "show", "new-2"]);
    assert_eq!(new2["name"], "new-2", "{new2}");
    // `dal01` is the existing DAL01 (codes match case-insensitively), not a new one.
    let list = env.json(&["facility", "list"]);
    let codes: Vec<&str> = list
        .as_array()
        .expect("facility list is an array")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes.len(), 4, "DAL01, HOU02, NOPE9, new-2: {list}");
    assert_eq!(
        facilities_of(&env.user("bob")),
        vec!["DAL01", "NOPE9", "new-2"]
    );
    let added: Vec<Value> = env
        .audit_since(head)
        .into_iter()
        .filter(|r| r["action"] == "facility.add")
        .collect();
    assert_eq!(added.len(), 2, "one facility.add per created facility");
}

#[test]
fn a_username_twice_is_an_error_on_the_second_line_naming_the_first() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nalice,,user,,\nbob,,user,,\nALICE,,user,,\ncarol,,user,,\n"),
        &[],
    );
    assert_lines(&r.rows, &[4]);
    assert!(
        names_line(&r.rows[0].1, 2),
        "the duplicate should name line 2: {:?}",
        r.rows
    );
}

#[test]
fn malformed_password_hashes_are_bad_rows_and_never_echoed() {
    let env = env_with_facilities();
    let valid = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    let bad = [
        "not-a-hash-Secret#1".to_owned(),
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW".to_owned(),
        valid.replace("m=19456", "m=300000"),
        valid.replace("t=2", "t=11"),
        valid.replace("p=1", "p=17"),
        valid.replace("v=19", "v=17"),
        valid.replace("argon2id", "argon2x"),
        // salt of 4 bytes
        valid.replace("f2S9F36Xis6lPk4OG2glpQ", "c2FsdA"),
        // hash of 8 bytes
        valid.replace("G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI", "AAAAAAAAAAA"),
        // no hash at all
        valid.replace("$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI", ""),
    ];
    let mut csv = format!("{IMPORT_HEADER},password_hash\n");
    // A good migrated row first: it must not be written either.
    csv.push_str(&format!("good,,user,,,\"{valid}\"\n"));
    for (i, h) in bad.iter().enumerate() {
        csv.push_str(&format!("h{i:02},,user,,,\"{h}\"\n"));
    }
    let r = reject(&env, &csv, &[]);
    let want: Vec<u64> = (3..3 + bad.len() as u64).collect();
    assert_lines(&r.rows, &want);
    assert_eq!(env.count_accounts("good"), 0);
    for h in &bad {
        assert!(
            !r.all_output.contains(h.as_str()),
            "the hash text {h:?} is echoed:\n{}",
            r.all_output
        );
    }
    for part in valid.split('$').filter(|p| p.len() >= 16) {
        assert!(
            !r.all_output.contains(part),
            "a part of a hash ({part:?}) is echoed:\n{}",
            r.all_output
        );
    }
}

#[test]
fn a_password_that_breaks_the_policy_is_reported_without_echoing_it() {
    let env = env_with_facilities();
    let no_digit_no_special = "Wxyzqvbnmtrk";
    let has_username = "Xcarol#9z";
    let too_long = "Ab1#Ab1#Ab1#Ab1#Zz";
    let r = reject(
        &env,
        &format!(
            "{IMPORT_HEADER}\nbob,,user,,{no_digit_no_special}\ncarol,,user,,{has_username}\ndave,,user,,{too_long}\nerin,,user,,Fine#pw42\n"
        ),
        &[],
    );
    assert_lines(&r.rows, &[2, 3, 4]);
    let bob = &r.rows[0].1;
    assert!(
        has(bob, "digit") && has(bob, "special"),
        "every broken rule is named: {bob}"
    );
    assert!(has(&r.rows[1].1, "username"), "{:?}", r.rows[1]);
    for pw in [no_digit_no_special, has_username, too_long, "Fine#pw42"] {
        assert!(
            !r.all_output.contains(pw),
            "the password {pw:?} is echoed:\n{}",
            r.all_output
        );
    }
}

#[test]
fn password_and_password_hash_in_one_row_is_an_error() {
    let env = env_with_facilities();
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER},password_hash\nbob,,user,,Fine#pw42,\"{hash}\"\n"),
        &[],
    );
    assert_lines(&r.rows, &[2]);
    assert!(!r.all_output.contains(hash), "{}", r.all_output);
    assert!(!r.all_output.contains("Fine#pw42"), "{}", r.all_output);
}

#[test]
fn must_change_false_without_a_password_or_hash_is_an_error() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!(
            "{IMPORT_HEADER},password_hash,must_change\nbob,,user,,,,false\ncarol,,user,,,,true\n"
        ),
        &[],
    );
    assert_lines(&r.rows, &[2]);
}

#[test]
fn an_invalid_must_change_value_is_an_error() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER},must_change\nbob,,user,,Fine#pw42,maybe\n"),
        &[],
    );
    assert_lines(&r.rows, &[2]);
    assert!(
        has(&r.rows[0].1, "must_change") || has(&r.rows[0].1, "maybe"),
        "{:?}",
        r.rows
    );
}

#[test]
fn a_name_with_a_control_character_is_an_error() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nbob,Bob\u{7}Bell,user,,\n"),
        &[],
    );
    assert_lines(&r.rows, &[2]);
}

// ---- line numbers ----------------------------------------------------------------

#[test]
fn rows_after_a_multi_line_quoted_field_keep_their_physical_line_numbers() {
    let env = env_with_facilities();
    // Line 2-4: a name spanning three lines (a newline in a name is refused,
    // reported where the row starts); line 5 good; line 6 a bad role.
    let csv = format!(
        "{IMPORT_HEADER}\nalice,\"Alice\nvan\nArcher\",user,DAL01,\nbob,Bob,user,DAL01,\ncarol,Carol,wizard,DAL01,\n"
    );
    let r = reject(&env, &csv, &[]);
    assert_lines(&r.rows, &[2, 6]);
    assert!(has(&r.rows[1].1, "role"), "{:?}", r.rows);
}

#[test]
fn crlf_files_count_lines_the_same_way() {
    let env = env_with_facilities();
    let csv = format!(
        "{IMPORT_HEADER}\r\nalice,\"Alice\r\nArcher\",user,DAL01,\r\nbob,Bob,user,DAL01,\r\ncarol,Carol,wizard,DAL01,\r\n"
    );
    let r = reject(&env, &csv, &[]);
    assert_lines(&r.rows, &[2, 5]);
}

#[test]
fn blank_lines_are_skipped_but_counted() {
    let env = env_with_facilities();
    let csv = format!("{IMPORT_HEADER}\n\nalice,,user,,\n\n\nbob,,wizard,,\n");
    let r = reject(&env, &csv, &[]);
    assert_lines(&r.rows, &[6]);
}

#[test]
fn several_bad_rows_are_all_reported_in_file_order_and_nothing_is_written() {
    let env = env_with_facilities();
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    let csv = format!(
        "{IMPORT_HEADER},password_hash,must_change\n\
         good1,Good One,user,DAL01,,,\n\
         bad.role,,chief,DAL01,,,\n\
         bad.fac,,user,ZZZ9,,,\n\
         good2,,supervisor,HOU02,Fine#pw42,,\n\
         bad.hash,,user,,,$argon2id$v=19$broken,\n\
         bad.both,,user,,Fine#pw42,\"{hash}\",\n\
         bad.flag,,user,,,,false\n\
         good1,,user,,,,\n\
         bad.pw,,user,,short,,\n\
         good3,,user,,,\"{hash}\",\n"
    );
    let r = reject(&env, &csv, &[]);
    assert_lines(&r.rows, &[3, 4, 6, 7, 8, 9, 10]);
    assert!(
        names_line(&r.rows[5].1, 2),
        "duplicate names line 2: {:?}",
        r.rows[5]
    );
    assert_eq!(env.count_accounts("good"), 0);
    assert_eq!(env.count_accounts("bad"), 0);
    assert!(!r.all_output.contains(hash), "{}", r.all_output);
    assert!(!r.all_output.contains("Fine#pw42"), "{}", r.all_output);
    assert!(!r.message.is_empty());
}

#[test]
fn at_most_1000_bad_rows_are_listed_then_how_many_more() {
    let env = env_with_facilities();
    let mut csv = format!("{IMPORT_HEADER}\n");
    for i in 0..1005 {
        csv.push_str(&format!("u{i:05},,wizard,,\n"));
    }
    let r = reject(&env, &csv, &[]);
    assert_eq!(r.rows.len(), 1000, "rows listed");
    assert_eq!(r.rows[0].0, 2);
    assert_eq!(r.rows[999].0, 1001);
    let text = stderr(&env.import(&csv, &[]));
    assert!(
        text.lines().any(|l| l.contains('5') && has(l, "more")),
        "the text names how many more (5):\n{}",
        text.lines().rev().take(5).collect::<Vec<_>>().join("\n")
    );
}

// ---- the file as a whole -----------------------------------------------------------

#[test]
fn an_empty_file_is_an_error() {
    let env = env_with_facilities();
    let (message, text) = reject_file(&env, "");
    assert!(has(&message, "empty"), "{message}");
    assert!(has(&text, "empty"), "{text}");
    assert!(
        message.contains(IMPORT_HEADER),
        "names the header: {message}"
    );
}

#[test]
fn a_file_of_blank_lines_is_an_error() {
    let env = env_with_facilities();
    let (message, _) = reject_file(&env, "\n\n\n");
    assert!(has(&message, "empty"), "{message}");
}

#[test]
fn a_header_without_rows_succeeds_with_zero_counts() {
    let env = env_with_facilities();
    let before = env.snapshot();
    let v = env.import_json(&format!("{IMPORT_HEADER}\n"), &[]);
    assert_eq!(v["created"], 0, "{v}");
    assert_eq!(v["updated"], 0, "{v}");
    assert_eq!(v["skipped"], 0, "{v}");
    let out = env.import(&format!("{IMPORT_HEADER}\n\n"), &[]);
    assert_code(&out, 0);
    assert!(
        out.stdout.is_empty(),
        "no generated password, nothing on stdout: {}",
        stdout(&out)
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_missing_column_is_named_with_the_expected_header() {
    let env = env_with_facilities();
    for (header, missing) in [
        ("username,name,role,password", "facilities"),
        ("username,name,role,facilities", "password"),
        ("name,role,facilities,password", "username"),
    ] {
        let (message, text) = reject_file(&env, &format!("{header}\nbob,,user,\n"));
        let rest = message.replace(IMPORT_HEADER, "");
        assert!(
            names_word(&rest, missing),
            "{header}: should name {missing}: {message}"
        );
        assert!(
            message.contains(IMPORT_HEADER),
            "names the header: {message}"
        );
        assert!(
            names_word(&text.replace(IMPORT_HEADER, ""), missing),
            "{text}"
        );
    }
}

#[test]
fn an_unknown_column_is_named() {
    let env = env_with_facilities();
    let (message, text) = reject_file(
        &env,
        &format!("{IMPORT_HEADER},email\nbob,,user,,,bob@example.org\n"),
    );
    assert!(has(&message, "email"), "{message}");
    assert!(
        message.contains(IMPORT_HEADER),
        "names the header: {message}"
    );
    assert!(has(&text, "email"), "{text}");
}

#[test]
fn a_repeated_column_is_named() {
    let env = env_with_facilities();
    let (message, _) = reject_file(&env, &format!("{IMPORT_HEADER},role\nbob,,user,,,user\n"));
    let rest = message.replace(IMPORT_HEADER, "");
    assert!(names_word(&rest, "role"), "{message}");
    assert!(
        message.contains(IMPORT_HEADER),
        "names the header: {message}"
    );
    let (message, _) = reject_file(
        &env,
        &format!("{IMPORT_HEADER},must_change,Must_Change\nbob,,user,,Fine#pw42,true,true\n"),
    );
    assert!(has(&message, "must_change"), "{message}");
}

// ---- which error wins ----------------------------------------------------------------

#[test]
fn invalid_data_wins_over_a_conflict() {
    let env = env_with_facilities();
    env.add_user_with_password("alice", "user", &["DAL01"], "Start#pw1");
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nalice,,user,,\nbob,,wizard,,\n"),
        &[],
    );
    assert!(r.rows.iter().any(|(l, _)| *l == 3), "{:?}", r.rows);
}

#[test]
fn an_update_that_demotes_the_last_support_account_is_a_bad_row() {
    let env = env_with_facilities();
    let r = reject(
        &env,
        &format!("{IMPORT_HEADER}\nalice,,user,,\n{ROOT},,user,,\n"),
        &["--on-conflict", "update"],
    );
    assert_lines(&r.rows, &[3]);
    assert_eq!(env.user(ROOT)["role"], "support");
}
