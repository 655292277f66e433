//! `keyward user import`: what a good file creates, `--dry-run`,
//! `--on-conflict fail|skip|update`, stdin, the header's forms, the audit
//! rows and the operator's scope (decisions, issue 6).

use crate::common::*;
use serde_json::{Value, json};

/// A database with the facilities `DAL01` and `HOU02`.
fn env_with_facilities() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env
}

const PW: &str = "Start#pw1";

/// The `credentials` list of an import's JSON document as pairs (empty when
/// absent or null).
fn json_credentials(v: &Value) -> Vec<(String, String)> {
    v["credentials"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    (
                        c["username"].as_str().unwrap_or_default().to_owned(),
                        c["temporary_password"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---- creating ---------------------------------------------------------------

#[test]
fn a_plain_import_creates_accounts_with_role_facilities_name_and_pending_actions() {
    let env = env_with_facilities();
    env.publish_terms("Be kind.\n");
    let csv = format!(
        "{IMPORT_HEADER}\n\
         Alice,Alice Archer,SUPERVISOR,DAL01;HOU02,\n\
         bob,,user,,Bk#pass123\n\
         carol,\"Carol, \"\"C\"\"\",, dal01 ; DAL01 ,\n"
    );
    let out = env.import(&csv, &[]);
    assert_code(&out, 0);

    let alice = env.user("alice");
    assert_account(&alice);
    assert_eq!(alice["role"], "supervisor");
    assert_eq!(alice["name"], "Alice Archer");
    assert_eq!(facilities_of(&alice), vec!["DAL01", "HOU02"]);
    assert_eq!(alice["status"], "active");
    assert_eq!(alice["must_change_password"], true);
    assert_eq!(alice["terms_pending"], true);
    assert_eq!(alice["failed_attempts"], 0);

    let bob = env.user("bob");
    assert_eq!(bob["role"], "user");
    assert_eq!(bob["name"], Value::Null, "an empty name is none");
    assert_eq!(facilities_of(&bob), Vec::<String>::new());
    assert_eq!(
        bob["must_change_password"], true,
        "a given password is temporary"
    );
    assert_eq!(bob["terms_pending"], true);
    check_argon2id(&env.password_hash("bob"), "Bk#pass123").expect("bob's hash");

    let carol = env.user("carol");
    assert_eq!(carol["role"], "user", "an empty role is user");
    assert_eq!(carol["name"], "Carol, \"C\"");
    assert_eq!(
        facilities_of(&carol),
        vec!["DAL01"],
        "trimmed, repeats merged"
    );

    // stdout is only the CSV of generated passwords: alice and carol, not bob.
    let creds = parse_credentials(&stdout(&out));
    let mut names: Vec<&str> = creds.iter().map(|(u, _)| u.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, vec!["alice", "carol"]);
    for (user, pw) in &creds {
        satisfies_policy(pw, 6, 12, DEFAULT_SPECIALS).unwrap_or_else(|e| panic!("{user}: {e}"));
        assert!(
            !stderr(&out).contains(pw.as_str()),
            "summary shows a password"
        );
    }
    assert_ne!(creds[0].1, creds[1].1);
    // stderr is not a terminal: no progress bar, no escape sequences.
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
}

#[test]
fn generated_and_given_passwords_sign_in_and_must_be_changed() {
    let env = env_with_facilities();
    let csv = format!("{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,,Bk#pass123\n");
    let out = env.import(&csv, &[]);
    assert_code(&out, 0);
    let creds = parse_credentials(&stdout(&out));
    assert_eq!(creds.len(), 1, "{creds:?}");
    assert_eq!(creds[0].0, "alice");

    let a = env.auth("alice", &creds[0].1);
    assert_code(&a, 5);
    assert_eq!(required_actions(&a), vec!["change_password"]);
    let b = env.auth("bob", "Bk#pass123");
    assert_code(&b, 5);
    assert_eq!(required_actions(&b), vec!["change_password"]);
    let wrong = env.auth("bob", "Bk#pass124");
    assert_code(&wrong, 3);
}

#[test]
fn new_accounts_must_accept_published_terms() {
    let env = env_with_facilities();
    env.publish_terms("Be kind to the database.\n");
    let v = env.import_json(&format!("{IMPORT_HEADER}\nalice,,user,DAL01,\n"), &[]);
    let creds = json_credentials(&v);
    assert_eq!(creds.len(), 1, "{v}");
    let a = env.auth("alice", &creds[0].1);
    assert_code(&a, 5);
    assert_eq!(
        required_actions(&a),
        vec!["accept_terms", "change_password"]
    );
}

#[test]
fn json_import_prints_one_document_with_counts_and_credentials() {
    let env = env_with_facilities();
    let v = env.import_json(
        &format!(
            "{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,,Bk#pass123\ncarol,,admin,HOU02,\n"
        ),
        &[],
    );
    assert_eq!(v["created"], 3, "{v}");
    assert_eq!(v["updated"], 0, "{v}");
    assert_eq!(v["skipped"], 0, "{v}");
    assert_eq!(v["dry_run"], false, "{v}");
    let creds = json_credentials(&v);
    let mut names: Vec<&str> = creds.iter().map(|(u, _)| u.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, vec!["alice", "carol"], "{v}");
    for (user, pw) in &creds {
        satisfies_policy(pw, 6, 12, DEFAULT_SPECIALS).unwrap_or_else(|e| panic!("{user}: {e}"));
    }
    let (user, pw) = &creds[0];
    check_argon2id(&env.password_hash(user), pw).expect("the printed password is the stored one");
}

#[test]
fn usernames_are_lower_cased_and_roles_ignore_case() {
    let env = env_with_facilities();
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nMiXeD.Case,,Admin,,Fine#pw42\n"),
        &[],
    );
    assert_eq!(v["created"], 1, "{v}");
    let u = env.user("mixed.case");
    assert_eq!(u["username"], "mixed.case");
    assert_eq!(u["role"], "admin");
}

#[test]
fn the_header_may_be_in_any_order_any_case_with_spaces_and_a_bom() {
    let env = env_with_facilities();
    let csv = "\u{feff} Role ,USERNAME,password, Facilities ,Name\n\
               supervisor,alice,,DAL01,Alice A\n\
               \n\
               user,bob,Bk#pass123,HOU02,\n";
    let v = env.import_json(csv, &[]);
    assert_eq!(v["created"], 2, "{v}");
    let alice = env.user("alice");
    assert_eq!(alice["role"], "supervisor");
    assert_eq!(alice["name"], "Alice A");
    assert_eq!(facilities_of(&alice), vec!["DAL01"]);
    let bob = env.user("bob");
    assert_eq!(facilities_of(&bob), vec!["HOU02"]);
    check_argon2id(&env.password_hash("bob"), "Bk#pass123").expect("bob's hash");
}

#[test]
fn a_dash_reads_the_file_from_stdin() {
    let env = env_with_facilities();
    let csv = format!("{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,,Bk#pass123\n");
    let out = env.run_stdin(&["--json", "user", "import", "-"], &csv);
    assert_code(&out, 0);
    let v = parse_stdout(&out);
    assert_eq!(v["created"], 2, "{v}");
    assert_eq!(env.usernames(), vec!["alice", "bob", ROOT]);

    // Errors on stdin are reported with their lines too.
    let out = env.run_stdin(
        &["--json", "user", "import", "-"],
        &format!("{IMPORT_HEADER}\ncarol,,user,,\ndave,,wizard,,\n"),
    );
    assert_code(&out, 65);
    assert_eq!(
        error_rows(&out).iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        vec![3]
    );
    assert_eq!(env.count_accounts("carol"), 0);
}

/// `keyward user import -` with `csv` on stdin, `KEYWARD_IMPORT_LIMIT=limit`
/// (debug builds: the most read from stdin) and TMPDIR inside the temp dir.
fn import_stdin_with_limit(env: &TestEnv, limit: u64, csv: &str) -> std::process::Output {
    let tmp = env.path().join("tmp");
    std::fs::create_dir_all(&tmp).expect("create TMPDIR");
    env.cmd()
        .env("KEYWARD_IMPORT_LIMIT", limit.to_string())
        .env("TMPDIR", &tmp)
        .args(["user", "import", "-"])
        .write_stdin(csv.to_owned())
        .output()
        .expect("run keyward")
}

#[test]
fn stdin_past_the_limit_stops_with_65_and_changes_nothing() {
    let env = env_with_facilities();
    let hash = argon2id_hash("Mig#rate42");
    let mut csv = format!("{IMPORT_HEADER},password_hash\n");
    for i in 0..20 {
        csv.push_str(&format!("lim{i:02},,user,DAL01,,\"{hash}\"\n"));
    }
    assert!(csv.len() > 1024 && csv.len() < 4096);
    let before = env.snapshot();
    let out = import_stdin_with_limit(&env, 1024, &csv);
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("stdin holds more than 1 KiB")
            && stderr(&out).contains("nothing was written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_count("user.import"), 0);
    // Under the limit the same input imports, read back from the spool for
    // the second read, and the spool leaves nothing behind.
    let out = import_stdin_with_limit(&env, 4096, &csv);
    assert_code(&out, 0);
    assert_eq!(env.count_accounts("lim"), 20);
    assert_eq!(
        std::fs::read_dir(env.path().join("tmp"))
            .expect("list TMPDIR")
            .count(),
        0,
        "the temporary copy of stdin is unlinked"
    );
}

/// `sh -c SCRIPT` with keyward's environment, where `$K` is the binary and
/// the address space is capped at 2 GiB, so a runaway read fails fast
/// instead of eating the machine.
fn sh_bounded(env: &TestEnv, script: &str, extra: &[(&str, &str)]) -> std::process::Output {
    let mut sh = crate::common::via_sh(&env.std_cmd(&[]), &format!("ulimit -v 2097152; {script}"));
    sh.current_dir(env.path());
    for (k, v) in extra {
        sh.env(k, v);
    }
    sh.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run sh")
}

#[test]
fn dev_zero_and_endless_pipes_stop_with_65_instead_of_growing() {
    let env = env_with_facilities();
    let before = env.snapshot();
    // No line break ever: the header row is bounded.
    let out = sh_bounded(&env, "exec \"$K\" user import /dev/zero", &[]);
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("a row longer than"),
        "{}",
        stderr(&out)
    );
    // A header, then endless zero bytes on stdin: row 2 is bounded.
    let out = sh_bounded(
        &env,
        &format!("(echo '{IMPORT_HEADER}'; cat /dev/zero) | \"$K\" user import -"),
        &[],
    );
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("line 2: a row longer than"),
        "{}",
        stderr(&out)
    );
    // A header, then endless short rows (`yes`): the stdin limit.
    let out = sh_bounded(
        &env,
        &format!("(echo '{IMPORT_HEADER}'; yes 'ab,,user,,') | \"$K\" user import -"),
        &[("KEYWARD_IMPORT_LIMIT", "1048576")],
    );
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("stdin holds more than 1 MiB"),
        "{}",
        stderr(&out)
    );
    // `yes` alone is not a header.
    let out = sh_bounded(&env, "yes | \"$K\" user import -", &[]);
    assert_code(&out, 65);
    assert!(
        stderr(&out).contains("unknown column `y`"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
}

// ---- dry run ------------------------------------------------------------------------

#[test]
fn dry_run_reports_counts_and_writes_nothing() {
    let env = env_with_facilities();
    env.add_user_with_password("alice", "user", &["DAL01"], PW);
    let before = env.snapshot();
    let head = env.audit_head_id();
    let creds_path = env.path().join("dry-creds.csv");
    let csv = format!(
        "{IMPORT_HEADER}\nalice,,user,DAL01,\nbob,,user,NEWFAC,\ncarol,,user,,Bk#pass123\n"
    );
    let v = env.import_json(
        &csv,
        &[
            "--dry-run",
            "--on-conflict",
            "skip",
            "--create-facilities",
            "--credentials-out",
            creds_path.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(v["dry_run"], true, "{v}");
    assert_eq!(v["created"], 2, "{v}");
    assert_eq!(v["skipped"], 1, "{v}");
    assert_eq!(v["updated"], 0, "{v}");
    assert!(
        json_credentials(&v).is_empty(),
        "a dry run generates nothing: {v}"
    );
    assert!(
        !creds_path.exists(),
        "a dry run creates no credentials file"
    );
    assert_eq!(env.snapshot(), before, "a dry run wrote something");
    assert_eq!(env.audit_head_id(), head, "a dry run wrote audit rows");

    // Text mode: nothing on stdout (no password was generated).
    let out = env.import(
        &csv,
        &["--dry-run", "--on-conflict", "skip", "--create-facilities"],
    );
    assert_code(&out, 0);
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn dry_run_checks_conflicts_and_bad_rows() {
    let env = env_with_facilities();
    env.add_user_with_password("alice", "user", &["DAL01"], PW);
    let before = env.snapshot();
    let out = env.import(
        &format!("{IMPORT_HEADER}\nbob,,user,,\nalice,,user,,\n"),
        &["--dry-run"],
    );
    assert_code(&out, 8);
    assert!(stderr(&out).contains("alice"), "{}", stderr(&out));
    let out = env.import(&format!("{IMPORT_HEADER}\nbob,,wizard,,\n"), &["--dry-run"]);
    assert_code(&out, 65);
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nbob,,user,DAL01,\nalice,New,admin,HOU02,\n"),
        &["--dry-run", "--on-conflict", "update"],
    );
    assert_eq!(v["created"], 1, "{v}");
    assert_eq!(v["updated"], 1, "{v}");
    assert_eq!(env.snapshot(), before);
}

// ---- conflicts ------------------------------------------------------------------------

#[test]
fn on_conflict_fail_names_each_existing_username_and_writes_nothing() {
    let env = env_with_facilities();
    env.add_user_with_password("alice", "user", &["DAL01"], PW);
    env.add_user_with_password("bob", "user", &["DAL01"], PW);
    let before = env.snapshot();
    let head = env.audit_head_id();
    let csv = format!("{IMPORT_HEADER}\nalice,,user,,\ndave,,user,,\nBOB,,user,,\n");
    for args in [&[][..], &["--on-conflict", "fail"][..]] {
        let out = env.import(&csv, args);
        assert_code(&out, 8);
        let text = stderr(&out);
        assert!(text.contains("alice") && text.contains("bob"), "{text}");
        assert!(out.stdout.is_empty(), "{}", stdout(&out));
    }
    let mut json_args = vec!["--json"];
    json_args.extend_from_slice(&["--on-conflict", "fail"]);
    let out = env.import(&csv, &json_args);
    assert_code(&out, 8);
    let err = parse_error(&out);
    assert_eq!(err["error"]["code"], 8, "{err}");
    let err_text = err.to_string();
    assert!(
        err_text.contains("alice") && err_text.contains("bob"),
        "{err}"
    );
    assert_eq!(env.count_accounts("dave"), 0);
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_head_id(), head);
}

#[test]
fn on_conflict_skip_leaves_existing_accounts_untouched() {
    let env = env_with_facilities();
    env.json(&[
        "user",
        "add",
        "alice",
        "--role",
        "supervisor",
        "--facility",
        "DAL01",
        "--name",
        "Alice",
    ]);
    assert_code(&env.run(&["user", "lock", "alice"]), 0);
    let alice_before = env.user("alice");
    let hash_before = env.password_hash("alice");
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nalice,Other,admin,HOU02,Other#pw42\nerin,,user,HOU02,\n"),
        &["--on-conflict", "skip"],
    );
    assert_eq!(v["created"], 1, "{v}");
    assert_eq!(v["skipped"], 1, "{v}");
    assert_eq!(v["updated"], 0, "{v}");
    assert_eq!(env.user("alice"), alice_before);
    assert_eq!(env.password_hash("alice"), hash_before);
    let creds = json_credentials(&v);
    assert_eq!(
        creds.iter().map(|(u, _)| u.as_str()).collect::<Vec<_>>(),
        vec!["erin"],
        "{v}"
    );
    assert_eq!(facilities_of(&env.user("erin")), vec!["HOU02"]);
}

#[test]
fn on_conflict_update_replaces_name_role_and_facilities_and_keeps_an_omitted_password() {
    let env = env_with_facilities();
    env.ready_account("alice", "supervisor", &["DAL01", "HOU02"], PW);
    env.exec("UPDATE account SET name = 'Old Name' WHERE username = 'alice'");
    env.ready_account("bob", "user", &["DAL01"], PW);
    let alice_hash = env.password_hash("alice");
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nalice,New Name,admin,HOU02,\nbob,,supervisor,,\n"),
        &["--on-conflict", "update"],
    );
    assert_eq!(v["updated"], 2, "{v}");
    assert_eq!(v["created"], 0, "{v}");
    assert!(
        json_credentials(&v).is_empty(),
        "nothing is generated for an existing account: {v}"
    );
    let alice = env.user("alice");
    assert_eq!(alice["name"], "New Name");
    assert_eq!(alice["role"], "admin");
    assert_eq!(facilities_of(&alice), vec!["HOU02"], "the set is replaced");
    assert_eq!(
        env.password_hash("alice"),
        alice_hash,
        "an empty password keeps the hash"
    );
    assert_code(&env.auth("alice", PW), 0);
    let bob = env.user("bob");
    assert_eq!(bob["name"], Value::Null);
    assert_eq!(bob["role"], "supervisor");
    assert_eq!(facilities_of(&bob), Vec::<String>::new());
}

#[test]
fn on_conflict_update_with_a_password_replaces_it_and_clears_failures_but_keeps_the_lock() {
    let env = env_with_facilities();
    env.ready_account("bob", "user", &["DAL01"], PW);
    env.ready_account("dave", "user", &["DAL01"], PW);
    assert_code(&env.auth("bob", "Wrong#pw9"), 3);
    assert_code(&env.auth("bob", "Wrong#pw9"), 3);
    assert_eq!(env.failed_attempts("bob"), 2);
    assert_code(&env.run(&["user", "lock", "dave"]), 0);
    let old = env.password_hash("bob");

    let v = env.import_json(
        &format!(
            "{IMPORT_HEADER}\nbob,Bob,user,DAL01,Fresh#pw77\ndave,Dave,user,DAL01,Fresh#pw78\n"
        ),
        &["--on-conflict", "update"],
    );
    assert_eq!(v["updated"], 2, "{v}");
    assert_ne!(env.password_hash("bob"), old);
    // The history is kept: the old hash is still there, after the new one.
    let history = env.sql(
        "SELECT hash FROM password_history WHERE account_id = \
         (SELECT id FROM account WHERE username = 'bob') ORDER BY id",
    );
    let history: Vec<&str> = history.iter().filter_map(|r| r[0].as_str()).collect();
    assert!(history.contains(&old.as_str()), "{history:?}");
    check_argon2id(&env.password_hash("bob"), "Fresh#pw77").expect("bob's new hash");
    let bob = env.user("bob");
    assert_eq!(
        bob["failed_attempts"], 0,
        "a new password clears the failures"
    );
    assert_eq!(
        bob["must_change_password"], true,
        "a given password is temporary"
    );
    let a = env.auth("bob", "Fresh#pw77");
    assert_code(&a, 5);
    assert_eq!(required_actions(&a), vec!["change_password"]);
    assert_code(&env.auth("bob", PW), 3);

    let dave = env.user("dave");
    assert_eq!(dave["status"], "locked", "an update keeps the lock");
    assert_eq!(dave["lock_reason"], "admin");
    assert_eq!(dave["name"], "Dave");
}

#[test]
fn on_conflict_update_with_a_hash_replaces_the_password() {
    let env = env_with_facilities();
    env.ready_account("carol", "user", &["DAL01"], PW);
    let hash = argon2id_hash("Mig#rate42");
    let v = env.import_json(
        &format!("{IMPORT_HEADER},password_hash\ncarol,Carol,user,DAL01,,\"{hash}\"\n"),
        &["--on-conflict", "update"],
    );
    assert_eq!(v["updated"], 1, "{v}");
    assert_eq!(env.user("carol")["must_change_password"], false);
    let a = env.auth("carol", "Mig#rate42");
    assert_code(&a, 0);
    assert_code(&env.auth("carol", PW), 3);
}

#[test]
fn an_update_keeps_disabled_status_and_two_factor() {
    let env = env_with_facilities();
    env.ready_account("sam", "supervisor", &["DAL01"], PW);
    env.enrol("sam");
    assert_code(&env.run(&["user", "disable", "sam"]), 0);
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nsam,Sam,supervisor,HOU02,\n"),
        &["--on-conflict", "update"],
    );
    assert_eq!(v["updated"], 1, "{v}");
    let sam = env.user("sam");
    assert_eq!(sam["status"], "disabled");
    assert_eq!(sam["twofa_enrolled"], true);
    assert_eq!(facilities_of(&sam), vec!["HOU02"]);
}

// ---- audit ---------------------------------------------------------------------------

#[test]
fn audit_rows_record_each_account_and_one_summary_without_secrets() {
    let env = env_with_facilities();
    env.ready_account("alice", "user", &["DAL01"], PW);
    let head = env.audit_head_id();
    let hash = argon2id_hash("Mig#rate42");
    let v = env.import_json(
        &format!(
            "{IMPORT_HEADER},password_hash\n\
             alice,Alice,supervisor,DAL01;NEWF,,\n\
             newa,,user,NEWF,,\n\
             newb,,user,,Secret#777x,\n\
             newc,,user,,,\"{hash}\"\n"
        ),
        &["--on-conflict", "update", "--create-facilities"],
    );
    assert_eq!(v["created"], 3, "{v}");
    assert_eq!(v["updated"], 1, "{v}");
    let generated = json_credentials(&v);
    assert_eq!(generated.len(), 1, "{v}");

    let rows = env.audit_since(head);
    let of =
        |action: &str| -> Vec<&Value> { rows.iter().filter(|r| r["action"] == action).collect() };

    let adds = of("user.add");
    let mut targets: Vec<&str> = adds.iter().filter_map(|r| r["target"].as_str()).collect();
    targets.sort_unstable();
    assert_eq!(targets, vec!["newa", "newb", "newc"], "{rows:#?}");
    for r in &adds {
        assert_eq!(audit_details(r)["source"], "import", "{r}");
    }
    let updates = of("user.update");
    assert_eq!(updates.len(), 1, "{rows:#?}");
    assert_eq!(updates[0]["target"], "alice");
    assert_eq!(
        audit_details(updates[0])["source"],
        "import",
        "{}",
        updates[0]
    );
    assert_eq!(of("facility.add").len(), 1, "{rows:#?}");
    let summary = of("user.import");
    assert_eq!(summary.len(), 1, "{rows:#?}");
    let d = audit_details(summary[0]);
    assert_eq!(d["created"], 3, "{d}");
    assert_eq!(d["updated"], 1, "{d}");
    assert_eq!(
        rows.last().map(|r| r["action"].clone()),
        Some(json!("user.import")),
        "the summary comes last: {rows:#?}"
    );

    let all = serde_json::to_string(&env.audit_rows()).expect("json");
    for secret in [
        "Secret#777x",
        generated[0].1.as_str(),
        hash.as_str(),
        "$argon2",
    ] {
        assert!(!all.contains(secret), "the audit log holds {secret:?}");
    }
    let out = env.run(&["audit", "verify"]);
    assert_code(&out, 0);
}

#[test]
fn a_skipped_account_gets_no_audit_row_but_the_summary_counts_it() {
    let env = env_with_facilities();
    env.ready_account("alice", "user", &["DAL01"], PW);
    let head = env.audit_head_id();
    let v = env.import_json(
        &format!("{IMPORT_HEADER}\nalice,,user,,\n"),
        &["--on-conflict", "skip"],
    );
    assert_eq!(v["skipped"], 1, "{v}");
    let rows = env.audit_since(head);
    assert!(
        rows.iter()
            .all(|r| r["action"] != "user.add" && r["action"] != "user.update"),
        "{rows:#?}"
    );
    let summary: Vec<&Value> = rows
        .iter()
        .filter(|r| r["action"] == "user.import")
        .collect();
    assert_eq!(summary.len(), 1, "{rows:#?}");
    assert_eq!(audit_details(summary[0])["skipped"], 1);
}

// ---- operators ---------------------------------------------------------------------------

#[test]
fn an_admin_operator_imports_only_within_its_scope() {
    let env = TestEnv::with_org();
    let op = |csv: &str, extra: &[&str]| {
        let file = env.csv_file(csv);
        let mut args = vec!["user", "import", file.to_str().expect("utf-8 path")];
        args.extend_from_slice(extra);
        env.run_as("amy", OP_PASSWORD, &args)
    };
    let before = env.snapshot();

    // Another facility, a role above supervisor, a new facility: exit 6, each named.
    let out = op(
        &format!("{IMPORT_HEADER}\nnew.ok,,user,A,\nnew.b,,user,B,\nnew.adm,,admin,A,\n"),
        &[],
    );
    assert_code(&out, 6);
    let text = stderr(&out);
    assert!(text.contains("new.b") && text.contains("new.adm"), "{text}");
    let out = op(
        &format!("{IMPORT_HEADER}\nnew.f,,user,A;ZNEW,\n"),
        &["--create-facilities"],
    );
    assert_code(&out, 6);
    // Updating an account outside its facilities: exit 6.
    let out = op(
        &format!("{IMPORT_HEADER}\nbob,,user,B,\n"),
        &["--on-conflict", "update"],
    );
    assert_code(&out, 6);
    // Scope wins over a conflict: alice exists (in A) and new.b is out of scope.
    let out = op(
        &format!("{IMPORT_HEADER}\nalice,,user,A,\nnew.b,,user,B,\n"),
        &[],
    );
    assert_code(&out, 6);
    // A dry run checks scope too.
    let out = op(
        &format!("{IMPORT_HEADER}\nnew.b,,user,B,\n"),
        &["--dry-run"],
    );
    assert_code(&out, 6);
    // Invalid data wins over scope.
    let out = op(
        &format!("{IMPORT_HEADER}\nnew.b,,user,B,\nnew.x,,wizard,A,\n"),
        &[],
    );
    assert_code(&out, 65);
    assert_eq!(env.snapshot(), before, "refused imports wrote something");
    assert_eq!(env.audit_count("user.add"), 7, "only with_org's accounts");

    // Within scope it works, and the operator is the actor.
    let out = op(&format!("{IMPORT_HEADER}\nnew.ok,,supervisor,A,\n"), &[]);
    assert_code(&out, 0);
    let u = env.user("new.ok");
    assert_eq!(u["role"], "supervisor");
    assert_eq!(facilities_of(&u), vec!["A"]);
    let rows = env.audit_rows();
    let add = rows
        .iter()
        .rev()
        .find(|r| r["action"] == "user.add")
        .expect("a user.add row");
    assert_eq!(add["actor"], "amy");
    assert_eq!(add["target"], "new.ok");
}
