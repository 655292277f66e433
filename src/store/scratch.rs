//! Scratch space of one read snapshot: the usernames an import has seen,
//! once there are too many to keep in memory. A temporary table, which the
//! database pages out to disk and which the snapshot's rollback removes, so
//! the next import on the same connection can create it again.

use super::sql::args;
use super::{Dialect, Result, Tx};

/// Create the table of seen fingerprints (once per snapshot).
pub fn seen_create(tx: Tx<'_>) -> Result<()> {
    tx.batch(match tx.dialect() {
        Dialect::Sqlite => {
            "CREATE TEMP TABLE import_seen (
                 hi INTEGER NOT NULL, lo INTEGER NOT NULL, line INTEGER NOT NULL,
                 PRIMARY KEY (hi, lo)
             ) WITHOUT ROWID"
        }
        Dialect::Postgres => {
            "CREATE TEMP TABLE import_seen (
                 hi BIGINT NOT NULL, lo BIGINT NOT NULL, line BIGINT NOT NULL,
                 PRIMARY KEY (hi, lo)
             ) ON COMMIT DROP"
        }
    })
}

/// Record fingerprint `(hi, lo)` as first seen on `line`: true when it is
/// new, false when it was there already (its first line stays).
pub fn seen_add(tx: Tx<'_>, (hi, lo): (u64, u64), line: u64) -> Result<bool> {
    // Fingerprints are stored as the i64 with the same bits.
    let added = tx.execute(
        "INSERT INTO import_seen (hi, lo, line) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        args![hi as i64, lo as i64, line as i64],
    )?;
    Ok(added == 1)
}

/// The line fingerprint `(hi, lo)` was first seen on.
pub fn seen_line(tx: Tx<'_>, (hi, lo): (u64, u64)) -> Result<u64> {
    tx.one(
        "SELECT line FROM import_seen WHERE hi = ?1 AND lo = ?2",
        args![hi as i64, lo as i64],
        |r| r.get::<i64>(0),
    )
    .map(|line| line as u64)
}

/// Whether the table exists on this connection (for tests).
#[cfg(test)]
pub fn seen_exists(tx: Tx<'_>) -> Result<bool> {
    tx.one(
        "SELECT count(*) > 0 FROM temp.sqlite_master WHERE name = 'import_seen'",
        args![],
        |r| r.get(0),
    )
}
