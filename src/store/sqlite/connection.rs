//! Configuring connections: `secure_delete` on every connection keyward
//! opens on a file, how long a writer waits on the busy timeout, and WAL,
//! foreign keys and `synchronous` on an opened store (SPEC 1).

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another process's transaction.
pub(in crate::store) const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Per-connection settings of SPEC 1.
pub(super) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidParameterName(format!(
                "journal_mode WAL refused (got {mode})"
            )));
        }
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
    }
}

/// Open an existing file read-write with `secure_delete` on: SQLite then
/// overwrites deleted content with zeros, so a reset TOTP secret or a
/// replaced hash does not linger in the file's free space (SPEC 10). The
/// setting lives on the connection, so every connection keyward opens on a
/// file goes through here.
pub(in crate::store) fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let on: i64 = conn.query_row("PRAGMA secure_delete = ON", [], |r| r.get(0))?;
    if on != 1 {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "secure_delete refused (got {on})"
        )));
    }
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[test]
    fn every_connection_overwrites_deleted_content() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        Store::create(&path, |tx| {
            let on: i64 = tx.one("PRAGMA secure_delete", crate::store::sql::args![], |r| {
                r.get(0)
            })?;
            assert_eq!(on, 1, "the connection that builds the file");
            Ok::<(), Box<dyn std::error::Error>>(())
        })?;
        let store = Store::open(&path)?;
        let on: i64 = store
            .sqlite()
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))?;
        assert_eq!(on, 1, "an opened store");
        Ok(())
    }
}
