//! `keyward 2fa enroll|confirm|status|reset|backup-codes`.
//!
//! `run` opens the session, finds the account and checks the operator may
//! act on it; each subcommand then lives in its own file: `enrol` (enroll
//! and confirm), `status`, `reset` and `backup_codes`, with `prompt` for the
//! codes a person types and `images` for the `--png` / `--svg` files.

mod backup_codes;
mod enrol;
mod images;
mod prompt;
mod reset;
mod status;

use anyhow::Result;

use super::session::{Access, Session};
use super::{Ctx, user};
use crate::cli::TwofaCmd;
use crate::domain::scope::Action;
use enrol::enroll;
use images::Files;

pub fn run(ctx: &Ctx, cmd: TwofaCmd) -> Result<()> {
    let access = match cmd {
        TwofaCmd::Status { .. } => Access::Read,
        _ => Access::Change,
    };
    let Session { mut db, rules, op } = ctx.session(access)?;
    match cmd {
        TwofaCmd::Enroll {
            username,
            invert,
            png,
            svg,
            replace,
        } => {
            let files = Files {
                png: png.as_deref(),
                svg: svg.as_deref(),
            };
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            enroll(ctx, &mut db, &rules, &a, invert, files, replace)
        }
        TwofaCmd::Confirm {
            username,
            code_stdin,
        } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            enrol::confirm(ctx, &mut db, &rules, &a, code_stdin)
        }
        TwofaCmd::Status { username } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ViewTwofa, Some(&a))?;
            status::show(ctx, &db, &a)
        }
        TwofaCmd::Reset { username } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            reset::reset(ctx, &mut db, &a)
        }
        TwofaCmd::BackupCodes {
            username,
            regenerate,
        } => {
            let a = user::find(db.read(), &username)?;
            ctx.allow(&op, &Action::ManageTwofa, Some(&a))?;
            backup_codes::count_or_regenerate(ctx, &mut db, &a, regenerate)
        }
    }
}
