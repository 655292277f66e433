//! Handlers: arguments -> domain -> store -> output. Only this layer prompts,
//! reads stdin, reads the clock and prints.

mod assets;
mod auth;
mod clock;
mod facility;
mod init;
mod input;
mod passwd;
mod policy;
mod questions;
mod signin;
mod terms;
mod twofa;
mod user;

use anyhow::Result;
use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::error::Exit;
use crate::output::Printer;
use crate::store::{self, Store};

/// What every handler needs: where the database is, how to print, the time.
pub struct Ctx {
    db: Option<PathBuf>,
    pub out: Printer,
    pub yes: bool,
    clock: clock::Clock,
}

impl Ctx {
    /// `--db`, else `KEYWARD_DB` (both via clap), else the platform data dir.
    pub fn db_path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => Ok(store::default_path()?),
        }
    }

    /// The current time (Unix seconds), read afresh at each call.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Open the existing database (never creates one).
    pub fn open(&self) -> Result<Store> {
        Ok(Store::open(&self.db_path()?)?)
    }
}

/// Run the parsed command line.
pub fn dispatch(cli: Cli) -> Result<Exit> {
    let ctx = Ctx {
        db: cli.db,
        out: Printer { json: cli.json },
        yes: cli.yes,
        clock: clock::Clock::from_env()?,
    };
    match cli.command {
        Command::Init {
            admin,
            password_stdin,
        } => init::run(&ctx, &admin, password_stdin)?,
        Command::Facility(cmd) => facility::run(&ctx, cmd)?,
        Command::User(cmd) => user::run(&ctx, cmd)?,
        Command::Policy(cmd) => policy::run(&ctx, cmd)?,
        Command::Login { username } => return auth::login(&ctx, username),
        Command::Auth { username, code, .. } => return auth::auth(&ctx, &username, code),
        Command::Passwd {
            username,
            password_stdin,
            code,
        } => passwd::run(&ctx, username, password_stdin, code)?,
        Command::Terms(cmd) => terms::run(&ctx, cmd)?,
        Command::Twofa(cmd) => twofa::run(&ctx, cmd)?,
        Command::Questions(cmd) => questions::run(&ctx, cmd)?,
        Command::ForgotPassword { username } => questions::forgot(&ctx, username)?,
        Command::GenerateAssets { out } => assets::write(&ctx, &out)?,
    }
    Ok(Exit::Success)
}
