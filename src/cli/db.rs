//! `keyward db backup|check`.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum DbCmd {
    /// Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it
    ///
    /// A SQLite store is copied with SQLite's VACUUM INTO: one consistent
    /// snapshot even while other keyward processes write, and nothing deleted
    /// is carried over from free space of the database file. A PostgreSQL
    /// store is copied row by row under its write lock. The copy is checked
    /// before the command reports success. It holds password hashes: keep it
    /// as safe as the database.
    Backup {
        /// The new file, in an existing folder (no folder is ever created)
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
    },
    /// Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)
    ///
    /// Accounts, hashes, facilities, policy, terms, answers, second factors and
    /// the audit chain are copied as they are, so the copy verifies like the
    /// original: move from a file to a server and back. DEST is a path (a new
    /// file in an existing folder, mode 0600) or a postgresql:// URL of an
    /// existing, empty database (no password in it: use PGPASSFILE or ~/.pgpass).
    /// The source gets a `db.copy` audit row; the copy ends just before it.
    Copy {
        /// The new store: a file path or a postgresql:// URL
        #[arg(long, value_name = "DEST", value_hint = clap::ValueHint::AnyPath)]
        to: PathBuf,
    },
    /// Check the store's integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)
    ///
    /// On a SQLite file: SQLite's integrity and foreign-key checks. On a
    /// PostgreSQL server, which checks its own pages and enforces foreign keys
    /// at every statement, the schema version and the audit chain.
    Check,
}
