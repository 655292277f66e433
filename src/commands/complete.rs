//! Completions that know the store (SPEC 12): usernames, facility codes
//! and policy keys, for clap_complete's dynamic completion (`KEYWARD_COMPLETE=bash
//! keyward`, see README). The store is the one `KEYWARD_DB` or the default
//! path names (a `--db` typed on the line being completed is not seen),
//! opened to read only (`Store::peek`: never migrated, no lock waited for);
//! nothing is asked, printed or signed in, and any failure (no store, an
//! older schema, a server that needs a password keyward has no file for)
//! completes nothing.

use clap_complete::engine::CompletionCandidate;

use crate::domain::policy::KEYS;
use crate::store::location::Location;
use crate::store::{self, Store, Tx, accounts, facilities};

/// At most this many candidates: a shell shows no more usefully.
const MOST: usize = 1000;

fn with_store<T>(f: impl FnOnce(Tx<'_>) -> store::Result<Vec<T>>) -> Vec<T> {
    let location = match std::env::var_os("KEYWARD_DB") {
        Some(db) => Location::parse(db.into(), false).ok(),
        None => store::default_path().ok().map(Location::File),
    };
    let db = location.as_ref().and_then(Store::peek);
    db.and_then(|db| f(db.read()).ok()).unwrap_or_default()
}

/// Every username.
pub fn usernames() -> Vec<CompletionCandidate> {
    with_store(|tx| accounts::list(tx, None, None))
        .into_iter()
        .take(MOST)
        .map(|a| {
            let help = a.name.clone().map(Into::into);
            CompletionCandidate::new(a.username).help(help)
        })
        .collect()
}

/// What `user set-expiry` takes besides a day.
pub fn expiry_words() -> Vec<CompletionCandidate> {
    vec![CompletionCandidate::new("never").help(Some("remove the expiry".into()))]
}

/// Every facility code.
pub fn facility_codes() -> Vec<CompletionCandidate> {
    with_store(facilities::list)
        .into_iter()
        .take(MOST)
        .map(|f| CompletionCandidate::new(f.code).help(Some(f.name.into())))
        .collect()
}

/// Every policy key, as `KEY=` ready for its value.
pub fn policy_keys() -> Vec<CompletionCandidate> {
    KEYS.iter()
        .map(|k| CompletionCandidate::new(format!("{}=", k.name)).help(Some(k.about.into())))
        .collect()
}
