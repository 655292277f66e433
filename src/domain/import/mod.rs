//! The formats of `user import` and `user export`: the CSV header, the JSON
//! export's items (see [`json`]), and each row turned into a checked [`Row`]
//! or a message tied to its line number.
//!
//! Pure: the caller hands in any reader (a file, stdin, a byte slice) and the
//! policy; looking facilities and accounts up in the database is the caller's.

mod columns;
mod export;
mod json;
mod lines;
mod row;
mod rows;

pub use export::{export_record, neutralise, unneutralise};
pub use lines::{MAX_ROW_BYTES, StopError};
pub use row::{PasswordSource, Row};
pub use rows::Rows;

use columns::Columns;
use lines::RowTooLong;

/// Columns every import file has, in the order `user export` writes them.
pub const REQUIRED: [&str; 5] = ["username", "name", "role", "facilities", "password"];
/// Columns an import file may add.
pub const OPTIONAL: [&str; 4] = ["password_hash", "must_change", "status", "expires_at"];
/// The columns `user export` writes: the required ones, then `status` and
/// `expires_at`.
pub const EXPORTED: [&str; 7] = [
    "username",
    "name",
    "role",
    "facilities",
    "password",
    "status",
    "expires_at",
];

/// What an import file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A header, then one row per account.
    Csv,
    /// The JSON array `user export --format json` writes.
    Json,
}
/// Header of the credentials written for generated passwords.
pub const CREDENTIALS_HEADER: [&str; 2] = ["username", "temporary_password"];

/// A problem with the file as a whole (exit 65, or [`StopError`]'s).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("the file is empty; it needs the header `{}` and one row per account", REQUIRED.join(","))]
    Empty,
    #[error("line {line}: {message}; the header is `{}` (optional: {})", REQUIRED.join(","), OPTIONAL.join(", "))]
    Header { line: u64, message: String },
    #[error(
        "line {line}: {message}; give the JSON array `keyward user export --format json` writes"
    )]
    Json { line: u64, message: String },
    #[error(transparent)]
    Stop(#[from] StopError),
}

/// One bad row: where it starts and everything wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// What the submodules' tests share: a PHC string and reading a whole file.
#[cfg(test)]
mod test_support {
    use super::{FileError, Format, Row, RowError, Rows};
    use crate::domain::policy::Policy;

    pub(super) const PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";

    /// Every row of `text`: the good ones and the line-numbered bad ones.
    pub(super) fn read(text: &str) -> Result<Vec<Result<Row, RowError>>, FileError> {
        let mut rows = Rows::open(text.as_bytes(), &Default::default(), Format::Csv)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next_row(&Policy::default()).ok().flatten() {
            out.push(r);
        }
        Ok(out)
    }

    pub(super) fn bad_lines(text: &str) -> Vec<(u64, String)> {
        read(text)
            .unwrap_or_default()
            .into_iter()
            .filter_map(Result::err)
            .map(|e| (e.line, e.message))
            .collect()
    }
}
