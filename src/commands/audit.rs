//! `keyward audit list|verify`: read the tamper-evident log.

use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use super::session::Access;
use crate::cli::AuditCmd;
use crate::domain::audit::Row;
use crate::domain::names::Username;
use crate::error::Failure;
use crate::output::{table, timestamp};
use crate::store::audit as rows;

#[derive(Serialize)]
struct RowView<'a> {
    id: i64,
    at: String,
    actor: &'a str,
    action: &'a str,
    target: Option<&'a str>,
    facility: Option<&'a str>,
    details: &'a serde_json::Value,
    hash: &'a str,
}

fn view(r: &Row) -> RowView<'_> {
    RowView {
        id: r.id,
        at: timestamp(r.entry.at),
        actor: &r.entry.actor,
        action: &r.entry.action,
        target: r.entry.target.as_deref(),
        facility: r.entry.facility.as_deref(),
        details: &r.entry.details,
        hash: &r.hash,
    }
}

/// `--since`: RFC 3339, or a date meaning its start in UTC.
fn parse_since(text: &str) -> Result<i64> {
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok(t.as_second());
    }
    let date: jiff::civil::Date = text.parse().map_err(|_| {
        Failure::data(format!("--since `{text}` is not a time: use RFC 3339 (2026-11-22T10:00:00Z) or a date (2026-11-22)"))
    })?;
    Ok(date
        .to_zoned(jiff::tz::TimeZone::UTC)?
        .timestamp()
        .as_second())
}

pub fn run(ctx: &Ctx, cmd: AuditCmd) -> Result<()> {
    let db = ctx
        .session(Access::See(&crate::domain::scope::Action::ViewAudit))?
        .db;
    match cmd {
        AuditCmd::List {
            user,
            action,
            since,
            limit,
        } => {
            let user = user.as_deref().map(Username::parse).transpose()?;
            let since = since.as_deref().map(parse_since).transpose()?;
            let filter = rows::Filter {
                target: user.as_ref().map(Username::as_str),
                action: action.as_deref(),
                since,
                limit,
            };
            let found = rows::list(db.read(), &filter)?;
            let views: Vec<RowView<'_>> = found.iter().map(view).collect();
            if ctx.out.json {
                ctx.out.json(&views)?;
            } else if views.is_empty() {
                ctx.out.text("No audit rows match.")?;
            } else {
                let cells: Vec<[String; 6]> = views
                    .iter()
                    .map(|v| {
                        [
                            v.id.to_string(),
                            v.at.clone(),
                            v.actor.to_string(),
                            v.action.to_string(),
                            v.target.or(v.facility).unwrap_or("-").to_string(),
                            table::spaced_json(v.details),
                        ]
                    })
                    .collect();
                ctx.out.text(table::audit(&cells))?;
            }
        }
        AuditCmd::Verify => {
            let (count, head) =
                rows::verify(db.read())?.map_err(|broken| Failure::refused(broken.to_string()))?;
            let doc = serde_json::json!({"ok": true, "rows": count, "head": head});
            ctx.out.emit(
                &doc,
                format!("The audit log is intact: {count} rows, head {head}.\nKeep the head hash elsewhere to detect rows cut from the end later."),
            )?;
        }
    }
    Ok(())
}
