//! One SQL text for both stores. The store's modules write each statement
//! once, in the portable subset of SQL that SQLite and PostgreSQL share
//! (`?N` placeholders, `RETURNING`, `ON CONFLICT`, `TRUE`/`FALSE`), and run
//! it through a [`Tx`], which hands it to rusqlite or to the `postgres`
//! crate. The few places where the two differ ask [`Tx::dialect`].
//!
//! Arguments and columns are limited to the types both libraries map the
//! same way ([`Arg`], [`Col`]): `i64`, `bool` and text. A `u32` would bind
//! as an integer on SQLite and as an `oid` on PostgreSQL, so it does not
//! compile here at all.

use std::ops::ControlFlow;

use super::postgres::Pg;
use super::{Error, Result};

/// Which SQL dialect a statement runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// The connection a [`Tx`] runs on.
#[derive(Clone, Copy)]
pub(in crate::store) enum Conn<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(&'a Pg),
}

/// A session on the store as commands hold it: inside a write transaction
/// ([`super::write`]), a read snapshot ([`super::Store::snapshot`]) or for
/// single reads ([`super::Store::read`]). Only the store's own modules reach
/// the database behind it, so no command names a database library.
#[derive(Clone, Copy)]
pub struct Tx<'a> {
    pub(in crate::store) conn: Conn<'a>,
}

/// A value bound to a placeholder.
pub(in crate::store) trait Arg: Sync {
    fn sqlite(&self) -> &dyn rusqlite::ToSql;
    fn pg(&self) -> &(dyn postgres::types::ToSql + Sync);
}

macro_rules! args_of {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn sqlite(&self) -> &dyn rusqlite::ToSql { self }
            fn pg(&self) -> &(dyn postgres::types::ToSql + Sync) { self }
        }
    )*};
}
args_of!(
    i64,
    bool,
    &str,
    String,
    Option<i64>,
    Option<bool>,
    Option<&str>,
    Option<String>
);

/// `args![a, b]`: the arguments of a statement, in placeholder order.
macro_rules! args {
    ($($a:expr),* $(,)?) => { &[$(&$a as &dyn $crate::store::sql::Arg),*] };
}
pub(in crate::store) use args;

/// A value read from a column.
pub(in crate::store) trait Col: Sized {
    fn sqlite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self>;
    fn pg(r: &postgres::Row, i: usize) -> std::result::Result<Self, postgres::Error>;
}

macro_rules! cols_of {
    ($($t:ty),*) => {$(
        impl Col for $t {
            fn sqlite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> { r.get(i) }
            fn pg(r: &postgres::Row, i: usize) -> std::result::Result<Self, postgres::Error> {
                r.try_get(i)
            }
        }
    )*};
}
cols_of!(i64, bool, String, Option<i64>, Option<bool>, Option<String>);

/// One row of a result, from either store.
pub(in crate::store) enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `i` (from 0).
    pub fn get<T: Col>(&self, i: usize) -> Result<T> {
        Ok(match self {
            Row::Sqlite(r) => T::sqlite(r, i)?,
            Row::Postgres(r) => T::pg(r, i)?,
        })
    }

    /// Column `i`, a count or number that must fit a `u32`.
    pub fn get_u32(&self, i: usize) -> Result<u32> {
        let v: i64 = self.get(i)?;
        u32::try_from(v).map_err(|_| Error::Data(format!("column {i} holds {v}, out of range")))
    }
}

impl<'a> Tx<'a> {
    pub(in crate::store) fn sqlite(conn: &'a rusqlite::Connection) -> Self {
        Tx {
            conn: Conn::Sqlite(conn),
        }
    }

    pub(in crate::store) fn postgres(conn: &'a Pg) -> Self {
        Tx {
            conn: Conn::Postgres(conn),
        }
    }

    pub fn dialect(self) -> Dialect {
        match self.conn {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Run a statement; how many rows it changed.
    pub(in crate::store) fn execute(self, sql: &str, args: &[&dyn Arg]) -> Result<u64> {
        match self.conn {
            Conn::Sqlite(c) => {
                let n = c
                    .prepare_cached(sql)?
                    .execute(sqlite_args(args).as_slice())?;
                Ok(n as u64)
            }
            Conn::Postgres(pg) => pg.execute(sql, &pg_args(args)),
        }
    }

    /// Statements without arguments, one after the other.
    pub(in crate::store) fn batch(self, sql: &str) -> Result<()> {
        match self.conn {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Postgres(pg) => pg.batch(sql),
        }
    }

    /// Hand each row to `f`, one at a time as the database produces them,
    /// until `f` breaks: memory does not grow with the result.
    pub(in crate::store) fn each<B>(
        self,
        sql: &str,
        args: &[&dyn Arg],
        mut f: impl FnMut(&Row<'_>) -> Result<ControlFlow<B>>,
    ) -> Result<ControlFlow<B>> {
        match self.conn {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(sqlite_args(args).as_slice())?;
                while let Some(r) = rows.next()? {
                    if let ControlFlow::Break(b) = f(&Row::Sqlite(r))? {
                        return Ok(ControlFlow::Break(b));
                    }
                }
                Ok(ControlFlow::Continue(()))
            }
            Conn::Postgres(pg) => pg.each(sql, &pg_args(args), |r| f(&Row::Postgres(r))),
        }
    }

    /// Every row, mapped by `f`.
    pub(in crate::store) fn all<T>(
        self,
        sql: &str,
        args: &[&dyn Arg],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let _: ControlFlow<()> = self.each(sql, args, |r| {
            out.push(f(r)?);
            Ok(ControlFlow::<()>::Continue(()))
        })?;
        Ok(out)
    }

    /// The first row, if any, mapped by `f`.
    pub(in crate::store) fn opt<T>(
        self,
        sql: &str,
        args: &[&dyn Arg],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut f = Some(f);
        let found = self.each(sql, args, |r| match f.take() {
            Some(f) => Ok(ControlFlow::Break(f(r)?)),
            None => Ok(ControlFlow::Continue(())),
        })?;
        Ok(match found {
            ControlFlow::Break(t) => Some(t),
            ControlFlow::Continue(()) => None,
        })
    }

    /// The first row, which must exist, mapped by `f`.
    pub(in crate::store) fn one<T>(
        self,
        sql: &str,
        args: &[&dyn Arg],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.opt(sql, args, f)?
            .ok_or_else(|| Error::Data("a query that always returns a row returned none".into()))
    }
}

fn sqlite_args<'x>(args: &'x [&'x dyn Arg]) -> Vec<&'x dyn rusqlite::ToSql> {
    args.iter().map(|a| a.sqlite()).collect()
}

fn pg_args<'x>(args: &'x [&'x dyn Arg]) -> Vec<&'x (dyn postgres::types::ToSql + Sync)> {
    args.iter().map(|a| a.pg()).collect()
}

/// `?N` placeholders as PostgreSQL writes them (`$N`); text inside quotes
/// is left alone.
pub(in crate::store) fn to_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => quoted = !quoted,
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_renumbered_outside_quotes_only() {
        assert_eq!(
            to_postgres("SELECT ?1, '?2', ?12 WHERE a = '' AND b = ?3 AND c ?"),
            "SELECT $1, '?2', $12 WHERE a = '' AND b = $3 AND c ?"
        );
    }

    #[test]
    fn rows_stream_and_stop_at_a_break() -> Result<()> {
        let conn = rusqlite::Connection::open_in_memory()?;
        let tx = Tx::sqlite(&conn);
        tx.batch("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);")?;
        let mut seen = 0;
        let stopped = tx.each("SELECT n FROM t ORDER BY n", args![], |r| {
            seen += 1;
            let n: i64 = r.get(0)?;
            Ok(if n == 2 {
                ControlFlow::Break(n)
            } else {
                ControlFlow::Continue(())
            })
        })?;
        assert_eq!((stopped, seen), (ControlFlow::Break(2), 2));
        let first = tx.opt("SELECT n FROM t WHERE n > ?1", args![1i64], |r| r.get(0))?;
        assert_eq!(first, Some(2i64));
        let none = tx.opt("SELECT n FROM t WHERE n > ?1", args![3i64], |r| {
            r.get::<i64>(0)
        })?;
        assert_eq!(none, None);
        assert!(
            tx.one("SELECT n FROM t WHERE n > 9", args![], |r| r.get::<i64>(0))
                .is_err()
        );
        Ok(())
    }
}
