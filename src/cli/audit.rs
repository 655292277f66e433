//! `keyward audit list|verify`.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Show audit rows, oldest first (the newest --limit that match)
    List {
        /// Only rows about this account
        #[arg(long, value_name = "USERNAME")]
        user: Option<String>,
        /// Only this action, or a group of them (`signin` matches `signin.failed`, ...)
        #[arg(long)]
        action: Option<String>,
        /// Only rows at or after this time (RFC 3339, or a date YYYY-MM-DD in UTC)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// At most this many rows
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Check the hash chain; exit 1 naming the first row that does not match
    Verify,
}
