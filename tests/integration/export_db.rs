//! `keyward user export` (CSV that `user import` reads back, or JSON; no
//! secrets), `keyward db backup FILE` and `keyward db check` (decisions,
//! issue 6).

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// Facilities DAL01 and HOU02; alice (supervisor, both, a name with a comma
/// and quotes), bob (user, HOU02, no name), carol (admin, no facility), and
/// root. alice has a pending 2FA enrolment; returns its secret.
fn org() -> (TestEnv, String) {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env.json(&[
        "user",
        "add",
        "alice",
        "--role",
        "supervisor",
        "--facility",
        "DAL01,HOU02",
        "--name",
        "Archer, \"Al\" A.",
    ]);
    env.json(&["user", "add", "bob", "--facility", "HOU02"]);
    env.json(&["user", "add", "carol", "--role", "admin"]);
    let (_, secret) = env.enroll_json("alice");
    (env, secret)
}

/// `user export ARGS` as CSV: (header, rows), asserting success.
#[track_caller]
fn export_csv(env: &TestEnv, args: &[&str]) -> (String, Vec<Vec<String>>) {
    let mut all = vec!["user", "export"];
    all.extend_from_slice(args);
    let out = env.run(&all);
    assert_code(&out, 0);
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default().to_owned();
    let (_, rows) = parse_csv(&text);
    (first, rows)
}

/// `user list --json` (or any list of accounts) as cores, sorted by username.
fn cores(list: &[Value]) -> Vec<Value> {
    let mut v: Vec<Value> = list.iter().map(account_core).collect();
    v.sort_by(|a, b| a["username"].as_str().cmp(&b["username"].as_str()));
    v
}

// ---- user export -------------------------------------------------------------

#[test]
fn export_csv_has_the_import_header_empty_passwords_and_joined_facilities() {
    let (env, _) = org();
    let (header, rows) = export_csv(&env, &[]);
    assert_eq!(header, format!("{IMPORT_HEADER},status,expires_at"));
    let users = env.users();
    assert_eq!(rows.len(), users.len(), "{rows:?}");
    let mut seen = Vec::new();
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
        let u = env.user(&row[0]);
        assert_eq!(row[1], u["name"].as_str().unwrap_or(""), "{row:?}");
        assert_eq!(row[2], u["role"].as_str().unwrap_or(""), "{row:?}");
        let mut facilities: Vec<String> = if row[3].is_empty() {
            Vec::new()
        } else {
            row[3].split(';').map(str::to_owned).collect()
        };
        facilities.sort();
        assert_eq!(facilities, facilities_of(&u), "{row:?}");
        assert_eq!(row[4], "", "no password is exported: {row:?}");
        assert_eq!(row[5], u["status"].as_str().unwrap_or(""), "{row:?}");
        assert_eq!(row[6], u["expires_at"].as_str().unwrap_or(""), "{row:?}");
        seen.push(row[0].clone());
    }
    seen.sort();
    assert_eq!(seen, env.usernames());
    let alice = rows.iter().find(|r| r[0] == "alice").expect("alice");
    assert_eq!(alice[1], "Archer, \"Al\" A.");
}

#[test]
fn export_holds_no_secret() {
    let (env, secret) = org();
    let hashes: Vec<String> = env
        .usernames()
        .iter()
        .map(|u| env.password_hash(u))
        .collect();
    for args in [&[][..], &["--format", "json"][..], &["--json"][..]] {
        let mut all = vec!["user", "export"];
        all.extend_from_slice(args);
        let out = env.run(&all);
        assert_code(&out, 0);
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!text.contains("$argon2"), "{args:?}: a hash is exported");
        assert!(
            !text.contains(&secret),
            "{args:?}: the 2FA secret is exported"
        );
        for h in &hashes {
            assert!(!text.contains(h.as_str()));
        }
    }
}

#[test]
fn export_json_gives_the_account_objects_of_user_list() {
    let (env, _) = org();
    let list = env.users();
    for args in [&["--format", "json"][..], &["--json"][..]] {
        let mut all = vec!["user", "export"];
        all.extend_from_slice(args);
        let out = env.run(&all);
        assert_code(&out, 0);
        let v = parse_stdout(&out);
        let arr = v
            .as_array()
            .unwrap_or_else(|| panic!("{args:?}: not an array: {v}"));
        for a in arr {
            assert_account(a);
        }
        let mut arr = arr.clone();
        arr.sort_by(|a, b| a["username"].as_str().cmp(&b["username"].as_str()));
        assert_eq!(arr, list, "{args:?}");
    }
}

#[test]
fn export_facility_limits_to_one_facility() {
    let (env, _) = org();
    let (_, rows) = export_csv(&env, &["--facility", "HOU02"]);
    let mut names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, vec!["alice", "bob"]);
    let v = env.json(&["user", "export", "--facility", "dal01"]);
    let names: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["username"].as_str())
        .collect();
    assert_eq!(names, vec!["alice"]);
    let out = env.run(&["user", "export", "--facility", "NOPE9"]);
    assert_code(&out, 7);
}

#[test]
fn an_export_imports_into_a_fresh_database_as_the_same_accounts() {
    let (a, _) = org();
    let out = a.run(&["user", "export"]);
    assert_code(&out, 0);
    let csv = stdout(&out);

    let b = TestEnv::with_default_terms();
    let v = b.import_json(&csv, &["--create-facilities", "--on-conflict", "skip"]);
    assert_eq!(v["created"], 3, "{v}");
    assert_eq!(v["skipped"], 1, "root exists in both: {v}");
    let creds = v["credentials"].as_array().expect("credentials");
    assert_eq!(
        creds.len(),
        3,
        "every imported account gets a password: {v}"
    );
    assert_eq!(cores(&b.users()), cores(&a.users()));
    let fac = b.json(&["facility", "show", "HOU02"]);
    assert_eq!(fac["name"], "HOU02");
    assert_eq!(fac["accounts"], 2);
    for u in ["alice", "bob", "carol"] {
        let acc = b.user(u);
        assert_eq!(acc["must_change_password"], true, "{acc}");
        assert_eq!(acc["terms_pending"], true, "{acc}");
    }
}

#[test]
fn reimporting_an_export_with_update_changes_nothing() {
    let (env, _) = org();
    assert_code(&env.run(&["user", "lock", "bob"]), 0);
    let out = env.run(&["user", "export"]);
    assert_code(&out, 0);
    let csv = stdout(&out);
    let strip = |list: Vec<Value>| -> Vec<Value> {
        list.into_iter()
            .map(|mut u| {
                if let Some(o) = u.as_object_mut() {
                    o.remove("updated_at");
                }
                u
            })
            .collect()
    };
    let before = strip(env.users());
    let hashes: Vec<String> = env
        .usernames()
        .iter()
        .map(|u| env.password_hash(u))
        .collect();

    let v = env.import_json(&csv, &["--on-conflict", "update"]);
    assert_eq!(v["updated"], before.len(), "{v}");
    assert_eq!(v["created"], 0, "{v}");
    assert!(
        v["credentials"].as_array().is_none_or(Vec::is_empty),
        "nothing generated: {v}"
    );
    assert_eq!(strip(env.users()), before);
    let after: Vec<String> = env
        .usernames()
        .iter()
        .map(|u| env.password_hash(u))
        .collect();
    assert_eq!(after, hashes);

    let v = env.import_json(&csv, &["--on-conflict", "skip"]);
    assert_eq!(v["skipped"], before.len(), "{v}");
    assert_eq!(v["created"], 0, "{v}");
    assert_eq!(v["updated"], 0, "{v}");
    assert_eq!(strip(env.users()), before);
}

#[test]
fn an_admin_operator_exports_only_the_accounts_it_may_see() {
    let env = TestEnv::with_org();
    let out = env.run_as("amy", OP_PASSWORD, &["--json", "user", "list"]);
    assert_code(&out, 0);
    let mut visible: Vec<String> = parse_stdout(&out)
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["username"].as_str().map(str::to_owned))
        .collect();
    visible.sort();
    let out = env.run_as("amy", OP_PASSWORD, &["user", "export"]);
    assert_code(&out, 0);
    let (_, rows) = parse_csv(&stdout(&out));
    let mut exported: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    exported.sort();
    assert_eq!(exported, visible);
    assert!(!exported.contains(&"bob".to_owned()), "{exported:?}");
    assert!(!exported.contains(&ROOT.to_owned()), "{exported:?}");
    assert!(exported.contains(&"alice".to_owned()), "{exported:?}");
}

// ---- db backup ------------------------------------------------------------------

/// Files in a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    v.sort();
    v
}

/// An environment whose database is a backup written into its `data` folder.
fn backup_env() -> TestEnv {
    let b = TestEnv::sqlite();
    std::fs::create_dir_all(b.db_path().parent().expect("parent")).expect("mkdir");
    b
}

#[test]
fn backup_writes_a_0600_copy_that_is_a_working_keyward_database() {
    let (env, _) = org();
    let b = backup_env();
    let file = b.db_path();
    let head = env.audit_head_id();
    let out = env.run(&["db", "backup", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 0);
    assert_eq!(file_mode(&file), 0o600);
    assert_eq!(
        entries(file.parent().expect("parent")),
        vec!["keyward.db"],
        "only the copy, no temporary file left next to it"
    );

    // The copy is a keyward database with the same contents.
    assert_eq!(b.users(), env.users());
    assert_eq!(b.snapshot(), env.snapshot());
    assert_code(&b.run(&["db", "check"]), 0);
    assert_code(&b.run(&["audit", "verify"]), 0);
    let via_flag = env.run(&[
        "--db",
        file.to_str().expect("utf-8 path"),
        "--json",
        "user",
        "list",
    ]);
    assert_code(&via_flag, 0);
    assert_eq!(parse_stdout(&via_flag).as_array().map(Vec::len), Some(4));

    // Recorded in the audit log.
    let rows = env.audit_since(head);
    assert_eq!(
        rows.iter().filter(|r| r["action"] == "db.backup").count(),
        1,
        "{rows:#?}"
    );
}

#[test]
fn backup_refuses_an_existing_file_and_leaves_it_byte_identical() {
    let (env, _) = org();
    let file = env.write_file("existing.db", b"not to be overwritten\n");
    let before = env.snapshot();
    let head = env.audit_head_id();
    let listing = entries(env.path());
    let out = env.run(&["db", "backup", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 8);
    let out = env.run(&["--json", "db", "backup", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 8);
    assert_eq!(parse_error(&out)["error"]["code"], 8);
    assert_eq!(
        std::fs::read(&file).expect("read"),
        b"not to be overwritten\n"
    );
    assert_eq!(entries(env.path()), listing, "no file left behind");
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_count("db.backup"), 0);
    assert_eq!(env.audit_head_id(), head);
}

/// SPEC 10: `db backup` never creates folders; a missing parent is exit 1
/// naming it, and nothing is created or recorded.
#[test]
fn backup_into_a_missing_folder_is_refused_and_creates_nothing() {
    let (env, _) = org();
    let before = env.snapshot();
    let head = env.audit_head_id();
    let listing = entries(env.path());
    let parent = env.path().join("missing").join("deeper");
    let file = parent.join("b.db");
    let out = env.run(&["db", "backup", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{} does not exist", parent.display())),
        "names the missing folder: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let out = env.run(&["--json", "db", "backup", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 1);
    assert_eq!(parse_error(&out)["error"]["code"], 1);
    assert!(!env.path().join("missing").exists(), "no folder created");
    assert_eq!(entries(env.path()), listing, "nothing created");

    // A parent that is a file is refused the same way.
    let plain = env.write_file("plain.txt", b"a file\n");
    let out = env.run(&[
        "db",
        "backup",
        plain.join("b.db").to_str().expect("utf-8 path"),
    ]);
    assert_code(&out, 1);
    assert!(
        stderr(&out).contains(&format!("{} is not a folder", plain.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&plain).expect("read"), b"a file\n");
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_head_id(), head, "no db.backup row");
}

#[test]
fn backup_works_while_another_connection_holds_a_read_transaction() {
    sqlite_only!("a SQLite read transaction on the file");
    let (env, _) = org();
    let conn = env.conn();
    conn.execute_batch("BEGIN").expect("begin");
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM account", [], |r| r.get(0))
        .expect("read inside the transaction");
    assert_eq!(n, 4);
    let b = backup_env();
    let out = env.run(&["db", "backup", b.db_path().to_str().expect("utf-8 path")]);
    assert_code(&out, 0);
    conn.execute_batch("COMMIT").expect("commit");
    assert_eq!(b.users(), env.users());
    assert_code(&b.run(&["db", "check"]), 0);
}

#[test]
fn an_admin_operator_may_not_back_up_or_check() {
    let env = TestEnv::with_org();
    let file = env.path().join("amy.db");
    let out = env.run_as(
        "amy",
        OP_PASSWORD,
        &["db", "backup", file.to_str().expect("utf-8 path")],
    );
    assert_code(&out, 6);
    assert!(!file.exists(), "a refused backup writes no file");
    let out = env.run_as("amy", OP_PASSWORD, &["db", "check"]);
    assert_code(&out, 6);
    let out = env.run_as(ROOT, ROOT_PASSWORD, &["db", "check"]);
    assert_code(&out, 0);
    let out = env.run_as(
        ROOT,
        ROOT_PASSWORD,
        &["db", "backup", file.to_str().expect("utf-8 path")],
    );
    assert_code(&out, 0);
    assert!(file.exists());
}

// ---- db check ---------------------------------------------------------------------

#[test]
fn check_passes_on_a_good_database_and_writes_nothing() {
    let (env, _) = org();
    let before = env.snapshot();
    let audit = env.audit_rows();
    let out = env.run(&["db", "check"]);
    assert_code(&out, 0);
    assert!(has(&stdout(&out), "ok"), "{}", stdout(&out));
    let out = env.run(&["--json", "db", "check"]);
    assert_code(&out, 0);
    let v = parse_stdout(&out);
    assert!(has(&v.to_string(), "ok"), "the JSON reports ok: {v}");
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_rows(), audit, "db check writes nothing");
}

#[test]
fn check_names_a_tampered_audit_row_and_writes_nothing() {
    let (env, _) = org();
    env.exec("UPDATE audit SET actor = 'x' WHERE id = 2");
    let before = env.snapshot();
    let audit = env.audit_rows();
    let out = env.run(&["db", "check"]);
    assert_code(&out, 1);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(names_row(&text, 2), "should name row 2:\n{text}");
    let out = env.run(&["--json", "db", "check"]);
    assert_code(&out, 1);
    let err = parse_error(&out);
    assert_eq!(err["error"]["code"], 1, "{err}");
    assert!(
        names_row(err["error"]["message"].as_str().unwrap_or(""), 2),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.audit_rows(), audit);
}

#[test]
fn check_reports_a_foreign_key_violation() {
    sqlite_only!("SQLite can turn foreign keys off; PostgreSQL always enforces them");
    let (env, _) = org();
    env.exec("PRAGMA foreign_keys = OFF; INSERT INTO account_facility (account_id, facility_id) VALUES (1, 999)");
    let out = env.run(&["db", "check"]);
    assert_code(&out, 1);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(has(&text, "foreign"), "{text}");
}
/// A damaged page of an index nothing else reads: only `integrity_check` sees it.
#[test]
fn check_reports_a_damaged_page() {
    sqlite_only!("damaged SQLite pages");
    let (env, _) = org();
    env.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    let root = env
        .sql_scalar("SELECT rootpage FROM sqlite_master WHERE name = 'terms_acceptance_by_version'")
        .as_i64()
        .expect("root page");
    let page_size = env
        .sql_scalar("PRAGMA page_size")
        .as_i64()
        .expect("page size");
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(env.db_path())
            .expect("open the database file");
        let offset = u64::try_from((root - 1) * page_size).expect("offset");
        f.seek(SeekFrom::Start(offset)).expect("seek");
        f.write_all(&[0x55; 16]).expect("damage the page");
    }
    let out = env.run(&["db", "check"]);
    assert_code(&out, 1);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(has(&text, "integrity"), "{text}");
}

#[test]
fn export_neutralises_formulas_and_an_import_gives_the_names_back() {
    // Issue 11 item 12: names were written raw, and a spreadsheet opening
    // the export ran them as formulas.
    let a = TestEnv::with_db();
    a.facility("DAL01");
    let names = [
        ("fma", "=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("fmb", "+1+cmd|x"),
        ("fmc", "@SUM(1)"),
        ("fmd", "-2-3"),
        ("fme", "|pipe"),
        ("fmf", "'=already quoted"),
        ("fmg", "Ann O'Neil"),
    ];
    for (user, name) in names {
        let name = format!("--name={name}");
        a.json(&["user", "add", user, "--facility", "DAL01", &name]);
    }
    let (_, rows) = export_csv(&a, &[]);
    for (user, name) in names {
        let row = rows
            .iter()
            .find(|r| r[0] == user)
            .unwrap_or_else(|| panic!("{user} exported: {rows:?}"));
        let cell = &row[1];
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '|']),
            "{user}: a spreadsheet would read {cell:?} as a formula"
        );
        if name.starts_with(['=', '+', '-', '@', '|']) {
            assert_eq!(cell, &format!("'{name}"));
        }
    }
    let csv = stdout(&a.run(&["user", "export"]));
    let b = TestEnv::with_db();
    let v = b.import_json(&csv, &["--create-facilities", "--on-conflict", "skip"]);
    assert_eq!(v["created"], names.len(), "{v}");
    for (user, name) in names {
        assert_eq!(b.user(user)["name"], name, "{user}");
    }
}
