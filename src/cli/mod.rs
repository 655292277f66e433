//! Command-line surface: clap derive types only, no I/O.
//!
//! Each command group lives in its own file; the `///` comments are the help
//! text that also feeds the generated completions and man pages.

pub mod assets;
mod audit;
mod db;
mod examples;
mod facility;
mod policy;
mod session;
mod signin;
mod twofa;
mod user;

pub use audit::AuditCmd;
pub use db::DbCmd;
pub use facility::{FacilityCmd, FacilityRename};
pub use policy::PolicyCmd;
pub use session::SessionCmd;
pub use signin::{QuestionsCmd, TermsCmd};
pub use twofa::TwofaCmd;
pub use user::{Expiry, ExportFormat, ImportFormat, ListFilter, OnConflict, UserCmd};

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::domain::account::{Role, Status};

/// Exit codes, shown at the end of `keyward --help` and in the man page.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0   success
  1   error (database missing or unreadable, refused operation)
  2   usage error (unknown flag, missing --yes without a terminal)
  3   authentication failed
  4   account locked, disabled or expired
  5   action required (terms, password change, second factor)
  6   permission denied
  7   not found (account, facility)
  8   already exists
  65  invalid input data (bad username, policy value, password rule, bad CSV row)";

/// Completion of existing usernames (dynamic completion, commands::complete).
fn known_usernames() -> clap_complete::engine::ArgValueCandidates {
    clap_complete::engine::ArgValueCandidates::new(crate::commands::complete::usernames)
}

/// Completion of existing facility codes.
fn known_facilities() -> clap_complete::engine::ArgValueCandidates {
    clap_complete::engine::ArgValueCandidates::new(crate::commands::complete::facility_codes)
}

/// Completion of `never` for `user set-expiry`.
fn expiry_words() -> clap_complete::engine::ArgValueCandidates {
    clap_complete::engine::ArgValueCandidates::new(crate::commands::complete::expiry_words)
}

/// Completion of policy keys as `KEY=`.
fn policy_keys() -> clap_complete::engine::ArgValueCandidates {
    clap_complete::engine::ArgValueCandidates::new(crate::commands::complete::policy_keys)
}

/// Keep the accounts of a multi-facility organisation in one SQLite file or on a PostgreSQL server.
#[derive(Debug, Parser)]
#[command(name = "keyward", version, about, long_about = None)]
#[command(
    after_long_help = EXIT_CODES_HELP,
    propagate_version = true,
    next_help_heading = "Global options"
)]
pub struct Cli {
    /// Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]
    #[arg(long, global = true, env = "KEYWARD_DB", value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub db: Option<PathBuf>,

    /// Whether `db` came from `--db` on the command line (not `KEYWARD_DB`).
    #[arg(skip)]
    pub db_from_argv: bool,

    /// Print one JSON document on stdout (errors as JSON on stderr)
    #[arg(long, global = true)]
    pub json: bool,

    /// Answer yes to confirmations (required for destructive commands without a terminal)
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,

    /// Act as this keyward account: it signs in first, and its role and facilities limit what the command may do
    #[arg(
        long = "as",
        add = known_usernames(),
        global = true,
        env = "KEYWARD_AS",
        value_name = "USERNAME"
    )]
    pub as_user: Option<String>,

    /// Read the operator's password from the first line of this file instead of a hidden prompt
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub as_password_file: Option<PathBuf>,

    /// Read the operator's second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub as_code_file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database and its first support account
    Init {
        /// Username of the first account (role support)
        #[arg(long, value_name = "USERNAME")]
        admin: String,
        /// Read the password from the first line of stdin instead of prompting
        #[arg(long)]
        password_stdin: bool,
    },
    /// Manage facilities (sites that accounts belong to)
    #[command(subcommand)]
    Facility(FacilityCmd),
    /// Manage accounts
    #[command(subcommand)]
    User(UserCmd),
    /// Show or change the password and lockout policy
    #[command(subcommand)]
    Policy(PolicyCmd),
    /// Sign in interactively: password, then any required action (terms, new password)
    Login {
        /// Username [default: asked]
        #[arg(add = known_usernames())]
        username: Option<String>,
    },
    /// Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)
    Auth {
        /// Username
        #[arg(add = known_usernames())]
        username: String,
        /// Read the password from the first line of stdin (required)
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Read the second-factor code (TOTP or backup code) of an enrolled account from the line after the password
        #[arg(long)]
        code_stdin: bool,
    },
    /// Change an account's own password (current password, then the new one)
    Passwd {
        /// Username [default: asked on a terminal]
        #[arg(add = known_usernames())]
        username: Option<String>,
        /// Read two lines from stdin: the current password, then the new one
        #[arg(long)]
        password_stdin: bool,
        /// Also read the second-factor code (TOTP or backup code) from stdin, on the line after the current password
        #[arg(long, requires = "password_stdin")]
        code_stdin: bool,
    },
    /// Publish, show and accept the terms of use
    #[command(subcommand)]
    Terms(TermsCmd),
    /// Security questions used by forgot-password
    #[command(subcommand)]
    Questions(QuestionsCmd),
    /// Two-factor authentication: enrol an authenticator app, backup codes
    #[command(subcommand, name = "2fa")]
    Twofa(TwofaCmd),
    /// Operator sessions: sign in once with --as, then run commands without the password
    #[command(subcommand)]
    Session(SessionCmd),
    /// Read and verify the tamper-evident audit log
    #[command(subcommand)]
    Audit(AuditCmd),
    /// Back up the database and check its integrity
    #[command(subcommand)]
    Db(DbCmd),
    /// Reset a forgotten password by answering the account's security questions (needs a terminal)
    ForgotPassword {
        /// Username [default: asked]
        #[arg(add = known_usernames())]
        username: Option<String>,
    },
    /// Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)
    Recover {
        /// The support account to recover
        #[arg(add = known_usernames())]
        username: String,
        /// Read the new password from stdin instead of generating one (generated: shown once)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Write completions and man pages generated from these definitions
    #[command(name = "generate-assets", hide = true)]
    GenerateAssets {
        /// Folder that receives completions/ and man/
        #[arg(default_value = ".")]
        out: PathBuf,
    },
}

/// A role as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    User,
    Supervisor,
    Admin,
    Support,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::User => Role::User,
            RoleArg::Supervisor => Role::Supervisor,
            RoleArg::Admin => Role::Admin,
            RoleArg::Support => Role::Support,
        }
    }
}

/// Whether an account has two-factor authentication, for `user list --twofa`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TwofaArg {
    /// Enrolled
    Enrolled,
    /// Not enrolled
    #[value(name = "none")]
    NotEnrolled,
}

/// An account status as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Active,
    Locked,
    Disabled,
    Expired,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Active => Status::Active,
            StatusArg::Locked => Status::Locked,
            StatusArg::Disabled => Status::Disabled,
            StatusArg::Expired => Status::Expired,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
