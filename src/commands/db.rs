//! `keyward db backup|check`: a consistent copy, and a health check.

use anyhow::Result;
use serde_json::json;
use std::path::Path;

use super::Ctx;
use super::session::Access;
use crate::cli::DbCmd;
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::store::location::{Location, is_url};
use crate::store::{self, Store, Tx, maintenance};

pub fn run(ctx: &Ctx, cmd: DbCmd) -> Result<()> {
    // A backup holds every hash, a check reads the audit log: both need
    // the right to read the audit log.
    let mut db = ctx.session(Access::See(&Action::ViewAudit))?.db;
    match cmd {
        DbCmd::Backup { file } => backup(ctx, &mut db, &file),
        DbCmd::Copy { to } => copy(ctx, &mut db, &to),
        DbCmd::Check => check(ctx, &db),
    }
}

fn backup(ctx: &Ctx, db: &mut Store, file: &Path) -> Result<()> {
    if file.to_str().is_some_and(is_url) {
        return Err(Failure::usage(
            "db backup writes a SQLite file; to copy the store into a PostgreSQL database use `keyward db copy --to URL`",
        )
        .into());
    }
    // The right to read the audit log is checked again inside the write
    // transaction of the audit row, and the copy is made (and published)
    // within it: an operator who loses that right while the command waits
    // gets no file. A commit that fails after the copy removes it.
    // A SQLite store is copied page-free by VACUUM INTO through a
    // connection of its own; a server store row by row, read inside this
    // transaction, which holds the write lock, so no writer moves it meanwhile.
    let src = db.file().map(Path::to_path_buf);
    let mut published = false;
    let done = ctx.change(db, &Action::ViewAudit, |c| {
        let accounts = match &src {
            Some(src) => Store::backup(src, file)?,
            None => {
                let mut accounts = 0;
                Store::create_backup(file, |to| -> Result<()> {
                    accounts = store::copy::all(c.tx, to)?;
                    Ok(())
                })?;
                accounts
            }
        };
        published = true;
        c.audit(
            "db.backup",
            None,
            None,
            json!({"file": file.display().to_string(), "accounts": accounts}),
        )?;
        Ok(accounts)
    });
    let accounts = match done {
        Ok(accounts) => accounts,
        Err(e) => {
            if published {
                let _ = std::fs::remove_file(file);
            }
            return Err(e);
        }
    };
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or_default();
    let doc = json!({"file": file.display().to_string(), "bytes": bytes, "accounts": accounts, "integrity": "ok"});
    ctx.out.emit(
        &doc,
        format!(
            "Backed up {accounts} accounts to {} ({bytes} bytes, mode 0600, integrity ok). It holds password hashes: keep it as safe as the database.",
            file.display()
        ),
    )?;
    Ok(())
}

fn copy(ctx: &Ctx, db: &mut Store, to: &Path) -> Result<()> {
    // A password in a --to URL is refused like one in --db (exit 2).
    let dest = Location::parse(to.to_path_buf(), true)?;
    let shown = match &dest {
        Location::File(path) => {
            Store::refuse_existing(path)?;
            path.display().to_string()
        }
        Location::Server(server) => {
            Store::refuse_existing_server(server)?;
            server.shown()
        }
    };
    if shown == db.shown() {
        return Err(Failure::usage(format!(
            "--to {shown} is the store being copied; give a new one"
        ))
        .into());
    }
    // Read inside the write transaction of the audit row: it holds the
    // store's write lock, so the copy is one state, and an operator who
    // loses the right to read the audit log meanwhile gets no copy.
    let mut made = false;
    let done = ctx.change(db, &Action::ViewAudit, |c| {
        let mut accounts = 0;
        let seed = |to_tx: Tx<'_>| -> Result<()> {
            accounts = store::copy::all(c.tx, to_tx)?;
            Ok(())
        };
        match &dest {
            Location::File(path) => Store::create_backup(path, seed)?,
            Location::Server(server) => Store::create_server_copy(server, seed)?,
        }
        made = true;
        c.audit(
            "db.copy",
            None,
            None,
            json!({"to": shown, "accounts": accounts}),
        )?;
        Ok(accounts)
    });
    let accounts = match done {
        Ok(accounts) => accounts,
        Err(e) => {
            if made {
                return Err(e.context(format!(
                    "the copy in {shown} was made, but the source's audit row was not written; remove the copy and run the command again"
                )));
            }
            return Err(e);
        }
    };
    let doc = json!({"to": shown, "accounts": accounts});
    ctx.out.emit(
        &doc,
        format!(
            "Copied {accounts} accounts and the audit chain to {shown}. It holds password hashes: keep it as safe as the database."
        ),
    )?;
    Ok(())
}

fn check(ctx: &Ctx, db: &Store) -> Result<()> {
    let integrity = maintenance::integrity(db.read())?;
    let foreign = maintenance::foreign_key_problems(db.read())?;
    let chain = store::audit::verify(db.read())?;
    let first = integrity
        .first()
        .map(|p| format!("SQLite integrity check failed: {p}"))
        .or_else(|| {
            foreign
                .first()
                .map(|p| format!("foreign key check failed: {p}"))
        })
        .or_else(|| {
            chain
                .as_ref()
                .err()
                .map(|b| format!("audit chain broken: {b}"))
        });
    if let Some(problem) = first {
        let doc = json!({
            "integrity": if integrity.is_empty() { json!("ok") } else { json!(integrity) },
            "foreign_keys": if foreign.is_empty() { json!("ok") } else { json!(foreign) },
            "audit": match &chain { Ok(_) => json!("ok"), Err(b) => json!(b.to_string()) },
        });
        return Err(Failure::refused(problem).with("checks", doc).into());
    }
    let (rows, head) = chain.unwrap_or_default();
    let doc = json!({"ok": true, "integrity": "ok", "foreign_keys": "ok", "audit": {"rows": rows, "head": head}});
    ctx.out.emit(
        &doc,
        format!("Integrity ok. Foreign keys ok. Audit chain intact: {rows} rows, head {head}."),
    )?;
    Ok(())
}
