//! Handlers: arguments -> domain -> store -> output. Only this layer prompts,
//! reads stdin, reads the clock and prints.

mod assets;
mod audit;
mod auth;
mod change;
mod clock;
pub mod complete;
mod db;
mod facility;
mod fault;
mod import;
mod init;
mod input;
mod operator;
mod opsession;
mod passwd;
mod policy;
mod questions;
mod recover;
mod session;
mod signin;
mod stdin_use;
mod terms;
mod twofa;
mod user;

use anyhow::Result;
use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::error::Exit;
use crate::output::Printer;
use crate::store::location::Location;
use crate::store::{self, Store, Tx};

/// What every handler needs: where the database is, how to print, the time.
pub struct Ctx {
    db: Option<PathBuf>,
    /// Whether `db` came from `--db` (argv) rather than `KEYWARD_DB`.
    db_from_argv: bool,
    pub out: Printer,
    pub yes: bool,
    clock: clock::Clock,
    /// The OS user, as audit rows name them (`os:LOGIN`) when no `--as` is given.
    os_actor: String,
    operator_args: operator::OperatorArgs,
    /// The `--as` account once signed in.
    acting: std::cell::OnceCell<operator::Acting>,
}

impl Ctx {
    /// `--db`, else `KEYWARD_DB` (both via clap), else the platform data dir.
    pub fn location(&self) -> Result<Location> {
        match &self.db {
            Some(p) => Ok(Location::parse(p.clone(), self.db_from_argv)?),
            None => Ok(Location::File(store::default_path()?)),
        }
    }

    /// The current time (Unix seconds), read afresh at each call.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Append an audit row inside the caller's write transaction, so the
    /// record and the change commit together or not at all. `details` must
    /// never hold a secret.
    pub fn audit(
        &self,
        tx: Tx<'_>,
        action: &str,
        target: Option<&str>,
        facility: Option<&str>,
        details: serde_json::Value,
    ) -> store::Result<()> {
        store::audit::append(tx, &self.audit_entry(action, target, facility, details))
    }

    /// An audit row by the acting operator, now; see [`Ctx::audit`].
    pub fn audit_entry(
        &self,
        action: &str,
        target: Option<&str>,
        facility: Option<&str>,
        mut details: serde_json::Value,
    ) -> crate::domain::audit::Entry {
        // A command run in an operator session names it in every row.
        if let Some(id) = self.acting.get().and_then(|a| a.session)
            && let Some(d) = details.as_object_mut()
        {
            d.insert("session".into(), id.into());
        }
        crate::domain::audit::Entry {
            at: self.now(),
            actor: self
                .acting
                .get()
                .map_or_else(|| self.os_actor.clone(), |a| a.username.clone()),
            action: action.to_string(),
            target: target.map(str::to_string),
            facility: facility.map(str::to_string),
            details,
        }
    }

    /// Open the existing database (never creates one).
    pub fn open(&self) -> Result<Store> {
        Ok(match self.location()? {
            Location::File(path) => Store::open(&path)?,
            Location::Server(server) => Store::open_server(&server)?,
        })
    }
}

/// Run the parsed command line.
pub fn dispatch(cli: Cli) -> Result<Exit> {
    let operator_args = operator::OperatorArgs {
        user: cli.as_user,
        password_file: cli.as_password_file,
        code_file: cli.as_code_file,
    };
    stdin_use::check(&cli.command, &operator_args)?;
    let ctx = Ctx {
        db: cli.db,
        db_from_argv: cli.db_from_argv,
        out: Printer { json: cli.json },
        yes: cli.yes,
        clock: clock::Clock::from_env()?,
        os_actor: os_actor(),
        operator_args,
        acting: std::cell::OnceCell::new(),
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
        Command::Auth {
            username,
            code_stdin,
            ..
        } => return auth::auth(&ctx, &username, code_stdin),
        Command::Passwd {
            username,
            password_stdin,
            code_stdin,
        } => passwd::run(&ctx, username, password_stdin, code_stdin)?,
        Command::Terms(cmd) => terms::run(&ctx, cmd)?,
        Command::Audit(cmd) => audit::run(&ctx, cmd)?,
        Command::Db(cmd) => db::run(&ctx, cmd)?,
        Command::Session(cmd) => opsession::run(&ctx, cmd)?,
        Command::Twofa(cmd) => twofa::run(&ctx, cmd)?,
        Command::Questions(cmd) => questions::run(&ctx, cmd)?,
        Command::ForgotPassword { username } => questions::forgot(&ctx, username)?,
        Command::Recover {
            username,
            password_stdin,
        } => recover::run(&ctx, &username, password_stdin)?,
        Command::GenerateAssets { out } => assets::write(&ctx, &out)?,
    }
    Ok(Exit::Success)
}

/// The local operating-system user by its real uid: `os:NAME` from the
/// password database, or `os:uid:N` without an entry. `USER` and `LOGNAME`
/// are never read: anyone can set them (SPEC 10).
fn os_actor() -> String {
    let uid = nix::unistd::getuid();
    let name = nix::unistd::User::from_uid(uid)
        .ok()
        .flatten()
        .map(|u| u.name);
    crate::domain::names::os_actor(uid.as_raw(), name.as_deref())
}
