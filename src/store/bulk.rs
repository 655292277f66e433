//! Batched writes of an import: many new accounts, their password history,
//! facilities and audit rows, each table in one multi-row statement per
//! batch. On PostgreSQL every statement is a round trip to the server, so a
//! row at a time costs about five per account; a batch costs five per few
//! hundred accounts. The SQL is the same on SQLite.

use std::collections::HashMap;

use super::accounts::NewAccount;
use super::audit::Chain;
use super::sql::Arg;
use super::{Result, Tx};

use crate::domain::audit::Entry;

/// At most this many accounts per statement: 9 parameters each stays well
/// under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
pub const BATCH: usize = 500;

/// `(?1, ?2, ?3), (?4, ?5, ?6)` for `rows` rows of `cols` values.
fn values(rows: usize, cols: usize) -> String {
    let mut out = String::with_capacity(rows * cols * 5);
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for c in 0..cols {
            if c > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("?{}", r * cols + c + 1));
        }
        out.push(')');
    }
    out
}

/// Insert `rows` in multi-row statements of `cols` values each.
fn insert<T>(
    tx: Tx<'_>,
    head: &str,
    cols: usize,
    rows: &[T],
    bind: impl Fn(&T) -> Vec<&dyn Arg>,
) -> Result<()> {
    for chunk in rows.chunks(BATCH) {
        let args: Vec<&dyn Arg> = chunk.iter().flat_map(&bind).collect();
        tx.execute(
            &format!("{head} VALUES {}", values(chunk.len(), cols)),
            &args,
        )?;
    }
    Ok(())
}

/// Which of `names` (at most [`BATCH`]) have an account: one query for the
/// group instead of one per name.
pub fn existing(tx: Tx<'_>, names: &[&str]) -> Result<std::collections::HashSet<String>> {
    if names.is_empty() {
        return Ok(Default::default());
    }
    let args: Vec<&dyn Arg> = names.iter().map(|n| n as &dyn Arg).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "SELECT username FROM account WHERE username IN ({})",
        marks.join(", ")
    );
    Ok(tx.all(&sql, &args, |r| r.get(0))?.into_iter().collect())
}

/// Create accounts (at most [`BATCH`]) with their first password in the
/// history and their facilities. Returns each account's id, in the order
/// given, or `None` for a username that exists already (nothing is written
/// for it; the caller decides whether that ends the import).
pub fn insert_accounts(
    tx: Tx<'_>,
    new: &[NewAccount<'_>],
    facility_ids: &[Vec<i64>],
) -> Result<Vec<Option<i64>>> {
    let roles: Vec<&str> = new.iter().map(|n| n.role.as_str()).collect();
    let mut args: Vec<&dyn Arg> = Vec::with_capacity(new.len() * 9);
    for (n, role) in new.iter().zip(&roles) {
        args.extend([
            &n.username as &dyn Arg,
            &n.name,
            role,
            &n.pending.must_change_password,
            &n.pending.terms_pending,
            &n.password_hash,
            &n.now,
            &n.now,
            &n.now,
        ]);
    }
    let sql = format!(
        "INSERT INTO account (username, name, role, must_change_password, terms_pending,
            password_hash, password_changed_at, created_at, updated_at)
         VALUES {} ON CONFLICT (username) DO NOTHING RETURNING id, username",
        values(new.len(), 9)
    );
    let made: HashMap<String, i64> = tx
        .all(&sql, &args, |r| Ok((r.get(1)?, r.get(0)?)))?
        .into_iter()
        .collect();
    let ids: Vec<Option<i64>> = new.iter().map(|n| made.get(n.username).copied()).collect();
    let created: Vec<(i64, &NewAccount<'_>)> = ids
        .iter()
        .zip(new)
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect();
    insert(
        tx,
        "INSERT INTO password_history (account_id, hash, set_at)",
        3,
        &created,
        |(id, n)| vec![id as &dyn Arg, &n.password_hash, &n.now],
    )?;
    let pairs: Vec<(i64, i64)> = ids
        .iter()
        .zip(facility_ids)
        .filter_map(|(id, fs)| id.map(|id| fs.iter().map(move |f| (id, *f))))
        .flatten()
        .collect();
    insert(
        tx,
        "INSERT INTO account_facility (account_id, facility_id)",
        2,
        &pairs,
        |(a, f)| vec![a as &dyn Arg, f],
    )?;
    Ok(ids)
}

impl Chain {
    /// Append `entries` in order, as [`Chain::append`] would one by one.
    pub fn append_all(&mut self, tx: Tx<'_>, entries: &[Entry]) -> Result<()> {
        let rows: Vec<(i64, &Entry, String, String, String)> = entries
            .iter()
            .map(|e| {
                let (id, prev, hash) = self.advance(e);
                (id, e, e.details.to_string(), prev, hash)
            })
            .collect();
        insert(
            tx,
            "INSERT INTO audit (id, at, actor, action, target, facility, details, prev_hash, hash)",
            9,
            &rows,
            |(id, e, details, prev, hash)| {
                vec![
                    id as &dyn Arg,
                    &e.at,
                    &e.actor,
                    &e.action,
                    &e.target,
                    &e.facility,
                    details,
                    prev,
                    hash,
                ]
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_every_value_once() {
        assert_eq!(values(2, 3), "(?1, ?2, ?3), (?4, ?5, ?6)");
        assert_eq!(values(1, 1), "(?1)");
    }
}
