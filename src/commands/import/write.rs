//! Steps 2 and 3 of an import: hash the passwords on every core, then write
//! every row in one transaction, re-checking each against the database.

use std::cell::RefCell;
use std::io::{self, IsTerminal};

use anyhow::Result;
use rayon::prelude::*;
use serde_json::json;

use super::batch::{NewRow, NewRows, meanwhile};
use super::credentials::PendingFile;
use super::plan::facility_map;
use super::source::Source;
use super::status;
use super::{Counts, Hashed, ImportArgs, Job, Plan};
use crate::cli::OnConflict;
use crate::commands::change::Change;
use crate::commands::{Ctx, fault, input, user};
use crate::domain::account::{Account, Status};
use crate::domain::import::{PasswordSource, Row};
use crate::domain::password::{self, Hasher, PasswordError};
use crate::domain::policy::Policy;
use crate::domain::scope::Action;
use crate::domain::secret::Secret;
use crate::error::Failure;
use crate::output::timestamp;
use crate::store::accounts;
use crate::store::audit::Chain;
use crate::store::facilities;

thread_local! {
    /// One Argon2 memory block per hashing thread. `map_init` would build one
    /// per work split instead (dozens when rayon steals work), which made a
    /// 400-row import peak at 124–220 MB instead of threads × 19 MiB.
    static BLOCK: RefCell<Hasher> = RefCell::new(Hasher::new());
}

/// Step 2: hash on every core, each thread reusing one Argon2 memory block.
pub(super) fn hash_all(ctx: &Ctx, rules: &Policy, jobs: Vec<Job>) -> Result<Vec<Hashed>> {
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
pub(super) fn write_all(
    ctx: &Ctx,
    change: &Change<'_>,
    rules: &Policy,
    args: &ImportArgs,
    source: &Source,
    plan: &Plan,
    hashed: Vec<Hashed>,
    pending: &mut Option<PendingFile>,
) -> Result<(Counts, Vec<(String, Secret)>)> {
    let existed = &plan.existed;
    // The operator was read again and `Action::Import` checked by the door
    // (`Ctx::change`); each row is checked against that same reading.
    let tx = change.tx;
    let mut chain = Chain::head(tx)?;
    let mut known = facility_map(tx)?;
    for code in &plan.new_facilities {
        let lower = code.as_str().to_ascii_lowercase();
        if known.contains_key(&lower) {
            continue;
        }
        change.allow(&Action::ManageFacilities, None)?;
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
    let mut new_rows = NewRows::default();
    let mut rows = source.rows(args.format())?.trusting();
    let mut index = 0;
    while let Some(next) = rows.next_row(rules).map_err(|e| source.stopped(e))? {
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
        // A new account is not looked up again: its INSERT finds one
        // created meanwhile (the username is UNIQUE).
        let exists = existed && accounts::id_of(tx, name)?.is_some();
        if existed && !exists {
            return Err(meanwhile(name, row.line, "removed"));
        }
        let create = Action::CreateAccount {
            role: row.role,
            facilities: ids.clone(),
        };
        let first_facility = codes.first().map(String::as_str);
        if !exists {
            change.allow(&create, None)?;
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
            let mut details =
                json!({"role": row.role, "facilities": codes, "password": how, "source": "import"});
            if let Some(s) = row.status.filter(|s| *s != Status::Active) {
                details["status"] = json!(s.as_str());
            }
            if let Some(at) = row.expires_at {
                details["expires_at"] = json!(timestamp(at));
            }
            let audit = ctx.audit_entry("user.add", Some(name), first_facility, details);
            new_rows.push(
                NewRow {
                    line: row.line,
                    username: name.to_string(),
                    name: row.name.clone(),
                    role: row.role,
                    hash,
                    must_change: row.must_change,
                    facility_ids: ids,
                    status: row.status,
                    expires_at: row.expires_at,
                    audit,
                },
                tx,
                &mut chain,
                rules,
                ctx.now(),
            )?;
            counts.created += 1;
            continue;
        }
        match args.on_conflict {
            OnConflict::Fail => return Err(source.changed()),
            OnConflict::Skip => counts.skipped += 1,
            OnConflict::Update => {
                // The log stays in file order: earlier new accounts first.
                new_rows.flush(tx, &mut chain, rules, ctx.now())?;
                let a: Account = user::find(tx, name)?;
                change.allow(&Action::ChangeAccount, Some(&a))?;
                change.allow(&create, None)?;
                accounts::set_profile(tx, a.id, row.name.as_deref(), row.role, ctx.now())?;
                accounts::set_facilities(tx, a.id, &ids, ctx.now())?;
                // Before the password: `active` lifts a lock as `user unlock`
                // does, and a password the row gives then sets must_change.
                let was = status::apply(tx, a.id, Some(&a), row.status, rules, ctx.now())?;
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
                if let (Some(from), Some(to)) = (was, row.status) {
                    details["status"] = json!({"from": from.as_str(), "to": to.as_str()});
                }
                if let Some(at) = row.expires_at.filter(|at| a.expires_at != Some(*at)) {
                    accounts::set_expiry(tx, a.id, Some(at), ctx.now())?;
                    details["expires_at"] =
                        json!({"from": a.expires_at.map(timestamp), "to": timestamp(at)});
                }
                chain.append(
                    tx,
                    &ctx.audit_entry("user.update", Some(name), first_facility, details),
                )?;
                counts.updated += 1;
            }
        }
    }
    new_rows.flush(tx, &mut chain, rules, ctx.now())?;
    if index != existed.len()
        || hashed.next().is_some()
        || rows.digest() != plan.digest
        || !source.unchanged()
    {
        return Err(source.changed());
    }
    if accounts::count_enabled_support(tx, ctx.now())? < 1 {
        return Err(Failure::refused(
            "this import would leave no enabled support account; nothing was written",
        )
        .into());
    }
    // Some enabled support account must stay without an expiry, as
    // `user set-expiry` keeps it (0: no account is left out of the count).
    if accounts::count_lasting_support(tx, 0)? < 1 {
        return Err(Failure::refused(
            "this import would leave every support account with an expiry; keep one without; nothing was written",
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
        // Written and synced (under a temporary name) before the commit, so
        // no account exists whose password was lost; removed if the commit
        // fails, named only after it.
        *pending = Some(PendingFile::write(path, &credentials)?);
    }
    fault::point(fault::IMPORT_BEFORE_COMMIT)?;
    Ok((counts, credentials))
}
