//! `db copy --to DEST` (SPEC 11): a whole store into a new, empty store of
//! either kind, with the audit chain still valid. Runs on both suites: the
//! source is the store under test; a server destination needs the
//! PostgreSQL suite.

use crate::common::*;

/// The store under test with facilities, accounts, terms, a second factor's
/// absence and a few audit rows.
fn source() -> TestEnv {
    let env = TestEnv::with_org();
    env.publish_terms("Be kind to the accounts.\n");
    env.set_policy(&["min-length=8"]);
    env
}

fn copy_to(env: &TestEnv, dest: &str) -> std::process::Output {
    env.run(&["--json", "db", "copy", "--to", dest])
}

#[test]
fn a_copy_to_a_new_file_holds_every_row_and_a_valid_chain() {
    let env = source();
    let dest = TestEnv::sqlite();
    std::fs::create_dir_all(dest.db_path().parent().expect("parent")).expect("mkdir");
    let head = env.audit_head_id();
    let snap = env.snapshot();
    let out = copy_to(&env, dest.db_path().to_str().expect("utf-8 path"));
    assert_code(&out, 0);
    let doc = parse_stdout(&out);
    assert_eq!(doc["accounts"], serde_json::json!(env.usernames().len()));
    assert_eq!(dest.snapshot(), snap, "every row, as it was");
    assert_eq!(
        dest.audit_head_id(),
        head,
        "the copy ends before its own audit row"
    );
    assert_code(&dest.run(&["audit", "verify"]), 0);
    assert_code(&dest.run(&["db", "check"]), 0);
    assert_eq!(env.audit_count("db.copy"), 1);
    assert_eq!(file_mode(&dest.db_path()), 0o600);
    // The copy is a working store: a new account gets the next id.
    dest.facility("NEW01");
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn a_file_store_moves_to_a_server_and_keeps_working_there() {
    if !on_postgres() {
        eprintln!("only on PostgreSQL (KEYWARD_TEST_BACKEND=postgres)");
        return;
    }
    // A file store (whatever the suite) copied into this test's empty
    // server database, then used there.
    let file = TestEnv::sqlite();
    file.init();
    file.facility("DAL01");
    file.add_user_with_password("alice", "user", &["DAL01"], "Right#pw42");
    let server = TestEnv::new();
    let url = server.pg.as_ref().expect("a server").url.clone();
    let snap = file.snapshot();
    assert_code(&copy_to(&file, &url), 0);
    assert_eq!(server.snapshot(), snap);
    assert_code(&server.run(&["audit", "verify"]), 0);
    server.facility("HOU02");
    server.add_user_with_password("bob", "user", &["HOU02"], "Right#pw42");
    assert_eq!(server.usernames(), vec!["alice", "bob", "root"]);
    assert_code(&server.run(&["audit", "verify"]), 0);
}

#[test]
fn an_existing_destination_is_refused_and_left_as_it_is() {
    let env = source();
    let dest = TestEnv::sqlite();
    dest.init();
    let before = dest.snapshot();
    let out = copy_to(&env, dest.db_path().to_str().expect("utf-8 path"));
    assert_code(&out, 8);
    assert!(has(&stderr(&out), "already exists"), "{}", stderr(&out));
    assert_eq!(dest.snapshot(), before);
    assert_eq!(env.audit_count("db.copy"), 0, "nothing recorded");
}

#[test]
fn a_password_in_the_destination_url_is_a_usage_error() {
    let env = source();
    let out = copy_to(&env, "postgresql://kw:Secret9pw@127.0.0.1:1/keyward");
    assert_code(&out, 2);
    assert!(!stderr(&out).contains("Secret9pw"), "{}", stderr(&out));
    assert!(stderr(&out).contains("PGPASSFILE"), "{}", stderr(&out));
}

#[test]
fn copying_needs_the_right_to_read_the_audit_log() {
    let env = TestEnv::with_org();
    let dest = TestEnv::sqlite();
    std::fs::create_dir_all(dest.db_path().parent().expect("parent")).expect("mkdir");
    let out = env.run_as(
        "amy",
        OP_PASSWORD,
        &[
            "db",
            "copy",
            "--to",
            dest.db_path().to_str().expect("utf-8 path"),
        ],
    );
    assert_code(&out, 6);
    assert!(!dest.db_path().exists(), "no copy for an admin");
}

#[test]
fn terms_with_a_nul_byte_are_refused_on_both_stores() {
    let env = TestEnv::with_db();
    let file = env.write_file("nul.txt", b"Terms \0 here\n");
    let out = env.run(&["terms", "set", "--file", file.to_str().expect("utf-8 path")]);
    assert_code(&out, 65);
    assert!(has(&stderr(&out), "NUL"), "{}", stderr(&out));
}

#[test]
fn db_backup_to_a_url_points_to_db_copy() {
    let env = TestEnv::with_db();
    let out = env.run(&["db", "backup", "postgresql://kw@127.0.0.1:1/keyward"]);
    assert_code(&out, 2);
    assert!(stderr(&out).contains("db copy --to"), "{}", stderr(&out));
}
