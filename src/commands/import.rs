//! `keyward user import|export`: many accounts at once.
//!
//! An import runs in three steps, so that the slow part never holds the
//! database's write lock and memory does not grow with the file:
//! 1. read the whole file once, checking every row against the policy and the
//!    database as it is (nothing is written; every bad row is reported);
//! 2. hash the passwords on every core, one reused Argon2 memory block per thread;
//! 3. in one write transaction, read the file again and write every row,
//!    re-checking each against the database as it is then.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;

use super::{Ctx, facility, input, user};
use crate::cli::{ExportFormat, OnConflict};
use crate::domain::account::{Account, PendingActions, Role};
use crate::domain::import::{CREDENTIALS_HEADER, PasswordSource, REQUIRED, Row, RowError, Rows};
use crate::domain::names::{FacilityCode, Username};
use crate::domain::password::{self, Hasher, PasswordError};
use crate::domain::policy::Policy;
use crate::domain::scope::{self, Action, Operator};
use crate::domain::secret::Secret;
use crate::error::{Exit, Failure};
use crate::output::view::AccountView;
use crate::store::accounts::{self, NewAccount};
use crate::store::audit::Chain;
use crate::store::{self, Store, facilities};

/// `user import` as typed.
pub struct ImportArgs {
    pub file: PathBuf,
    pub dry_run: bool,
    pub on_conflict: OnConflict,
    pub create_facilities: bool,
    pub credentials_out: Option<PathBuf>,
}

/// Bad rows listed in an error; the rest are counted.
const ROWS_LISTED: usize = 1000;

pub fn import(
    ctx: &Ctx,
    db: &mut Store,
    rules: &Policy,
    op: &Operator,
    args: &ImportArgs,
) -> Result<()> {
    if matches!(op, Operator::Account { role, .. } if *role < Role::Admin) {
        ctx.allow(op, &Action::ViewAccount, None)?;
    }
    if let Some(out) = &args.credentials_out {
        refuse_existing_file(out)?;
    }
    let source = Source::open(&args.file)?;
    // One read transaction for the whole first read: one snapshot of the
    // database, and no lock taken and released per row.
    let mut plan = {
        let snapshot = db.conn.unchecked_transaction()?;
        let plan = plan(ctx, &snapshot, rules, op, &source, args)?;
        snapshot.rollback()?;
        plan
    };
    if args.dry_run {
        return report(ctx, args, &source, &plan.counts, &[], true);
    }
    let jobs = std::mem::take(&mut plan.jobs);
    let hashed = hash_all(ctx, rules, jobs)?;
    let mut wrote_file = false;
    let written = store::write(db, |tx| {
        write_all(
            ctx,
            tx,
            rules,
            args,
            &source,
            &plan,
            hashed,
            &mut wrote_file,
        )
    });
    let (counts, credentials) = match written {
        Ok(done) => done,
        Err(e) => {
            if let (true, Some(path)) = (wrote_file, &args.credentials_out) {
                let _ = fs::remove_file(path);
            }
            return Err(e);
        }
    };
    report(ctx, args, &source, &counts, &credentials, false)
}

/// How many accounts an import creates, updates and skips.
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct Counts {
    created: u64,
    updated: u64,
    skipped: u64,
}

/// What the first read found: the counts, whether each good row's account
/// existed (one byte per row), the passwords to hash and the facilities to create.
struct Plan {
    /// [`Rows::digest`] after the first read.
    digest: u64,
    counts: Counts,
    existed: Vec<bool>,
    jobs: Vec<Job>,
    new_facilities: Vec<FacilityCode>,
}

/// One password to hash: a given one, or `None` to generate one.
struct Job {
    line: u64,
    username: Username,
    password: Option<Secret>,
}

/// A hashed password, and the generated password to hand out.
struct Hashed {
    line: u64,
    username: Username,
    hash: String,
    generated: Option<Secret>,
}

/// The kinds of bad row, from least to most serious: the exit code is the
/// most serious one found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Exists,
    Denied,
    Data,
}

#[derive(Default)]
struct Problems {
    listed: Vec<RowError>,
    total: u64,
    worst: Option<Kind>,
}

impl Problems {
    fn add(&mut self, kind: Kind, line: u64, message: impl Into<String>) {
        self.total += 1;
        self.worst = self.worst.max(Some(kind));
        if self.listed.len() < ROWS_LISTED {
            self.listed.push(RowError {
                line,
                message: message.into(),
            });
        }
    }

    fn into_result(self, source: &Source) -> Result<()> {
        let Some(worst) = self.worst else {
            return Ok(());
        };
        let exit = match worst {
            Kind::Data => Exit::DataErr,
            Kind::Denied => Exit::Denied,
            Kind::Exists => Exit::Exists,
        };
        let s = if self.total == 1 { "" } else { "s" };
        let mut message = format!(
            "{} bad row{s} in {}; nothing was written:",
            self.total,
            source.name()
        );
        for e in &self.listed {
            message.push_str(&format!("\n  {e}"));
        }
        let more = self.total - self.listed.len() as u64;
        if more > 0 {
            message.push_str(&format!("\n  ... and {more} more"));
        }
        let rows: Vec<serde_json::Value> = self
            .listed
            .iter()
            .map(|e| json!({"line": e.line, "message": e.message}))
            .collect();
        Err(Failure::new(exit, message).with("rows", json!(rows)).into())
    }
}

/// The file, read twice: a regular file is reopened (and must not change in
/// between); stdin or a pipe is kept in memory.
enum Source {
    File {
        path: PathBuf,
        seen: Fingerprint,
        keys: RandomState,
    },
    Memory {
        bytes: Vec<u8>,
        keys: RandomState,
    },
}

#[derive(Debug, PartialEq, Eq)]
struct Fingerprint {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: i64,
    mtime_nsec: i64,
}

impl Fingerprint {
    fn of(m: &fs::Metadata) -> Self {
        Fingerprint {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: m.mtime(),
            mtime_nsec: m.mtime_nsec(),
        }
    }
}

impl Source {
    fn open(path: &Path) -> Result<Source> {
        if path.as_os_str() == "-" {
            if io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "`user import -` reads the CSV from stdin: pipe it in, or give the file's path",
                )
                .into());
            }
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read the CSV from stdin")?;
            return Ok(Source::Memory {
                bytes,
                keys: RandomState::new(),
            });
        }
        let cannot = || format!("cannot read {}", path.display());
        let meta = fs::metadata(path).with_context(cannot)?;
        if meta.is_dir() {
            return Err(Failure::usage(format!(
                "{} is a directory; give the CSV file's path",
                path.display()
            ))
            .into());
        }
        if meta.is_file() {
            return Ok(Source::File {
                path: path.to_path_buf(),
                seen: Fingerprint::of(&meta),
                keys: RandomState::new(),
            });
        }
        // A pipe or device (`<(...)`, /dev/stdin) can be read only once.
        let bytes = fs::read(path).with_context(cannot)?;
        Ok(Source::Memory {
            bytes,
            keys: RandomState::new(),
        })
    }

    fn name(&self) -> String {
        match self {
            Source::File { path, .. } => path.display().to_string(),
            Source::Memory { .. } => "stdin".into(),
        }
    }

    fn reader(&self) -> Result<Box<dyn Read + '_>> {
        Ok(match self {
            Source::File { path, .. } => Box::new(io::BufReader::with_capacity(
                1 << 16,
                fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
            )),
            Source::Memory { bytes, .. } => Box::new(bytes.as_slice()),
        })
    }

    /// The rows, read from the start; both reads use the same digest keys.
    fn rows(&self) -> Result<Rows<Box<dyn Read + '_>>> {
        let keys = match self {
            Source::File { keys, .. } | Source::Memory { keys, .. } => keys,
        };
        Rows::open(self.reader()?, keys)
            .map_err(|e| Failure::data(format!("{}: {e}", self.name())).into())
    }

    /// The file still has the size, time and inode the first read saw.
    fn unchanged(&self) -> bool {
        match self {
            Source::File { path, seen, .. } => {
                fs::metadata(path).is_ok_and(|m| Fingerprint::of(&m) == *seen)
            }
            Source::Memory { .. } => true,
        }
    }

    fn changed(&self) -> anyhow::Error {
        Failure::refused(format!(
            "{} changed while it was being imported; nothing was written. Run the import again",
            self.name()
        ))
        .into()
    }
}

/// Facilities by lower-cased code: (id, code as stored).
fn facility_map(conn: &Connection) -> Result<HashMap<String, (i64, String)>> {
    Ok(facilities::list(conn)?
        .into_iter()
        .map(|f| (f.code.to_ascii_lowercase(), (f.id, f.code)))
        .collect())
}

/// Step 1: check every row; nothing is written.
fn plan(
    ctx: &Ctx,
    conn: &Connection,
    rules: &Policy,
    op: &Operator,
    source: &Source,
    args: &ImportArgs,
) -> Result<Plan> {
    let known = facility_map(conn)?;
    let mut rows = source.rows()?;
    let mut problems = Problems::default();
    let mut counts = Counts::default();
    let mut existed = Vec::new();
    let mut jobs = Vec::new();
    let mut new_facilities: Vec<FacilityCode> = Vec::new();
    let mut seen = Seen::new(conn, SEEN_IN_MEMORY);
    let supports_before = accounts::count_enabled_support(conn)?;
    let (mut supports_added, mut demotions) = (0i64, Vec::new());
    while let Some(next) = rows.next_row(rules) {
        let row = match next {
            Ok(row) => row,
            Err(e) => {
                problems.add(Kind::Data, e.line, e.message);
                continue;
            }
        };
        let name = row.username.as_str();
        if let Some(first) = seen.first_line(name, row.line)? {
            problems.add(
                Kind::Data,
                row.line,
                format!("username `{name}` is already on line {first}"),
            );
            continue;
        }
        let mut ids = Vec::with_capacity(row.facilities.len());
        for code in &row.facilities {
            let lower = code.as_str().to_ascii_lowercase();
            if let Some((id, _)) = known.get(&lower) {
                ids.push(*id);
            } else if !args.create_facilities {
                problems.add(
                    Kind::Data,
                    row.line,
                    format!(
                        "unknown facility `{code}`; add it with `keyward facility add {code}` or pass --create-facilities"
                    ),
                );
            } else if !new_facilities
                .iter()
                .any(|c| c.as_str().eq_ignore_ascii_case(code.as_str()))
            {
                if let Err(e) = scope::check(op, &Action::ManageFacilities, None) {
                    problems.add(
                        Kind::Denied,
                        row.line,
                        format!("cannot create facility `{code}`: {e}"),
                    );
                }
                new_facilities.push(code.clone());
            }
        }
        let create = Action::CreateAccount {
            role: row.role,
            facilities: ids,
        };
        let exists = match accounts::id_of(conn, name)? {
            None => {
                counts.created += 1;
                supports_added += i64::from(row.role == Role::Support);
                if let Err(e) = scope::check(op, &create, None) {
                    problems.add(
                        Kind::Denied,
                        row.line,
                        format!("cannot create `{name}`: {e}"),
                    );
                }
                false
            }
            Some(_) => {
                match args.on_conflict {
                    OnConflict::Fail => problems.add(
                        Kind::Exists,
                        row.line,
                        format!(
                            "account `{name}` already exists; pass --on-conflict skip or --on-conflict update"
                        ),
                    ),
                    OnConflict::Skip => counts.skipped += 1,
                    OnConflict::Update => {
                        counts.updated += 1;
                        let a = user::find(conn, name)?;
                        let target = Some(ctx.target(&a));
                        let allowed = scope::check(op, &Action::ChangeAccount, target.as_ref())
                            .and_then(|()| scope::check(op, &create, None));
                        if let Err(e) = allowed {
                            problems.add(Kind::Denied, row.line, format!("cannot update `{name}`: {e}"));
                        }
                        let enabled_support = a.role == Role::Support && !a.disabled;
                        if enabled_support && row.role != Role::Support {
                            demotions.push(row.line);
                        } else if !enabled_support && !a.disabled && row.role == Role::Support {
                            supports_added += 1;
                        }
                    }
                }
                true
            }
        };
        existed.push(exists);
        let wants_hash = match (&row.password, exists) {
            (PasswordSource::Hash(_), _) => false,
            (PasswordSource::Generate, true) => false,
            _ => args.on_conflict == OnConflict::Update || !exists,
        };
        if wants_hash && !args.dry_run {
            jobs.push(Job {
                line: row.line,
                username: row.username.clone(),
                password: match row.password {
                    PasswordSource::Given(pw) => Some(pw),
                    _ => None,
                },
            });
        }
    }
    if supports_before - demotions.len() as i64 + supports_added < 1 {
        for line in demotions {
            problems.add(
                Kind::Data,
                line,
                "this would leave no enabled support account; keep one in the file or create another first",
            );
        }
    }
    problems.into_result(source)?;
    Ok(Plan {
        digest: rows.digest(),
        counts,
        existed,
        jobs,
        new_facilities,
    })
}

thread_local! {
    /// One Argon2 memory block per hashing thread. `map_init` would build one
    /// per work split instead (dozens when rayon steals work), which made a
    /// 400-row import peak at 124–220 MB instead of threads × 19 MiB.
    static BLOCK: RefCell<Hasher> = RefCell::new(Hasher::new());
}

/// Usernames the first read keeps in memory before [`Seen`] moves them to a
/// temporary table: 7/8 of 2^17, the most a hash map of 2^17 buckets holds
/// (about 3 MiB, reserved up front so it never doubles).
const SEEN_IN_MEMORY: usize = 114_688;

/// The usernames read so far, to find one that comes twice in the file.
///
/// Each is kept as a 128-bit keyed fingerprint (two SipHash keys drawn for
/// this run) with its line. Up to `limit` of them live in a hash map sized
/// for `limit` from the start; then they move to a temporary SQLite table,
/// which SQLite pages out to a temporary file, so a file of millions of rows
/// needs no more memory than one of a hundred thousand. The table belongs to
/// the first read's transaction, whose rollback removes it.
struct Seen<'c> {
    conn: &'c Connection,
    keys: (RandomState, RandomState),
    memory: HashMap<(u64, u64), u64>,
    limit: usize,
    spilled: bool,
}

impl<'c> Seen<'c> {
    fn new(conn: &'c Connection, limit: usize) -> Self {
        Seen {
            conn,
            keys: (RandomState::new(), RandomState::new()),
            memory: HashMap::with_capacity(limit),
            limit,
            spilled: false,
        }
    }

    /// The line `username` was first seen on, or `None` (and it is recorded
    /// as seen on `line`).
    fn first_line(&mut self, username: &str, line: u64) -> rusqlite::Result<Option<u64>> {
        let print = (
            self.keys.0.hash_one(username),
            self.keys.1.hash_one(username),
        );
        if !self.spilled {
            if let Some(first) = self.memory.get(&print) {
                return Ok(Some(*first));
            }
            if self.memory.len() < self.limit {
                self.memory.insert(print, line);
                return Ok(None);
            }
            self.spill()?;
        }
        // Fingerprints are stored as the i64 with the same bits.
        let (hi, lo) = (print.0 as i64, print.1 as i64);
        let added = self
            .conn
            .prepare_cached(
                "INSERT INTO temp.import_seen (hi, lo, line) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(rusqlite::params![hi, lo, line as i64])?;
        if added == 1 {
            return Ok(None);
        }
        self.conn
            .prepare_cached("SELECT line FROM temp.import_seen WHERE hi = ?1 AND lo = ?2")?
            .query_row([hi, lo], |r| r.get::<_, i64>(0))
            .map(|first| Some(first as u64))
    }

    fn spill(&mut self) -> rusqlite::Result<()> {
        self.conn.execute_batch(
            "CREATE TEMP TABLE import_seen (
                 hi INTEGER NOT NULL, lo INTEGER NOT NULL, line INTEGER NOT NULL,
                 PRIMARY KEY (hi, lo)
             ) WITHOUT ROWID",
        )?;
        let mut insert = self
            .conn
            .prepare("INSERT INTO temp.import_seen (hi, lo, line) VALUES (?1, ?2, ?3)")?;
        for ((hi, lo), line) in self.memory.drain() {
            insert.execute(rusqlite::params![hi as i64, lo as i64, line as i64])?;
        }
        self.memory = HashMap::new();
        self.spilled = true;
        Ok(())
    }
}

/// Step 2: hash on every core, each thread reusing one Argon2 memory block.
fn hash_all(ctx: &Ctx, rules: &Policy, jobs: Vec<Job>) -> Result<Vec<Hashed>> {
    let bar = if !ctx.out.json && io::stderr().is_terminal() && !jobs.is_empty() {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "hashing passwords {bar:40} {pos}/{len} ({eta} left)",
        ) {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let hashed = jobs
        .into_par_iter()
        .map_init(
            || input::OsEntropy,
            |rng, job| -> Result<Hashed, PasswordError> {
                let (pw, generated) = match job.password {
                    Some(pw) => (pw, false),
                    None => (
                        password::generate_temporary(rules, job.username.as_str(), rng)?,
                        true,
                    ),
                };
                let hash = BLOCK.with_borrow_mut(|hasher| hasher.hash(&pw, rng))?;
                bar.inc(1);
                Ok(Hashed {
                    line: job.line,
                    username: job.username,
                    hash,
                    generated: generated.then_some(pw),
                })
            },
        )
        .collect::<Result<Vec<_>, _>>();
    bar.finish_and_clear();
    Ok(hashed?)
}

/// Step 3, inside the write transaction: read the file again and write every
/// row, re-checking each against the database as it is now.
#[allow(clippy::too_many_arguments)]
fn write_all(
    ctx: &Ctx,
    tx: &Connection,
    rules: &Policy,
    args: &ImportArgs,
    source: &Source,
    plan: &Plan,
    hashed: Vec<Hashed>,
    wrote_file: &mut bool,
) -> Result<(Counts, Vec<(String, Secret)>)> {
    let existed = &plan.existed;
    let op = ctx.operator_now(tx)?;
    let mut chain = Chain::head(tx)?;
    let mut known = facility_map(tx)?;
    for code in &plan.new_facilities {
        let lower = code.as_str().to_ascii_lowercase();
        if known.contains_key(&lower) {
            continue;
        }
        ctx.allow(&op, &Action::ManageFacilities, None)?;
        let id = facilities::insert(tx, code.as_str(), code.as_str(), ctx.now())?;
        let details = json!({"name": code.as_str(), "source": "import"});
        chain.append(
            tx,
            &ctx.audit_entry("facility.add", None, Some(code.as_str()), details),
        )?;
        known.insert(lower, (id, code.as_str().to_string()));
    }
    let mut counts = Counts::default();
    let mut credentials = Vec::new();
    let mut hashed = hashed.into_iter();
    let mut take_hash = |row: &Row| -> Result<Hashed> {
        match hashed.next() {
            Some(h) if h.line == row.line && h.username == row.username => Ok(h),
            _ => Err(source.changed()),
        }
    };
    let mut rows = source.rows()?.trusting();
    let mut index = 0;
    while let Some(next) = rows.next_row(rules) {
        let row = next.map_err(|_| source.changed())?;
        let existed = *existed.get(index).ok_or_else(|| source.changed())?;
        index += 1;
        let mut ids = Vec::with_capacity(row.facilities.len());
        let mut codes = Vec::with_capacity(row.facilities.len());
        for code in &row.facilities {
            let (id, stored) = known
                .get(&code.as_str().to_ascii_lowercase())
                .ok_or_else(|| {
                    Failure::refused(format!(
                        "facility `{code}` (line {}) was removed while the import was running; nothing was written",
                        row.line
                    ))
                })?;
            ids.push(*id);
            codes.push(stored.clone());
        }
        let name = row.username.as_str();
        let meanwhile = |what: &str| {
            let exit = if what == "created" {
                Exit::Exists
            } else {
                Exit::Error
            };
            anyhow::Error::from(Failure::new(
                exit,
                format!(
                    "account `{name}` (line {}) was {what} by someone else while the import was running; nothing was written. Run the import again",
                    row.line
                ),
            ))
        };
        // A new account is not looked up again: its INSERT fails if one was
        // created meanwhile (the username is UNIQUE).
        let exists = existed && accounts::id_of(tx, name)?.is_some();
        if existed && !exists {
            return Err(meanwhile("removed"));
        }
        let create = Action::CreateAccount {
            role: row.role,
            facilities: ids.clone(),
        };
        let first_facility = codes.first().map(String::as_str);
        if !exists {
            ctx.allow(&op, &create, None)?;
            let (hash, how) = match &row.password {
                PasswordSource::Hash(h) => (h.clone(), "hash"),
                PasswordSource::Given(_) => (take_hash(&row)?.hash, "chosen"),
                PasswordSource::Generate => {
                    let h = take_hash(&row)?;
                    if let Some(pw) = h.generated {
                        credentials.push((name.to_string(), pw));
                    }
                    (h.hash, "generated")
                }
            };
            let id = accounts::insert(
                tx,
                &NewAccount {
                    username: name,
                    name: row.name.as_deref(),
                    role: row.role,
                    password_hash: &hash,
                    pending: PendingActions {
                        must_change_password: row.must_change,
                        terms_pending: true,
                    },
                    now: ctx.now(),
                },
            )
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => meanwhile("created"),
                _ => e.into(),
            })?;
            accounts::insert_facilities(tx, id, &ids)?;
            let details =
                json!({"role": row.role, "facilities": codes, "password": how, "source": "import"});
            chain.append(
                tx,
                &ctx.audit_entry("user.add", Some(name), first_facility, details),
            )?;
            counts.created += 1;
            continue;
        }
        match args.on_conflict {
            OnConflict::Fail => return Err(source.changed()),
            OnConflict::Skip => counts.skipped += 1,
            OnConflict::Update => {
                let a: Account = user::find(tx, name)?;
                ctx.allow(&op, &Action::ChangeAccount, Some(&a))?;
                ctx.allow(&op, &create, None)?;
                accounts::set_profile(tx, a.id, row.name.as_deref(), row.role, ctx.now())?;
                accounts::set_facilities(tx, a.id, &ids, ctx.now())?;
                let hash = match &row.password {
                    PasswordSource::Hash(h) => Some((h.clone(), "hash")),
                    PasswordSource::Given(_) => Some((take_hash(&row)?.hash, "chosen")),
                    PasswordSource::Generate => None,
                };
                let how = match &hash {
                    Some((hash, how)) => {
                        accounts::set_password(tx, a.id, hash, row.must_change, None, ctx.now())?;
                        *how
                    }
                    None => "kept",
                };
                let mut details = json!({"source": "import", "facilities": codes, "password": how});
                if a.role != row.role {
                    details["role"] = json!({"from": a.role, "to": row.role});
                }
                if a.name != row.name {
                    details["name_changed"] = json!(true);
                }
                chain.append(
                    tx,
                    &ctx.audit_entry("user.update", Some(name), first_facility, details),
                )?;
                counts.updated += 1;
            }
        }
    }
    if index != existed.len()
        || hashed.next().is_some()
        || rows.digest() != plan.digest
        || !source.unchanged()
    {
        return Err(source.changed());
    }
    if accounts::count_enabled_support(tx)? < 1 {
        return Err(Failure::refused(
            "this import would leave no enabled support account; nothing was written",
        )
        .into());
    }
    let details = json!({
        "file": source.name(),
        "created": counts.created,
        "updated": counts.updated,
        "skipped": counts.skipped,
        "on_conflict": format!("{:?}", args.on_conflict).to_ascii_lowercase(),
    });
    chain.append(tx, &ctx.audit_entry("user.import", None, None, details))?;
    if let Some(path) = &args.credentials_out {
        // Written and synced before the commit, so no account exists whose
        // password was lost; removed again if the commit fails.
        *wrote_file = true;
        write_credentials_file(path, &credentials)?;
    }
    Ok((counts, credentials))
}

fn refuse_existing_file(path: &Path) -> Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(Failure::exists(format!(
            "{} already exists; --credentials-out never overwrites a file: choose a new name",
            path.display()
        ))
        .into());
    }
    Ok(())
}

fn write_credentials<W: Write>(out: W, credentials: &[(String, Secret)]) -> Result<W> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CREDENTIALS_HEADER)?;
    for (username, pw) in credentials {
        w.write_record([username.as_str(), pw.expose()])?;
    }
    w.into_inner()
        .map_err(|e| anyhow::Error::new(io::Error::new(e.error().kind(), e.error().to_string())))
}

fn write_credentials_file(path: &Path, credentials: &[(String, Secret)]) -> Result<()> {
    let cannot = || format!("cannot write the credentials to {}", path.display());
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(cannot)?;
    let file = write_credentials(BufWriter::new(file), credentials)
        .with_context(cannot)?
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(cannot)?;
    file.sync_all().with_context(cannot)?;
    Ok(())
}

#[derive(Serialize)]
struct Credential<'a> {
    username: &'a str,
    temporary_password: &'a str,
}

#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    counts: Counts,
    dry_run: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    credentials: Option<Vec<Credential<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credentials_out: Option<String>,
}

fn report(
    ctx: &Ctx,
    args: &ImportArgs,
    source: &Source,
    counts: &Counts,
    credentials: &[(String, Secret)],
    dry_run: bool,
) -> Result<()> {
    let to_file = args.credentials_out.as_ref().filter(|_| !dry_run);
    let shown = !dry_run && to_file.is_none();
    let delivered = if ctx.out.json {
        ctx.out.json(&Report {
            counts: *counts,
            dry_run,
            credentials: shown.then(|| {
                credentials
                    .iter()
                    .map(|(username, pw)| Credential {
                        username,
                        temporary_password: pw.expose(),
                    })
                    .collect()
            }),
            credentials_out: to_file.map(|p| p.display().to_string()),
        })
    } else {
        let Counts {
            created,
            updated,
            skipped,
        } = counts;
        let summary = if dry_run {
            format!(
                "Dry run of {}: it would create {created}, update {updated} and skip {skipped} accounts; nothing was written.",
                source.name()
            )
        } else {
            let mut s = format!(
                "Imported {}: {created} created, {updated} updated, {skipped} skipped.",
                source.name()
            );
            if let Some(p) = to_file {
                s.push_str(&format!(
                    " Temporary passwords are in {} (mode 0600).",
                    p.display()
                ));
            }
            s
        };
        eprintln!("{summary}");
        if shown && !credentials.is_empty() {
            write_credentials(io::stdout().lock(), credentials)
                .and_then(|mut out| Ok(out.flush()?))
                .map_err(|e| io::Error::other(e.to_string()))
        } else {
            Ok(())
        }
    };
    if let Err(e) = delivered {
        if shown && !credentials.is_empty() {
            return Err(Failure::refused(format!(
                "the accounts were created but their temporary passwords could not be written to stdout ({e}); give them new ones with `keyward user reset-password USERNAME`"
            ))
            .into());
        }
        return Err(e.into());
    }
    Ok(())
}

/// `user export`: the accounts the operator may see, as import CSV or JSON.
pub fn export(
    ctx: &Ctx,
    db: &Store,
    rules: &Policy,
    op: &Operator,
    facility: Option<&str>,
    format: Option<ExportFormat>,
) -> Result<()> {
    if matches!(op, Operator::Account { role, .. } if *role < Role::Admin) {
        ctx.allow(op, &Action::ViewAccount, None)?;
    }
    let facility_id = facility
        .map(|c| facility::find(&db.conn, c))
        .transpose()?
        .map(|f| f.id);
    let visible: Vec<Account> = accounts::list(&db.conn, facility_id, None)?
        .into_iter()
        .filter(|a| scope::visible(op, &ctx.target(a)))
        .collect();
    let format = format.unwrap_or(if ctx.out.json {
        ExportFormat::Json
    } else {
        ExportFormat::Csv
    });
    match format {
        ExportFormat::Json => {
            let now = ctx.now();
            let views: Vec<AccountView> = visible
                .iter()
                .map(|a| AccountView::new(a, a.status(now, rules.lockout_minutes)))
                .collect();
            ctx.out.json(&views)?;
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(io::stdout().lock());
            w.write_record(REQUIRED)?;
            for a in &visible {
                w.write_record(crate::domain::import::export_record(
                    &a.username,
                    a.name.as_deref(),
                    a.role,
                    &a.facilities,
                ))?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers whether the names are in memory, in the temporary
    /// table, or some in each (a limit of 0, 2 and more than the names).
    #[test]
    fn seen_finds_the_first_line_in_memory_and_after_spilling() -> rusqlite::Result<()> {
        let names = ["a", "b", "c", "a", "c", "d", "b", "d", "e"];
        let expected = [
            None,
            None,
            None,
            Some(1),
            Some(3),
            None,
            Some(2),
            Some(6),
            None,
        ];
        let conn = Connection::open_in_memory()?;
        for limit in [0, 2, 100] {
            let tx = conn.unchecked_transaction()?;
            let mut seen = Seen::new(&tx, limit);
            let got = names
                .iter()
                .zip(1u64..)
                .map(|(name, line)| seen.first_line(name, line))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            assert_eq!(got, expected, "limit {limit}");
            assert_eq!(seen.spilled, limit < 5, "limit {limit}");
            // The rollback that ends the first read removes the table, so
            // the next import on this connection can create it again.
            tx.rollback()?;
        }
        let left: i64 = conn.query_row(
            "SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_seen'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(left, 0);
        Ok(())
    }
}
