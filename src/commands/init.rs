//! `keyward init --admin USERNAME`: create the database and its first support account.

use anyhow::Result;
use serde::Serialize;

use super::{Ctx, input};
use crate::domain::account::{PendingActions, Role};
use crate::domain::names::Username;
use crate::domain::password;
use crate::domain::policy::Policy;
use crate::store::accounts::{self, NewAccount};
use crate::store::open::{OpenError, remove_files};
use crate::store::{self, Store, policy};

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
    let path = ctx.db_path()?;
    // Refuse before asking for a password; Store::create checks again atomically.
    if path.exists() {
        return Err(OpenError::Exists(path).into());
    }
    let rules = Policy::default();
    let password = input::new_password(password_stdin, true, &rules, username.as_str())?;
    let hash = password::hash(&password.secret)?;

    let mut db = Store::create(&path)?;
    let written = store::write(&mut db, |tx| -> Result<()> {
        policy::save(tx, &rules)?;
        accounts::insert(
            tx,
            &NewAccount {
                username: username.as_str(),
                name: None,
                role: Role::Support,
                password_hash: &hash,
                pending: PendingActions::NONE,
                now: ctx.now,
            },
        )?;
        Ok(())
    });
    if let Err(e) = written {
        drop(db);
        remove_files(&path);
        return Err(e);
    }

    let shown = password.shown().map(|s| s.expose());
    let doc = Created {
        database: path.display().to_string(),
        username: username.as_str(),
        role: Role::Support,
        temporary_password: shown,
    };
    let mut human = format!(
        "Created {} with the support account {username}.",
        path.display()
    );
    if let Some(pw) = shown {
        human.push_str(&format!(
            "\nPassword for {username} (shown once, store it safely): {pw}"
        ));
    }
    ctx.out.emit(&doc, human)?;
    Ok(())
}
