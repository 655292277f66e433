//! `cargo bench --bench ratios`: the ratios of issues 6 and 12, measured side
//! by side in one run against the optimised `keyward` binary as a black box,
//! and against the C reference Argon2 (argon2-cffi, see cref.rs).
//!
//! Nothing here asserts a time: it prints figures and ratios. Contenders run
//! interleaved (A, B, C, A, B, C, ...; the order rotates every round, round 0
//! is a warm-up) and medians are reported, so noise on a shared machine hits
//! every side alike. Each part also prints a few "info" figures that show
//! where the time goes.
//!
//! 1. `user import` of N generated passwords against N x one hash / cores,
//!    keyward's hash and the C reference's (and, less sensitive to other
//!    load, against N hashes on every core in-process).
//! 2. `user unlock` on a 100,000-account database against the `sqlite3` CLI
//!    running one indexed UPDATE of the same row (each on its own copy of the
//!    database, so neither inherits or cleans up the other's WAL).
//! 3. `auth` with a wrong password against one Argon2 verify: one verify of
//!    the C reference, a fresh process doing one keyward verify, and one
//!    verify in-process.
//! 4. `user import` of migrated hashes: rows per second, and peak RSS at
//!    10,000, 100,000 and 300,000 rows (flat means memory does not grow with rows).
//! 5. One keyward hash against one hash of the C reference and one of
//!    RustCrypto's `argon2` (the engine before issue 12), in-process, fresh
//!    memory for each (what `auth` and a single `user add` pay).
//! 6. The same on PostgreSQL (benches/ratios/pg.rs): `user unlock` against
//!    `psql -c` with the same UPDATE, and imports of 10,000 and 100,000
//!    migrated hashes in rows/s with peak RSS. Only with `KEYWARD_BENCH_PG`.
//!
//! Environment:
//! - `KEYWARD_BENCH_N`: rows of the generated-password import (default 400).
//! - `KEYWARD_BENCH_300K`: `1` always imports 300,000 rows, `0` never; by
//!   default only when 100,000 rows took less than 5 s.
//! - `KEYWARD_BENCH_ONLY`: run only these items, e.g. `2,3` (default: all).
//! - `KEYWARD_BENCH_PG`: a PostgreSQL URL whose role may create databases
//!   (password in PGPASSFILE), for item 6.
//!
//! Peak RSS of an import comes from a small wrapper: this binary re-executes
//! itself with `--measure-child`, runs the import as its only child and reads
//! `getrusage(RUSAGE_CHILDREN)`, so earlier (bigger) children cannot hide it.

use std::error::Error;
use std::fs::File;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};
use std::time::Instant;

use keyward::domain::password::{self, Entropy, Hasher, PasswordError};
use keyward::domain::secret::Secret;
use nix::sys::resource::{UsageWho, getrusage};
use tempfile::TempDir;

mod cref;
mod pg;
use cref::CRef;

type Res<T> = Result<T, Box<dyn Error>>;

/// Password of the first (support) account, as in the tests.
const ROOT_PASSWORD: &str = "Gate#keep42";
/// A valid Argon2id PHC string (keyward's parameters) for migrated-hash rows.
const PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
/// The account that `user unlock` and `sqlite3` fight over (row 50,000).
const TARGET: &str = "u050000";
/// Password `auth` checks (set with `passwd`, so nothing is pending).
const AUTH_PASSWORD: &str = "River#stn73";
/// What item 3's `auth` is given instead: the cost of a guess.
const WRONG_PASSWORD: &str = "River#stn74";
/// Where the `sqlite3` CLI lives.
const SQLITE3: &str = "/usr/bin/sqlite3";

const HASH_SAMPLES_PER_ROUND: usize = 10;
const IMPORT_ROUNDS: usize = 3;
const UNLOCK_ROUNDS: usize = 100;
const AUTH_ROUNDS: usize = 40;
const BULK_ROUNDS: usize = 3;
const HASH_PAIRS: usize = 40;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--verify-once") => return verify_once(&args[1..]),
        Some("--measure-child") => measure_child(&args[1..]),
        _ => bench(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ratios: {e}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------
// Child modes of this binary

/// `--verify-once PHC`: one Argon2 verify of the first stdin line, as a whole
/// process (exit 0 match, 3 mismatch, 1 error): what `auth` costs at least.
fn verify_once(args: &[String]) -> ExitCode {
    let Some(phc) = args.first() else {
        return ExitCode::from(1);
    };
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return ExitCode::from(1);
    }
    let pw = Secret::new(line.trim_end_matches(['\r', '\n']).to_owned());
    match password::verify(&pw, phc) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(3),
        Err(_) => ExitCode::from(1),
    }
}

/// `--measure-child PROGRAM ARGS...`: run PROGRAM (stdin and stdout null) as
/// this process's only child and print `WALL_NANOS MAXRSS_KIB USER_MICROS
/// SYS_MICROS EXIT_CODE`; the child's stderr is passed through.
fn measure_child(args: &[String]) -> Res<()> {
    let (program, rest) = args
        .split_first()
        .ok_or("--measure-child needs a program")?;
    let start = Instant::now();
    let out = Command::new(program)
        .args(rest)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()?;
    let wall = start.elapsed();
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN)?;
    let micros = |t: nix::sys::time::TimeVal| t.tv_sec() * 1_000_000 + t.tv_usec();
    std::io::stderr().write_all(&out.stderr)?;
    println!(
        "{} {} {} {} {}",
        wall.as_nanos(),
        usage.max_rss(),
        micros(usage.user_time()),
        micros(usage.system_time()),
        out.status.code().unwrap_or(-1)
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Small tools

/// The OS CSPRNG for the in-process hasher.
struct OsEntropy;

impl Entropy for OsEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError> {
        getrandom::fill(buf).map_err(|e| PasswordError::Random(e.to_string()))
    }
}

fn median(samples: &[f64]) -> f64 {
    let mut v = samples.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn min_max(samples: &[f64]) -> (f64, f64) {
    samples
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        })
}

/// `median ms (min-max)`.
fn ms(samples: &[f64]) -> String {
    let (lo, hi) = min_max(samples);
    format!(
        "{:7.2} ms (min {:.2}, max {:.2}, n={})",
        median(samples) * 1e3,
        lo * 1e3,
        hi * 1e3,
        samples.len()
    )
}

/// One figure of a table: `   NAME:   VALUE`.
fn row(name: &str, value: &str) {
    println!("   {:<50} {value}", format!("{name}:"));
}

fn verdict(ok: bool) -> &'static str {
    if ok { "meets goal" } else { "MISSES goal" }
}

/// `12345678` -> `12,345,678`.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn env_usize(name: &str, default: usize) -> Res<usize> {
    match std::env::var(name) {
        Ok(v) => Ok(v
            .trim()
            .parse()
            .map_err(|_| format!("{name}={v:?} is not a number"))?),
        Err(_) => Ok(default),
    }
}

/// A failed command, with its arguments and streams.
fn failure(what: &str, out: &Output, expected: i32) -> Box<dyn Error> {
    format!(
        "{what}: expected exit {expected}, got {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .into()
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Run `cmd` with `input` on stdin (or a null stdin) and return its output;
/// the exit code must be `expected`.
fn run(cmd: &mut Command, input: Option<&str>, expected: i32) -> Res<Output> {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(text.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if out.status.code() != Some(expected) {
        return Err(failure(&describe(cmd), &out, expected));
    }
    Ok(out)
}

/// Wall time in seconds of a whole process: spawn, write `input`, wait.
/// Stdout goes to /dev/null; the exit code must be `expected`.
fn timed(cmd: &mut Command, input: Option<&str>, expected: i32) -> Res<f64> {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(text.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    let secs = start.elapsed().as_secs_f64();
    if out.status.code() != Some(expected) {
        return Err(failure(&describe(cmd), &out, expected));
    }
    Ok(secs)
}

/// Seconds of one in-process call.
fn time_it<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let v = f();
    (start.elapsed().as_secs_f64(), v)
}

// ---------------------------------------------------------------------------
// The keyward binary and its databases

struct Kw {
    bin: PathBuf,
    /// This benchmark's own binary, for the child modes.
    me: PathBuf,
    dir: TempDir,
}

/// What the `--measure-child` wrapper reports.
struct Measured {
    wall: f64,
    rss_kib: u64,
    /// CPU seconds in user and kernel mode, all threads.
    user: f64,
    sys: f64,
}

impl Kw {
    fn new() -> Res<Self> {
        let dir = tempfile::Builder::new()
            .prefix("keyward-bench-")
            .tempdir()?;
        std::fs::create_dir_all(dir.path().join("xdg"))?;
        Ok(Kw {
            bin: PathBuf::from(env!("CARGO_BIN_EXE_keyward")),
            me: std::env::current_exe()?,
            dir,
        })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `program` with a clean environment: no `KEYWARD_*`, no colour, the temp dir as home and cwd.
    fn base(&self, program: &Path) -> Command {
        let mut cmd = Command::new(program);
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("KEYWARD_") {
                cmd.env_remove(&k);
            }
        }
        cmd.env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.path("xdg"))
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
            .current_dir(self.dir.path());
        cmd
    }

    /// `keyward --db DB ARGS...`.
    fn cmd(&self, db: &Path, args: &[&str]) -> Command {
        let mut cmd = self.base(&self.bin);
        cmd.arg("--db").arg(db).args(args);
        cmd
    }

    /// Run `keyward --db DB ARGS...`, expecting exit 0.
    fn ok(&self, db: &Path, args: &[&str], input: Option<&str>) -> Res<Output> {
        run(&mut self.cmd(db, args), input, 0)
    }

    /// `sqlite3 DB SQL`, expecting exit 0; returns stdout trimmed.
    fn sqlite(&self, db: &Path, sql: &str) -> Res<String> {
        let mut cmd = self.base(Path::new(SQLITE3));
        cmd.arg(db).arg(sql);
        let out = run(&mut cmd, None, 0)?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// A new database `NAME.db` with `root` (support) and facility `hq`.
    fn fresh_db(&self, name: &str) -> Res<PathBuf> {
        let db = self.path(&format!("{name}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
        self.ok(
            &db,
            &["init", "--admin", "root", "--password-stdin"],
            Some(&format!("{ROOT_PASSWORD}\n")),
        )?;
        self.ok(&db, &["facility", "add", "hq"], None)?;
        Ok(db)
    }

    /// `keyward --db DB ARGS...` under the `--measure-child` wrapper.
    fn measure(&self, db: &Path, args: &[&str]) -> Res<Measured> {
        let mut cmd = self.base(&self.me);
        cmd.arg("--measure-child")
            .arg(&self.bin)
            .arg("--db")
            .arg(db)
            .args(args);
        let out = run(&mut cmd, None, 0)?;
        let text = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<&str> = text.split_whitespace().collect();
        let [wall, rss, user, sys, code] = fields[..] else {
            return Err(format!("--measure-child printed {text:?}").into());
        };
        if code != "0" {
            return Err(failure(&format!("keyward {}", args.join(" ")), &out, 0));
        }
        Ok(Measured {
            wall: wall.parse::<f64>()? / 1e9,
            rss_kib: rss.parse()?,
            user: user.parse::<f64>()? / 1e6,
            sys: sys.parse::<f64>()? / 1e6,
        })
    }

    fn count_accounts(&self, db: &Path) -> Res<u64> {
        Ok(self.sqlite(db, "SELECT count(*) FROM account")?.parse()?)
    }
}

/// A CSV of `n` rows `u000001..` in facility `hq`: an empty password column
/// (generated passwords), or every row with the same migrated `PHC` hash.
fn write_csv(path: &Path, n: usize, with_hash: bool) -> Res<()> {
    let mut w = BufWriter::new(File::create(path)?);
    if with_hash {
        writeln!(w, "username,name,role,facilities,password,password_hash")?;
    } else {
        writeln!(w, "username,name,role,facilities,password")?;
    }
    for i in 1..=n {
        if with_hash {
            writeln!(w, "u{i:06},User {i:06},user,hq,,\"{PHC}\"")?;
        } else {
            writeln!(w, "u{i:06},User {i:06},user,hq,")?;
        }
    }
    w.flush()?;
    Ok(())
}

// ---------------------------------------------------------------------------
// The benchmark

struct Summary {
    lines: Vec<String>,
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn bench() -> Res<()> {
    let started = Instant::now();
    let kw = Kw::new()?;
    let cores = std::thread::available_parallelism()?.get();
    let version = run(kw.base(&kw.bin).arg("--version"), None, 0)?;
    let sqlite_version = run(kw.base(Path::new(SQLITE3)).arg("--version"), None, 0)?;
    println!("keyward ratios benchmark (issues 6 and 12)");
    println!(
        "  binary:  {} ({})",
        String::from_utf8_lossy(&version.stdout).trim(),
        kw.bin.display()
    );
    println!(
        "  sqlite3: {} (keyward's bundled SQLite: {})",
        String::from_utf8_lossy(&sqlite_version.stdout)
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
        rusqlite::version()
    );
    println!("  cores:   {cores} (std::thread::available_parallelism)");
    let mut c = match CRef::start(password::M_COST, password::T_COST, 1) {
        Ok(c) => {
            println!(
                "  C ref:   argon2-cffi {} (python3, in-process timings)",
                c.version
            );
            Some(c)
        }
        Err(e) => {
            println!("  C ref:   none: {e}; the C ratios are skipped");
            None
        }
    };
    println!(
        "  argon2:  argon2-rust backend {:?}",
        argon2_rust::detected_backend()
    );
    println!(
        "  load:    {} (1, 5, 15 min; other work on the machine makes figures noisy)",
        load_average()
    );
    println!("  temp:    {}", kw.dir.path().display());
    println!();

    let mut summary = Summary { lines: Vec::new() };

    // Does `user import` work yet? A two-row probe.
    let probe_db = kw.fresh_db("probe")?;
    let probe_csv = kw.path("probe.csv");
    write_csv(&probe_csv, 2, true)?;
    let probe = run(
        &mut kw.cmd(&probe_db, &["user", "import", path_str(&probe_csv)?]),
        None,
        0,
    );
    let import_works = match probe {
        Ok(_) => true,
        Err(e) => {
            let first = e.to_string();
            println!(
                "`user import` does not work yet; items 1 and 4 skipped, item 2 on a small db."
            );
            println!(
                "  {}",
                first.lines().take(6).collect::<Vec<_>>().join("\n  ")
            );
            println!();
            false
        }
    };

    let only = std::env::var("KEYWARD_BENCH_ONLY").unwrap_or_default();
    let wanted = |item: &str| only.is_empty() || only.split(',').any(|x| x.trim() == item);
    // The single-command items run while no bulk write is still being flushed:
    // `auth` first, `unlock` after a sync(2) that follows the big imports.
    if wanted("3") {
        settle();
        auth_vs_verify(&kw, c.as_mut(), &mut summary)?;
    }
    if wanted("5") {
        match c.as_mut() {
            Some(c) => hash_vs_c(c, &mut summary)?,
            None => summary
                .lines
                .push("5. one hash / one C hash: skipped (argon2-cffi not available)".into()),
        }
    }
    if wanted("1") {
        settle();
        if import_works {
            import_generated(&kw, cores, c.as_mut(), &mut summary)?;
        } else {
            summary
                .lines
                .push("1. import generated: skipped (user import failed)".into());
        }
    }
    let mut big_db = None;
    if wanted("4") {
        settle();
        if import_works {
            big_db = Some(import_hashes(&kw, &mut summary)?);
        } else {
            summary
                .lines
                .push("4. import with hashes: skipped (user import failed)".into());
        }
    }
    if wanted("2") {
        if big_db.is_none() && import_works {
            // Item 4 did not run: build the 100,000-account database alone (untimed).
            let n = 100_000;
            let csv = kw.path(&format!("hashes-{n}.csv"));
            write_csv(&csv, n, true)?;
            let db = kw.fresh_db(&format!("hashes-{n}"))?;
            kw.ok(&db, &["user", "import", path_str(&csv)?], None)?;
            big_db = Some(db);
        }
        settle();
        unlock_vs_sqlite(&kw, big_db.as_deref(), &mut summary)?;
    }
    if wanted("6") && import_works {
        settle();
        pg::postgres(&kw, &mut summary)?;
    }

    println!("summary");
    let mut lines = summary.lines;
    lines.sort();
    for l in lines {
        println!("  {l}");
    }
    println!(
        "  ({:.0} s in all; load average at the end {})",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    Ok(())
}

/// Flush the page cache to disk (sync(2)) so writeback of earlier bulk work
/// does not land in the fsyncs of the next measurements.
fn settle() {
    nix::unistd::sync();
}

fn path_str(p: &Path) -> Res<&str> {
    p.to_str()
        .ok_or_else(|| format!("path is not UTF-8: {}", p.display()).into())
}

/// Item 1: `user import` of N generated passwords against N x hash / cores.
///
/// Each round interleaves: single-thread hashes in-process (reused and fresh
/// memory block), every core hashing at once in-process (what the hardware
/// allows in parallel), the import, and its `--dry-run` (everything but hashing
/// and writing).
fn import_generated(
    kw: &Kw,
    cores: usize,
    mut c: Option<&mut CRef>,
    summary: &mut Summary,
) -> Res<()> {
    let n = env_usize("KEYWARD_BENCH_N", 400)?;
    println!("1. import of {n} generated passwords vs {n} x one hash / {cores} cores");
    let csv = kw.path("generated.csv");
    write_csv(&csv, n, false)?;
    let pw = Secret::new("Bench#hsh42".into());
    let mut reused = Hasher::new();
    let mut fresh_hash = Vec::new();
    let mut reused_hash = Vec::new();
    let mut parallel_hash = Vec::new();
    let mut c_hash = Vec::new();
    let mut runs: Vec<Measured> = Vec::new();
    let mut dry = Vec::new();
    let mut dry_rss = Vec::new();
    for round in 0..=IMPORT_ROUNDS {
        // Round 0 warms caches (the reused block, the page cache) and is not counted.
        let warmup = round == 0;
        let mut order = [0, 1, 2, 3];
        order.rotate_left(round % 4);
        for who in order {
            match who {
                0 => {
                    for _ in 0..HASH_SAMPLES_PER_ROUND {
                        let (t, r) = time_it(|| reused.hash(&pw, &mut OsEntropy));
                        r?;
                        let (t2, r) = time_it(|| password::hash(&pw, &mut OsEntropy));
                        r?;
                        let t3 = match c.as_deref_mut() {
                            Some(c) => Some(c.hash("Bench#hsh42")?),
                            None => None,
                        };
                        if !warmup {
                            reused_hash.push(t);
                            fresh_hash.push(t2);
                            c_hash.extend(t3);
                        }
                    }
                }
                1 => {
                    // The import's ideal, in-process: N hashes shared by every core.
                    let t = hash_on_every_core(&pw, cores, n.div_ceil(cores))?;
                    if !warmup {
                        parallel_hash.push(t);
                    }
                }
                2 => {
                    let db = kw.fresh_db("generated")?;
                    let creds = kw.path("credentials.csv");
                    let _ = std::fs::remove_file(&creds);
                    let m = kw.measure(
                        &db,
                        &[
                            "user",
                            "import",
                            path_str(&csv)?,
                            "--credentials-out",
                            path_str(&creds)?,
                        ],
                    )?;
                    let lines = std::fs::read_to_string(&creds)?.lines().count();
                    if lines != n + 1 {
                        return Err(format!(
                            "credentials file has {lines} lines, expected {}",
                            n + 1
                        )
                        .into());
                    }
                    let accounts = kw.count_accounts(&db)?;
                    if accounts != n as u64 + 1 {
                        return Err(format!(
                            "{accounts} accounts after import, expected {}",
                            n + 1
                        )
                        .into());
                    }
                    if !warmup {
                        runs.push(m);
                    }
                }
                _ => {
                    let db = kw.fresh_db("generated-dry")?;
                    let m = kw.measure(&db, &["user", "import", "--dry-run", path_str(&csv)?])?;
                    if !warmup {
                        dry.push(m.wall);
                        dry_rss.push(m.rss_kib as f64);
                    }
                }
            }
        }
    }
    let walls: Vec<f64> = runs.iter().map(|m| m.wall).collect();
    let cpu: Vec<f64> = runs.iter().map(|m| m.user + m.sys).collect();
    let rss: Vec<f64> = runs.iter().map(|m| m.rss_kib as f64).collect();
    let hash_reused = median(&reused_hash);
    let hash_fresh = median(&fresh_hash);
    let hash_parallel = median(&parallel_hash);
    let wall = median(&walls);
    let limit = n as f64 * hash_reused / cores as f64;
    let limit_fresh = n as f64 * hash_fresh / cores as f64;
    let limit_parallel = n as f64 * hash_parallel;
    let ratio = wall / limit;
    row(
        "one hash in-process, reused block (Hasher)",
        &ms(&reused_hash),
    );
    row(
        "one hash in-process, fresh block (hash())",
        &ms(&fresh_hash),
    );
    row(
        &format!("{n} hashes on {cores} threads in-process, per hash"),
        &format!(
            "{} -> {:.2}x speed-up on {cores} cores",
            ms(&parallel_hash),
            hash_reused / hash_parallel
        ),
    );
    row(
        "user import, whole process",
        &format!(
            "{wall:.3} s (min {:.3}, max {:.3}, n={}); peak RSS {} KiB",
            min_max(&walls).0,
            min_max(&walls).1,
            walls.len(),
            thousands(median(&rss) as u64)
        ),
    );
    let dry_rss = median(&dry_rss);
    row(
        "user import, peak RSS above its --dry-run",
        &format!(
            "{} KiB = {:.1} Argon2 blocks of {} KiB ({cores} threads would need {cores})",
            thousands((median(&rss) - dry_rss).max(0.0) as u64),
            (median(&rss) - dry_rss) / f64::from(password::M_COST),
            thousands(u64::from(password::M_COST))
        ),
    );
    row(
        "user import, CPU time (all threads)",
        &format!(
            "{:.3} s = {:.2} cores busy on average; {:.2} ms of CPU per account",
            median(&cpu),
            median(&cpu) / wall,
            median(&cpu) / n as f64 * 1e3
        ),
    );
    row("user import --dry-run (no hashing, no writing)", &ms(&dry));
    println!(
        "   import (N={n} generated): wall {wall:.3} s; limit N*hash/cores = {limit:.3} s; ratio {ratio:.3} (goal <= 1.05) {}",
        verdict(ratio <= 1.05)
    );
    println!(
        "   (info: against a fresh-block hash, limit {limit_fresh:.3} s, ratio {:.3}; against {cores} threads hashing in-process, limit {limit_parallel:.3} s, ratio {:.3})",
        wall / limit_fresh,
        wall / limit_parallel
    );
    if !c_hash.is_empty() {
        let limit_c = n as f64 * median(&c_hash) / cores as f64;
        let r = wall / limit_c;
        row(
            "one C reference hash (argon2-cffi), in-process",
            &ms(&c_hash),
        );
        println!(
            "   import / (N x C hash / cores): limit {limit_c:.3} s, ratio {r:.3} (goal <= 0.75, aim 0.6) {}",
            verdict(r <= 0.75)
        );
        summary.lines.push(format!(
            "1. import N={n} generated / (N x C hash / {cores} cores): {r:.3} (goal <= 0.75, {}); wall {wall:.2} s, limit {limit_c:.2} s (C hash {:.2} ms)",
            verdict(r <= 0.75),
            median(&c_hash) * 1e3
        ));
    }
    println!();
    summary.lines.push(format!(
        "1. import N={n} generated / (N x hash / {cores} cores): {ratio:.3} (goal <= 1.05, {}); wall {wall:.2} s, limit {limit:.2} s (hash {:.2} ms); vs in-process parallel hashing {:.3}",
        verdict(ratio <= 1.05),
        hash_reused * 1e3,
        wall / limit_parallel
    ));
    Ok(())
}

/// Seconds per hash when `threads` threads each hash `per_thread` times with
/// their own reused block (allocated inside the timing, as an import does).
fn hash_on_every_core(pw: &Secret, threads: usize, per_thread: usize) -> Res<f64> {
    let start = Instant::now();
    let results: Vec<Result<(), PasswordError>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut hasher = Hasher::new();
                    for _ in 0..per_thread {
                        hasher.hash(pw, &mut OsEntropy)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(PasswordError::Hashing("thread panicked".into())))
            })
            .collect()
    });
    let elapsed = start.elapsed().as_secs_f64();
    for r in results {
        r?;
    }
    Ok(elapsed / (threads * per_thread) as f64)
}

/// Item 4: rows per second and peak RSS of imports with migrated hashes.
/// Returns the 100,000-account database for item 2.
///
/// Each round interleaves 10,000 and 100,000 rows (order alternating), the
/// 100,000-row `--dry-run` (reading and checking only) and `user show` (the
/// peak RSS of a command that imports nothing); 300,000 rows run once at the end.
fn import_hashes(kw: &Kw, summary: &mut Summary) -> Res<PathBuf> {
    println!(
        "4. import with migrated hashes (password_hash column, facility hq): rows/s and peak RSS"
    );
    let sizes = [10_000usize, 100_000];
    for n in sizes {
        write_csv(&kw.path(&format!("hashes-{n}.csv")), n, true)?;
    }
    let import = |n: usize| -> Res<(PathBuf, Measured)> {
        let db = kw.fresh_db(&format!("hashes-{n}"))?;
        let csv = kw.path(&format!("hashes-{n}.csv"));
        let m = kw.measure(&db, &["user", "import", path_str(&csv)?])?;
        let accounts = kw.count_accounts(&db)?;
        if accounts != n as u64 + 1 {
            return Err(format!("{accounts} accounts after import, expected {}", n + 1).into());
        }
        Ok((db, m))
    };
    let mut results: Vec<(usize, Vec<Measured>)> = sizes.iter().map(|&n| (n, Vec::new())).collect();
    let mut dry = Vec::new();
    let mut floor = Vec::new();
    let mut sqlite_floor = Vec::new();
    let mut big_db = None;
    for round in 0..BULK_ROUNDS {
        let mut order = [0, 1, 2, 3, 4];
        order.rotate_left(round % 5);
        for who in order {
            match who {
                0 | 1 => {
                    let (db, m) = import(sizes[who])?;
                    results[who].1.push(m);
                    if who == 1 {
                        big_db = Some(db);
                    }
                }
                2 => {
                    let db = kw.fresh_db("hashes-dry")?;
                    let csv = kw.path("hashes-100000.csv");
                    let m = kw.measure(&db, &["user", "import", "--dry-run", path_str(&csv)?])?;
                    dry.push(m);
                }
                3 => {
                    let db = kw.fresh_db("hashes-floor")?;
                    floor.push(kw.measure(&db, &["user", "show", "root"])?);
                }
                _ => {
                    let db = kw.fresh_db("hashes-sqlite")?;
                    sqlite_floor.push(insert_like_import(&db, 100_000)?);
                }
            }
        }
    }
    let wall_100k = median(&results[1].1.iter().map(|m| m.wall).collect::<Vec<_>>());
    let big = match std::env::var("KEYWARD_BENCH_300K").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => wall_100k < 5.0,
    };
    if big {
        let n = 300_000;
        let csv = kw.path(&format!("hashes-{n}.csv"));
        write_csv(&csv, n, true)?;
        let (db, m) = import(n)?;
        results.push((n, vec![m]));
        std::fs::remove_file(&csv)?;
        std::fs::remove_file(&db)?;
    } else {
        println!(
            "   (300,000 rows skipped: 100,000 took {wall_100k:.2} s; KEYWARD_BENCH_300K=1 forces it)"
        );
    }
    let med =
        |ms: &[Measured], f: fn(&Measured) -> f64| median(&ms.iter().map(f).collect::<Vec<_>>());
    for (n, runs) in &results {
        let wall = med(runs, |m| m.wall);
        row(
            &format!("{:>7} rows", thousands(*n as u64)),
            &format!(
                "wall {wall:6.3} s (n={}) = {:>7} rows/s; CPU user {:.2} s, sys {:.2} s; peak RSS {:>6} KiB",
                runs.len(),
                thousands((*n as f64 / wall) as u64),
                med(runs, |m| m.user),
                med(runs, |m| m.sys),
                thousands(med(runs, |m| m.rss_kib as f64) as u64)
            ),
        );
    }
    let dry_wall = med(&dry, |m| m.wall);
    row(
        "100,000 rows --dry-run (read + check only)",
        &format!(
            "wall {dry_wall:6.3} s (n={}); CPU user {:.2} s, sys {:.2} s; peak RSS {:>6} KiB",
            dry.len(),
            med(&dry, |m| m.user),
            med(&dry, |m| m.sys),
            thousands(med(&dry, |m| m.rss_kib as f64) as u64)
        ),
    );
    row(
        "user show (a command importing nothing)",
        &format!(
            "peak RSS {:>6} KiB",
            thousands(med(&floor, |m| m.rss_kib as f64) as u64)
        ),
    );
    let floor_wall = median(&sqlite_floor);
    row(
        "the same 100,000 rows, bare rusqlite in-process",
        &format!(
            "wall {floor_wall:6.3} s (n={}) = {:>7} rows/s: SQLite's own cost for these rows",
            sqlite_floor.len(),
            thousands((100_000.0 / floor_wall) as u64)
        ),
    );
    let rate = 100_000.0 / wall_100k;
    let first_rss = med(&results[0].1, |m| m.rss_kib as f64);
    let (last_n, last_runs) = &results[results.len() - 1];
    let last_rss = med(last_runs, |m| m.rss_kib as f64);
    let growth = (last_rss - first_rss) * 1024.0 / (*last_n as f64 - 10_000.0);
    println!(
        "   import of 100,000 rows: {} rows/s (goal > 100,000) {}; the write phase (wall minus dry run) {:.2} s",
        thousands(rate as u64),
        verdict(rate > 100_000.0),
        wall_100k - dry_wall
    );
    println!(
        "   import / bare rusqlite inserting the same rows: ratio {:.3} (info: what keyward adds to SQLite's work)",
        wall_100k / floor_wall
    );
    println!(
        "   peak RSS growth 10,000 -> {} rows: {:+.0} KiB ({growth:.1} bytes per extra row)",
        thousands(*last_n as u64),
        last_rss - first_rss
    );
    if let Some(db) = &big_db {
        let bytes = std::fs::metadata(db)?.len();
        println!(
            "   100,000-account database: {} KiB on disk",
            thousands(bytes / 1024)
        );
    }
    println!();
    let rss_list: Vec<String> = results
        .iter()
        .map(|(n, runs)| {
            format!(
                "{}k {} KiB",
                n / 1000,
                thousands(med(runs, |m| m.rss_kib as f64) as u64)
            )
        })
        .collect();
    summary.lines.push(format!(
        "4. import 100,000 rows with hashes: {} rows/s (goal > 100,000, {}); peak RSS {} ({growth:+.1} bytes/row)",
        thousands(rate as u64),
        verdict(rate > 100_000.0),
        rss_list.join(", ")
    ));
    big_db.ok_or_else(|| "no 100,000-row database".into())
}

/// The SQLite work of importing `n` migrated-hash rows and nothing else:
/// the rows `user import` writes for each account (the account, its password
/// history, its facility, an audit row with details and a SHA-256 chain hash),
/// with prepared statements in one transaction, on a database `keyward init`
/// made, with keyward's pragmas. Wall seconds from open to close.
#[allow(clippy::disallowed_methods)] // a bench writing rows as import does
fn insert_like_import(db: &Path, n: usize) -> Res<f64> {
    use rusqlite::{Connection, params};
    use sha2::{Digest, Sha256};
    let start = Instant::now();
    let mut conn = Connection::open(db)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
    )?;
    let hq: i64 = conn.query_row("SELECT id FROM facility WHERE code = 'hq'", [], |r| {
        r.get(0)
    })?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let (mut last, mut prev): (i64, String) = tx.query_row(
        "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let now = 1_795_333_695i64;
    for i in 0..n {
        let username = format!("u{i:06}");
        tx.prepare_cached(
            "INSERT INTO account (username, name, role, must_change_password, terms_pending,
                password_hash, password_changed_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)",
        )?
        .execute(params![
            username,
            format!("User {i}"),
            "user",
            false,
            true,
            PHC,
            now
        ])?;
        let id = tx.last_insert_rowid();
        tx.prepare_cached(
            "INSERT INTO password_history (account_id, hash, set_at) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, PHC, now])?;
        tx.prepare_cached(
            "INSERT INTO account_facility (account_id, facility_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, hq])?;
        let details = r#"{"facilities":["hq"],"password":"hash","role":"user","source":"import"}"#;
        last += 1;
        let hash = format!(
            "{:x}",
            Sha256::new()
                .chain_update(prev.as_bytes())
                .chain_update(last.to_le_bytes())
                .chain_update(username.as_bytes())
                .chain_update(details.as_bytes())
                .finalize()
        );
        tx.prepare_cached(
            "INSERT INTO audit (id, at, actor, action, target, facility, details, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            last, now, "root", "user.add", username, "hq", details, prev, hash
        ])?;
        prev = hash;
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)?;
    Ok(start.elapsed().as_secs_f64())
}

/// Item 2: `user unlock` against `sqlite3` running one indexed UPDATE, with a
/// few figures that show where the time goes (info only).
///
/// Every contender writes to its own copy of the database, locked before each
/// timed run by the same tool: keyward leaves its WAL in place when it exits
/// and sqlite3 checkpoints and removes it, so on a shared file each would
/// inherit (or clean up) the other's WAL. Each copy is in its own steady state.
fn unlock_vs_sqlite(kw: &Kw, big_db: Option<&Path>, summary: &mut Summary) -> Res<()> {
    // Without a working import: a small database with the target made by `user add`.
    let (db, size) = match big_db {
        Some(db) => (db.to_path_buf(), "100,001 accounts"),
        None => {
            let db = kw.fresh_db("small-unlock")?;
            kw.ok(&db, &["user", "add", TARGET], None)?;
            (db, "2 accounts")
        }
    };
    let db_sqlite = copy_db(&db, &kw.path("unlock-sqlite.db"))?;
    let db_no_ckpt = copy_db(&db, &kw.path("unlock-sqlite-no-ckpt.db"))?;
    let small = kw.fresh_db("tiny")?;
    kw.ok(&small, &["user", "add", TARGET], None)?;
    println!("2. `user unlock {TARGET}` vs sqlite3 running one indexed UPDATE ({size})");
    let sql = format!(
        "UPDATE account SET locked_at = NULL, lock_reason = NULL, failed_attempts = 0, \
         must_change_password = 1, terms_pending = 1, updated_at = unixepoch() \
         WHERE username = '{TARGET}'"
    );
    let lock_sql = format!(
        "UPDATE account SET locked_at = unixepoch(), lock_reason = 'admin' WHERE username = '{TARGET}'"
    );
    let sync = kw.sqlite(&db_sqlite, "PRAGMA synchronous")?;
    let journal = kw.sqlite(&db_sqlite, "PRAGMA journal_mode")?;
    println!("   sqlite3 (journal_mode {journal}, synchronous {sync}; keyward: wal, full): {sql}");
    println!(
        "   each contender has its own copy of the database and locks the account (untimed, with the same tool) before each timed run"
    );
    println!(
        "   sqlite3 checkpoints the WAL into the database and removes it when it closes, unless `.dbconfig no_ckpt_on_close on`"
    );
    let lock = |db: &Path| kw.ok(db, &["user", "lock", TARGET], None).map(drop);
    let sqlite3 = |db: &Path, no_ckpt: bool, sql: &str| {
        let mut cmd = kw.base(Path::new(SQLITE3));
        if no_ckpt {
            cmd.args(["-cmd", ".dbconfig no_ckpt_on_close on"]);
        }
        cmd.arg(db).arg(sql);
        cmd
    };
    // Each contender must really have cleared the lock it was given.
    let unlocked = |db: &Path, who: &str| -> Res<()> {
        let v = kw.sqlite(
            db,
            &format!("SELECT locked_at IS NULL FROM account WHERE username = '{TARGET}'"),
        )?;
        if v != "1" {
            return Err(format!("{who} left {TARGET} locked").into());
        }
        Ok(())
    };
    const UNLOCK: usize = 0;
    const SQLITE: usize = 1;
    const UNLOCK_SMALL: usize = 2;
    const SHOW: usize = 3;
    const VERSION: usize = 4;
    const FSYNC: usize = 5;
    const SQLITE_VERSION: usize = 6;
    const FDATASYNC: usize = 7;
    const SQLITE_NO_CKPT: usize = 8;
    let names = [
        format!("keyward user unlock, {size}"),
        format!("sqlite3 UPDATE, {size}"),
        "keyward user unlock, 2 accounts".to_owned(),
        format!("keyward user show (read only), {size}"),
        "keyward --version (process floor)".to_owned(),
        "4 KiB write + fsync, in-process".to_owned(),
        "sqlite3 --version (process floor)".to_owned(),
        "4 KiB write + fdatasync, in-process".to_owned(),
        format!("sqlite3 UPDATE, no_ckpt_on_close, {size}"),
    ];
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    for round in 0..=UNLOCK_ROUNDS {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.rotate_left(round % names.len());
        for who in order {
            let t = match who {
                UNLOCK => {
                    lock(&db)?;
                    timed(&mut kw.cmd(&db, &["user", "unlock", TARGET]), None, 0)?
                }
                SQLITE => {
                    run(&mut sqlite3(&db_sqlite, false, &lock_sql), None, 0)?;
                    timed(&mut sqlite3(&db_sqlite, false, &sql), None, 0)?
                }
                SQLITE_NO_CKPT => {
                    run(&mut sqlite3(&db_no_ckpt, true, &lock_sql), None, 0)?;
                    timed(&mut sqlite3(&db_no_ckpt, true, &sql), None, 0)?
                }
                UNLOCK_SMALL => {
                    lock(&small)?;
                    timed(&mut kw.cmd(&small, &["user", "unlock", TARGET]), None, 0)?
                }
                SHOW => timed(&mut kw.cmd(&db, &["user", "show", TARGET]), None, 0)?,
                VERSION => timed(kw.base(&kw.bin).arg("--version"), None, 0)?,
                FSYNC => sync_once(&kw.path("fsync.bin"), false)?,
                FDATASYNC => sync_once(&kw.path("fsync.bin"), true)?,
                SQLITE_VERSION => timed(kw.base(Path::new(SQLITE3)).arg("--version"), None, 0)?,
                _ => return Err(format!("no contender {who}").into()),
            };
            if round < 2 {
                match who {
                    UNLOCK => unlocked(&db, "user unlock")?,
                    SQLITE => unlocked(&db_sqlite, "sqlite3")?,
                    SQLITE_NO_CKPT => unlocked(&db_no_ckpt, "sqlite3 (no_ckpt_on_close)")?,
                    UNLOCK_SMALL => unlocked(&small, "user unlock (2 accounts)")?,
                    _ => {}
                }
            }
            // Round 0 warms the page cache and is not counted.
            if round > 0 {
                samples[who].push(t);
            }
        }
    }
    for (name, s) in names.iter().zip(&samples) {
        row(name, &ms(s));
    }
    row(
        "WAL file size in frames (kw, sqlite3, no_ckpt, 2 acc.)",
        &[&db, &db_sqlite, &db_no_ckpt, &small]
            .iter()
            .map(|p| wal_frames(p).to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let m = |i: usize| median(&samples[i]);
    let ratio = m(UNLOCK) / m(SQLITE);
    println!(
        "   unlock / sqlite3 UPDATE: ratio {ratio:.3} (goal <= 1.0) {}",
        verdict(ratio <= 1.0)
    );
    println!(
        "   unlock / sqlite3 UPDATE with no_ckpt_on_close (info: both leave the WAL in place): ratio {:.3}",
        m(UNLOCK) / m(SQLITE_NO_CKPT)
    );
    println!(
        "   unlock {size} / unlock 2 accounts: {:.3} (1.0: cost independent of the number of accounts)",
        m(UNLOCK) / m(UNLOCK_SMALL)
    );
    println!();
    summary.lines.push(format!(
        "2. user unlock / sqlite3 UPDATE ({size}): {ratio:.3} (goal <= 1.0, {}); {:.2} ms vs {:.2} ms",
        verdict(ratio <= 1.0),
        m(UNLOCK) * 1e3,
        m(SQLITE) * 1e3
    ));
    Ok(())
}

/// Copy a database and its WAL (no process has it open); returns `to`.
fn copy_db(from: &Path, to: &Path) -> Res<PathBuf> {
    for suffix in ["", "-wal"] {
        let mut src = from.as_os_str().to_owned();
        src.push(suffix);
        let mut dst = to.as_os_str().to_owned();
        dst.push(suffix);
        let _ = std::fs::remove_file(&dst);
        if Path::new(&src).exists() {
            std::fs::copy(&src, &dst)?;
        }
    }
    Ok(to.to_path_buf())
}

/// Frames the WAL file of `db` has room for (its size; 0 when there is none).
fn wal_frames(db: &Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal)
        .map(|m| m.len().saturating_sub(32) / (4096 + 24))
        .unwrap_or(0)
}

/// Seconds to write 4 KiB into `path` and `fsync` (or `fdatasync`) it: what
/// one durable write costs at least here. keyward's bundled SQLite calls
/// `fsync`; Debian's `sqlite3` calls `fdatasync`.
fn sync_once(path: &Path, data_only: bool) -> Res<f64> {
    let block = [0x5au8; 4096];
    let start = Instant::now();
    let mut f = File::create(path)?;
    f.write_all(&block)?;
    if data_only {
        f.sync_data()?;
    } else {
        f.sync_all()?;
    }
    Ok(start.elapsed().as_secs_f64())
}

/// Item 3: `auth` with a wrong password against one Argon2 verify: the C
/// reference's (issue 12), a fresh process doing one keyward verify (issue
/// 6), and one in-process.
fn auth_vs_verify(kw: &Kw, c: Option<&mut CRef>, summary: &mut Summary) -> Res<()> {
    println!("3. `auth alice --password-stdin` (wrong password) vs one Argon2 verify");
    let db = kw.fresh_db("auth")?;
    let first = "Alpin#rte58";
    kw.ok(
        &db,
        &["user", "add", "alice", "--password-stdin"],
        Some(&format!("{first}\n")),
    )?;
    kw.ok(
        &db,
        &["passwd", "alice", "--password-stdin"],
        Some(&format!("{first}\n{AUTH_PASSWORD}\n")),
    )?;
    // `init` publishes default terms, which a first sign-in accepts.
    kw.ok(
        &db,
        &["terms", "accept", "alice", "--password-stdin"],
        Some(&format!("{AUTH_PASSWORD}\n")),
    )?;
    // Wrong passwords are counted but must never lock the benchmark account.
    kw.ok(&db, &["policy", "set", "lockout-threshold=0"], None)?;
    let out = kw.ok(
        &db,
        &["--json", "auth", "alice", "--password-stdin"],
        Some(&format!("{AUTH_PASSWORD}\n")),
    )?;
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    if v["result"] != "ok" {
        return Err(format!("auth of the benchmark account is not ok: {v}").into());
    }
    // The very hash `auth` verifies.
    let phc = kw.sqlite(
        &db,
        "SELECT password_hash FROM account WHERE username = 'alice'",
    )?;
    let pw = Secret::new(AUTH_PASSWORD.into());
    if !password::verify(&pw, &phc)? {
        return Err("alice's stored hash does not verify the benchmark password".into());
    }
    let mut c = c;
    if let Some(c) = c.as_deref_mut()
        && (!c.verify(&phc, AUTH_PASSWORD)?.1 || c.verify(&phc, WRONG_PASSWORD)?.1)
    {
        return Err("argon2-cffi does not agree with keyward on alice's hash".into());
    }
    let input = format!("{WRONG_PASSWORD}\n");
    let mut auth = Vec::new();
    let mut fresh = Vec::new();
    let mut inproc = Vec::new();
    let mut cverify = Vec::new();
    let wrong = Secret::new(WRONG_PASSWORD.into());
    for round in 0..=AUTH_ROUNDS {
        let warmup = round == 0;
        let mut order = [0, 1, 2, 3];
        order.rotate_left(round % 4);
        for who in order {
            let t = match who {
                0 => timed(
                    &mut kw.cmd(&db, &["auth", "alice", "--password-stdin"]),
                    Some(&input),
                    3,
                )?,
                1 => {
                    let mut cmd = kw.base(&kw.me);
                    cmd.arg("--verify-once").arg(&phc);
                    timed(&mut cmd, Some(&input), 3)?
                }
                2 => {
                    let (t, ok) = time_it(|| password::verify(&wrong, &phc));
                    if ok? {
                        return Err("in-process verify matched a wrong password".into());
                    }
                    t
                }
                _ => match c.as_deref_mut() {
                    Some(c) => c.verify(&phc, WRONG_PASSWORD)?.0,
                    None => continue,
                },
            };
            if !warmup {
                [&mut auth, &mut fresh, &mut inproc, &mut cverify][who].push(t);
            }
        }
    }
    let r_fresh = median(&auth) / median(&fresh);
    let r_inproc = median(&auth) / median(&inproc);
    row("keyward auth, whole process, wrong password", &ms(&auth));
    row("fresh process doing one keyward verify", &ms(&fresh));
    row("one keyward verify in-process", &ms(&inproc));
    row(
        "auth minus fresh-process verify",
        &format!(
            "{:.2} ms (database: open, read, one write transaction, audit row)",
            (median(&auth) - median(&fresh)) * 1e3
        ),
    );
    let r_c = if cverify.is_empty() {
        println!("   auth / one C verify: skipped (argon2-cffi not available)");
        None
    } else {
        row(
            "one C reference verify (argon2-cffi), in-process",
            &ms(&cverify),
        );
        let r = median(&auth) / median(&cverify);
        println!(
            "   auth / one C verify: ratio {r:.3} (goal <= 0.75, aim 0.6) {}",
            verdict(r <= 0.75)
        );
        Some(r)
    };
    println!(
        "   auth / fresh-process verify: ratio {r_fresh:.3} (goal <= 1.1) {}",
        verdict(r_fresh <= 1.1)
    );
    println!(
        "   auth / in-process verify:    ratio {r_inproc:.3} (includes process start and the 19 MiB first touch)"
    );
    println!();
    if let Some(r) = r_c {
        summary.lines.push(format!(
            "3. auth (wrong password) / one C verify: {r:.3} (goal <= 0.75, {}); {:.2} ms vs {:.2} ms",
            verdict(r <= 0.75),
            median(&auth) * 1e3,
            median(&cverify) * 1e3
        ));
    }
    summary.lines.push(format!(
        "3. auth / fresh-process verify: {r_fresh:.3} (goal <= 1.1, {}); auth / in-process verify: {r_inproc:.3}; {:.2} ms vs {:.2} ms vs {:.2} ms",
        verdict(r_fresh <= 1.1),
        median(&auth) * 1e3,
        median(&fresh) * 1e3,
        median(&inproc) * 1e3
    ));
    Ok(())
}

/// Item 5: one keyward hash against one C reference hash, in-process, each
/// with fresh memory, interleaved.
fn hash_vs_c(c: &mut CRef, summary: &mut Summary) -> Res<()> {
    println!(
        "5. one Argon2id hash (m={} KiB, t={}, p=1): keyward vs the C reference and RustCrypto",
        password::M_COST,
        password::T_COST
    );
    let pw = Secret::new("Bench#hsh42".into());
    // RustCrypto's argon2 (keyward's engine until issue 12), the same
    // parameters, a fresh memory block each time as `password::hash` has.
    let rustcrypto = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(password::M_COST, password::T_COST, 1, Some(32))
            .map_err(|e| e.to_string())?,
    );
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let mut rc = Vec::new();
    for round in 0..=HASH_PAIRS {
        let (t, r) = time_it(|| password::hash(&pw, &mut OsEntropy));
        r?;
        let tc = c.hash("Bench#hsh42")?;
        let mut out = [0u8; 32];
        let (trc, r) = time_it(|| {
            rustcrypto.hash_password_into(b"Bench#hsh42", b"sixteen-byte-slt", &mut out)
        });
        r.map_err(|e| e.to_string())?;
        if round > 0 {
            ours.push(t);
            theirs.push(tc);
            rc.push(trc);
        }
    }
    let r = median(&ours) / median(&theirs);
    let r_rc = median(&ours) / median(&rc);
    row("keyward password::hash (argon2-rust)", &ms(&ours));
    row(
        &format!("C reference (argon2-cffi {})", c.version),
        &ms(&theirs),
    );
    row("RustCrypto argon2 0.6, in-process", &ms(&rc));
    println!("   one hash / one C hash: ratio {r:.3}");
    println!("   one hash / one RustCrypto hash: ratio {r_rc:.3} (the engine choice)");
    println!();
    summary.lines.push(format!(
        "5. one hash / one C hash: {r:.3}; / one RustCrypto argon2 hash: {r_rc:.3}; {:.2} ms vs {:.2} ms vs {:.2} ms (median of {HASH_PAIRS} rounds)",
        median(&ours) * 1e3,
        median(&theirs) * 1e3,
        median(&rc) * 1e3
    ));
    Ok(())
}
