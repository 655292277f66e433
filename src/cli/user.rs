//! `keyward user ...`

use clap::{Args, Subcommand};

use super::{RoleArg, StatusArg, TwofaArg};

/// An account's expiry as `user set-expiry` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    Never,
    /// The first second the account has expired: the midnight after the
    /// last day (UTC) it may sign in.
    After(i64),
}

/// `YYYY-MM-DD` or `never`.
fn expiry(s: &str) -> Result<Expiry, String> {
    if s.eq_ignore_ascii_case("never") {
        Ok(Expiry::Never)
    } else {
        crate::domain::account::day_expiry(s)
            .map(Expiry::After)
            .map_err(|e| format!("{e}, or `never`"))
    }
}

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Create an account; without --password-stdin a temporary password is generated and shown once
    Add {
        /// Username: 3-32 of a-z 0-9 . _ -, starting with a letter or digit (lower-cased)
        username: String,
        /// Role of the account
        #[arg(long, value_enum, default_value = "user")]
        role: RoleArg,
        /// Facility code; repeat or separate with commas
        #[arg(long = "facility", value_name = "CODE", value_delimiter = ',')]
        #[arg(add = super::known_facilities())]
        facilities: Vec<String>,
        /// Display name
        #[arg(long)]
        name: Option<String>,
        /// Read the password from the first line of stdin
        #[arg(long)]
        password_stdin: bool,
        /// The last day (UTC) the account may sign in; after it the account is expired
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::domain::account::day_expiry)]
        expires: Option<i64>,
    },
    /// List accounts
    List(ListFilter),
    /// Show one account
    Show {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Add facilities to an account
    Assign {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// Facility code; repeat or separate with commas
        #[arg(
            long = "facility",
            value_name = "CODE",
            value_delimiter = ',',
            required = true
        )]
        #[arg(add = super::known_facilities())]
        facilities: Vec<String>,
    },
    /// Remove facilities from an account
    Unassign {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// Facility code; repeat or separate with commas
        #[arg(
            long = "facility",
            value_name = "CODE",
            value_delimiter = ',',
            required = true
        )]
        #[arg(add = super::known_facilities())]
        facilities: Vec<String>,
    },
    /// Set or clear (with "") an account's display name
    SetName {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// The new display name; "" clears it
        name: String,
    },
    /// Set the last day (UTC) an account may sign in, or remove it with `never`
    SetExpiry {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// YYYY-MM-DD, or `never`
        #[arg(value_parser = expiry, add = super::expiry_words())]
        expiry: Expiry,
    },
    /// Give an account a new username; its password, facilities, 2FA and history follow it
    Rename {
        /// The current username
        #[arg(add = super::known_usernames())]
        username: String,
        /// The new username: 3-32 of a-z 0-9 . _ -, starting with a letter or digit (lower-cased)
        new_username: String,
    },
    /// Change an account's role
    #[command(group = clap::ArgGroup::new("new_role").required(true).args(["role", "role_flag"]))]
    SetRole {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// New role
        #[arg(value_enum)]
        role: Option<RoleArg>,
        /// New role (same as the positional ROLE)
        #[arg(long = "role", value_enum, value_name = "ROLE")]
        role_flag: Option<RoleArg>,
    },
    /// Disable an account: it cannot sign in until enabled
    Disable {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Enable a disabled account
    Enable {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Lock an account (reason: admin) until it is unlocked
    Lock {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Clear the lock and failure count; the account must accept the terms and change its password
    Unlock {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator's lock stays)
    ResetFailures {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Set a new temporary password (shown once) that must be changed at the next sign-in
    ResetPassword {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// Read the new password from the first line of stdin instead of generating one
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove an account for good
    Remove {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Create (or update) many accounts from a CSV file, all or nothing
    ///
    /// The header names the columns, in any order: username, name, role,
    /// facilities (codes separated by `;`), password (empty: generate one),
    /// and optionally password_hash (an Argon2 PHC string migrated from another
    /// system), must_change (true/false), status (active, disabled or
    /// locked; empty: active for a new account, unchanged for an updated one)
    /// and expires_at (as export writes it, or the last day YYYY-MM-DD; empty:
    /// never for a new account, unchanged for an updated one).
    /// A field that starts with `'` and then `= + - @ |` or a tab (as `user
    /// export` writes them) loses the `'`. With --format json, the file is the
    /// JSON array `user export --format json` writes. The whole file is checked first:
    /// every bad row is reported with its line number and nothing is written
    /// (exit 65 for bad data, 6 for rows the operator may not create, 8 for
    /// usernames that exist with --on-conflict fail). Passwords are then hashed on every core and all rows are
    /// written in one transaction. Generated passwords go to --credentials-out,
    /// or to stdout as CSV (username,temporary_password), or in the JSON document.
    Import {
        /// CSV file to read (`-` reads stdin; at most 1 GiB from stdin, a pipe or a device)
        #[arg(value_name = "FILE.csv", value_hint = clap::ValueHint::FilePath)]
        file: std::path::PathBuf,
        /// What the file is written in
        #[arg(long, value_enum, default_value = "csv")]
        format: ImportFormat,
        /// Check the file and report what would happen, without writing or hashing
        #[arg(long)]
        dry_run: bool,
        /// What to do with a username that already has an account
        #[arg(long, value_enum, default_value = "fail")]
        on_conflict: OnConflict,
        /// Create facilities that do not exist yet (named after their code)
        #[arg(long)]
        create_facilities: bool,
        /// Write generated passwords to this new file (mode 0600; never overwritten)
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        credentials_out: Option<std::path::PathBuf>,
    },
    /// Write accounts as CSV or JSON that `user import` reads back; no secrets
    ///
    /// The CSV has the columns username, name, role, facilities, password
    /// (always empty), status and expires_at. A field that starts with `= + - @ |` or a tab
    /// (or with `'` and then one of them) is written with one more leading `'`,
    /// so a spreadsheet shows it as text; `user import` removes it.
    Export {
        /// Only accounts assigned to this facility
        #[arg(long, value_name = "CODE")]
        #[arg(add = super::known_facilities())]
        facility: Option<String>,
        /// Output format [default: csv, or json with --json]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
    },
}

/// `user import --on-conflict`: what to do when a username already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnConflict {
    /// Report each existing username as a bad row; nothing is written (exit 8)
    Fail,
    /// Leave existing accounts as they are and count them as skipped
    Skip,
    /// Set name, role and facilities of existing accounts from the file; a password or hash, when given, replaces theirs
    Update,
}

/// `user import --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// A header, then one row per account (as `user export` writes it)
    Csv,
    /// The JSON array of account objects `user export --format json` writes
    Json,
}

/// `user export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The header and columns `user import` reads
    Csv,
    /// A list of account objects, as `user list --json`, but `status` is the
    /// stored state that import restores (never `expired`; `expires_at` carries it)
    Json,
}

/// Filters of `user list`; all given filters must match.
#[derive(Debug, Args)]
pub struct ListFilter {
    /// Only accounts assigned to this facility
    #[arg(long, value_name = "CODE")]
    #[arg(add = super::known_facilities())]
    pub facility: Option<String>,
    /// Only accounts with this role
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// Only accounts with this status
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Only accounts whose username or display name contains TEXT (any case)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only accounts with terms to accept or a password to change
    #[arg(long)]
    pub pending: bool,
    /// Only accounts with (enrolled) or without (none) two-factor authentication
    #[arg(long, value_enum, value_name = "STATE")]
    pub twofa: Option<TwofaArg>,
    /// At most N accounts, the first by username
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
}
