//! Item 6: the same work on a PostgreSQL store (issue 13), side by side in
//! one run: `user unlock` against `psql -c` running the same indexed UPDATE,
//! and imports of migrated hashes in rows per second with their peak RSS.
//! Needs `KEYWARD_BENCH_PG`: a server URL whose role may CREATE DATABASE,
//! its password in PGPASSFILE (as `.ci/pg-cluster` writes them).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{
    Kw, Res, Summary, TARGET, median, ms, path_str, row, run, thousands, timed, write_csv,
};

const ROUNDS: usize = 30;

/// `psql URL`, quiet, stopping at the first error.
fn psql(url: &str) -> Command {
    let mut cmd = Command::new("psql");
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", url]);
    cmd
}

/// A database on the server, dropped when this goes.
struct Db<'a> {
    base: &'a str,
    name: String,
    url: String,
}

impl<'a> Db<'a> {
    fn create(base: &'a str, name: &str) -> Res<Db<'a>> {
        let name = format!("kw_bench_{}_{name}", std::process::id());
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("CREATE DATABASE {name}"),
        ] {
            run(psql(base).args(["-c", &sql]), None, 0)?;
        }
        let url = match base.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => return Err("KEYWARD_BENCH_PG must end in /DATABASE".into()),
        };
        Ok(Db { base, name, url })
    }

    fn path(&self) -> PathBuf {
        PathBuf::from(&self.url)
    }
}

impl Drop for Db<'_> {
    fn drop(&mut self) {
        let _ = psql(self.base)
            .args([
                "-c",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

pub fn postgres(kw: &Kw, summary: &mut Summary) -> Res<()> {
    let Ok(base) = std::env::var("KEYWARD_BENCH_PG") else {
        println!("6. PostgreSQL: skipped (set KEYWARD_BENCH_PG to a server URL with CREATEDB)");
        summary
            .lines
            .push("6. PostgreSQL: skipped (KEYWARD_BENCH_PG not set)".into());
        return Ok(());
    };
    let version = run(psql(&base).args(["-tAc", "SHOW server_version"]), None, 0)?;
    println!(
        "6. the same work on PostgreSQL {} ({})",
        String::from_utf8_lossy(&version.stdout).trim(),
        base
    );
    let mut rates = Vec::new();
    for n in [10_000usize, 100_000] {
        let db = Db::create(&base, &format!("import{n}"))?;
        let path = db.path();
        init(kw, &path)?;
        let before = max_ids(&db.url)?;
        let csv = kw.path(&format!("pg-hashes-{n}.csv"));
        write_csv(&csv, n, true)?;
        let m = kw.measure(&path, &["user", "import", path_str(&csv)?])?;
        let count = run(
            psql(&db.url).args(["-tAc", "SELECT count(*) FROM account"]),
            None,
            0,
        )?;
        let count: u64 = String::from_utf8_lossy(&count.stdout).trim().parse()?;
        if count != n as u64 + 1 {
            return Err(format!("the import of {n} left {count} accounts").into());
        }
        let rate = n as f64 / m.wall;
        row(
            &format!("import {} migrated hashes", thousands(n as u64)),
            &format!(
                "{:.2} s, {} rows/s, peak RSS {:.1} MB (user {:.2} s, sys {:.2} s)",
                m.wall,
                thousands(rate as u64),
                m.rss_kib as f64 / 1024.0,
                m.user,
                m.sys
            ),
        );
        let floor = copy_floor(kw, &base, &db.url, before, n)?;
        row(
            &format!(
                "psql \\copy of the same {} accounts' rows",
                thousands(n as u64)
            ),
            &format!(
                "{floor:.2} s, {} rows/s: ratio keyward / psql {:.2}",
                thousands((n as f64 / floor) as u64),
                m.wall / floor
            ),
        );
        rates.push((n, rate, m.rss_kib, m.wall / floor));
    }
    let (_, rate, rss_big, ratio) = rates[1];
    let (_, _, rss_small, _) = rates[0];
    summary.lines.push(format!(
        "6. PostgreSQL import of 100,000 migrated hashes: {} rows/s (goal >= 100,000; {ratio:.2}x the time psql \\copy takes to load the same rows), peak RSS {:.1} MB at 100k vs {:.1} MB at 10k",
        thousands(rate as u64),
        rss_big as f64 / 1024.0,
        rss_small as f64 / 1024.0
    ));
    unlock_vs_psql(kw, &base, summary)
}

/// The highest ids of the tables an import writes, before it runs.
type Ids = [i64; 3];

fn max_ids(url: &str) -> Res<Ids> {
    let out = run(
        psql(url).args([
            "-tA",
            "-F",
            " ",
            "-c",
            "SELECT (SELECT max(id) FROM account), (SELECT max(id) FROM password_history), \
             (SELECT max(id) FROM audit)",
        ]),
        None,
        0,
    )?;
    let text = String::from_utf8_lossy(&out.stdout);
    let ids: Vec<i64> = text
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    ids.try_into()
        .map_err(|_| format!("unexpected max ids: {text}").into())
}

/// The server's own floor for the rows an import of `n` wrote into `from`:
/// the same rows (`before` marks where the import began) written out with
/// `psql \copy`, then loaded into a fresh store of the same schema and
/// state in one transaction by `psql \copy`, timed. No client does less
/// work per row than COPY, so this is the best any importer could do here.
fn copy_floor(kw: &Kw, base: &str, from: &str, before: Ids, n: usize) -> Res<f64> {
    let [account, history, audit] = before;
    let tables = [
        (
            "account (id, username, name, role, must_change_password, terms_pending, password_hash, password_changed_at, created_at, updated_at)",
            format!("account WHERE id > {account}"),
        ),
        (
            "password_history (id, account_id, hash, set_at)",
            format!("password_history WHERE id > {history}"),
        ),
        (
            "account_facility (account_id, facility_id)",
            format!("account_facility WHERE account_id > {account}"),
        ),
        (
            "audit (id, at, actor, action, target, facility, details, prev_hash, hash)",
            format!("audit WHERE id > {audit}"),
        ),
    ];
    let mut load = String::from("BEGIN;\n");
    for (i, (columns, rows)) in tables.iter().enumerate() {
        let file = kw.path(&format!("pg-copy-{n}-{i}.tsv"));
        let file = path_str(&file)?;
        let (table, list) = columns.split_once(' ').ok_or("no columns")?;
        let export = format!(
            "\\copy (SELECT {} FROM {rows} ORDER BY 1) TO '{file}'",
            &list[1..list.len() - 1]
        );
        run(psql(from).args(["-c", &export]), None, 0)?;
        load.push_str(&format!("\\copy {table} {list} FROM '{file}'\n"));
    }
    load.push_str("COMMIT;\n");
    let db = Db::create(base, &format!("copy{n}"))?;
    init(kw, &db.path())?;
    if max_ids(&db.url)? != before {
        return Err("the fresh store for psql \\copy does not start where the import did".into());
    }
    timed(psql(&db.url).args(["-f", "-"]), Some(&load), 0)
}

fn init(kw: &Kw, path: &Path) -> Res<()> {
    kw.ok(
        path,
        &["init", "--admin", "root", "--password-stdin"],
        Some(&format!("{}\n", super::ROOT_PASSWORD)),
    )?;
    kw.ok(path, &["facility", "add", "hq"], None)?;
    Ok(())
}

/// `user unlock` against `psql -c` with the same UPDATE, each on its own
/// database of 10,001 accounts, the account locked (untimed) before each run.
fn unlock_vs_psql(kw: &Kw, base: &str, summary: &mut Summary) -> Res<()> {
    let n = 10_000;
    let csv = kw.path(&format!("pg-hashes-{n}.csv"));
    let dbs = [
        Db::create(base, "unlock_kw")?,
        Db::create(base, "unlock_psql")?,
    ];
    for db in &dbs {
        init(kw, &db.path())?;
        kw.ok(&db.path(), &["user", "import", path_str(&csv)?], None)?;
    }
    let target = TARGET.replace("050000", "005000");
    let lock = format!(
        "UPDATE account SET locked_at = 1, lock_reason = 'admin' WHERE username = '{target}'"
    );
    let unlock = format!(
        "UPDATE account SET locked_at = NULL, lock_reason = NULL, failed_attempts = 0, \
         must_change_password = TRUE, terms_pending = TRUE, \
         updated_at = extract(epoch FROM now())::bigint WHERE username = '{target}'"
    );
    println!(
        "   `user unlock {target}` vs psql -c running one indexed UPDATE (10,001 accounts): {unlock}"
    );
    let mut samples = [Vec::new(), Vec::new(), Vec::new()];
    for round in 0..=ROUNDS {
        for who in [round % 2, 1 - round % 2, 2] {
            let t = match who {
                0 => {
                    run(psql(&dbs[0].url).args(["-c", &lock]), None, 0)?;
                    timed(
                        &mut kw.cmd(&dbs[0].path(), &["user", "unlock", &target]),
                        None,
                        0,
                    )?
                }
                1 => {
                    run(psql(&dbs[1].url).args(["-c", &lock]), None, 0)?;
                    timed(psql(&dbs[1].url).args(["-c", &unlock]), None, 0)?
                }
                _ => timed(psql(&dbs[1].url).args(["-c", "SELECT 1"]), None, 0)?,
            };
            // The first round warms both up and is not counted.
            if round > 0 {
                samples[who].push(t);
            }
        }
    }
    row("keyward user unlock", &ms(&samples[0]));
    row("psql -c UPDATE", &ms(&samples[1]));
    row("psql -c SELECT 1 (connection floor)", &ms(&samples[2]));
    let ratio = median(&samples[0]) / median(&samples[1]);
    row("ratio unlock / psql", &format!("{ratio:.3} (goal <= 0.8)"));
    summary.lines.push(format!(
        "6. PostgreSQL user unlock / psql -c UPDATE: {ratio:.3} (goal <= 0.8; {} vs {})",
        ms(&samples[0]),
        ms(&samples[1])
    ));
    Ok(())
}
