//! `session`: operator sessions (SPEC 12).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking
    Start,
    /// End the --as operator's session on this store and remove its token file
    End,
    /// List the open sessions: every operator's for support (and the OS user), one's own for others
    List,
    /// End every session of an operator at once (support)
    Revoke {
        /// The operator whose sessions end
        #[arg(add = super::known_usernames())]
        username: String,
    },
}
