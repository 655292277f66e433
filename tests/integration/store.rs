//! The database file: where it lives, its permissions, its pragmas and
//! migrations, and how foreign or newer files are refused untouched.

use std::os::unix::fs::PermissionsExt;

use crate::common::*;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn init_creates_file_with_mode_0600() {
    sqlite_only!("file modes");
    let env = TestEnv::with_db();
    assert_eq!(mode(&env.db_path()), 0o600, "database file mode");
}

#[test]
fn init_creates_folder_with_mode_0700() {
    sqlite_only!("file modes");
    let env = TestEnv::with_db();
    let folder = env.db_path().parent().expect("parent").to_owned();
    assert_eq!(mode(&folder), 0o700, "database folder mode");
}

#[test]
fn init_leaves_an_existing_folder_mode_alone() {
    sqlite_only!("file modes");
    let env = TestEnv::new();
    let folder = env.db_path().parent().expect("parent").to_owned();
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    env.init();
    assert_eq!(mode(&folder), 0o755, "existing folder must keep its mode");
    assert_eq!(mode(&env.db_path()), 0o600, "database file mode");
}

#[test]
fn files_stay_0600_after_writes() {
    sqlite_only!("file modes");
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    assert_eq!(mode(&env.db_path()), 0o600);
    for suffix in ["-wal", "-shm"] {
        let p = env.db_path().with_file_name(format!("keyward.db{suffix}"));
        if p.exists() {
            assert_eq!(mode(&p), 0o600, "{} mode", p.display());
        }
    }
}

#[test]
fn migrations_set_user_version() {
    let env = TestEnv::with_db();
    let v = env.schema_version();
    assert!(v > 0, "schema version {v}");
}

#[test]
fn database_is_in_wal_mode() {
    sqlite_only!("SQLite's journal");
    let env = TestEnv::with_db();
    let mode = env.sql_scalar("PRAGMA journal_mode");
    assert_eq!(mode.as_str().map(str::to_lowercase).as_deref(), Some("wal"));
}

#[test]
fn database_has_an_application_id() {
    sqlite_only!("SQLite's file header (server.rs checks keyward_meta)");
    let env = TestEnv::with_db();
    let id = env.sql_scalar("PRAGMA application_id");
    assert_ne!(
        id.as_i64(),
        Some(0),
        "application_id should mark a keyward database"
    );
}

#[test]
fn reopening_does_not_change_user_version() {
    let env = TestEnv::with_db();
    let before = env.schema_version();
    assert_code(&env.run(&["user", "list"]), 0);
    assert_code(&env.run(&["policy", "show"]), 0);
    assert_eq!(env.schema_version(), before);
}

#[test]
fn missing_database_exits_1_and_creates_nothing() {
    let env = TestEnv::new();
    for args in [
        &["user", "list"][..],
        &["facility", "list"][..],
        &["policy", "show"][..],
        &["user", "add", "alice"][..],
        &["facility", "add", "DAL01"][..],
    ] {
        let out = env.run(args);
        assert_code(&out, 1);
        assert!(!env.db_path().exists(), "{args:?} created the database");
        assert!(
            !env.db_path().parent().expect("parent").exists(),
            "{args:?} created the folder"
        );
    }
}

#[test]
fn missing_database_message_points_to_init() {
    let env = TestEnv::new();
    let out = env.run(&["user", "list"]);
    assert_code(&out, 1);
    assert!(has(&stderr(&out), "init"), "stderr: {}", stderr(&out));
}

#[test]
fn init_twice_exits_8_and_leaves_file_untouched() {
    sqlite_only!("file bytes (server.rs: init on a keyward database)");
    let env = TestEnv::with_db();
    let before = env.file_bytes();
    let snap = env.snapshot();
    let out = env.run_stdin(
        &["init", "--admin", "other", "--password-stdin"],
        "Other#pass7\n",
    );
    assert_code(&out, 8);
    assert_eq!(env.file_bytes(), before, "database bytes changed");
    assert_eq!(env.snapshot(), snap);
}

#[test]
fn newer_database_exits_1_and_is_untouched() {
    sqlite_only!("file bytes (server.rs: a newer schema)");
    let env = TestEnv::with_db();
    env.exec("PRAGMA user_version = 9999;");
    // Our connection is closed: the WAL is checkpointed and removed.
    assert!(!env.wal_path().exists(), "test setup left a -wal file");
    let before = std::fs::read(env.db_path()).expect("read");
    for args in [
        &["user", "list"][..],
        &["policy", "show"][..],
        &["facility", "add", "X1"][..],
    ] {
        let out = env.run(args);
        assert_code(&out, 1);
        assert_eq!(
            std::fs::read(env.db_path()).expect("read"),
            before,
            "{args:?} changed the bytes of a newer database"
        );
        assert!(!env.wal_path().exists(), "{args:?} left a -wal file");
    }
}

#[test]
fn newer_database_message_mentions_version_or_newer() {
    sqlite_only!("PRAGMA user_version (server.rs: a newer schema)");
    let env = TestEnv::with_db();
    env.exec("PRAGMA user_version = 9999;");
    let out = env.run(&["user", "list"]);
    assert_code(&out, 1);
    let err = stderr(&out);
    assert!(
        has(&err, "newer") || has(&err, "version") || has(&err, "upgrade"),
        "stderr: {err}"
    );
}

#[test]
fn non_sqlite_file_exits_1_and_is_untouched() {
    let env = TestEnv::new();
    let folder = env.db_path().parent().expect("parent").to_owned();
    std::fs::create_dir(&folder).expect("mkdir");
    let junk = b"this is not a database, just some text\n".repeat(200);
    std::fs::write(env.db_path(), &junk).expect("write");
    for args in [&["user", "list"][..], &["facility", "add", "X1"][..]] {
        let out = env.run(args);
        assert_code(&out, 1);
        assert_eq!(
            std::fs::read(env.db_path()).expect("read"),
            junk,
            "{args:?}"
        );
        assert!(!env.wal_path().exists(), "{args:?} left a -wal file");
    }
}

#[test]
fn foreign_sqlite_database_exits_1_and_is_untouched() {
    sqlite_only!("a foreign SQLite file (server.rs: a foreign database)");
    let env = TestEnv::new();
    let folder = env.db_path().parent().expect("parent").to_owned();
    std::fs::create_dir(&folder).expect("mkdir");
    env.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
    let before = std::fs::read(env.db_path()).expect("read");
    let out = env.run(&["user", "list"]);
    assert_code(&out, 1);
    assert_eq!(std::fs::read(env.db_path()).expect("read"), before);
    assert_eq!(
        env.tables(),
        vec!["notes".to_owned()],
        "keyward added tables to a foreign database"
    );
}

#[test]
fn init_on_a_foreign_file_exits_8_and_leaves_it() {
    sqlite_only!("a foreign file (server.rs: init on a foreign database)");
    let env = TestEnv::new();
    let folder = env.db_path().parent().expect("parent").to_owned();
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(env.db_path(), b"not a database").expect("write");
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_code(&out, 8);
    assert_eq!(
        std::fs::read(env.db_path()).expect("read"),
        b"not a database"
    );
}

#[test]
fn db_flag_overrides_env() {
    let env = TestEnv::new();
    let other = env.path().join("elsewhere.db");
    let other_s = other.to_str().expect("utf-8 path");
    let out = env.run_stdin(
        &[
            "--db",
            other_s,
            "init",
            "--admin",
            "root",
            "--password-stdin",
        ],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_code(&out, 0);
    assert!(other.exists(), "--db path not created");
    assert!(!env.db_path().exists(), "KEYWARD_DB path used despite --db");
    assert_code(&env.run(&["--db", other_s, "user", "show", "root"]), 0);
}

#[test]
fn default_path_is_under_xdg_data_home() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env_remove("KEYWARD_DB")
        .args(["init", "--admin", "root", "--password-stdin"])
        .write_stdin(format!("{ROOT_PASSWORD}\n"))
        .output()
        .expect("run");
    assert_code(&out, 0);
    let expected = env.path().join("xdg").join("keyward").join("keyward.db");
    assert!(expected.exists(), "expected {}", expected.display());
    assert_eq!(mode(&expected), 0o600);
}

#[test]
fn data_survives_between_processes() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    let u = env.user("alice");
    assert_eq!(u["facilities"], serde_json::json!(["DAL01"]));
}

#[test]
fn foreign_keys_are_enforced_by_schema() {
    sqlite_only!("PRAGMA foreign_key_check");
    // The schema declares its references; removing a facility with --force
    // leaves no dangling assignment rows behind.
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.add_user("alice", "user", &["DAL01"]);
    assert_code(
        &env.run(&["--yes", "facility", "remove", "DAL01", "--force"]),
        0,
    );
    let fk = env.sql("PRAGMA foreign_key_check");
    assert!(fk.is_empty(), "dangling references: {fk:?}");
    assert_eq!(env.user("alice")["facilities"], serde_json::json!([]));
}

fn spawn(env: &TestEnv, args: &[&str], stdin: std::process::Stdio) -> std::process::Child {
    let mut cmd = std::process::Command::new(bin());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("KEYWARD_") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("KEYWARD_DB", env.db_location())
        .env("KEYWARD_NOW", NOW)
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(stdin)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn keyward")
}

#[test]
fn concurrent_writers_queue_instead_of_failing() {
    let env = TestEnv::with_db();
    let mut children = Vec::new();
    for i in 0..8 {
        let code = format!("F{i:02}");
        children.push(spawn(
            &env,
            &["facility", "add", &code],
            std::process::Stdio::null(),
        ));
    }
    for i in 0..4 {
        let name = format!("user{i}");
        children.push(spawn(
            &env,
            &["user", "add", &name],
            std::process::Stdio::null(),
        ));
    }
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert_code(&out, 0);
    }
    assert_eq!(
        env.json(&["facility", "list"]).as_array().map(Vec::len),
        Some(8)
    );
    assert_eq!(env.usernames().len(), 5);
}

#[test]
fn a_writer_waits_for_another_writer_lock() {
    let env = TestEnv::with_db();
    let mut held = env.hold_write_lock();
    let child = spawn(
        &env,
        &["facility", "add", "DAL01"],
        std::process::Stdio::null(),
    );
    // Well under the 5 s busy timeout keyward must use.
    held.wait_for_waiters(1, std::time::Duration::from_millis(1000));
    held.commit();
    let out = child.wait_with_output().expect("wait");
    assert_code(&out, 0);
    assert_code(&env.run(&["facility", "show", "DAL01"]), 0);
}

#[test]
fn readers_are_not_blocked_by_a_writer() {
    let env = TestEnv::with_db();
    let held = env.hold_write_lock();
    let out = env.run(&["user", "list"]);
    assert_code(&out, 0);
    held.rollback();
}

#[test]
fn empty_file_is_not_a_keyward_database() {
    sqlite_only!("an empty file");
    let env = TestEnv::new();
    let folder = env.db_path().parent().expect("parent").to_owned();
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(env.db_path(), b"").expect("write");
    assert_code(&env.run(&["user", "list"]), 1);
    assert_eq!(std::fs::read(env.db_path()).expect("read"), b"");
    let out = env.run_stdin(
        &["init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_code(&out, 8);
    assert_eq!(std::fs::read(env.db_path()).expect("read"), b"");
}

#[test]
fn init_creates_every_missing_folder_with_mode_0700() {
    let env = TestEnv::new();
    let db = env.path().join("a").join("b").join("keyward.db");
    let db_s = db.to_str().expect("utf-8 path");
    let out = env.run_stdin(
        &["--db", db_s, "init", "--admin", "root", "--password-stdin"],
        &format!("{ROOT_PASSWORD}\n"),
    );
    assert_code(&out, 0);
    assert_eq!(mode(&env.path().join("a")), 0o700);
    assert_eq!(mode(&env.path().join("a").join("b")), 0o700);
    assert_eq!(mode(&db), 0o600);
}
