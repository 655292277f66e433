//! `keyward init --admin USERNAME`: create the database and its first support account.

use anyhow::Result;
use serde::Serialize;

use super::input::OsEntropy;
use super::{Ctx, input};
use crate::domain::account::{PendingActions, Role};
use crate::domain::names::Username;
use crate::domain::password;
use crate::domain::policy::Policy;
use crate::store::accounts::{self, NewAccount};
use crate::store::location::Location;
use crate::store::sqlite::folder_is_shared;
use crate::store::{Store, Tx, policy, terms};

#[derive(Serialize)]
struct Created<'a> {
    database: String,
    username: &'a str,
    role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    temporary_password: Option<&'a str>,
}

pub fn run(ctx: &Ctx, admin: &str, password_stdin: bool) -> Result<()> {
    let username = Username::parse(admin)?;
    let location = ctx.location()?;
    // Refuse before asking for a password; creating checks again atomically.
    match &location {
        Location::File(path) => Store::refuse_existing(path)?,
        Location::Server(server) => Store::refuse_existing_server(server)?,
    }
    let rules = Policy::default();
    let password = input::new_password(
        password_stdin,
        true,
        &rules,
        username.as_str(),
        &input::no_extra_rules,
    )?;
    let hash = password::hash(&password.secret, &mut OsEntropy)?;

    let seed = |tx: Tx<'_>| -> Result<()> {
        policy::save(tx, &rules)?;
        ctx.audit(
            tx,
            "init",
            Some(username.as_str()),
            None,
            serde_json::json!({"role": "support"}),
        )?;
        let id = accounts::insert(
            tx,
            &NewAccount {
                username: username.as_str(),
                name: None,
                role: Role::Support,
                password_hash: &hash,
                pending: PendingActions::NONE,
                now: ctx.now(),
            },
        )?;
        // Default terms as version 1 (SPEC 4); the first account, created
        // with nothing pending, has accepted them.
        let text = crate::domain::terms::DEFAULT_TERMS;
        let sha = crate::domain::terms::sha256_hex(text);
        let version = terms::insert(tx, text, &sha, ctx.now())?;
        ctx.audit(
            tx,
            "terms.publish",
            None,
            None,
            serde_json::json!({"version": version, "sha256": sha, "default": true}),
        )?;
        terms::accept(tx, id, version, ctx.now())?;
        Ok(())
    };
    let database = match &location {
        Location::File(path) => {
            Store::create(path, seed)?;
            path.display().to_string()
        }
        Location::Server(server) => {
            Store::create_server(server, seed)?;
            server.shown()
        }
    };

    let shown = password.shown().map(|s| s.expose());
    let mut human = format!("Created {database} with the support account {username}.");
    let doc = Created {
        database,
        username: username.as_str(),
        role: Role::Support,
        temporary_password: shown,
    };
    if let Location::File(path) = &location
        && folder_is_shared(path)
    {
        eprintln!(
            "warning: other users can write to the folder of {}; they could replace the database. \
             Keep it in a folder only you can write (chmod 700).",
            path.display()
        );
    }
    if let Some(pw) = shown {
        human.push_str(&format!(
            "\nPassword for {username} (shown once, store it safely): {pw}"
        ));
    }
    input::delivered(
        ctx.out.emit(&doc, human),
        shown.is_some(),
        username.as_str(),
    )
}
