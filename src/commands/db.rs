//! `keyward db backup|check`: a consistent copy, and a health check.

use anyhow::Result;
use serde_json::json;
use std::path::Path;

use super::Ctx;
use super::session::Access;
use crate::cli::DbCmd;
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::store::{self, Store, maintenance};

pub fn run(ctx: &Ctx, cmd: DbCmd) -> Result<()> {
    // A backup holds every hash, a check reads the audit log: both need
    // the right to read the audit log.
    let mut db = ctx.session(Access::See(&Action::ViewAudit))?.db;
    match cmd {
        DbCmd::Backup { file } => backup(ctx, &mut db, &file),
        DbCmd::Check => check(ctx, &db),
    }
}

fn backup(ctx: &Ctx, db: &mut Store, file: &Path) -> Result<()> {
    // The right to read the audit log is checked again inside the write
    // transaction of the audit row, and the copy is made (and published)
    // within it: an operator who loses that right while the command waits
    // gets no file. A commit that fails after the copy removes it.
    let Some(src) = db.file().map(Path::to_path_buf) else {
        return Err(Failure::refused(format!(
            "{}: backing up a PostgreSQL store is not built yet; use pg_dump",
            db.shown()
        ))
        .into());
    };
    let mut published = false;
    let done = ctx.change(db, &Action::ViewAudit, |c| {
        let accounts = Store::backup(&src, file)?;
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
