//! A PostgreSQL connection as the store's modules use it: statements are
//! prepared once per connection, rows are streamed, and transactions are
//! begun and ended by [`crate::store::write`] and [`crate::store::Store::snapshot`].
//!
//! Every write transaction first takes one transaction-scoped advisory lock
//! (`pg_advisory_xact_lock`), the counterpart of SQLite's `BEGIN IMMEDIATE`:
//! one writer at a time across every host, and under READ COMMITTED each
//! statement after the lock sees every earlier commit. So the audit chain
//! (`last id + 1`), terms versions (`max + 1`) and the last-support rule are
//! race-free for the same reason they are on SQLite, and no serialization
//! failure can reach a command.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::ControlFlow;

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{ToSql, Type};
use postgres::{Client, Statement};

use crate::store::{Error, Result};

/// The advisory lock every write transaction holds: "keyward\0" as an i64.
pub const WRITE_LOCK: i64 = 0x6b65_7977_6172_6400;

/// Prepared statements kept per connection; the store's SQL is a fixed set,
/// so this bound is never reached in practice, and only costs a re-prepare.
const CACHED: usize = 256;

pub struct Pg {
    client: RefCell<Client>,
    statements: RefCell<HashMap<String, Statement>>,
    /// The server as messages name it (a lost connection says which).
    shown: String,
}

type Args<'x> = [&'x (dyn ToSql + Sync)];

impl Pg {
    pub fn new(client: Client, shown: String) -> Pg {
        Pg {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            shown,
        }
    }

    /// The store's error for `e`: a connection that is gone names the server.
    /// Gone is a closed socket, or the server ending the session with a
    /// FATAL/PANIC message (a terminated backend, a shutdown: SQLSTATE
    /// classes 08 and 57P).
    fn fail(&self, e: postgres::Error) -> Error {
        let ended = match e.as_db_error() {
            None => e.is_closed(),
            Some(db) => {
                let code = db.code().code();
                matches!(db.severity(), "FATAL" | "PANIC")
                    || code.starts_with("08")
                    || code.starts_with("57P")
            }
        };
        if ended {
            Error::Lost(self.shown.clone())
        } else {
            Error::Postgres(e)
        }
    }

    fn client(&self) -> Result<std::cell::RefMut<'_, Client>> {
        // A statement inside another one's row loop: a bug, reported as an
        // error instead of a panic.
        self.client
            .try_borrow_mut()
            .map_err(|_| Error::Data("a statement was run while another was reading rows".into()))
    }

    fn statement(&self, client: &mut Client, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let stmt = client
            .prepare(&crate::store::sql::to_postgres(sql))
            .map_err(|e| self.fail(e))?;
        let mut cache = self.statements.borrow_mut();
        if cache.len() >= CACHED {
            cache.clear();
        }
        cache.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    pub fn execute(&self, sql: &str, args: &Args<'_>) -> Result<u64> {
        let mut client = self.client()?;
        let stmt = self.statement(&mut client, sql)?;
        client.execute(&stmt, args).map_err(|e| self.fail(e))
    }

    pub fn batch(&self, sql: &str) -> Result<()> {
        self.client()?.batch_execute(sql).map_err(|e| self.fail(e))
    }

    pub fn each<B>(
        &self,
        sql: &str,
        args: &Args<'_>,
        f: impl FnMut(&postgres::Row) -> Result<ControlFlow<B>>,
    ) -> Result<ControlFlow<B>> {
        self.each_in(sql, args, f, true)
    }

    /// As [`Pg::each`], but planned afresh for these arguments and the
    /// tables as they are now. For a statement run again and again while a
    /// table grows inside one transaction (an import): a cached plan made
    /// while the table was small would scan all of it at every run.
    pub fn each_planned_now<B>(
        &self,
        sql: &str,
        args: &Args<'_>,
        f: impl FnMut(&postgres::Row) -> Result<ControlFlow<B>>,
    ) -> Result<ControlFlow<B>> {
        self.each_in(sql, args, f, false)
    }

    fn each_in<B>(
        &self,
        sql: &str,
        args: &Args<'_>,
        mut f: impl FnMut(&postgres::Row) -> Result<ControlFlow<B>>,
        cached: bool,
    ) -> Result<ControlFlow<B>> {
        let mut client = self.client()?;
        let rows = if cached {
            let stmt = self.statement(&mut client, sql)?;
            client.query_raw(&stmt, args.iter().copied())
        } else {
            // The unnamed statement: planned at each run with its values.
            let text = crate::store::sql::to_postgres(sql);
            client.query_raw(text.as_str(), args.iter().copied())
        };
        let mut rows = rows.map_err(|e| self.fail(e))?;
        while let Some(r) = rows.next().map_err(|e| self.fail(e))? {
            if let ControlFlow::Break(b) = f(&r)? {
                return Ok(ControlFlow::Break(b));
            }
        }
        Ok(ControlFlow::Continue(()))
    }

    /// `COPY head FROM STDIN` in PostgreSQL's binary format: each of `rows`
    /// as values of `types`, in one stream (no statement per row). How many
    /// rows the server took.
    pub fn copy_in<'v>(
        &self,
        head: &str,
        types: &[Type],
        rows: impl IntoIterator<Item = Vec<&'v (dyn ToSql + Sync)>>,
    ) -> Result<u64> {
        let mut client = self.client()?;
        let sql = format!("COPY {head} FROM STDIN (FORMAT binary)");
        let stream = client.copy_in(sql.as_str()).map_err(|e| self.fail(e))?;
        let mut writer = BinaryCopyInWriter::new(stream, types);
        for row in rows {
            writer.write(&row).map_err(|e| self.fail(e))?;
        }
        writer.finish().map_err(|e| self.fail(e))
    }

    /// Begin a write transaction holding the store's write lock.
    pub fn begin_write(&self) -> Result<()> {
        self.batch(&format!(
            "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
        ))
    }

    /// Begin a write transaction if the write lock is free now; false (and
    /// nothing begun) when another session holds it.
    pub fn begin_write_now(&self) -> Result<bool> {
        self.batch("BEGIN ISOLATION LEVEL READ COMMITTED")?;
        let sql = format!("SELECT pg_try_advisory_xact_lock({WRITE_LOCK})");
        let mut got = false;
        let _: ControlFlow<()> = self.each(&sql, &[], |r| {
            got = r.try_get(0)?;
            Ok(ControlFlow::Continue(()))
        })?;
        if !got {
            self.rollback()?;
        }
        Ok(got)
    }

    /// Begin a read-only snapshot (temporary tables may still be written).
    pub fn begin_snapshot(&self) -> Result<()> {
        self.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }

    pub fn commit(&self) -> Result<()> {
        self.batch("COMMIT")
    }

    /// End the transaction without keeping anything. On a connection that
    /// is already gone the server has rolled back by itself.
    pub fn rollback(&self) -> Result<()> {
        if self.client()?.is_closed() {
            return Ok(());
        }
        self.batch("ROLLBACK")
    }
}
