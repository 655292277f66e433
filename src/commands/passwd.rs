//! `keyward passwd`: an account changes its own password.

use anyhow::Result;
use serde::Serialize;

use super::signin;
use super::{Ctx, input};
use crate::error::Failure;

#[derive(Serialize)]
struct Changed<'a> {
    username: &'a str,
    password_changed: bool,
}

pub fn run(
    ctx: &Ctx,
    username: Option<String>,
    password_stdin: bool,
    code_stdin: bool,
) -> Result<()> {
    let (mut db, rules, c) = signin::self_service(ctx, username, password_stdin, code_stdin)?;
    let chosen = {
        let history = signin::history_rule(db.read(), &rules, c.id);
        input::chosen_password(password_stdin, true, &rules, &c.username, &history)?
    };
    let new =
        chosen.ok_or_else(|| Failure::usage("no new password: give it on line 2 of stdin"))?;
    signin::store_own_password(ctx, &mut db, &rules, c.id, &new)?;
    ctx.out.emit(
        &Changed {
            username: &c.username,
            password_changed: true,
        },
        format!("Password changed for {}.", c.username),
    )?;
    Ok(())
}
