//! `keyward session start|end|list|revoke` (SPEC 12): an operator signs in
//! once and later commands with the same `--as` on the same store run in
//! that session (resume.rs) until it is unused for `session-minutes`, is
//! 8 hours old, is ended, or a change to the operator ends it.

mod file;
mod manage;
mod resume;

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use super::{Ctx, input, operator};
use crate::cli::SessionCmd;
use crate::domain::session::{self as lifetime, EndReason, Validity};
use crate::error::{Exit, Failure};
use crate::output::timestamp;
use crate::store::{accounts, policy, sessions};

pub fn run(ctx: &Ctx, cmd: SessionCmd) -> Result<()> {
    match cmd {
        SessionCmd::Start { username } => {
            not_positional("start", username)?;
            start(ctx)
        }
        SessionCmd::End { username } => {
            not_positional("end", username)?;
            manage::end(ctx)
        }
        SessionCmd::List => manage::list(ctx),
        SessionCmd::Revoke { username } => manage::revoke(ctx, &username),
    }
}

/// `session start amy` (the habit of `kinit amy`): the operator is named
/// with --as, as for every later command of the session (exit 2).
fn not_positional(what: &str, username: Option<String>) -> Result<()> {
    match username {
        None => Ok(()),
        Some(name) => Err(Failure::usage(format!(
            "name the operator with --as, as later commands of the session do: `keyward --as {name} session {what}`"
        ))
        .into()),
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

/// A session as `session start` and `session list` show it.
#[derive(Serialize)]
pub(super) struct SessionView {
    session: i64,
    username: String,
    role: &'static str,
    store: String,
    started_at: String,
    last_used_at: String,
    idle_minutes: u32,
    idle_expires_at: String,
    expires_at: String,
    started_by: String,
    host: String,
    current: bool,
}

impl SessionView {
    /// The view of open session `r` at `now`, or `None` when it can no
    /// longer be used.
    pub(super) fn of(
        r: sessions::SessionRow,
        store: &str,
        idle_minutes: u32,
        now: i64,
        current: Option<i64>,
    ) -> Option<SessionView> {
        let Validity::Live { idle_ends, ends } = r.times.validity(idle_minutes, now) else {
            return None;
        };
        Some(SessionView {
            session: r.id,
            username: r.username,
            role: r.role.as_str(),
            store: store.to_string(),
            started_at: timestamp(r.times.created_at),
            last_used_at: timestamp(r.times.last_used_at),
            idle_minutes,
            idle_expires_at: timestamp(idle_ends),
            expires_at: timestamp(ends),
            started_by: r.started_by,
            host: r.host,
            current: current == Some(r.id),
        })
    }
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
        .map(|f| f.contents)
        .filter(|c| c.check_binding(&path, &store, &username).is_ok());
    let token = lifetime::new_token(&mut input::OsEntropy)?;
    let hash = lifetime::token_hash(&token);
    let account = accounts::find(db.read(), &username)?
        .ok_or_else(|| Failure::new(Exit::AuthFailed, crate::domain::signin::FAILED))?;
    let account_id = account.id;
    let _ = ctx.acting.set(acting);
    let host = resume::host_name();
    let now = ctx.now();
    let id = ctx.own_change(&mut db, &rules, account_id, |tx| {
        sessions::purge(tx, rules.session_minutes, now)?;
        // own_change logs the end with the other ends of this change.
        if let Some(old) = &earlier
            && let Some(row) = sessions::by_token(tx, &lifetime::token_hash(&old.token()))?
            && row.account_id == account_id
        {
            sessions::end(tx, row.id, now, EndReason::Replaced)?;
        }
        let id = sessions::insert(
            tx,
            &sessions::NewSession {
                account_id,
                token_hash: &hash,
                role: account.role,
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
        let _ = ctx.sign_in_write(&mut db, |tx| {
            ctx.end_session(tx, id, &username, EndReason::FileNotWritten)
        });
        return Err(Failure::refused(format!(
            "cannot write the session file {}: {e}; the session was ended. Make the folder {} yours and writable (mode 0700), or set XDG_RUNTIME_DIR to a folder of yours",
            path.display(),
            dir.display()
        ))
        .into());
    }
    let row = sessions::by_token(db.read(), &hash)?;
    let view = row
        .and_then(|r| SessionView::of(r, &store, rules.session_minutes, now, Some(id)))
        .ok_or_else(|| Failure::refused("the new session ended at once; start it again"))?;
    let human = format!(
        "Session {id} started for operator {username} on {store}.\n\
         It ends after {} minutes unused, and at {} at the latest.\n\
         Commands with --as {username} on this store now run in it; end it with `keyward --as {username} session end`.",
        rules.session_minutes, view.expires_at
    );
    Ok(ctx.out.emit(&view, human)?)
}
