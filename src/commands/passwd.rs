//! `keyward passwd`: an account changes its own password.

use anyhow::Result;
use serde::Serialize;

use super::signin;
use super::{Ctx, input};
use crate::domain::password;
use crate::error::Failure;
use crate::store::{self, accounts, policy};

#[derive(Serialize)]
struct Changed<'a> {
    username: &'a str,
    password_changed: bool,
}

pub fn run(
    ctx: &Ctx,
    username: Option<String>,
    password_stdin: bool,
    code: Option<String>,
) -> Result<()> {
    let mut db = ctx.open()?;
    let rules = policy::load(&db.conn)?;
    let username = signin::username(username)?;
    let current = signin::current_password(password_stdin)?;
    let c = signin::authenticate(ctx, &mut db, &rules, &username, &current, code)?;
    let chosen = {
        let history = signin::history_rule(&db.conn, &rules, c.id);
        input::chosen_password(password_stdin, true, &rules, &c.username, &history)?
    };
    let new =
        chosen.ok_or_else(|| Failure::usage("no new password: give it on line 2 of stdin"))?;
    let hash = password::hash(&new)?;
    store::write(&mut db, |tx| -> Result<()> {
        signin::still_admitted(tx, ctx, &rules, c.id)?;
        Ok(accounts::set_password(
            tx,
            c.id,
            &hash,
            false,
            None,
            ctx.now(),
        )?)
    })?;
    ctx.out.emit(
        &Changed {
            username: &c.username,
            password_changed: true,
        },
        format!("Password changed for {}.", c.username),
    )?;
    Ok(())
}
