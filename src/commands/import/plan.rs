//! Step 1 of an import: read the whole file once and check every row
//! against the policy and the database as it is; nothing is written.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use anyhow::Result;
use serde_json::json;

use super::source::Source;
use super::status;
use super::{Counts, ImportArgs, Job, Plan};
use crate::cli::OnConflict;
use crate::commands::{Ctx, user};
use crate::domain::account::Role;
use crate::domain::import::{PasswordSource, RowError};
use crate::domain::names::FacilityCode;
use crate::domain::policy::Policy;
use crate::domain::scope::{self, Action, Operator};
use crate::error::{Exit, Failure};
use crate::store::{self, Tx, accounts, bulk, facilities, scratch};

/// Bad rows listed in an error; the rest are counted.
const ROWS_LISTED: usize = 1000;

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

/// Facilities by lower-cased code: (id, code as stored).
pub(super) fn facility_map(conn: Tx<'_>) -> Result<HashMap<String, (i64, String)>> {
    Ok(facilities::list(conn)?
        .into_iter()
        .map(|f| (f.code.to_ascii_lowercase(), (f.id, f.code)))
        .collect())
}

/// Step 1: check every row; nothing is written.
pub(super) fn plan(
    ctx: &Ctx,
    conn: Tx<'_>,
    rules: &Policy,
    op: &Operator,
    source: &Source,
    args: &ImportArgs,
) -> Result<Plan> {
    let known = facility_map(conn)?;
    let mut rows = source.rows(args.format())?;
    let mut problems = Problems::default();
    let mut counts = Counts::default();
    let mut existed = Vec::new();
    let mut jobs = Vec::new();
    let mut new_facilities: Vec<FacilityCode> = Vec::new();
    let mut seen = Seen::new(conn, SEEN_IN_MEMORY);
    let supports_before = accounts::count_enabled_support(conn, ctx.now())?;
    let (mut supports_added, mut demotions) = (0i64, Vec::new());
    // Rows are read a group ahead, so that whether their usernames exist is
    // one query per group (on a server, one round trip) instead of per row.
    let mut ahead = std::collections::VecDeque::new();
    loop {
        if ahead.is_empty() {
            // A group is bounded by rows and by their facilities, as a
            // batch of new accounts is (batch.rs).
            let (mut group, mut weight) = (Vec::new(), 0);
            let size = bulk::batch_size(conn);
            while group.len() < size && weight < 2 * size {
                match rows.next_row(rules).map_err(|e| source.stopped(e))? {
                    Some(next) => {
                        weight += 1 + next.as_ref().map_or(0, |r| r.facilities.len());
                        group.push(next);
                    }
                    None => break,
                }
            }
            let names: Vec<&str> = group
                .iter()
                .filter_map(|n| n.as_ref().ok().map(|r| r.username.as_str()))
                .collect();
            let found = bulk::existing(conn, &names)?;
            for next in group {
                let exists = next
                    .as_ref()
                    .is_ok_and(|r| found.contains(r.username.as_str()));
                ahead.push_back((next, exists));
            }
        }
        let Some((next, exists_now)) = ahead.pop_front() else {
            break;
        };
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
        let exists = match exists_now {
            false => {
                counts.created += 1;
                supports_added += i64::from(status::keeps_support(
                    row.role == Role::Support,
                    None,
                    row.status,
                ));
                if let Err(e) = scope::check(op, &create, None) {
                    problems.add(
                        Kind::Denied,
                        row.line,
                        format!("cannot create `{name}`: {e}"),
                    );
                }
                false
            }
            true => {
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
                        let keeps =
                            status::keeps_support(row.role == Role::Support, Some(&a), row.status);
                        if enabled_support && !keeps {
                            demotions.push(row.line);
                        } else if !enabled_support && keeps {
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
    conn: Tx<'c>,
    keys: (RandomState, RandomState),
    memory: HashMap<(u64, u64), u64>,
    limit: usize,
    spilled: bool,
}

impl<'c> Seen<'c> {
    fn new(conn: Tx<'c>, limit: usize) -> Self {
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
    fn first_line(&mut self, username: &str, line: u64) -> store::Result<Option<u64>> {
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
        if scratch::seen_add(self.conn, print, line)? {
            return Ok(None);
        }
        scratch::seen_line(self.conn, print).map(Some)
    }

    fn spill(&mut self) -> store::Result<()> {
        scratch::seen_create(self.conn)?;
        for (print, line) in self.memory.drain() {
            scratch::seen_add(self.conn, print, line)?;
        }
        self.memory = HashMap::new();
        self.spilled = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// The same answers whether the names are in memory, in the temporary
    /// table, or some in each (a limit of 0, 2 and more than the names).
    #[test]
    fn seen_finds_the_first_line_in_memory_and_after_spilling() -> store::Result<()> {
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
        let mut db = Store::scratch()?;
        for limit in [0, 2, 100] {
            db.snapshot(|tx| -> store::Result<()> {
                let mut seen = Seen::new(tx, limit);
                let got = names
                    .iter()
                    .zip(1u64..)
                    .map(|(name, line)| seen.first_line(name, line))
                    .collect::<store::Result<Vec<_>>>()?;
                assert_eq!(got, expected, "limit {limit}");
                assert_eq!(seen.spilled, limit < 5, "limit {limit}");
                Ok(())
            })?;
            // The rollback that ends the snapshot removes the table, so
            // the next import on this connection can create it again.
            assert!(!scratch::seen_exists(db.read())?, "limit {limit}");
        }
        Ok(())
    }
}
