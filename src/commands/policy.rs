//! `keyward policy show|set`.

use anyhow::Result;
use serde_json::{Map, Value};

use super::Ctx;
use super::session::Access;
use crate::cli::PolicyCmd;
use crate::domain::policy::{KEYS, Policy, PolicyError};
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::output::table;
use crate::store::{policy, sessions};

pub fn run(ctx: &Ctx, cmd: PolicyCmd) -> Result<()> {
    let access = match &cmd {
        PolicyCmd::Show => Access::Read,
        PolicyCmd::Set { .. } => Access::Do(&Action::ManagePolicy),
    };
    let mut db = ctx.session(access)?.db;
    match cmd {
        PolicyCmd::Show => print(ctx, &policy::load(db.read())?, &[]),
        PolicyCmd::Set { pairs } => {
            let (before, after) = ctx.change(
                &mut db,
                &Action::ManagePolicy,
                |c| -> Result<(Policy, Policy)> {
                    let tx = c.tx;
                    let before = policy::load(tx)?;
                    let after = before.with_pairs(&pairs).map_err(refusal)?;
                    policy::save(tx, &after)?;
                    // Sessions that ended under the old value stay ended
                    // (a longer value must not revive them); a shorter one,
                    // or 0, ends those it leaves no time.
                    let now = ctx.now();
                    let ended = sessions::purge(tx, before.session_minutes, now)?
                        + sessions::purge(tx, after.session_minutes, now)?;
                    let mut changed = serde_json::Map::new();
                    for k in KEYS {
                        let (from, to) = (before.get(k.name)?, after.get(k.name)?);
                        if from != to {
                            changed.insert(
                                k.name.to_string(),
                                serde_json::json!({"from": from, "to": to}),
                            );
                        }
                    }
                    if ended > 0 {
                        changed.insert("sessions_ended".into(), ended.into());
                    }
                    ctx.audit(
                        tx,
                        "policy.set",
                        None,
                        None,
                        serde_json::Value::Object(changed),
                    )?;
                    Ok((before, after))
                },
            )?;
            let changed: Vec<&str> = KEYS
                .iter()
                .map(|k| k.name)
                .filter(|k| before.get(k).ok() != after.get(k).ok())
                .collect();
            print(ctx, &after, &changed)
        }
    }
}

/// All refused pairs in one message (exit 65).
fn refusal(errors: Vec<PolicyError>) -> anyhow::Error {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    Failure::data(format!("policy not changed: {}", lines.join("; "))).into()
}

fn print(ctx: &Ctx, p: &Policy, changed: &[&str]) -> Result<()> {
    let defaults = Policy::default();
    let mut doc = Map::new();
    let mut rows = Vec::new();
    for k in KEYS {
        let value = p.get(k.name)?;
        let default = defaults.get(k.name)?;
        doc.insert(k.name.to_string(), serde_json::to_value(&value)?);
        let mark = if changed.contains(&k.name) {
            " (changed)"
        } else {
            ""
        };
        rows.push((
            k.name,
            format!("{value}{mark}"),
            default.to_string(),
            k.about,
        ));
    }
    ctx.out.emit(&Value::Object(doc), table::policy(&rows))?;
    Ok(())
}
