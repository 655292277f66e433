//! Batched writes of an import: many new accounts, their password history,
//! facilities and audit rows. On PostgreSQL every statement is a round trip
//! to the server, so a row at a time costs about five per account; here a
//! batch costs a few per several thousand accounts. SQLite writes each table
//! of a batch with one multi-row INSERT; PostgreSQL streams it with one
//! binary `COPY ... FROM STDIN`, the server's fastest way in (the import's
//! write lock is held, so no other writer can race the rows).

use std::collections::HashMap;

use super::accounts::NewAccount;
use super::audit::Chain;
use super::sql::{Arg, Conn, args};
use super::{Result, Tx};
use postgres::types::Type;

use crate::domain::audit::Entry;

/// At most this many accounts per statement on SQLite: 9 parameters each
/// stays well under its 32,766 bound parameters.
pub const BATCH: usize = 500;

/// Accounts per COPY on PostgreSQL: more rows per stream, fewer round
/// trips; a batch waiting in memory stays near 3 MB.
const COPY_BATCH: usize = 5000;

/// How many new accounts an import gathers before it writes them.
pub fn batch_size(tx: Tx<'_>) -> usize {
    match tx.conn {
        Conn::Sqlite(_) => BATCH,
        Conn::Postgres(_) => COPY_BATCH,
    }
}

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

/// Write `rows` into `head` (`table (col, ...)`, whose columns have the
/// PostgreSQL `types`): multi-row INSERTs on SQLite, one COPY on PostgreSQL.
fn insert<T>(
    tx: Tx<'_>,
    head: &str,
    types: &[Type],
    rows: &[T],
    bind: impl Fn(&T) -> Vec<&dyn Arg>,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    match tx.conn {
        Conn::Sqlite(_) => {
            for chunk in rows.chunks(BATCH) {
                let args: Vec<&dyn Arg> = chunk.iter().flat_map(&bind).collect();
                tx.execute(
                    &format!(
                        "INSERT INTO {head} VALUES {}",
                        values(chunk.len(), types.len())
                    ),
                    &args,
                )?;
            }
        }
        Conn::Postgres(pg) => {
            let each = rows
                .iter()
                .map(|r| bind(r).into_iter().map(|a| a.pg()).collect());
            let written = pg.copy_in(head, types, each)?;
            if written != rows.len() as u64 {
                return Err(super::Error::Data(format!(
                    "the server took {written} of {} rows for {head}",
                    rows.len()
                )));
            }
        }
    }
    Ok(())
}

/// Which of `names` have an account: one query for the group (at most
/// [`BATCH`] names on SQLite, bound one by one; on PostgreSQL any number,
/// as one text split by the server) instead of one per name.
pub fn existing(tx: Tx<'_>, names: &[&str]) -> Result<std::collections::HashSet<String>> {
    if names.is_empty() {
        return Ok(Default::default());
    }
    match tx.conn {
        Conn::Sqlite(_) => {
            let mut found = std::collections::HashSet::new();
            for chunk in names.chunks(BATCH) {
                let args: Vec<&dyn Arg> = chunk.iter().map(|n| n as &dyn Arg).collect();
                let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
                let sql = format!(
                    "SELECT username FROM account WHERE username IN ({})",
                    marks.join(", ")
                );
                found.extend(tx.all(&sql, &args, |r| r.get(0))?);
            }
            Ok(found)
        }
        Conn::Postgres(pg) => {
            if names.iter().any(|n| n.contains('\n')) {
                return Err(super::Error::Data("a username holds a line break".into()));
            }
            let list = names.join("\n");
            let mut found = std::collections::HashSet::new();
            // Planned at each run: the import calls this while its own
            // writes grow the table (postgres/conn.rs, each_planned_now).
            let _: std::ops::ControlFlow<()> = pg.each_planned_now(
                "SELECT a.username FROM unnest(string_to_array(?1, E'\\n')) AS n (name)
                 JOIN account a ON a.username = n.name",
                &[&list],
                |r| {
                    found.insert(r.try_get(0)?);
                    Ok(std::ops::ControlFlow::Continue(()))
                },
            )?;
            Ok(found)
        }
    }
}

/// The account columns an import writes, in order, without the id.
const ACCOUNT: &str = "username, name, role, must_change_password, terms_pending,
    password_hash, password_changed_at, created_at, updated_at";

fn account_args<'a>(n: &'a NewAccount<'_>, role: &'a &str) -> [&'a dyn Arg; 9] {
    [
        &n.username,
        &n.name,
        role,
        &n.pending.must_change_password,
        &n.pending.terms_pending,
        &n.password_hash,
        &n.now,
        &n.now,
        &n.now,
    ]
}

/// Create accounts (one batch: at most [`batch_size`]) with their first
/// password in the history and their facilities. Returns each account's id,
/// in the order given, or `None` for a username that exists already
/// (nothing is written for it; the caller decides whether that ends the
/// import).
pub fn insert_accounts(
    tx: Tx<'_>,
    new: &[NewAccount<'_>],
    facility_ids: &[Vec<i64>],
) -> Result<Vec<Option<i64>>> {
    let roles: Vec<&str> = new.iter().map(|n| n.role.as_str()).collect();
    let ids: Vec<Option<i64>> = match tx.conn {
        Conn::Sqlite(_) => {
            let mut made: HashMap<String, i64> = HashMap::with_capacity(new.len());
            for (chunk, roles) in new.chunks(BATCH).zip(roles.chunks(BATCH)) {
                let args: Vec<&dyn Arg> = chunk
                    .iter()
                    .zip(roles)
                    .flat_map(|(n, role)| account_args(n, role))
                    .collect();
                let sql = format!(
                    "INSERT INTO account ({ACCOUNT}) VALUES {}
                     ON CONFLICT (username) DO NOTHING RETURNING id, username",
                    values(chunk.len(), 9)
                );
                made.extend(tx.all(&sql, &args, |r| Ok((r.get(1)?, r.get(0)?)))?);
            }
            new.iter().map(|n| made.get(n.username).copied()).collect()
        }
        Conn::Postgres(_) => {
            // No other writer runs (the write lock is held): the names taken
            // now stay taken, and ids drawn from the sequence are ours.
            let names: Vec<&str> = new.iter().map(|n| n.username).collect();
            let taken = existing(tx, &names)?;
            let mut fresh = reserve_ids(tx, new.len() - taken.len())?.into_iter();
            let ids: Vec<Option<i64>> = new
                .iter()
                .map(|n| {
                    if taken.contains(n.username) {
                        None
                    } else {
                        fresh.next()
                    }
                })
                .collect();
            let rows: Vec<(&i64, &NewAccount<'_>, &&str)> = ids
                .iter()
                .zip(new.iter().zip(&roles))
                .filter_map(|(id, (n, role))| id.as_ref().map(|id| (id, n, role)))
                .collect();
            let mut types = vec![Type::INT8];
            types.extend(ACCOUNT_TYPES);
            insert(
                tx,
                &format!("account (id, {ACCOUNT})"),
                &types,
                &rows,
                |(id, n, role)| {
                    let mut v: Vec<&dyn Arg> = vec![*id];
                    v.extend(account_args(n, role));
                    v
                },
            )?;
            ids
        }
    };
    let created: Vec<(i64, &NewAccount<'_>)> = ids
        .iter()
        .zip(new)
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect();
    insert(
        tx,
        "password_history (account_id, hash, set_at)",
        &[Type::INT8, Type::TEXT, Type::INT8],
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
        "account_facility (account_id, facility_id)",
        &[Type::INT8, Type::INT8],
        &pairs,
        |(a, f)| vec![a as &dyn Arg, f],
    )?;
    Ok(ids)
}

/// The PostgreSQL types of [`ACCOUNT`]'s columns.
const ACCOUNT_TYPES: [Type; 9] = [
    Type::TEXT,
    Type::TEXT,
    Type::TEXT,
    Type::BOOL,
    Type::BOOL,
    Type::TEXT,
    Type::INT8,
    Type::INT8,
    Type::INT8,
];

/// `n` new account ids from the table's identity sequence (PostgreSQL), in
/// ascending order, in one round trip.
fn reserve_ids(tx: Tx<'_>, n: usize) -> Result<Vec<i64>> {
    tx.all(
        "SELECT nextval(pg_get_serial_sequence('account', 'id')) FROM generate_series(1, CAST(?1 AS BIGINT)) ORDER BY 1",
        args![n as i64],
        |r| r.get(0),
    )
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
            "audit (id, at, actor, action, target, facility, details, prev_hash, hash)",
            &[
                Type::INT8,
                Type::INT8,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
            ],
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
