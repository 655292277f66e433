//! `keyward user ...`

use clap::{Args, Subcommand};

use super::{RoleArg, StatusArg};

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
        facilities: Vec<String>,
        /// Display name
        #[arg(long)]
        name: Option<String>,
        /// Read the password from the first line of stdin
        #[arg(long)]
        password_stdin: bool,
    },
    /// List accounts
    List(ListFilter),
    /// Show one account
    Show {
        /// Username
        username: String,
    },
    /// Add facilities to an account
    Assign {
        /// Username
        username: String,
        /// Facility code; repeat or separate with commas
        #[arg(
            long = "facility",
            value_name = "CODE",
            value_delimiter = ',',
            required = true
        )]
        facilities: Vec<String>,
    },
    /// Remove facilities from an account
    Unassign {
        /// Username
        username: String,
        /// Facility code; repeat or separate with commas
        #[arg(
            long = "facility",
            value_name = "CODE",
            value_delimiter = ',',
            required = true
        )]
        facilities: Vec<String>,
    },
    /// Change an account's role
    #[command(group = clap::ArgGroup::new("new_role").required(true).args(["role", "role_flag"]))]
    SetRole {
        /// Username
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
        username: String,
    },
    /// Enable a disabled account
    Enable {
        /// Username
        username: String,
    },
    /// Lock an account (reason: admin) until it is unlocked
    Lock {
        /// Username
        username: String,
    },
    /// Clear the lock and failure count; the account must accept the terms and change its password
    Unlock {
        /// Username
        username: String,
    },
    /// Set a new temporary password (shown once) that must be changed at the next sign-in
    ResetPassword {
        /// Username
        username: String,
        /// Read the new password from the first line of stdin instead of generating one
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove an account for good
    Remove {
        /// Username
        username: String,
    },
}

/// Filters of `user list`; all given filters must match.
#[derive(Debug, Args)]
pub struct ListFilter {
    /// Only accounts assigned to this facility
    #[arg(long, value_name = "CODE")]
    pub facility: Option<String>,
    /// Only accounts with this role
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// Only accounts with this status
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
}
