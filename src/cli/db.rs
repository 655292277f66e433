//! `keyward db backup|check`.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum DbCmd {
    /// Copy the database to a new file (mode 0600, never overwritten) while others keep using it
    ///
    /// Builds the copy from the rows with SQLite's VACUUM INTO: one consistent
    /// snapshot even while other keyward processes write, and nothing deleted
    /// is carried over from free space of the database file. The copy is
    /// checked before the command reports success. It holds password hashes:
    /// keep it as safe as the database.
    Backup {
        /// The new file, in an existing folder (no folder is ever created)
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
    },
    /// Check SQLite's integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)
    Check,
}
