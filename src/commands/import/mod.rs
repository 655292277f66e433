//! `keyward user import|export`: many accounts at once.
//!
//! An import runs in three steps, so that the slow part never holds the
//! database's write lock and memory does not grow with the file:
//! 1. read the whole file once, checking every row against the policy and the
//!    database as it is (nothing is written; every bad row is reported);
//! 2. hash the passwords on every core, one reused Argon2 memory block per thread;
//! 3. in one write transaction, read the file again and write every row,
//!    re-checking each against the database as it is then.

mod batch;
mod credentials;
mod export;
mod plan;
mod source;
mod spool;
mod status;
mod write;

pub use export::export;

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::{Ctx, fault};
use crate::cli::{ImportFormat, OnConflict};
use crate::domain::account::Role;
use crate::domain::import::Format;
use crate::domain::names::{FacilityCode, Username};
use crate::domain::policy::Policy;
use crate::domain::scope::{Action, Operator};
use crate::domain::secret::Secret;
use crate::error::Failure;
use crate::store::Store;
use credentials::{prepare_stdout, refuse_existing_file, write_credentials};
use source::Source;

/// `user import` as typed.
pub struct ImportArgs {
    pub file: PathBuf,
    pub dry_run: bool,
    pub on_conflict: OnConflict,
    pub create_facilities: bool,
    pub credentials_out: Option<PathBuf>,
    pub format: ImportFormat,
}

impl ImportArgs {
    fn format(&self) -> Format {
        match self.format {
            ImportFormat::Csv => Format::Csv,
            ImportFormat::Json => Format::Json,
        }
    }
}

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
    let mut plan = db.snapshot(|tx| plan::plan(ctx, tx, rules, op, &source, args))?;
    if args.dry_run {
        return report(ctx, args, &source, &plan.counts, &[], true);
    }
    let generated = plan.jobs.iter().filter(|j| j.password.is_none()).count();
    if generated > 0 && args.credentials_out.is_none() {
        prepare_stdout(generated)?;
    }
    let jobs = std::mem::take(&mut plan.jobs);
    let hashed = write::hash_all(ctx, rules, jobs)?;
    let mut pending = None;
    let written = ctx.change(db, &Action::Import, |c| {
        write::write_all(ctx, c, rules, args, &source, &plan, hashed, &mut pending)
    });
    let (counts, credentials) = match written {
        Ok(done) => done,
        Err(e) => {
            if let Some(file) = pending {
                file.discard();
            }
            return Err(e);
        }
    };
    fault::point(fault::IMPORT_AFTER_COMMIT)?;
    if let Some(file) = pending {
        file.publish()?;
    }
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
