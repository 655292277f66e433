//! keyward: the accounts of a multi-facility organisation in one SQLite file.
//!
//! Layers, with dependencies pointing one way (`cli` <- `commands` -> `domain`, `store`, `output`):

#![deny(clippy::unwrap_used)]

/// clap types: the command-line surface, no I/O.
pub mod cli;
/// Handlers: arguments -> domain -> store -> output; the only layer that prompts or prints.
pub mod commands;
/// Pure rules: names, policy, passwords, account state.
pub mod domain;
/// Exit codes and the error kinds that map to them.
pub mod error;
/// Human tables and JSON documents.
pub mod output;
/// SQLite: opening, migrations and every SQL statement.
pub mod store;

pub use cli::Cli;
pub use error::Exit;

/// Run one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    commands::dispatch(cli)
}
