//! The audit table: append (inside the caller's write transaction), list and
//! read back for verification. The chain itself is domain/audit.rs.

use std::ops::ControlFlow;

use super::sql::{self, args};
use super::{Result, Tx};

use crate::domain::audit::{self, Broken, Entry, GENESIS, Row, Verifier};

/// Append one event after the current last row. Called inside the store's
/// write transaction, so concurrent writers chain one after the other.
pub fn append(tx: Tx<'_>, e: &Entry) -> Result<()> {
    Chain::head(tx)?.append(tx, e)
}

/// The end of the chain, kept in memory while one transaction appends many
/// rows (a bulk import), so each row costs one INSERT and no lookup.
pub struct Chain {
    last_id: i64,
    prev: String,
}

impl Chain {
    /// Read the last row. Only valid inside the write transaction that appends.
    pub fn head(tx: Tx<'_>) -> Result<Chain> {
        let (last_id, prev) = tx
            .opt(
                "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                args![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .unwrap_or_else(|| (0, GENESIS.to_string()));
        Ok(Chain { last_id, prev })
    }

    /// The id, previous hash and hash of `e` as the next row; moves the head.
    pub(in crate::store) fn advance(&mut self, e: &Entry) -> (i64, String, String) {
        let id = self.last_id + 1;
        let hash = audit::chain_hash(&self.prev, id, e);
        let prev = std::mem::replace(&mut self.prev, hash.clone());
        self.last_id = id;
        (id, prev, hash)
    }

    pub fn append(&mut self, tx: Tx<'_>, e: &Entry) -> Result<()> {
        let (id, prev, hash) = self.advance(e);
        tx.execute(
            "INSERT INTO audit (id, at, actor, action, target, facility, details, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            args![
                id,
                e.at,
                e.actor.as_str(),
                e.action.as_str(),
                e.target.as_deref(),
                e.facility.as_deref(),
                e.details.to_string(),
                prev,
                hash
            ],
        )?;
        Ok(())
    }
}

fn from_row(r: &sql::Row<'_>) -> Result<Row> {
    let details: String = r.get(6)?;
    Ok(Row {
        id: r.get(0)?,
        entry: Entry {
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            target: r.get(4)?,
            facility: r.get(5)?,
            // A row whose details are not JSON keeps its text, so verify names it.
            details: serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details)),
        },
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

const SELECT: &str =
    "SELECT id, at, actor, action, target, facility, details, prev_hash, hash FROM audit";

/// Hand every row to `f` in id order, one at a time as the database
/// produces them, until `f` breaks: nothing here holds more than the
/// current row, so memory does not grow with the log (a million rows
/// collected first took about 1 GB).
pub fn each<B>(tx: Tx<'_>, mut f: impl FnMut(Row) -> ControlFlow<B>) -> Result<ControlFlow<B>> {
    tx.each(&format!("{SELECT} ORDER BY id"), args![], |r| {
        Ok(f(from_row(r)?))
    })
}

/// Verify the whole chain as it is read (`audit verify`, `db check`): how
/// many rows and the head hash, or the first broken row.
pub fn verify(tx: Tx<'_>) -> Result<std::result::Result<(u64, String), Broken>> {
    let mut chain = Verifier::new();
    Ok(
        match each(tx, |row| match chain.check(row) {
            Ok(()) => ControlFlow::Continue(()),
            Err(broken) => ControlFlow::Break(broken),
        })? {
            ControlFlow::Break(broken) => Err(broken),
            ControlFlow::Continue(()) => Ok(chain.finish()),
        },
    )
}

/// Filters of `audit list`.
pub struct Filter<'a> {
    pub target: Option<&'a str>,
    pub action: Option<&'a str>,
    pub since: Option<i64>,
    pub limit: u32,
}

/// The newest rows matching the filter, returned oldest first. An action
/// matches itself and the actions under it (`user` matches `user.add`),
/// exactly and case-sensitively on both stores.
pub fn list(tx: Tx<'_>, f: &Filter<'_>) -> Result<Vec<Row>> {
    let mut rows = tx.all(
        &format!(
            "{SELECT} WHERE (CAST(?1 AS TEXT) IS NULL OR target = ?1)
               AND (CAST(?2 AS TEXT) IS NULL OR action = ?2
                    OR substr(action, 1, length(?2) + 1) = ?2 || '.')
               AND (CAST(?3 AS BIGINT) IS NULL OR at >= ?3) ORDER BY id DESC LIMIT ?4"
        ),
        args![f.target, f.action, f.since, i64::from(f.limit)],
        from_row,
    )?;
    rows.reverse();
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// A store whose audit log holds `n` chained rows.
    fn store_with_rows(
        dir: &std::path::Path,
        n: i64,
    ) -> std::result::Result<Store, Box<dyn std::error::Error>> {
        let path = dir.join("k.db");
        Store::create(&path, |_| Ok::<(), Box<dyn std::error::Error>>(()))?;
        let store = Store::open(&path)?;
        let tx = store.sqlite().unchecked_transaction()?;
        let mut chain = Chain::head(Tx::sqlite(&tx))?;
        for i in 0..n {
            chain.append(
                Tx::sqlite(&tx),
                &Entry {
                    at: 1_000 + i,
                    actor: "os:root".into(),
                    action: "signin.failed".into(),
                    target: Some(format!("user{i}")),
                    facility: None,
                    details: serde_json::json!({"attempt": i % 3}),
                },
            )?;
        }
        tx.commit()?;
        Ok(store)
    }

    /// The rows reach the caller while SQLite is still stepping the query:
    /// each one is read, handed over and dropped before the next is read.
    /// Collecting the log first (as `audit verify` once did, 1 GB at a
    /// million rows) would finish the query before the first row arrives.
    #[test]
    fn rows_are_handed_over_while_the_query_is_still_reading()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = store_with_rows(dir.path(), 3_000)?;
        let conn = store.read();
        let mut seen = 0;
        let mut last_id = 0;
        let done = each(conn, |row| {
            assert!(
                store.sqlite().is_busy(),
                "row {} arrived after the query ended",
                row.id
            );
            assert_eq!(row.id, last_id + 1, "in id order");
            last_id = row.id;
            seen += 1;
            ControlFlow::<()>::Continue(())
        })?;
        assert_eq!(done, ControlFlow::Continue(()));
        assert_eq!(seen, 3_000);
        assert!(
            !store.sqlite().is_busy(),
            "the query is finished afterwards"
        );

        // Breaking stops the reading at once.
        let mut seen = 0;
        let stopped = each(conn, |row| {
            seen += 1;
            if row.id == 10 {
                ControlFlow::Break(row.id)
            } else {
                ControlFlow::Continue(())
            }
        })?;
        assert_eq!((stopped, seen), (ControlFlow::Break(10), 10));
        assert!(!store.sqlite().is_busy());
        Ok(())
    }

    #[test]
    fn a_long_chain_verifies_and_a_late_edit_is_named()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = store_with_rows(dir.path(), 3_000)?;
        let head: String =
            store
                .sqlite()
                .query_row("SELECT hash FROM audit WHERE id = 3000", [], |r| r.get(0))?;
        assert_eq!(verify(store.read())?, Ok((3_000, head)));
        store
            .sqlite()
            .execute("UPDATE audit SET actor = 'os:mallory' WHERE id = 2999", [])?;
        assert_eq!(verify(store.read())?, Err(Broken::Content { id: 2_999 }));
        Ok(())
    }
}
