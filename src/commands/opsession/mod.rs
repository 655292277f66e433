//! `keyward session start|end|list|revoke` (SPEC 12): an operator signs in
//! once and later commands with the same `--as` on the same store run in
//! that session (resume.rs) until it is unused for `session-minutes`, is
//! 8 hours old, is ended, or a change to the operator ends it.

mod file;
mod resume;

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use super::session::Access;
use super::{Ctx, input, operator};
use crate::cli::SessionCmd;
use crate::domain::scope::{Action, Operator};
use crate::domain::session::{self as rules, Validity};
use crate::error::{Exit, Failure};
use crate::output::{table, timestamp};
use crate::store::{Store, accounts, policy, sessions};

pub fn run(ctx: &Ctx, cmd: SessionCmd) -> Result<()> {
    match cmd {
        SessionCmd::Start => start(ctx),
        SessionCmd::End => end(ctx),
        SessionCmd::List => list(ctx),
        SessionCmd::Revoke { username } => revoke(ctx, &username),
    }
}

/// The `--as` operator a session command is about (exit 2 without one).
fn operator_name(ctx: &Ctx, what: &str) -> Result<String> {
    ctx.operator_args.user.clone().ok_or_else(|| {
        Failure::usage(format!(
            "`session {what}` needs the operator: give --as USERNAME (or set KEYWARD_AS)"
        ))
        .into()
    })
}

#[derive(Serialize)]
struct Started<'a> {
    session: i64,
    username: &'a str,
    store: &'a str,
    started_at: String,
    idle_minutes: u32,
    idle_expires_at: String,
    expires_at: String,
}

/// Sign in (always with the password, even over an open session) and open
/// a new session; the operator's earlier session on this store, if its
/// file is here, ends.
fn start(ctx: &Ctx) -> Result<()> {
    operator_name(ctx, "start")?;
    let mut db = ctx.open()?;
    let rules = policy::load(db.read())?;
    if rules.session_minutes == 0 {
        return Err(Failure::refused(
            "operator sessions are turned off (session-minutes=0); a support account can turn them on with `keyward policy set session-minutes=15`",
        )
        .into());
    }
    // Before the password is asked: a folder that cannot hold the file
    // would waste it.
    let dir = file::ready_folder()?;
    let store = db.identity();
    let acting = operator::sign_in(ctx, &mut db, &rules, &ctx.operator_args)?
        .ok_or_else(|| Failure::usage("`session start` needs --as USERNAME"))?;
    let username = acting.username.clone();
    let path = file::path_in(&dir, &store, &username);
    // An earlier session whose file is ours ends with the new one's start.
    let earlier = file::load(&path, &username)
        .ok()
        .flatten()
        .filter(|c| c.check_binding(&path, &store, &username).is_ok());
    let token = rules::new_token(&mut input::OsEntropy)?;
    let hash = rules::token_hash(&token);
    let account_id = accounts::id_of(db.read(), &username)?
        .ok_or_else(|| Failure::new(Exit::AuthFailed, crate::domain::signin::FAILED))?;
    let _ = ctx.acting.set(acting.clone());
    let host = resume::host_name();
    let now = ctx.now();
    let id = ctx.own_change(&mut db, &rules, account_id, |tx| {
        sessions::purge(tx, rules.session_minutes, now)?;
        if let Some(old) = &earlier
            && let Some(row) = sessions::by_token(tx, &rules::token_hash(&old.token()))?
            && row.account_id == account_id
        {
            sessions::end(tx, row.id)?;
            ctx.audit(
                tx,
                "session.end",
                Some(&username),
                None,
                json!({"session": row.id, "reason": "replaced"}),
            )?;
        }
        let id = sessions::insert(
            tx,
            &sessions::NewSession {
                account_id,
                token_hash: &hash,
                role: role_of(&acting.operator),
                started_by: &ctx.os_actor,
                host: &host,
                now,
            },
        )?;
        ctx.audit(
            tx,
            "session.start",
            Some(&username),
            None,
            json!({"session": id, "idle_minutes": rules.session_minutes, "host": host}),
        )?;
        Ok(id)
    })?;
    if let Err(e) = file::save(&path, &file::Contents::new(&store, &username, id, &token)) {
        // Without its file nobody can use the session: end it rather than
        // leave it open.
        let _ = ctx.sign_in_write(&mut db, |tx| -> Result<()> {
            sessions::end(tx, id)?;
            let why = json!({"session": id, "reason": "file-not-written"});
            Ok(ctx.audit(tx, "session.end", Some(&username), None, why)?)
        });
        return Err(Failure::refused(format!(
            "cannot write the session file {}: {e}; the session was ended. Make the folder {} yours and writable (mode 0700), or set XDG_RUNTIME_DIR to a folder of yours",
            path.display(),
            dir.display()
        ))
        .into());
    }
    let times = rules::used_at(now, now);
    let (idle_ends, ends) = match times.validity(rules.session_minutes, now) {
        Validity::Live { idle_ends, ends } => (idle_ends, ends),
        _ => (now, now),
    };
    let view = Started {
        session: id,
        username: &username,
        store: &store,
        started_at: timestamp(now),
        idle_minutes: rules.session_minutes,
        idle_expires_at: timestamp(idle_ends),
        expires_at: timestamp(ends),
    };
    let human = format!(
        "Session {id} started for operator {username} on {store}.\n\
         It ends after {} minutes unused, and at {} at the latest.\n\
         Commands with --as {username} on this store now run in it; end it with `keyward session end --as {username}`.",
        rules.session_minutes,
        timestamp(ends)
    );
    Ok(ctx.out.emit(&view, human)?)
}

/// The role an account operator acts with.
fn role_of(op: &Operator) -> crate::domain::account::Role {
    match op {
        Operator::Account { role, .. } => *role,
        Operator::Os => crate::domain::account::Role::Support,
    }
}

/// End the `--as` operator's session on this store: no password needed,
/// the token file is the proof. Ending a session that is already gone is
/// not an error.
fn end(ctx: &Ctx) -> Result<()> {
    let name = operator_name(ctx, "end")?;
    let mut db = ctx.open()?;
    let username = crate::domain::names::Username::parse(&name)?;
    let store = db.identity();
    let none = || {
        let msg = format!("operator {username} has no session on {store}; nothing to end");
        ctx.out
            .emit(&json!({"username": username.as_str(), "ended": null}), msg)
    };
    let Some(dir) = file::own_folder() else {
        return Ok(none()?);
    };
    let path = file::path_in(&dir, &store, username.as_str());
    let Some(contents) = file::load(&path, username.as_str())? else {
        return Ok(none()?);
    };
    contents.check_binding(&path, &store, username.as_str())?;
    let hash = rules::token_hash(&contents.token());
    let ended = ctx.sign_in_write(&mut db, |tx| -> Result<Option<i64>> {
        let Some(row) = sessions::by_token(tx, &hash)? else {
            return Ok(None);
        };
        sessions::end(tx, row.id)?;
        let _ = ctx.acting.set(operator::Acting {
            username: row.username.clone(),
            operator: Operator::Account {
                role: row.role,
                facilities: Vec::new(),
            },
            session: Some(row.id),
        });
        ctx.audit(tx, "session.end", Some(&row.username), None, json!({}))?;
        Ok(Some(row.id))
    })?;
    file::remove(&path)?;
    let msg = match ended {
        Some(id) => format!("Session {id} of operator {username} ended."),
        None => {
            format!("The session of operator {username} had already ended; its file was removed.")
        }
    };
    Ok(ctx
        .out
        .emit(&json!({"username": username.as_str(), "ended": ended}), msg)?)
}

#[derive(Serialize)]
struct Listed {
    session: i64,
    username: String,
    role: &'static str,
    started_at: String,
    last_used_at: String,
    idle_expires_at: String,
    expires_at: String,
    started_by: String,
    host: String,
    current: bool,
}

/// The open sessions the operator may see: all of them for support and
/// the OS user, its own for anyone else.
fn list(ctx: &Ctx) -> Result<()> {
    let s = ctx.session(Access::Read)?;
    let mine = match (&s.op, ctx.acting.get()) {
        (Operator::Account { role, .. }, Some(acting))
            if *role != crate::domain::account::Role::Support =>
        {
            accounts::id_of(s.db.read(), &acting.username)?
        }
        _ => None,
    };
    let current = ctx.acting.get().and_then(|a| a.session);
    let now = ctx.now();
    let items: Vec<Listed> = sessions::list(s.db.read(), mine)?
        .into_iter()
        .filter_map(|r| match r.times.validity(s.rules.session_minutes, now) {
            Validity::Live { idle_ends, ends } => Some(Listed {
                session: r.id,
                username: r.username,
                role: r.role.as_str(),
                started_at: timestamp(r.times.created_at),
                last_used_at: timestamp(r.times.last_used_at),
                idle_expires_at: timestamp(idle_ends),
                expires_at: timestamp(ends),
                started_by: r.started_by,
                host: r.host,
                current: current == Some(r.id),
            }),
            _ => None,
        })
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
    let header = [
        "ID",
        "OPERATOR",
        "ROLE",
        "STARTED",
        "ENDS UNLESS USED",
        "BY",
    ];
    Ok(ctx.out.text(table::rows(&header, &rows, &[5, 2]))?)
}

/// End every session of `username` (support): the one door when a token
/// may have leaked and the operator cannot end it.
fn revoke(ctx: &Ctx, username: &str) -> Result<()> {
    let action = Action::RevokeSessions;
    let mut s = ctx.session(Access::Do(&action))?;
    let db: &mut Store = &mut s.db;
    let (name, ended) = ctx.change(db, &action, |c| {
        let a = super::user::find(c.tx, username)?;
        let n = sessions::end_for_account(c.tx, a.id)?;
        c.audit(
            "session.revoke",
            Some(&a.username),
            None,
            json!({"ended": n}),
        )?;
        Ok((a.username, n))
    })?;
    let msg = match ended {
        0 => format!("Operator {name} had no open session."),
        1 => format!("Ended 1 session of operator {name}."),
        n => format!("Ended {n} sessions of operator {name}."),
    };
    Ok(ctx
        .out
        .emit(&json!({"username": name, "ended": ended}), msg)?)
}
