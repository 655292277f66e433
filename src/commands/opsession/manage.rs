//! `session end`, `session list` and `session revoke`.

use anyhow::Result;
use serde_json::json;

use super::{SessionView, file, operator_name};
use crate::commands::Ctx;
use crate::commands::operator::Acting;
use crate::commands::session::Access;
use crate::domain::account::Role;
use crate::domain::names::Username;
use crate::domain::scope::{Action, Operator};
use crate::domain::session::{self as lifetime, EndReason};
use crate::output::table;
use crate::store::{accounts, sessions};

/// End the `--as` operator's session on this store: no password needed,
/// the token file is the proof. Ending when there is no session, or one
/// that already ended, is not an error (scripts may end unconditionally).
pub(super) fn end(ctx: &Ctx) -> Result<()> {
    let name = operator_name(ctx, "end")?;
    let mut db = ctx.open()?;
    let username = Username::parse(&name)?;
    let who = username.as_str();
    let store = db.identity();
    let found = match file::own_folder() {
        Some(dir) => {
            let path = file::path_in(&dir, &store, who);
            file::load(&path, who)?.map(|f| (path, f.contents))
        }
        None => None,
    };
    let Some((path, contents)) = found else {
        let msg = format!("Operator {who} has no session on {store}; nothing to end.");
        let v = json!({"username": who, "session": null, "ended": false});
        return Ok(ctx.out.emit(&v, msg)?);
    };
    contents.check_binding(&path, &store, who)?;
    let hash = lifetime::token_hash(&contents.token());
    let now = ctx.now();
    let ended = ctx.sign_in_write(&mut db, |tx| -> Result<bool> {
        let Some(row) = sessions::by_token(tx, &hash)? else {
            return Ok(false);
        };
        if row.id != contents.session || !sessions::end(tx, row.id, now, EndReason::Ended)? {
            return Ok(false);
        }
        // The row names the session it ends, as every row of a command
        // run in it does.
        let _ = ctx.acting.set(Acting {
            username: row.username.clone(),
            operator: Operator::Account {
                role: row.role,
                facilities: Vec::new(),
            },
            session: Some(row.id),
        });
        let why = json!({"reason": EndReason::Ended.as_str()});
        ctx.audit(tx, "session.end", Some(&row.username), None, why)?;
        Ok(true)
    })?;
    file::remove(&path)?;
    let id = contents.session;
    let msg = if ended {
        format!("Session {id} of operator {who} ended.")
    } else {
        format!("Session {id} of operator {who} had already ended; its file was removed.")
    };
    let v = json!({"username": who, "session": id, "ended": ended});
    Ok(ctx.out.emit(&v, msg)?)
}

/// The open sessions the operator may see: all of them for support and
/// the OS user, its own for anyone else.
pub(super) fn list(ctx: &Ctx) -> Result<()> {
    let s = ctx.session(Access::Read)?;
    let mine = match (&s.op, ctx.acting.get()) {
        (Operator::Account { role, .. }, Some(acting)) if *role != Role::Support => {
            accounts::id_of(s.db.read(), &acting.username)?
        }
        _ => None,
    };
    let current = ctx.acting.get().and_then(|a| a.session);
    let (now, store) = (ctx.now(), s.db.identity());
    let items: Vec<SessionView> = sessions::list(s.db.read(), mine)?
        .into_iter()
        .filter_map(|r| SessionView::of(r, &store, s.rules.session_minutes, now, current))
        .collect();
    if ctx.out.json {
        return Ok(ctx.out.json(&items)?);
    }
    if items.is_empty() {
        return Ok(ctx.out.text("No open sessions.")?);
    }
    let rows: Vec<[String; 6]> = items
        .iter()
        .map(|i| {
            [
                format!("{}{}", i.session, if i.current { "*" } else { "" }),
                i.username.clone(),
                i.role.to_string(),
                i.started_at.clone(),
                i.idle_expires_at.clone(),
                format!("{} on {}", i.started_by, i.host),
            ]
        })
        .collect();
    let header = ["ID", "OPERATOR", "ROLE", "STARTED", "ENDS IF UNUSED", "BY"];
    // Times stay whole: BY, STARTED and ROLE give way first.
    Ok(ctx.out.text(table::rows(&header, &rows, &[5, 3, 2]))?)
}

/// End every open session of `username` (support): the one door when a
/// token may have leaked and the operator cannot end it.
pub(super) fn revoke(ctx: &Ctx, username: &str) -> Result<()> {
    let action = Action::RevokeSessions;
    let mut s = ctx.session(Access::Do(&action))?;
    let now = ctx.now();
    let (name, ended) = ctx.change(&mut s.db, &action, |c| {
        let a = crate::commands::user::find(c.tx, username)?;
        let ids = sessions::end_for_account(c.tx, a.id, now, EndReason::Revoked)?;
        c.audit(
            "session.revoke",
            Some(&a.username),
            None,
            json!({"ended": ids}),
        )?;
        Ok((a.username, ids))
    })?;
    let msg = match ended.as_slice() {
        [] => format!("Operator {name} had no open session."),
        [id] => format!("Ended session {id} of operator {name}."),
        ids => format!(
            "Ended {} sessions of operator {name}: {}.",
            ids.len(),
            ids.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let v = json!({"username": name, "ended": ended.len(), "sessions": ended});
    Ok(ctx.out.emit(&v, msg)?)
}
