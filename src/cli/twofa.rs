//! `keyward 2fa ...`: TOTP enrolment with a QR code in the terminal, backup codes.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum TwofaCmd {
    /// Enrol an authenticator app: QR code, secret, then a code from the app
    Enroll {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// Draw the QR code for a light terminal background
        #[arg(long)]
        invert: bool,
        /// Also write the QR code as a PNG image (created 0600, never overwritten)
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        png: Option<PathBuf>,
        /// Also write the QR code as an SVG image (created 0600, never overwritten)
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        svg: Option<PathBuf>,
        /// Replace an existing enrolment (the old one works until the new one is confirmed)
        #[arg(long)]
        replace: bool,
    },
    /// Finish an enrolment started with `2fa enroll --json` (prints the backup codes)
    Confirm {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// Read the 6-digit code the app shows now from stdin (one line) instead of asking on a terminal
        #[arg(long)]
        code_stdin: bool,
    },
    /// Show whether an account is enrolled and how many backup codes are left
    Status {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Remove an account's two-factor enrolment and backup codes
    Reset {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
    },
    /// Replace an account's backup codes (the old ones stop working)
    BackupCodes {
        /// Username
        #[arg(add = super::known_usernames())]
        username: String,
        /// Make 10 new codes and print them once
        #[arg(long)]
        regenerate: bool,
    },
}
