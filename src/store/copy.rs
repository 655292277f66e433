//! Copying every row of one store into another, new one (`db backup` of a
//! server store, `db copy --to`): table by table in the order their
//! references need, each row streamed from a read snapshot of the source and
//! written in the destination's one write transaction. Ids, hashes and the
//! audit chain are copied as they are, so the copy verifies like the
//! original.

use std::ops::ControlFlow;

use super::sql::{Arg, Row, args};
use super::{Dialect, Result, Tx};

/// How a column is read and bound.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Bool,
}
use Kind::{Bool, Int, Text};

/// The one table a copy leaves out: operator sessions. A session is bound
/// to the store that opened it; a copy or a backup restored later must not
/// bring any back to life.
pub const NOT_COPIED: &str = "operator_session";

/// Every other table of the schema with its columns, parents first. A unit
/// test checks this against the SQLite schema, so a migration that adds a
/// table or a column cannot be left out of copies unnoticed.
const TABLES: &[(&str, &[(&str, Kind)])] = &[
    (
        "facility",
        &[
            ("id", Int),
            ("code", Text),
            ("name", Text),
            ("created_at", Int),
        ],
    ),
    (
        "account",
        &[
            ("id", Int),
            ("username", Text),
            ("name", Text),
            ("role", Text),
            ("disabled", Bool),
            ("locked_at", Int),
            ("lock_reason", Text),
            ("failed_attempts", Int),
            ("must_change_password", Bool),
            ("terms_pending", Bool),
            ("password_hash", Text),
            ("password_changed_at", Int),
            ("created_at", Int),
            ("updated_at", Int),
            ("last_sign_in_at", Int),
            ("expires_at", Int),
        ],
    ),
    (
        "account_facility",
        &[("account_id", Int), ("facility_id", Int)],
    ),
    (
        "password_history",
        &[
            ("id", Int),
            ("account_id", Int),
            ("hash", Text),
            ("set_at", Int),
        ],
    ),
    ("policy", &[("key", Text), ("value", Text)]),
    (
        "terms",
        &[
            ("version", Int),
            ("text", Text),
            ("sha256", Text),
            ("created_at", Int),
        ],
    ),
    (
        "terms_acceptance",
        &[("account_id", Int), ("version", Int), ("accepted_at", Int)],
    ),
    (
        "security_answer",
        &[
            ("account_id", Int),
            ("question", Text),
            ("position", Int),
            ("answer_hash", Text),
            ("set_at", Int),
        ],
    ),
    ("counter", &[("name", Text), ("value", Int)]),
    (
        "twofa",
        &[
            ("account_id", Int),
            ("secret", Text),
            ("enrolled_at", Int),
            ("last_step", Int),
            ("pending_secret", Text),
            ("pending_at", Int),
        ],
    ),
    (
        "backup_code",
        &[
            ("id", Int),
            ("account_id", Int),
            ("hash", Text),
            ("created_at", Int),
            ("used_at", Int),
        ],
    ),
    (
        "audit",
        &[
            ("id", Int),
            ("at", Int),
            ("actor", Text),
            ("action", Text),
            ("target", Text),
            ("facility", Text),
            ("details", Text),
            ("prev_hash", Text),
            ("hash", Text),
        ],
    ),
];

/// Tables whose `id` PostgreSQL numbers itself: after rows with given ids
/// are copied in, its counter must move past them.
const IDENTITY: &[&str] = &["facility", "account", "password_history", "backup_code"];

/// One column's value of a row being copied.
enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
}

impl Arg for Value {
    fn sqlite(&self) -> &dyn rusqlite::ToSql {
        match self {
            Value::Int(v) => v,
            Value::Text(v) => v,
            Value::Bool(v) => v,
        }
    }
    fn pg(&self) -> &(dyn postgres::types::ToSql + Sync) {
        match self {
            Value::Int(v) => v,
            Value::Text(v) => v,
            Value::Bool(v) => v,
        }
    }
}

fn read(r: &Row<'_>, i: usize, kind: Kind) -> Result<Value> {
    Ok(match kind {
        Int => Value::Int(r.get(i)?),
        Text => Value::Text(r.get(i)?),
        Bool => Value::Bool(r.get(i)?),
    })
}

/// Copy every row of `from` into `to`, whose schema is new and empty.
/// Returns how many accounts were copied.
pub fn all(from: Tx<'_>, to: Tx<'_>) -> Result<i64> {
    for (table, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let select = format!("SELECT {} FROM {table} ORDER BY 1", names.join(", "));
        let insert = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        );
        let _: ControlFlow<()> = from.each(&select, args![], |r| {
            let values = columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| read(r, i, *kind))
                .collect::<Result<Vec<Value>>>()?;
            let bound: Vec<&dyn Arg> = values.iter().map(|v| v as &dyn Arg).collect();
            to.execute(&insert, &bound)?;
            Ok(ControlFlow::Continue(()))
        })?;
    }
    if to.dialect() == Dialect::Postgres {
        for table in IDENTITY {
            to.batch(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            ))?;
        }
    }
    // No session is copied, but the copy numbers its own after the
    // source's: the copied audit log names sessions by id.
    super::sessions::continue_after(to, super::sessions::last_id(from)?)?;
    super::maintenance::account_count(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// The table list is the SQLite schema, table for table, column for column.
    #[test]
    fn every_table_and_column_of_the_schema_is_copied()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        Store::create(&path, |_| Ok::<(), Box<dyn std::error::Error>>(()))?;
        let store = Store::open(&path)?;
        let c = store.sqlite();
        let mut tables: Vec<String> = c
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // Sessions stay with the store that opened them (SPEC 12).
        tables.retain(|t| t != NOT_COPIED);
        let mut listed: Vec<String> = TABLES.iter().map(|(t, _)| t.to_string()).collect();
        tables.sort();
        listed.sort();
        assert_eq!(tables, listed);
        for (table, columns) in TABLES {
            let mut names: Vec<String> = c
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut want: Vec<String> = columns.iter().map(|(n, _)| n.to_string()).collect();
            names.sort();
            want.sort();
            assert_eq!(names, want, "{table}");
        }
        Ok(())
    }
}
