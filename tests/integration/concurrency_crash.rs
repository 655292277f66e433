//! Many keyward processes at once queue on SQLite's write lock instead of
//! failing, and a killed import leaves all of its rows or none (decisions,
//! issue 6: "Concurrency and crashes").

use crate::common::*;
use std::io::Write;
use std::process::{Child, Output, Stdio};
use std::time::Duration;

/// What SQLite says when a process gave up waiting for the lock.
fn says_busy(out: &Output) -> bool {
    let text = format!("{}{}", stdout(out), stderr(out)).to_lowercase();
    text.contains("database is locked") || text.contains("busy")
}

/// Spawns `keyward ARGS` with `input` on stdin, output captured.
fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    env.std_cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn keyward")
}

/// Starts every command, then feeds each its stdin, then waits for all:
/// the processes run at the same time.
fn run_all(env: &TestEnv, commands: &[(Vec<&str>, String)]) -> Vec<Output> {
    let mut children: Vec<Child> = commands.iter().map(|(args, _)| spawn(env, args)).collect();
    for (child, (_, input)) in children.iter_mut().zip(commands) {
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write stdin");
    }
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait for keyward"))
        .collect()
}

#[test]
fn parallel_wrong_passwords_count_up_to_the_threshold_and_lock_once() {
    let env = TestEnv::with_db();
    env.set_policy(&["lockout-threshold=5"]);
    env.ready_user("victim", "Right#pw1");
    let commands: Vec<(Vec<&str>, String)> = (0..16)
        .map(|_| {
            (
                vec!["--json", "auth", "victim", "--password-stdin"],
                "Wrong#pw9\n".to_owned(),
            )
        })
        .collect();
    let outs = run_all(&env, &commands);

    for out in &outs {
        assert!(
            [3, 4].contains(&code(out)),
            "every attempt fails (3) or finds the account locked (4): {:?}\n{}",
            out.status,
            stderr(out)
        );
        assert!(
            !says_busy(out),
            "a process gave up on the lock:\n{}",
            stderr(out)
        );
    }
    let failed = outs.iter().filter(|o| code(o) == 3).count();
    assert_eq!(failed, 5, "exactly the threshold is counted");
    let locked_now = outs
        .iter()
        .filter(|o| {
            serde_json::from_slice::<serde_json::Value>(&o.stdout)
                .is_ok_and(|v| v["locked"] == true)
        })
        .count();
    assert_eq!(locked_now, 1, "one attempt says it locked the account");

    let victim = env.user("victim");
    assert_eq!(victim["failed_attempts"], 5, "{victim}");
    assert_eq!(victim["status"], "locked", "{victim}");
    assert_eq!(victim["lock_reason"], "failed-attempts", "{victim}");
    assert_eq!(env.audit_count("account.locked"), 1);
    assert_eq!(env.audit_count("signin.failed"), 5);
    assert_code(&env.run(&["audit", "verify"]), 0);
    // Even the right password is refused now.
    assert_code(&env.auth("victim", "Right#pw1"), 4);
}

#[test]
fn parallel_writers_all_succeed_and_the_audit_chain_holds() {
    let env = TestEnv::with_db();
    env.ready_user("tmpl", "Right#pw1");
    env.clone_user_rows("tmpl", "w", 12);
    let head = env.audit_head_id();
    let mut commands: Vec<(Vec<&str>, String)> = Vec::new();
    let names: Vec<String> = (1..=12).map(|i| format!("w{i:05}")).collect();
    for f in ["F1", "F2", "F3", "F4"] {
        commands.push((vec!["facility", "add", f], String::new()));
    }
    for n in &names[0..4] {
        commands.push((vec!["user", "lock", n], String::new()));
    }
    for n in &names[4..8] {
        commands.push((vec!["user", "unlock", n], String::new()));
    }
    for n in &names[8..12] {
        commands.push((vec!["user", "set-role", n, "supervisor"], String::new()));
    }
    let outs = run_all(&env, &commands);
    for ((args, _), out) in commands.iter().zip(&outs) {
        assert_eq!(code(out), 0, "{args:?}: {}", stderr(out));
        assert!(!says_busy(out), "{args:?}: {}", stderr(out));
    }
    for f in ["F1", "F2", "F3", "F4"] {
        assert_eq!(env.json(&["facility", "show", f])["code"], f);
    }
    for n in &names[0..4] {
        assert_eq!(env.user(n)["status"], "locked", "{n}");
    }
    for n in &names[4..8] {
        let u = env.user(n);
        assert_eq!(u["status"], "active", "{n}");
        assert_eq!(u["must_change_password"], true, "{n}");
    }
    for n in &names[8..12] {
        assert_eq!(env.user(n)["role"], "supervisor", "{n}");
    }
    let rows = env.audit_since(head);
    for action in ["facility.add", "user.lock", "user.unlock", "user.set-role"] {
        assert_eq!(
            rows.iter().filter(|r| r["action"] == action).count(),
            4,
            "{action}: {rows:#?}"
        );
    }
    assert_code(&env.run(&["audit", "verify"]), 0);
}

/// A CSV of `n` migrated accounts `{prefix}00000`... in DAL01 (cheap: no hashing).
fn hash_rows(prefix: &str, n: usize, hash: &str) -> String {
    let mut csv = format!("{IMPORT_HEADER},password_hash\n");
    for i in 0..n {
        csv.push_str(&format!("{prefix}{i:05},,user,DAL01,,\"{hash}\"\n"));
    }
    csv
}

fn env_with_dal01() -> TestEnv {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env
}

#[test]
fn parallel_imports_of_different_files_both_succeed() {
    let env = env_with_dal01();
    let hash = argon2id_hash("Mig#rate42");
    let a = env.csv_file(&hash_rows("a", 400, &hash));
    let b = env.csv_file(&hash_rows("b", 400, &hash));
    let outs = run_all(
        &env,
        &[
            (
                vec!["user", "import", a.to_str().expect("utf-8 path")],
                String::new(),
            ),
            (
                vec!["user", "import", b.to_str().expect("utf-8 path")],
                String::new(),
            ),
        ],
    );
    for out in &outs {
        assert_code(out, 0);
        assert!(!says_busy(out), "{}", stderr(out));
    }
    assert_eq!(env.count_accounts("a"), 400);
    assert_eq!(env.count_accounts("b"), 400);
    assert_eq!(env.audit_count("user.import"), 2);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn parallel_imports_of_the_same_file_create_each_account_once() {
    let env = env_with_dal01();
    let hash = argon2id_hash("Mig#rate42");
    let file = env.csv_file(&hash_rows("s", 500, &hash));
    let path = file.to_str().expect("utf-8 path");
    let outs = run_all(
        &env,
        &[
            (vec!["user", "import", path], String::new()),
            (vec!["user", "import", path], String::new()),
        ],
    );
    let ok = outs.iter().filter(|o| code(o) == 0).count();
    assert_eq!(
        ok,
        1,
        "one import wins, the other finds the accounts exist:\n{}\n{}",
        stderr(&outs[0]),
        stderr(&outs[1])
    );
    for out in &outs {
        assert!(!says_busy(out), "{}", stderr(out));
        assert_ne!(code(out), 65, "the file is good: {}", stderr(out));
    }
    assert_eq!(env.count_accounts("s"), 500);
    assert_eq!(env.audit_count("user.import"), 1, "the loser wrote nothing");
    assert_eq!(env.audit_count("user.add"), 500);
    assert_code(&env.run(&["audit", "verify"]), 0);
}

#[test]
fn writers_wait_for_a_held_write_lock_instead_of_failing() {
    let env = env_with_dal01();
    let hash = argon2id_hash("Mig#rate42");
    let file = env.csv_file(&hash_rows("q", 50, &hash));
    let mut held = env.hold_write_lock();
    let facility = spawn(&env, &["facility", "add", "HELD"]);
    let import = spawn(
        &env,
        &["user", "import", file.to_str().expect("utf-8 path")],
    );
    held.wait_for_waiters(2, Duration::from_millis(400));
    held.commit();
    for (what, child) in [("facility add", facility), ("import", import)] {
        let out = child.wait_with_output().expect("wait");
        assert_eq!(code(&out), 0, "{what}: {}", stderr(&out));
        assert!(!says_busy(&out), "{what}: {}", stderr(&out));
    }
    assert_eq!(env.count_accounts("q"), 50);
    assert_eq!(env.json(&["facility", "show", "HELD"])["code"], "HELD");
}

// ---- changes by someone else while an import runs ----------------------------

/// Holds the write lock while `keyward user import FILE` starts (it reads and
/// checks the file, then queues for the lock), runs `change` inside that
/// transaction, commits, and returns the import's output. Whether the import
/// read the file before or after the change varies; the callers' assertions
/// hold either way.
fn import_while(
    env: &TestEnv,
    file: &std::path::Path,
    extra: &[&str],
    change: impl FnOnce(&mut Held),
) -> Output {
    let mut held = env.hold_write_lock();
    let mut args = vec!["user", "import", file.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let child = spawn(env, &args);
    // On PostgreSQL the import is proved to be queued; on SQLite the pause
    // only makes the in-transaction re-check the likely path.
    held.wait_for_waiters(1, Duration::from_millis(300));
    change(&mut held);
    held.commit();
    child.wait_with_output().expect("wait for the import")
}

/// Nothing of the import `prefix` was written: no account, no audit row.
#[track_caller]
fn assert_nothing_imported(env: &TestEnv, out: &Output, prefix: &str) {
    assert_ne!(code(out), 0, "the import must fail: {}", stderr(out));
    assert!(!says_busy(out), "{}", stderr(out));
    assert_eq!(env.count_accounts(prefix), 0, "{}", stderr(out));
    assert_eq!(env.audit_count("user.import"), 0);
    assert_eq!(env.audit_count("user.add"), 0);
    assert_code(&env.run(&["db", "check"]), 0);
}

#[test]
fn an_account_created_meanwhile_aborts_the_import() {
    let env = env_with_dal01();
    let hash = argon2id_hash("Mig#rate42");
    let file = env.csv_file(&hash_rows("z", 200, &hash));
    let out = import_while(&env, &file, &[], |conn| {
        conn.exec(
            "INSERT INTO account (username, role, must_change_password, terms_pending, \
             password_hash, password_changed_at, created_at, updated_at) \
             SELECT 'z00150', 'user', TRUE, TRUE, password_hash, password_changed_at, created_at, \
             updated_at FROM account WHERE username = 'root'",
        );
    });
    assert_eq!(env.count_accounts("z"), 1, "only the one created meanwhile");
    assert_eq!(code(&out), 8, "the account exists: {}", stderr(&out));
    assert!(stderr(&out).contains("z00150"), "{}", stderr(&out));
    assert_eq!(env.audit_count("user.import"), 0);
    assert_eq!(env.audit_count("user.add"), 0);
    assert_code(&env.run(&["db", "check"]), 0);
}

#[test]
fn a_credentials_file_is_removed_when_the_import_aborts() {
    let env = env_with_dal01();
    let mut csv = format!("{IMPORT_HEADER}\n");
    for i in 1..=4 {
        csv.push_str(&format!("z{i}gen,,user,DAL01,\n"));
    }
    let file = env.csv_file(&csv);
    let creds = env.path().join("creds.csv");
    let out = import_while(
        &env,
        &file,
        &["--credentials-out", creds.to_str().expect("utf-8 path")],
        |conn| {
            conn.exec(
                "INSERT INTO account (username, role, must_change_password, terms_pending, \
                 password_hash, password_changed_at, created_at, updated_at) \
                 SELECT 'z3gen', 'user', TRUE, TRUE, password_hash, password_changed_at, created_at, \
                 updated_at FROM account WHERE username = 'root'",
            );
        },
    );
    assert_eq!(code(&out), 8, "{}", stderr(&out));
    assert_eq!(env.count_accounts("z"), 1, "only the one created meanwhile");
    assert!(
        !creds.exists(),
        "the credentials of an import that did not commit are removed"
    );
}

#[test]
fn a_facility_removed_meanwhile_aborts_the_import() {
    let env = env_with_dal01();
    env.facility("GONE1");
    let hash = argon2id_hash("Mig#rate42");
    let mut csv = hash_rows("z", 200, &hash);
    csv.push_str(&format!("zlast,,user,GONE1,,\"{hash}\"\n"));
    let file = env.csv_file(&csv);
    let out = import_while(&env, &file, &[], |conn| {
        conn.exec("DELETE FROM facility WHERE code = 'GONE1'");
    });
    assert_nothing_imported(&env, &out, "z");
    assert!(stderr(&out).contains("GONE1"), "{}", stderr(&out));
}

#[test]
fn a_file_changed_between_the_two_reads_aborts_the_import() {
    let env = env_with_dal01();
    let hash = argon2id_hash("Mig#rate42");
    let good = hash_rows("z", 200, &hash);
    // The same length, well-formed CSV with valid usernames (y...), but a
    // hash of a version keyward refuses (v=17): whichever read sees it first,
    // nothing may be written. A second read that trusted the first read's
    // checks would insert these accounts.
    let changed = good.replace("\nz0", "\ny0").replace("$v=19$", "$v=17$");
    assert_eq!(changed.len(), good.len());
    assert_ne!(changed, good);
    let file = env.csv_file(&good);
    let out = import_while(&env, &file, &[], |_| {
        std::fs::write(&file, &changed).expect("rewrite the file");
    });
    assert_nothing_imported(&env, &out, "z");
    assert_eq!(env.count_accounts("y"), 0, "{}", stderr(&out));
}

// ---- killed imports -------------------------------------------------------------

/// When to kill an import. Where it dies varies; the assertions hold for all.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// SIGKILL this long after the start (it may have finished by then).
    After(Duration),
    /// SIGKILL as soon as the database's -wal file grows: the import is
    /// inside its write transaction (or committing).
    OnWalGrowth,
}

/// After a killed import: the database is intact, holds all `n` rows of
/// `prefix` or none, and `db check` and `audit verify` pass. Returns the count.
#[track_caller]
fn assert_all_or_nothing(env: &TestEnv, prefix: &str, n: i64, how: Kill) -> i64 {
    let check = env.run(&["db", "check"]);
    assert_eq!(code(&check), 0, "{how:?}: db check: {}", stderr(&check));
    if env.pg.is_none() {
        assert_eq!(env.sql_scalar("PRAGMA integrity_check"), "ok", "{how:?}");
    }
    let count = env.count_accounts(prefix);
    assert!(
        count == 0 || count == n,
        "{how:?}: {count} of {n} accounts: an import is all rows or none"
    );
    assert_eq!(
        env.audit_count("user.import"),
        i64::from(count == n),
        "{how:?}: the summary row goes with the rows"
    );
    assert_eq!(
        env.audit_count("user.add"),
        count,
        "{how:?}: one user.add per committed account"
    );
    let verify = env.run(&["audit", "verify"]);
    assert_eq!(code(&verify), 0, "{how:?}: {}", stderr(&verify));
    count
}

/// Starts `keyward ARGS`, kills it (SIGKILL) as `how` says and reaps it.
fn kill_import(env: &TestEnv, args: &[&str], how: Kill) {
    let mut child = env
        .std_cmd(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn keyward");
    match how {
        Kill::After(delay) => std::thread::sleep(delay),
        Kill::OnWalGrowth if env.pg.is_some() => {
            // On PostgreSQL: as soon as it holds the write lock.
            while !env.pg_writer_active() {
                if child.try_wait().expect("poll keyward").is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_micros(500));
            }
        }
        Kill::OnWalGrowth => {
            let wal_len = || std::fs::metadata(env.wal_path()).map_or(0, |m| m.len());
            let start = wal_len();
            while wal_len() <= start {
                if child.try_wait().expect("poll keyward").is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_micros(100));
            }
        }
    }
    // SIGKILL; an error only means the process has already been reaped.
    let _ = child.kill();
    child.wait().expect("reap keyward");
}

/// How long `keyward ARGS` takes to finish in a fresh copy of the setup, so
/// that the kills below spread over the whole run on any machine (this only
/// chooses the delays; nothing asserts on time).
fn kill_schedule(duration: Duration) -> Vec<Kill> {
    let mut v: Vec<Kill> = (0..=8).map(|k| Kill::After(duration * k / 7)).collect();
    v.extend([Kill::OnWalGrowth; 3]);
    v
}

fn time_it(env: &TestEnv, args: &[&str]) -> Duration {
    let start = std::time::Instant::now();
    let out = env.run(args);
    let took = start.elapsed();
    assert_code(&out, 0);
    took
}

#[test]
fn a_killed_import_of_migrated_accounts_leaves_all_rows_or_none() {
    const N: usize = 3000;
    let hash = argon2id_hash("Mig#rate42");
    let csv = hash_rows("m", N, &hash);
    let probe = env_with_dal01();
    let file = probe.csv_file(&csv);
    let took = time_it(
        &probe,
        &["user", "import", file.to_str().expect("utf-8 path")],
    );

    let mut outcomes = Vec::new();
    for how in kill_schedule(took) {
        let env = env_with_dal01();
        let file = env.csv_file(&csv);
        kill_import(
            &env,
            &["user", "import", file.to_str().expect("utf-8 path")],
            how,
        );
        let count = assert_all_or_nothing(&env, "m", N as i64, how);
        outcomes.push((how, count));

        // A rerun that skips what exists completes the import.
        let v = env.import_json(&csv, &["--on-conflict", "skip"]);
        assert_eq!(v["created"], N as i64 - count, "{how:?}: {v}");
        assert_eq!(v["skipped"], count, "{how:?}: {v}");
        assert_eq!(env.count_accounts("m"), N as i64);
        assert_code(&env.run(&["db", "check"]), 0);
    }
    eprintln!("an import takes {took:?}; (kill, accounts after it): {outcomes:?}");
}

#[test]
fn a_killed_import_with_generated_passwords_leaves_all_rows_or_none() {
    const N: usize = 12;
    let mut csv = format!("{IMPORT_HEADER}\n");
    for i in 1..=N {
        csv.push_str(&format!("g{i:02}x,,user,DAL01,\n"));
    }
    let probe = env_with_dal01();
    let file = probe.csv_file(&csv);
    let creds = probe.path().join("creds.csv");
    let took = time_it(
        &probe,
        &[
            "user",
            "import",
            file.to_str().expect("utf-8 path"),
            "--credentials-out",
            creds.to_str().expect("utf-8 path"),
        ],
    );

    let mut outcomes = Vec::new();
    for how in kill_schedule(took) {
        let env = env_with_dal01();
        let file = env.csv_file(&csv);
        let creds = env.path().join("creds.csv");
        kill_import(
            &env,
            &[
                "user",
                "import",
                file.to_str().expect("utf-8 path"),
                "--credentials-out",
                creds.to_str().expect("utf-8 path"),
            ],
            how,
        );
        let count = assert_all_or_nothing(&env, "g", N as i64, how);
        outcomes.push((how, count));
        let leftovers = temporary_credentials(&env, "creds.csv");
        if count == 0 {
            assert!(
                !creds.exists(),
                "{how:?}: no credentials file without accounts"
            );
        }
        if count == N as i64 {
            // Committed: the credentials were written and synced before the
            // commit, under the temporary name if it died before the link.
            let creds = if creds.exists() {
                creds.clone()
            } else {
                assert_eq!(leftovers.len(), 1, "{how:?}: {leftovers:?}");
                leftovers[0].clone()
            };
            assert_eq!(file_mode(&creds), 0o600, "{how:?}");
            let pairs = parse_credentials(&std::fs::read_to_string(&creds).expect("read creds"));
            let mut names: Vec<&str> = pairs.iter().map(|(u, _)| u.as_str()).collect();
            names.sort_unstable();
            let want: Vec<String> = (1..=N).map(|i| format!("g{i:02}x")).collect();
            assert_eq!(names, want, "{how:?}");
            let a = env.auth(&pairs[0].0, &pairs[0].1);
            assert_eq!(
                code(&a),
                5,
                "{how:?}: the written password is the stored one"
            );
        }

        // A rerun (to a new credentials file) completes the import.
        let creds2 = env.path().join("creds2.csv");
        let v = env.import_json(
            &csv,
            &[
                "--on-conflict",
                "skip",
                "--credentials-out",
                creds2.to_str().expect("utf-8 path"),
            ],
        );
        assert_eq!(v["created"], N as i64 - count, "{how:?}: {v}");
        assert_eq!(env.count_accounts("g"), N as i64);
        if count == 0 {
            let pairs = parse_credentials(&std::fs::read_to_string(&creds2).expect("read creds2"));
            assert_eq!(pairs.len(), N, "{how:?}");
        }
    }
    eprintln!("an import takes {took:?}; (kill, accounts after it): {outcomes:?}");
}

#[test]
fn a_backup_taken_during_an_import_holds_all_of_it_or_none() {
    const N: usize = 3000;
    let env = env_with_dal01();
    let hash = argon2id_hash("Mig#rate42");
    let file = env.csv_file(&hash_rows("m", N, &hash));
    let copy = TestEnv::sqlite();
    std::fs::create_dir_all(copy.db_path().parent().expect("parent")).expect("mkdir");
    let outs = run_all(
        &env,
        &[
            (
                vec!["user", "import", file.to_str().expect("utf-8 path")],
                String::new(),
            ),
            (
                vec!["db", "backup", copy.db_path().to_str().expect("utf-8 path")],
                String::new(),
            ),
        ],
    );
    for out in &outs {
        assert_code(out, 0);
        assert!(!says_busy(out), "{}", stderr(out));
    }
    assert_code(&copy.run(&["db", "check"]), 0);
    let count = copy.count_accounts("m");
    assert!(
        count == 0 || count == N as i64,
        "the copy holds {count} of {N}"
    );
    assert_eq!(env.count_accounts("m"), N as i64);
}

/// Leftover temporary credentials files (`.NAME.tmp-PID`) in the temp dir.
fn temporary_credentials(env: &TestEnv, name: &str) -> Vec<std::path::PathBuf> {
    let prefix = format!(".{name}.tmp-");
    std::fs::read_dir(env.path())
        .expect("list the temp dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .collect()
}

/// `user import` of four generated accounts to `--credentials-out creds.csv`,
/// with `KEYWARD_FAULT=fault` (debug builds: die or fail at that point).
fn import_with_fault(env: &TestEnv, fault: &str) -> (Output, std::path::PathBuf) {
    let mut csv = format!("{IMPORT_HEADER}\n");
    for i in 1..=4 {
        csv.push_str(&format!("f{i}gen,,user,DAL01,\n"));
    }
    let file = env.csv_file(&csv);
    let creds = env.path().join("creds.csv");
    let out = env
        .std_cmd(&[
            "user",
            "import",
            file.to_str().expect("utf-8 path"),
            "--credentials-out",
            creds.to_str().expect("utf-8 path"),
        ])
        .env("KEYWARD_FAULT", fault)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run keyward");
    (out, creds)
}

#[test]
fn killed_after_writing_the_credentials_before_the_commit_leaves_no_file_and_no_account() {
    let env = env_with_dal01();
    let (out, creds) = import_with_fault(&env, "import-before-commit");
    assert!(out.status.code().is_none(), "it died: {:?}", out.status);
    assert!(
        !creds.exists(),
        "while the credentials exist only under the temporary name, the final name does not"
    );
    let tmp = temporary_credentials(&env, "creds.csv");
    assert_eq!(tmp.len(), 1, "the temporary file was written: {tmp:?}");
    assert_eq!(file_mode(&tmp[0]), 0o600, "and is private");
    assert_eq!(
        parse_credentials(&std::fs::read_to_string(&tmp[0]).expect("read")).len(),
        4,
        "synced before the commit"
    );
    assert_all_or_nothing(&env, "f", 4, Kill::OnWalGrowth);
    assert_eq!(env.count_accounts("f"), 0, "nothing committed");
}

#[test]
fn killed_after_the_commit_before_the_rename_leaves_the_passwords_under_the_temporary_name() {
    let env = env_with_dal01();
    let (out, creds) = import_with_fault(&env, "import-after-commit");
    assert!(out.status.code().is_none(), "it died: {:?}", out.status);
    assert_eq!(env.count_accounts("f"), 4, "committed");
    assert!(!creds.exists(), "not yet named");
    let tmp = temporary_credentials(&env, "creds.csv");
    assert_eq!(tmp.len(), 1, "{tmp:?}");
    assert_eq!(file_mode(&tmp[0]), 0o600);
    let pairs = parse_credentials(&std::fs::read_to_string(&tmp[0]).expect("read"));
    assert_eq!(pairs.len(), 4);
    for (user, pw) in &pairs {
        assert_code(&env.auth(user, pw), 5);
    }
}

#[test]
fn a_failed_commit_leaves_no_credentials_file_under_either_name() {
    let env = env_with_dal01();
    let before = env.snapshot();
    let (out, creds) = import_with_fault(&env, "import-before-commit:error");
    assert_code(&out, 1);
    assert!(!creds.exists(), "{}", stderr(&out));
    assert_eq!(
        temporary_credentials(&env, "creds.csv"),
        Vec::<std::path::PathBuf>::new()
    );
    assert_eq!(env.snapshot(), before, "rolled back");
    assert_eq!(env.audit_count("user.import"), 0);

    // Without a fault the same import names its file and leaves no temporary one.
    let (out, creds) = import_with_fault(&env, "");
    assert_code(&out, 0);
    assert_eq!(file_mode(&creds), 0o600);
    assert_eq!(
        temporary_credentials(&env, "creds.csv"),
        Vec::<std::path::PathBuf>::new()
    );
}
