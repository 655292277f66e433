//! Sign-in and self-service: `login`, `auth`, `passwd`, `terms`, `questions`, `forgot-password`.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum TermsCmd {
    /// Publish a new version of the terms from a UTF-8 text file; every account must accept it
    Set {
        /// The terms text
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
    },
    /// Print the newest terms (or one version)
    #[command(disable_version_flag = true)]
    Show {
        /// Version to show [default: the newest]
        #[arg(value_name = "VERSION")]
        number: Option<i64>,
        /// Version to show (same as the positional VERSION)
        #[arg(long = "version", value_name = "VERSION", conflicts_with = "number")]
        version_flag: Option<i64>,
    },
    /// List every version with its SHA-256 and how many accounts accepted it
    List,
    /// Accept the newest terms for an account, authenticated by its password on stdin
    Accept {
        /// Username [default: asked on a terminal]
        #[arg(add = super::known_usernames())]
        username: Option<String>,
        /// Read the account's password from the first line of stdin
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Read the second-factor code (TOTP or backup code) from the line after the password
        #[arg(long)]
        code_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuestionsCmd {
    /// List the security questions an account can choose from
    List,
    /// Choose and answer security questions (replaces earlier answers)
    Set {
        /// Username [default: asked on a terminal]
        #[arg(add = super::known_usernames())]
        username: Option<String>,
        /// Read from stdin instead of prompting: the password on line 1, then one
        /// `QUESTION=answer` line per question (see `keyward questions list`)
        #[arg(long)]
        password_stdin: bool,
        /// Read the second-factor code (TOTP or backup code) from the line after the password
        #[arg(long, requires = "password_stdin")]
        code_stdin: bool,
    },
    /// Remove an account's answers (an administrator in scope): it must set new ones before forgot-password works again
    Clear {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
}
