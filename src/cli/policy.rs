//! `keyward policy ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Show every policy key with its value and default
    Show,
    /// Change policy keys; all are validated first, then written together
    Set {
        /// KEY=VALUE pairs, e.g. min-length=8 lockout-threshold=5
        #[arg(required = true, value_name = "KEY=VALUE")]
        #[arg(add = super::policy_keys())]
        pairs: Vec<String>,
    },
}
