//! A PostgreSQL store (SPEC 11): what only a server has (credentials,
//! reachability, a database that is not keyward's, a newer schema in
//! `keyward_meta`), and many processes writing one store at once. The
//! file-only counterparts are in store.rs; these run when the suite runs on
//! PostgreSQL, except the concurrency test, which runs on both.

use std::process::Stdio;

use crate::common::*;

/// Skip the rest of a test that needs a server store.
macro_rules! postgres_only {
    () => {
        if !on_postgres() {
            eprintln!("only on PostgreSQL (KEYWARD_TEST_BACKEND=postgres)");
            return;
        }
    };
}

fn pg(env: &TestEnv) -> &PgDb {
    env.pg.as_ref().expect("a PostgreSQL suite")
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    postgres_only!();
    let env = TestEnv::with_db();
    env.exec("UPDATE keyward_meta SET value = '9999' WHERE key = 'schema_version'");
    let before = env.snapshot();
    for args in [&["user", "list"][..], &["facility", "add", "X1"][..]] {
        let out = env.run(args);
        assert_code(&out, 1);
        assert!(has(&stderr(&out), "newer"), "{}", stderr(&out));
        assert!(stderr(&out).contains("9999"), "{}", stderr(&out));
    }
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_database_that_is_not_keyward_s_is_refused_and_left_untouched() {
    postgres_only!();
    let env = TestEnv::new();
    env.exec("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'hello')");
    let out = env.run(&["user", "list"]);
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "not keyward"), "{}", stderr(&out));
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_code(&out, 8);
    assert!(has(&stderr(&out), "empty database"), "{}", stderr(&out));
    assert_eq!(env.tables(), vec!["notes".to_owned()], "nothing was added");
}

#[test]
fn an_empty_database_points_to_init_and_init_fills_it_once() {
    postgres_only!();
    let env = TestEnv::new();
    let out = env.run(&["user", "list"]);
    assert_code(&out, 1);
    assert!(stderr(&out).contains("keyward init"), "{}", stderr(&out));
    assert!(env.tables().is_empty(), "opening created nothing");
    env.init();
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["init", "--admin", "other", "--password-stdin"],
        "Other#pass7\n",
    );
    assert_code(&out, 8);
    assert!(has(&stderr(&out), "already exists"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), snap);
    assert_eq!(env.schema_version(), 7);
}

#[test]
fn two_inits_at_once_create_one_store() {
    postgres_only!();
    let env = TestEnv::new();
    let children: Vec<_> = ["first", "second"]
        .iter()
        .map(|name| {
            env.spawn_with_stdin(
                &["init", "--admin", name, "--password-stdin"],
                &format!("{ROOT_PASSWORD}\n"),
            )
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|c| code(&c.wait_with_output().expect("wait")))
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(sorted, vec![0, 8], "one creates, one finds it: {codes:?}");
    assert_eq!(env.usernames().len(), 1);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn wrong_credentials_are_named_without_the_password() {
    postgres_only!();
    let env = TestEnv::with_db();
    let wrong = env.write_file("pgpass", b"*:*:*:*:NotThePassword9\n");
    std::fs::set_permissions(&wrong, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("chmod");
    let out = env
        .cmd()
        .env("PGPASSFILE", &wrong)
        .args(["user", "list"])
        .output()
        .expect("run");
    assert_code(&out, 1);
    let err = stderr(&out);
    assert!(has(&err, "refused the credentials"), "{err}");
    assert!(err.contains("PGPASSFILE"), "names the fix: {err}");
    assert!(!err.contains("NotThePassword9"), "{err}");
}

#[test]
fn an_unreachable_server_is_named_with_the_fix() {
    postgres_only!();
    let env = TestEnv::new();
    // Port 1 on loopback: nothing listens there.
    let url = "postgresql://keyward_test@127.0.0.1:1/keyward";
    let out = env
        .cmd()
        .env("KEYWARD_DB", url)
        .args(["user", "list"])
        .output()
        .expect("run");
    assert_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("127.0.0.1:1"), "names the server: {err}");
    assert!(has(&err, "server is running"), "{err}");
}

#[test]
fn a_missing_database_says_to_create_it() {
    postgres_only!();
    let env = TestEnv::new();
    let url = pg(&env).url.replace("/kw_test_", "/kw_absent_");
    let out = env
        .cmd()
        .env("KEYWARD_DB", &url)
        .args(["user", "list"])
        .output()
        .expect("run");
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "does not exist"), "{}", stderr(&out));
}

/// Eight processes at a time, forty wrong passwords each: every failure is
/// counted once, with no lost update and no busy error (issue 13).
#[test]
fn eight_writers_times_forty_wrong_passwords_count_320() {
    const WRITERS: usize = 8;
    const EACH: usize = 40;
    let env = TestEnv::with_db();
    env.set_policy(&["lockout-threshold=0"]);
    env.ready_user("alice", "Right#pw42");
    std::thread::scope(|s| {
        for _ in 0..WRITERS {
            s.spawn(|| {
                for _ in 0..EACH {
                    let out = env.run_stdin(&["auth", "alice", "--password-stdin"], "Wrong#pw42\n");
                    assert_code(&out, 3);
                }
            });
        }
    });
    let u = env.user("alice");
    assert_eq!(u["failed_attempts"], (WRITERS * EACH) as u64, "{u}");
    assert_eq!(u["status"], "active", "{u}");
    assert_eq!(env.audit_count("signin.failed"), (WRITERS * EACH) as i64);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

/// The test database's URL with `query`, on `host` instead of 127.0.0.1.
fn url_with(env: &TestEnv, host: &str, query: &str) -> String {
    format!("{}?{query}", pg(env).url.replacen("127.0.0.1", host, 1))
}

fn ca() -> String {
    std::env::var("KEYWARD_TEST_PG_CA").expect("KEYWARD_TEST_PG_CA (set by .ci/pg-cluster)")
}

#[test]
fn verify_full_accepts_the_named_host_and_refuses_another_name() {
    postgres_only!();
    let env = TestEnv::with_db();
    let ca = ca();
    let run = |url: &str| {
        env.cmd()
            .env("KEYWARD_DB", url)
            .args(["--json", "user", "list"])
            .output()
            .expect("run")
    };
    // The certificate names localhost only.
    let out = run(&url_with(
        &env,
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ));
    assert_code(&out, 0);
    let out = run(&url_with(
        &env,
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ));
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "certificate was not accepted"),
        "{}",
        stderr(&out)
    );
    // verify-ca checks the chain, not the name.
    let out = run(&url_with(
        &env,
        "127.0.0.1",
        &format!("sslmode=verify-ca&sslrootcert={ca}"),
    ));
    assert_code(&out, 0);
    // A root that is not there is named.
    let out = run(&url_with(
        &env,
        "localhost",
        "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
    ));
    assert_code(&out, 1);
    assert!(
        stderr(&out).contains("/nonexistent/ca.pem"),
        "{}",
        stderr(&out)
    );
    // A root that did not sign the server's certificate is refused.
    let other = env.write_file("other.pem", include_bytes!("server_other_ca.pem"));
    let out = run(&url_with(
        &env,
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", other.display()),
    ));
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "certificate was not accepted"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn require_with_a_root_file_checks_the_chain_as_libpq_does() {
    postgres_only!();
    let env = TestEnv::with_db();
    let run = |query: &str| {
        env.cmd()
            .env("KEYWARD_DB", url_with(&env, "127.0.0.1", query))
            .args(["--json", "user", "list"])
            .output()
            .expect("run")
    };
    assert_code(&run(&format!("sslmode=require&sslrootcert={}", ca())), 0);
    let other = env.write_file("other.pem", include_bytes!("server_other_ca.pem"));
    let out = run(&format!("sslmode=require&sslrootcert={}", other.display()));
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "certificate was not accepted"),
        "{}",
        stderr(&out)
    );
    // sslrootcert=system (libpq 16) goes with verify-full only.
    let out = run("sslmode=require&sslrootcert=system");
    assert_code(&out, 1);
    assert!(
        has(&stderr(&out), "needs sslmode=verify-full"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sslmode_require_encrypts_and_disable_does_not() {
    postgres_only!();
    let env = TestEnv::with_db();
    for (mode, ssl) in [("require", 1), ("disable", 0)] {
        // Name the session, then ask the server how that session connected
        // while keyward holds it: the audit row is written inside keyward's
        // transaction, so read pg_stat_ssl from a held write lock's view.
        let url = url_with(
            &env,
            "127.0.0.1",
            &format!("sslmode={mode}&application_name=kw-{mode}"),
        );
        let mut held = env.hold_write_lock();
        let child = env
            .std_cmd(&["facility", "add", &format!("T{ssl}{}", mode.len())])
            .env("KEYWARD_DB", &url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        held.wait_for_waiters(1, std::time::Duration::ZERO);
        let seen = env.sql(&format!(
            "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid \
             WHERE a.application_name = 'kw-{mode}'"
        ));
        held.commit();
        let out = child.wait_with_output().expect("wait");
        assert_code(&out, 0);
        assert_eq!(seen, vec![vec![serde_json::json!(ssl)]], "sslmode={mode}");
    }
}

#[test]
fn db_check_finds_a_reference_whose_constraint_was_dropped() {
    postgres_only!();
    let env = TestEnv::with_org();
    assert_code(&env.run(&["db", "check"]), 0);
    env.exec(
        "ALTER TABLE account_facility DROP CONSTRAINT account_facility_facility_id_fkey; \
         DELETE FROM facility WHERE code = 'B'",
    );
    let out = env.run(&["db", "check"]);
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "missing facility"), "{}", stderr(&out));
}

#[test]
fn a_copy_into_another_schema_of_the_same_database_is_refused_not_hung() {
    postgres_only!();
    let env = TestEnv::with_db();
    env.exec("CREATE SCHEMA kw2");
    let url = url_with(&env, "localhost", "options=-csearch_path%3Dkw2");
    let out = env
        .cmd()
        .timeout(std::time::Duration::from_secs(60))
        .args(["db", "copy", "--to", &url])
        .output()
        .expect("run");
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "being copied"), "{}", stderr(&out));
    assert_eq!(env.audit_count("db.copy"), 0);
    assert!(
        env.sql("SELECT tablename::text FROM pg_tables WHERE schemaname = 'kw2'")
            .is_empty(),
        "nothing was created in kw2"
    );
}

#[test]
fn a_missing_password_names_the_file_and_why() {
    postgres_only!();
    let env = TestEnv::with_db();
    let open = env.write_file(
        "pgpass-open",
        std::fs::read(std::env::var("PGPASSFILE").expect("PGPASSFILE"))
            .expect("read")
            .as_slice(),
    );
    std::fs::set_permissions(&open, std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .expect("chmod");
    for (file, why) in [
        (env.path().join("absent"), "does not exist"),
        (open.clone(), "chmod 600"),
    ] {
        let out = env
            .cmd()
            .env("PGPASSFILE", &file)
            .args(["user", "list"])
            .output()
            .expect("run");
        assert_code(&out, 1);
        let err = stderr(&out);
        assert!(err.contains("no password for keyward_test"), "{err}");
        assert!(err.contains(why), "{err}");
    }
}

#[test]
fn a_schema_version_below_the_first_is_not_keyward_s() {
    postgres_only!();
    let env = TestEnv::with_db();
    env.exec("UPDATE keyward_meta SET value = '4' WHERE key = 'schema_version'");
    let before = env.snapshot();
    let out = env.run(&["user", "list"]);
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "not keyward"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn usernames_sort_bytewise_whatever_the_database_collation() {
    postgres_only!();
    // A database whose default collation sorts punctuation differently.
    let env = TestEnv::new();
    let mut admin = pg_client(&std::env::var("KEYWARD_TEST_PG").expect("KEYWARD_TEST_PG"));
    let name = pg(&env).url.rsplit('/').next().expect("a name").to_string();
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .expect("drop");
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
        ))
        .expect("an ICU database");
    env.init();
    for u in ["a-b", "a.b", "a_b", "ab9"] {
        env.add_user_with_password(u, "user", &[], "Right#pw42");
    }
    // In the order keyward prints them (env.usernames() sorts itself).
    let listed: Vec<String> = env
        .json(&["user", "list"])
        .as_array()
        .expect("an array")
        .iter()
        .map(|u| u["username"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(listed, vec!["a-b", "a.b", "a_b", "ab9", "root"]);
}

#[test]
fn a_connection_lost_before_the_commit_names_the_server_and_writes_nothing() {
    postgres_only!();
    let env = TestEnv::with_org();
    let audit = env.sql("SELECT count(*) FROM audit");
    let out = env.paused_at(
        env.std_cmd(&["user", "lock", "alice"]),
        "before-commit",
        || {
            // The paused command's session holds the write lock, its
            // change written but not committed: end that session.
            let ended = env.sql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' \
                 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            );
            assert_eq!(ended, vec![vec![serde_json::json!(1)]]);
        },
    );
    assert_code(&out, 1);
    let err = stderr(&out);
    assert!(
        has(&err, "connection to the PostgreSQL server")
            && has(&err, &format!("/{}", pg(&env).name))
            && has(&err, "was lost")
            && has(&err, "run the command again"),
        "{err}"
    );
    assert_eq!(
        env.sql("SELECT locked_at IS NULL FROM account WHERE username = 'alice'"),
        vec![vec![serde_json::json!(1)]]
    );
    assert_eq!(env.sql("SELECT count(*) FROM audit"), audit);
    assert_code(&env.run(&["db", "check"]), 0);
}
