//! An import larger than one batch: new accounts are written a batch at a
//! time (SQLite: 500 per multi-row INSERT; PostgreSQL: up to 5,000 per
//! COPY, fewer when rows name many facilities), and the result must be the
//! same as row by row: ids and audit rows in file order, each account with
//! its history and facilities, an update in the middle in its place.

use crate::common::*;
use serde_json::json;

/// Rows `u000001`..: more than two PostgreSQL batches by count, and with
/// two facilities each, batches that the facility bound ends early.
const ROWS: usize = 11_001;
/// The row that exists before the import and is updated in place.
const MIDDLE: usize = 5_500;

fn name(i: usize) -> String {
    format!("u{i:06}")
}

#[test]
fn a_multi_batch_import_writes_every_row_in_file_order() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    env.facility("HOU02");
    env.add_user(&name(MIDDLE), "user", &["DAL01"]);
    let hash = argon2id_hash("Mig#rate42");
    let mut csv = String::from("username,name,role,facilities,password,password_hash\n");
    for i in 1..=ROWS {
        csv.push_str(&format!(
            "{},User {i},user,DAL01;HOU02,,\"{hash}\"\n",
            name(i)
        ));
    }
    let v = env.import_json(&csv, &["--on-conflict", "update"]);
    assert_eq!(v["created"], json!(ROWS - 1), "{v}");
    assert_eq!(v["updated"], json!(1), "{v}");

    // Ids follow the file (the updated account kept its earlier id).
    let by_id: Vec<String> = env
        .sql("SELECT username FROM account WHERE username LIKE 'u0%' ORDER BY id")
        .into_iter()
        .map(|r| r[0].as_str().expect("text").to_string())
        .collect();
    let mut want: Vec<String> = vec![name(MIDDLE)];
    want.extend((1..=ROWS).filter(|i| *i != MIDDLE).map(name));
    assert_eq!(by_id, want);

    // Each account: the file's hash, stored once in its history, and both
    // facilities.
    let complete = env.sql_scalar(&format!(
        "SELECT count(*) FROM account a WHERE a.username LIKE 'u0%' \
           AND a.password_hash = '{hash}' \
           AND (SELECT count(*) FROM password_history h \
                 WHERE h.account_id = a.id AND h.hash = a.password_hash) = 1 \
           AND (SELECT count(*) FROM account_facility f WHERE f.account_id = a.id) = 2"
    ));
    assert_eq!(complete, json!(ROWS));

    // The log: one user.add per new account in file order, the update
    // between its neighbours, then the summary; the chain verifies.
    let log: Vec<(String, String)> = env
        .sql(
            "SELECT action, coalesce(target, '') FROM audit \
             WHERE action IN ('user.add', 'user.update', 'user.import') \
               AND (target IS NULL OR target LIKE 'u0%') ORDER BY id",
        )
        .into_iter()
        .map(|r| {
            (
                r[0].as_str().expect("text").to_string(),
                r[1].as_str().expect("text").to_string(),
            )
        })
        .collect();
    let mut want: Vec<(String, String)> = vec![("user.add".into(), name(MIDDLE))];
    for i in 1..=ROWS {
        let action = if i == MIDDLE {
            "user.update"
        } else {
            "user.add"
        };
        want.push((action.into(), name(i)));
    }
    want.push(("user.import".into(), String::new()));
    assert_eq!(log.len(), want.len());
    assert!(log == want, "the audit rows are not in file order");
    assert_code(&env.run(&["db", "check"]), 0);
}

#[test]
fn an_account_created_meanwhile_in_a_later_batch_ends_the_import_unwritten() {
    let env = TestEnv::with_db();
    env.facility("DAL01");
    let hash = argon2id_hash("Mig#rate42");
    let mut csv = String::from("username,name,role,facilities,password,password_hash\n");
    for i in 1..=ROWS {
        csv.push_str(&format!("{},,user,DAL01,,\"{hash}\"\n", name(i)));
    }
    let file = env.csv_file(&csv);
    // Paused after its read-only first pass, before its write transaction:
    // an account of the last batch is created by someone else.
    let out = env.paused_at(
        env.std_cmd(&["user", "import", file.to_str().expect("utf-8")]),
        "before-change",
        || {
            env.add_user(&name(ROWS - 1), "user", &["DAL01"]);
        },
    );
    assert_code(&out, 8);
    let err = stderr(&out);
    assert!(
        has(&err, &format!("account `{}`", name(ROWS - 1)))
            && has(&err, "created by someone else")
            && has(&err, "nothing was written"),
        "{err}"
    );
    // Only the account added meanwhile, and its own audit row.
    assert_eq!(env.count_accounts("u0"), 1);
    assert_code(&env.run(&["db", "check"]), 0);
}
