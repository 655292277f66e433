//! `session`: operator sessions (SPEC 12).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking
    ///
    /// The session ends after session-minutes (policy key, default 15) without use, 8 hours after
    /// it started whatever happens, with `session end` or `session revoke`, and when the operator
    /// is locked, disabled, removed, renamed, or given a new role, password or second factor.
    /// A command given --as-password-file or --as-code-file signs in with those instead. The
    /// token lives in a 0600 file under $XDG_RUNTIME_DIR/keyward/ (else the cache folder); the
    /// store keeps only its hash. A session that may not be used is refused: exit 3, or 4 when
    /// the operator is locked, disabled or expired, or 5 when it must first accept terms or
    /// change its password (`keyward login`).
    #[command(alias = "login")]
    Start {
        /// Not taken here: name the operator with --as (e.g. `keyward --as amy session start`)
        #[arg(hide = true)]
        username: Option<String>,
    },
    /// End the --as operator's session on this store and remove its token file (no password needed; nothing to end is not an error)
    #[command(aliases = ["stop", "logout"])]
    End {
        /// Not taken here: name the operator with --as (e.g. `keyward --as amy session end`)
        #[arg(hide = true)]
        username: Option<String>,
    },
    /// List the open sessions: every operator's for support (and the OS user), one's own for others (listing with --as counts as using the session)
    List,
    /// End every open session of an operator at once (support only)
    Revoke {
        /// The operator whose sessions end
        #[arg(add = super::known_usernames())]
        username: String,
    },
}
