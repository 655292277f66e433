//! The audit log through the binary (SPEC 8, decisions issue 5): every change
//! and sign-in event appends a row naming who did it; `audit verify` finds
//! the first row that was tampered with; no secret is ever written there;
//! `audit list` filters.

use crate::common::*;
use serde_json::Value;
use std::process::Output;

/// A login name the commands of these tests claim in `USER`/`LOGNAME`; the
/// audit log must ignore it and name the real uid.
const OS_LOGIN: &str = "auditor";

/// The actor audit rows must name: the real uid's entry, read by `id`.
fn real_os_actor() -> String {
    let id = |flag: &str| {
        let out = std::process::Command::new("id")
            .arg(flag)
            .output()
            .expect("run id");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    match id("-un") {
        Some(name) if !name.is_empty() => format!("os:{name}"),
        _ => format!("os:uid:{}", id("-u").expect("id -u")),
    }
}

/// `keyward ARGS` claiming to be [`OS_LOGIN`], with `input` on stdin.
fn os_run(env: &TestEnv, args: &[&str], input: &str) -> Output {
    env.cmd()
        .env("USER", OS_LOGIN)
        .env("LOGNAME", OS_LOGIN)
        .args(args)
        .write_stdin(input.to_owned())
        .output()
        .expect("run keyward")
}

/// Like [`os_run`], asserting exit 0; returns stdout parsed when it is JSON.
#[track_caller]
fn os_ok(env: &TestEnv, args: &[&str], input: &str) -> Value {
    let out = os_run(env, args, input);
    assert_code(&out, 0);
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

fn details(row: &Value) -> Value {
    match &row["details"] {
        Value::String(s) => serde_json::from_str(s).unwrap_or(Value::String(s.clone())),
        other => other.clone(),
    }
}

/// Runs a change as the OS user and asserts that it appended exactly one row
/// with `action` about `target` (and `facility` when given), and that every
/// row it appended names the OS user as actor. Returns that row.
#[track_caller]
fn assert_recorded(
    env: &TestEnv,
    args: &[&str],
    input: &str,
    action: &str,
    target: Option<&str>,
    facility: Option<&str>,
) -> (Value, Value) {
    let head = env.audit_head_id();
    let out = os_ok(env, args, input);
    let new = env.audit_since(head);
    let hits: Vec<&Value> = new.iter().filter(|r| r["action"] == action).collect();
    assert_eq!(
        hits.len(),
        1,
        "{args:?}: want one `{action}` row, the new rows are {new:#?}"
    );
    let row = hits[0].clone();
    assert_eq!(
        row["target"],
        target.map_or(Value::Null, Value::from),
        "{args:?}: target of {row}"
    );
    if let Some(f) = facility {
        assert_eq!(row["facility"], f, "{args:?}: facility of {row}");
    }
    for r in &new {
        assert_eq!(r["actor"], real_os_actor(), "{args:?}: actor of {r}");
    }
    (row, out)
}

#[test]
fn every_change_appends_a_row_naming_action_target_and_os_actor() {
    let env = TestEnv::with_db();
    let terms = env.write_file("terms.txt", b"Be kind to the database.\n");
    let terms = terms.to_str().expect("utf-8 path");

    assert_recorded(
        &env,
        &["facility", "add", "A"],
        "",
        "facility.add",
        None,
        Some("A"),
    );
    assert_recorded(
        &env,
        &["facility", "add", "B"],
        "",
        "facility.add",
        None,
        Some("B"),
    );
    assert_recorded(
        &env,
        &["user", "add", "bob", "--facility", "A", "--password-stdin"],
        "Pw#first12\n",
        "user.add",
        Some("bob"),
        None,
    );
    let user_steps: &[(&[&str], &str)] = &[
        (&["user", "assign", "bob", "--facility", "B"], "user.assign"),
        (
            &["user", "unassign", "bob", "--facility", "B"],
            "user.unassign",
        ),
        (&["user", "set-role", "bob", "supervisor"], "user.set-role"),
        (&["user", "disable", "bob"], "user.disable"),
        (&["user", "enable", "bob"], "user.enable"),
        (&["user", "lock", "bob"], "user.lock"),
        (&["user", "unlock", "bob"], "user.unlock"),
    ];
    for (args, action) in user_steps {
        assert_recorded(&env, args, "", action, Some("bob"), None);
    }
    let (_, reset) = assert_recorded(
        &env,
        &["--json", "user", "reset-password", "bob"],
        "",
        "user.reset-password",
        Some("bob"),
        None,
    );
    let temp = reset["temporary_password"]
        .as_str()
        .expect("a generated temporary password")
        .to_owned();

    let (row, _) = assert_recorded(
        &env,
        &["policy", "set", "min-length=8"],
        "",
        "policy.set",
        None,
        None,
    );
    let d = details(&row);
    assert_eq!(d["min-length"]["from"], 6, "policy.set details: {d}");
    assert_eq!(d["min-length"]["to"], 8, "policy.set details: {d}");

    assert_recorded(
        &env,
        &["terms", "set", "--file", terms],
        "",
        "terms.publish",
        None,
        None,
    );
    assert_recorded(
        &env,
        &["terms", "accept", "bob", "--password-stdin"],
        &format!("{temp}\n"),
        "terms.accept",
        Some("bob"),
        None,
    );

    let (_, start) = assert_recorded(
        &env,
        &["--json", "2fa", "enroll", "bob"],
        "",
        "2fa.enroll-start",
        Some("bob"),
        None,
    );
    let secret = start["secret"].as_str().expect("secret").to_owned();
    let code = totp_at(&secret, NOW_UNIX);
    assert_recorded(
        &env,
        &["--json", "2fa", "confirm", "bob", "--code-stdin"],
        &format!("{code}\n"),
        "2fa.enroll",
        Some("bob"),
        None,
    );
    assert_recorded(
        &env,
        &["2fa", "reset", "bob", "--yes"],
        "",
        "2fa.reset",
        Some("bob"),
        None,
    );

    assert_recorded(
        &env,
        &["facility", "rename", "A", "--name", "Alpha"],
        "",
        "facility.rename",
        None,
        Some("A"),
    );
    assert_recorded(
        &env,
        &["user", "remove", "bob", "--yes"],
        "",
        "user.remove",
        Some("bob"),
        None,
    );
    assert_recorded(
        &env,
        &["facility", "remove", "B", "--yes"],
        "",
        "facility.remove",
        None,
        Some("B"),
    );
}

#[test]
fn the_first_row_records_init() {
    let env = TestEnv::with_db();
    let rows = env.audit_rows();
    assert_eq!(rows[0]["action"], "init", "first row: {}", rows[0]);
    assert!(
        rows[0]["actor"].as_str().unwrap_or("").starts_with("os:"),
        "init actor: {}",
        rows[0]
    );
}

#[test]
fn the_actor_is_the_real_uid_whatever_user_and_logname_say() {
    let env = TestEnv::with_db();
    assert_ne!(real_os_actor(), format!("os:{OS_LOGIN}"), "setup");
    for (user, logname) in [
        (Some("alice"), Some("alice")),
        (Some("eve\u{202E}ecila"), None),
        (None, None),
    ] {
        let head = env.audit_head_id();
        let mut cmd = env.cmd();
        cmd.env_remove("USER").env_remove("LOGNAME");
        if let Some(u) = user {
            cmd.env("USER", u);
        }
        if let Some(l) = logname {
            cmd.env("LOGNAME", l);
        }
        let code = format!("F{}", head);
        let out = cmd
            .args(["facility", "add", &code])
            .output()
            .expect("run keyward");
        assert_code(&out, 0);
        let rows = env.audit_since(head);
        assert_eq!(rows.len(), 1, "{rows:#?}");
        assert_eq!(rows[0]["actor"], real_os_actor(), "USER={user:?}");
    }
}

#[test]
fn a_refused_change_leaves_no_row() {
    let env = TestEnv::with_db();
    env.facility("A");
    let head = env.audit_head_id();
    // Unknown facility (7), bad policy value (65), destructive without --yes (2).
    assert_code(&env.run(&["user", "add", "bob", "--facility", "ZZ"]), 7);
    assert_code(&env.run(&["policy", "set", "min-length=0"]), 65);
    assert_code(&env.run(&["facility", "remove", "A"]), 2);
    assert_eq!(env.audit_since(head), Vec::<Value>::new());
}

// ---- sign-in events ---------------------------------------------------------

fn actions(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["action"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// Runs `auth NAME` and returns the exit code and the rows it appended.
fn auth_rows(env: &TestEnv, now: &str, name: &str, password: &str) -> (i32, Vec<Value>) {
    let head = env.audit_head_id();
    let out = env.auth_at(now, name, password);
    (code(&out), env.audit_since(head))
}

#[test]
fn sign_in_events_are_recorded_with_their_reason() {
    let env = TestEnv::with_db();
    env.ready_user("carol", "Pass#word9");
    env.set_policy(&["lockout-minutes=5"]);

    let (c, rows) = auth_rows(&env, NOW, "carol", "Pass#word9");
    assert_eq!(c, 0);
    assert_eq!(actions(&rows), ["signin.ok"]);
    assert_eq!(rows[0]["target"], "carol");

    let (c, rows) = auth_rows(&env, NOW, "carol", "Wrong#pw12");
    assert_eq!(c, 3);
    assert_eq!(actions(&rows), ["signin.failed"]);
    assert_eq!(rows[0]["target"], "carol");
    assert_eq!(details(&rows[0])["reason"], "password", "{}", rows[0]);

    assert_eq!(auth_rows(&env, NOW, "carol", "Wrong#pw12").0, 3);
    let (c, rows) = auth_rows(&env, NOW, "carol", "Wrong#pw12");
    assert_eq!(c, 3, "the attempt that locks still exits 3");
    assert_eq!(actions(&rows), ["signin.failed", "account.locked"]);
    assert!(rows.iter().all(|r| r["target"] == "carol"), "{rows:#?}");

    let (c, rows) = auth_rows(&env, NOW, "carol", "Pass#word9");
    assert_eq!(c, 4);
    assert_eq!(actions(&rows), ["signin.refused"]);
    assert_eq!(rows[0]["target"], "carol");
    assert!(
        has(&details(&rows[0]).to_string(), "locked"),
        "refusal reason: {}",
        rows[0]
    );

    let later = now_plus_minutes(6);
    let (c, rows) = auth_rows(&env, &later, "carol", "Pass#word9");
    assert_eq!(c, 0, "the lock lapsed after lockout-minutes");
    assert_eq!(actions(&rows), ["lock.expired", "signin.ok"]);
}

#[test]
fn a_disabled_account_signing_in_is_recorded_as_refused() {
    let env = TestEnv::with_db();
    env.ready_user("carol", "Pass#word9");
    assert_code(&env.run(&["user", "disable", "carol"]), 0);
    let (c, rows) = auth_rows(&env, NOW, "carol", "Pass#word9");
    assert_eq!(c, 4);
    assert_eq!(actions(&rows), ["signin.refused"]);
    assert!(
        has(&details(&rows[0]).to_string(), "disabled"),
        "{}",
        rows[0]
    );
}

#[test]
fn a_sign_in_with_pending_actions_is_recorded() {
    let env = TestEnv::with_db();
    env.add_user_with_password("carol", "user", &[], "Pass#word9");
    let (c, rows) = auth_rows(&env, NOW, "carol", "Pass#word9");
    assert_eq!(c, 5);
    assert_eq!(actions(&rows), ["signin.action-required"]);
    assert_eq!(rows[0]["target"], "carol");
}

#[test]
fn a_used_backup_code_is_recorded() {
    let env = TestEnv::with_db();
    env.ready_supervisor("dave", "Pass#word9");
    let e = env.enrol("dave");
    let head = env.audit_head_id();
    let out = env.auth_code_at(NOW_UNIX, "dave", "Pass#word9", &e.backup_codes[0]);
    assert_code(&out, 0);
    let rows = env.audit_since(head);
    assert!(
        actions(&rows).contains(&"2fa.backup-code-used".to_owned()),
        "{rows:#?}"
    );
    assert!(
        actions(&rows).contains(&"signin.ok".to_owned()),
        "{rows:#?}"
    );
    assert!(rows.iter().all(|r| r["target"] == "dave"), "{rows:#?}");
}

#[test]
fn an_unknown_username_is_not_recorded() {
    let env = TestEnv::with_db();
    // A real-looking name, and a password typed into the username field.
    for name in ["ghost.user", "Hunter#2pw"] {
        let (c, rows) = auth_rows(&env, NOW, name, "Whatever#1");
        assert_eq!(c, 3, "{name}");
        assert_eq!(actions(&rows), ["signin.failed"], "{name}");
        assert_eq!(rows[0]["target"], Value::Null, "{name}: {}", rows[0]);
    }
    let dump = Value::from(env.audit_rows()).to_string();
    assert!(!has(&dump, "ghost"), "the typed name is in the log: {dump}");
    assert!(
        !has(&dump, "hunter"),
        "the typed name is in the log: {dump}"
    );
}

// ---- no secrets ----------------------------------------------------------------

#[test]
fn no_secret_ever_reaches_the_audit_table() {
    let env = TestEnv::with_db();
    env.facility("A");
    let mut secrets: Vec<String> = vec![ROOT_PASSWORD.into()];

    // A generated and a chosen password.
    secrets.push(env.add_user("gen.user", "user", &["A"]));
    env.add_user_with_password("erin", "supervisor", &["A"], "Pass#word9");
    secrets.push("Pass#word9".into());
    // A generated reset password, then a password change by its owner.
    let v = env.json(&["user", "reset-password", "erin"]);
    let temp = v["temporary_password"].as_str().expect("temp").to_owned();
    let out = env.run_stdin(
        &["passwd", "erin", "--password-stdin"],
        &format!("{temp}\nNext#pw456\n"),
    );
    assert_code(&out, 0);
    secrets.push(temp);
    secrets.push("Next#pw456".into());
    env.exec("UPDATE account SET terms_pending = FALSE WHERE username = 'erin'");
    // A chosen reset password.
    let out = env.run_stdin(
        &["user", "reset-password", "gen.user", "--password-stdin"],
        "Chosen#r3set\n",
    );
    assert_code(&out, 0);
    secrets.push("Chosen#r3set".into());
    // Security answers.
    let out = env.run_stdin(
        &["questions", "set", "erin", "--password-stdin"],
        "Next#pw456\nmaiden-name=Quokkaface\nfirst-pet=Zanzibarcat\nbirth-city=Xylophonia\n",
    );
    assert_code(&out, 0);
    secrets.extend(["quokkaface", "zanzibarcat", "xylophonia"].map(String::from));
    // TOTP secret, codes and backup codes, one of them used.
    let e = env.enrol("erin");
    secrets.push(e.secret.clone());
    let out = env.auth_code_at(NOW_UNIX, "erin", "Next#pw456", &e.backup_codes[0]);
    assert_code(&out, 0);
    for c in &e.backup_codes {
        secrets.push(c.clone());
        secrets.push(c.replace('-', ""));
    }
    // Wrong passwords, for a real and an unknown account.
    assert_code(&env.auth("erin", "Wrong#pw789"), 3);
    assert_code(&env.auth("nobody", "Stray#pw321"), 3);
    secrets.push("Wrong#pw789".into());
    secrets.push("Stray#pw321".into());

    let rows = env.audit_rows();
    assert!(rows.len() > 10, "{rows:#?}");
    let dump = Value::from(rows.clone()).to_string();
    for s in &secrets {
        assert!(!has(&dump, s), "secret {s:?} appears in the audit table");
    }
    assert!(!has(&dump, "$argon2"), "a password hash is in the log");
    // Six-digit codes only outside the hex hash columns.
    let text: String = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(o) = r.as_object_mut() {
                o.remove("hash");
                o.remove("prev_hash");
            }
            r.to_string()
        })
        .collect();
    let confirm_code = totp_at(&e.secret, CONFIRM_AT);
    assert!(!text.contains(&confirm_code), "a TOTP code is in the log");
}

// ---- verify and tampering ------------------------------------------------------

/// A database whose log has at least 6 rows (init and five facilities).
fn logged() -> TestEnv {
    let env = TestEnv::with_db();
    for code in ["A", "B", "C", "D", "E"] {
        env.facility(code);
    }
    assert!(env.audit_head_id() >= 6);
    env
}

#[test]
fn verify_reports_rows_and_head_of_an_intact_log() {
    let env = logged();
    let v = env.json(&["audit", "verify"]);
    let rows = env.audit_rows();
    assert_eq!(v["rows"], rows.len() as u64, "{v}");
    assert_eq!(v["head"], rows.last().expect("rows")["hash"], "{v}");
    let out = env.run(&["audit", "verify"]);
    assert_code(&out, 0);
    let head = rows.last().expect("rows")["hash"].as_str().unwrap_or("");
    assert!(stdout(&out).contains(head), "human output names the head");
}

#[track_caller]
fn assert_broken_at(env: &TestEnv, id: i64) {
    let out = env.run(&["audit", "verify"]);
    assert_code(&out, 1);
    assert!(
        names_row(&stderr(&out), id),
        "verify should name row {id}:\n{}",
        stderr(&out)
    );
    let out = env.run(&["--json", "audit", "verify"]);
    assert_code(&out, 1);
    let err = parse_error(&out);
    assert_eq!(err["error"]["code"], 1, "{err}");
    let msg = err["error"]["message"].as_str().unwrap_or("");
    assert!(names_row(msg, id), "JSON error should name row {id}: {msg}");
}

#[test]
fn verify_names_a_row_whose_actor_was_changed() {
    let env = logged();
    env.exec("UPDATE audit SET actor = 'os:mallory' WHERE id = 4");
    assert_broken_at(&env, 4);
}

#[test]
fn verify_names_a_row_whose_details_were_changed() {
    let env = logged();
    env.exec(r#"UPDATE audit SET details = '{"name":"forged"}' WHERE id = 3"#);
    assert_broken_at(&env, 3);
}

#[test]
fn verify_names_a_row_whose_time_was_changed() {
    let env = logged();
    env.exec("UPDATE audit SET at = at - 3600 WHERE id = 5");
    assert_broken_at(&env, 5);
}

#[test]
fn verify_names_the_row_of_any_edited_column() {
    let cases = [
        "UPDATE audit SET action = 'facility.remove' WHERE id = 4",
        "UPDATE audit SET target = 'mallory' WHERE id = 4",
        "UPDATE audit SET facility = NULL WHERE id = 4",
        "UPDATE audit SET details = 'not json at all' WHERE id = 4",
        "UPDATE audit SET prev_hash = hash WHERE id = 4",
        "UPDATE audit SET hash = prev_hash WHERE id = 4",
    ];
    for sql in cases {
        let env = logged();
        env.exec(sql);
        let out = env.run(&["audit", "verify"]);
        assert_eq!(code(&out), 1, "{sql}: {}", stderr(&out));
        assert!(names_row(&stderr(&out), 4), "{sql}: {}", stderr(&out));
    }
}

#[test]
fn verify_names_a_forged_row_appended_at_the_end() {
    let env = logged();
    let head = env.audit_head_id();
    env.exec(&format!(
        "INSERT INTO audit (id, at, actor, action, target, facility, details, prev_hash, hash)
         SELECT id + 1, at, 'os:mallory', 'user.add', 'mallory', NULL, '{{}}', hash, hash
         FROM audit WHERE id = {head}"
    ));
    assert_broken_at(&env, head + 1);
}

#[test]
fn verify_names_the_row_after_a_deleted_middle_row() {
    let env = logged();
    env.exec("DELETE FROM audit WHERE id = 3");
    assert_broken_at(&env, 4);
}

#[test]
fn verify_names_the_row_after_a_deleted_first_row() {
    let env = logged();
    env.exec("DELETE FROM audit WHERE id = 1");
    assert_broken_at(&env, 2);
}

#[test]
fn verify_names_the_first_of_two_swapped_rows() {
    let env = logged();
    // Rows 1 and 2 are init's; 3 and 4 add facilities A and B.
    // Content only (hashes stay), then whole rows (hashes travel along).
    env.exec(
        "CREATE TEMP TABLE s AS SELECT * FROM audit WHERE id IN (3, 4);
         UPDATE audit SET
           at = (SELECT at FROM s WHERE s.id = 7 - audit.id),
           actor = (SELECT actor FROM s WHERE s.id = 7 - audit.id),
           action = (SELECT action FROM s WHERE s.id = 7 - audit.id),
           target = (SELECT target FROM s WHERE s.id = 7 - audit.id),
           facility = (SELECT facility FROM s WHERE s.id = 7 - audit.id),
           details = (SELECT details FROM s WHERE s.id = 7 - audit.id)
         WHERE id IN (3, 4);",
    );
    let rows = env.audit_rows();
    assert_eq!(rows[2]["facility"], "B", "swap did not happen: {rows:#?}");
    assert_eq!(rows[3]["facility"], "A", "swap did not happen: {rows:#?}");
    assert_broken_at(&env, 3);

    let env = logged();
    env.exec(
        "UPDATE audit SET id = -3 WHERE id = 3;
         UPDATE audit SET id = 3 WHERE id = 4;
         UPDATE audit SET id = 4 WHERE id = -3;",
    );
    assert_broken_at(&env, 3);
}

/// The chain as documented: SHA-256 over the previous hash, a newline and
/// the row's canonical content `[id, at, actor, action, target, facility, details]`.
fn rehash(prev: &str, row: &Value) -> String {
    use sha2::{Digest, Sha256};
    let canonical = serde_json::json!([
        row["id"],
        row["at"],
        row["actor"],
        row["action"],
        row["target"],
        row["facility"],
        details(row)
    ])
    .to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn verify_names_the_next_row_after_an_edit_rehashed_in_place() {
    let env = logged();
    let rows = env.audit_rows();
    let r3 = &rows[2];
    let prev = r3["prev_hash"].as_str().expect("prev_hash");
    assert_eq!(
        rehash(prev, r3),
        r3["hash"].as_str().expect("hash"),
        "this test's idea of the chain differs from the implementation's"
    );
    // The forger edits row 3 and gives it a matching hash, but cannot
    // rewrite the chain after it.
    let mut forged = r3.clone();
    forged["actor"] = "os:mallory".into();
    let hash = rehash(prev, &forged);
    env.exec(&format!(
        "UPDATE audit SET actor = 'os:mallory', hash = '{hash}' WHERE id = 3"
    ));
    assert_broken_at(&env, 4);
}

#[test]
fn verify_names_a_row_rehashed_over_a_wrong_chain() {
    let env = logged();
    let rows = env.audit_rows();
    let mut forged = rows[2].clone();
    forged["actor"] = "os:mallory".into();
    // Hashed as if it were the first row, and linked to nothing.
    let genesis = "0".repeat(64);
    let hash = rehash(&genesis, &forged);
    env.exec(&format!(
        "UPDATE audit SET actor = 'os:mallory', hash = '{hash}' WHERE id = 3"
    ));
    assert_broken_at(&env, 3);
}

#[test]
fn parallel_changes_chain_one_after_the_other() {
    let env = logged();
    let before = env.audit_head_id();
    let children: Vec<_> = (0..8)
        .map(|i| {
            env.std_cmd(&["facility", "add", &format!("P{i}")])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn keyward")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v = env.json(&["audit", "verify"]);
    assert_eq!(v["rows"], (before + 8) as u64, "{v}");
}

#[test]
fn truncating_the_log_keeps_a_valid_chain_with_a_different_head() {
    let env = logged();
    let before = env.json(&["audit", "verify"]);
    env.exec("DELETE FROM audit WHERE id > 3");
    let after = env.json(&["audit", "verify"]);
    assert_eq!(after["rows"], 3);
    assert_ne!(after["head"], before["head"], "only the head reveals a cut");
}

// ---- audit list ----------------------------------------------------------------

#[test]
fn audit_list_filters_by_user_action_and_time_oldest_first() {
    let env = TestEnv::with_db();
    let day_before = "2026-11-21T12:00:00Z";
    for name in ["bob", "alice"] {
        let out = env.run_stdin_at(
            day_before,
            &["user", "add", name, "--password-stdin"],
            "Pass#word9\n",
        );
        assert_code(&out, 0);
    }
    env.clear_pending("TRUE");
    // The day before: bob's sign-ins, which --since excludes.
    assert_code(&env.auth_at(day_before, "bob", "Pass#word9"), 0);
    assert_code(&env.auth_at(day_before, "bob", "Wrong#word9"), 3);
    // Today: three sign-in events for bob, alice's in between, and a change to bob.
    assert_code(&env.auth("bob", "Pass#word9"), 0);
    assert_code(&env.auth("alice", "Pass#word9"), 0);
    assert_code(&env.auth("bob", "Wrong#word9"), 3);
    assert_code(&env.run(&["user", "set-role", "bob", "supervisor"]), 0);
    assert_code(&env.auth("bob", "Pass#word9"), 0);
    assert_code(&env.auth("alice", "Wrong#word9"), 3);

    let v = env.json(&[
        "audit",
        "list",
        "--user",
        "bob",
        "--action",
        "signin",
        "--since",
        "2026-11-22",
        "--limit",
        "2",
    ]);
    let list = v.as_array().expect("a JSON array");
    assert_eq!(list.len(), 2, "{v:#}");
    for r in list {
        assert_eq!(r["target"], "bob", "{r}");
        assert!(
            r["action"].as_str().unwrap_or("").starts_with("signin."),
            "{r}"
        );
        assert!(
            r["at"].as_str().unwrap_or("") >= "2026-11-22",
            "{r} is before --since"
        );
    }
    let ids: Vec<i64> = list.iter().map(|r| r["id"].as_i64().unwrap_or(0)).collect();
    assert!(ids[0] < ids[1], "oldest first: {ids:?}");
    // The newest two that match.
    let want: Vec<i64> = env
        .sql(
            "SELECT id FROM audit WHERE target = 'bob' AND action LIKE 'signin.%'
             ORDER BY id DESC LIMIT 2",
        )
        .into_iter()
        .rev()
        .map(|r| r[0].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(ids, want);

    // Without --limit 2 there are three today, none from the day before.
    let v = env.json(&[
        "audit",
        "list",
        "--user",
        "bob",
        "--action",
        "signin",
        "--since",
        "2026-11-22",
    ]);
    assert_eq!(v.as_array().map(Vec::len), Some(3), "{v:#}");
    // An exact action, and an RFC 3339 --since.
    let v = env.json(&["audit", "list", "--action", "signin.failed", "--since", NOW]);
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), 2, "{v:#}");
    assert!(list.iter().all(|r| r["action"] == "signin.failed"), "{v:#}");
}

#[test]
fn audit_list_json_rows_have_the_documented_fields() {
    let env = TestEnv::with_db();
    env.facility("A");
    env.add_user_with_password("bob", "user", &["A"], "Pass#word9");
    let v = env.json(&["audit", "list"]);
    let list = v.as_array().expect("a JSON array");
    assert!(list.len() >= 3, "{v:#}");
    let stored = env.audit_rows();
    for r in list {
        for key in [
            "id", "at", "actor", "action", "target", "facility", "details", "hash",
        ] {
            assert!(r.get(key).is_some(), "audit row lacks {key:?}: {r}");
        }
        assert!(r["id"].is_i64(), "{r}");
        assert!(r["actor"].is_string() && r["action"].is_string(), "{r}");
        assert!(r["target"].is_string() || r["target"].is_null(), "{r}");
        assert!(r["facility"].is_string() || r["facility"].is_null(), "{r}");
        assert!(r["details"].is_object(), "details is an object: {r}");
        let s = stored
            .iter()
            .find(|s| s["id"] == r["id"])
            .expect("a stored row");
        assert_eq!(r["hash"], s["hash"], "{r}");
    }
    let add = list
        .iter()
        .find(|r| r["action"] == "user.add")
        .expect("a user.add row");
    assert_eq!(add["at"], NOW, "RFC 3339 UTC time: {add}");
    assert_eq!(add["target"], "bob");
}

#[test]
fn audit_list_user_is_matched_in_lower_case() {
    let env = TestEnv::with_db();
    env.add_user("bob", "user", &[]);
    let v = env.json(&["audit", "list", "--user", "BOB"]);
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), 1, "{v:#}");
    assert_eq!(list[0]["action"], "user.add");
}

#[test]
fn audit_list_rejects_a_bad_since() {
    let env = TestEnv::with_db();
    let out = env.run(&["audit", "list", "--since", "yesterday"]);
    assert_code(&out, 65);
}
