//! `keyward facility ...`

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum FacilityCmd {
    /// Add a facility
    Add {
        /// Short code that scripts use (letters, digits, `.`, `_`, `-`; matched case-insensitively)
        code: String,
        /// Display name [default: the code]
        #[arg(long)]
        name: Option<String>,
    },
    /// List facilities with how many accounts each has
    List,
    /// Show one facility
    Show {
        /// Facility code
        #[arg(add = super::known_facilities())]
        code: String,
    },
    /// Change a facility's display name or code
    Rename(FacilityRename),
    /// Remove a facility (refused while accounts are assigned, unless --force)
    Remove {
        /// Facility code
        #[arg(add = super::known_facilities())]
        code: String,
        /// Unassign its accounts first (the accounts are kept)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("change").required(true).multiple(true).args(["new_name", "name", "code_to"]))]
pub struct FacilityRename {
    /// Facility code
    #[arg(add = super::known_facilities())]
    pub code: String,
    /// New display name
    #[arg(value_name = "NEW_NAME", conflicts_with = "name")]
    pub new_name: Option<String>,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New code (accounts keep their assignment)
    #[arg(long = "code", value_name = "NEW_CODE")]
    pub code_to: Option<String>,
}
