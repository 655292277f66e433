//! Counting the lines of a CSV import file as it is read, and the bound on
//! one row ([`MAX_ROW_BYTES`]) past which the read stops ([`StopError`]).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

/// The most bytes one row may take (its line, or lines for quoted line
/// breaks). A real row is a few hundred bytes; without a bound, a file with
/// no line break (`/dev/zero`) would be one row held whole in memory.
pub const MAX_ROW_BYTES: u64 = 1 << 20;

/// Why a file cannot be read any further: the import stops (no more rows).
#[derive(Debug, thiserror::Error)]
pub enum StopError {
    #[error("line {line}: a row longer than {} MiB, which no account needs; is this the right file?", MAX_ROW_BYTES >> 20)]
    RowTooLong { line: u64 },
    /// The JSON is not valid JSON, or not an array of objects.
    #[error(
        "line {line}: {message}; give the JSON array `keyward user export --format json` writes"
    )]
    Malformed { line: u64, message: String },
    /// The reader failed; the caller's reader may say why (e.g. a size limit).
    #[error(transparent)]
    Io(std::io::Error),
}

/// The reader's error when a row grows past [`MAX_ROW_BYTES`].
#[derive(Debug, thiserror::Error)]
#[error("a row longer than {} MiB", MAX_ROW_BYTES >> 20)]
pub(super) struct RowTooLong;

/// Byte offsets of the line breaks read but not yet passed, shared between
/// the reader (which finds them) and [`Rows`] (which turns a record's byte
/// offset into its line). Only the reader's look-ahead is kept, so memory
/// does not grow with the file. (csv's own line numbers skip blank lines and
/// miscount CRLF inside quotes.)
#[derive(Default, Clone)]
pub(super) struct Lines {
    /// (offset of a `\n`, whether the line it ends is blank).
    pub(super) ahead: Rc<RefCell<VecDeque<(u64, bool)>>>,
    pub(super) passed: u64,
    /// Bytes the reader has handed out, and that count when the last record
    /// was returned: the difference bounds the record being read.
    pub(super) read: Rc<Cell<u64>>,
    pub(super) mark: Rc<Cell<u64>>,
}

impl Lines {
    /// The 1-based line where the record at byte `offset` starts; offsets
    /// must not go backwards. Blank lines csv skipped before the record
    /// (which its offset may include) are passed too.
    pub(super) fn at(&mut self, offset: u64) -> u64 {
        let mut ahead = self.ahead.borrow_mut();
        while ahead
            .front()
            .is_some_and(|&(nl, blank)| nl <= offset || blank)
        {
            ahead.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

pub(super) struct LineCounter<R> {
    pub(super) inner: R,
    pub(super) offset: u64,
    pub(super) lines: Lines,
    /// Nothing but `\r` seen since the last `\n`.
    pub(super) blank: bool,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.offset - self.lines.mark.get() > MAX_ROW_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                RowTooLong,
            ));
        }
        let n = self.inner.read(buf)?;
        let mut ahead = self.lines.ahead.borrow_mut();
        for (i, b) in buf.iter().take(n).enumerate() {
            match b {
                b'\n' => {
                    ahead.push_back((self.offset + i as u64, self.blank));
                    self.blank = true;
                }
                b'\r' => {}
                _ => self.blank = false,
            }
        }
        self.offset += n as u64;
        self.lines.read.set(self.offset);
        Ok(n)
    }
}

/// A reader error of csv as the reason the read stops at `line`.
pub(super) fn stop_error(e: csv::Error, line: u64) -> StopError {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|inner| inner.is::<RowTooLong>()) => {
            StopError::RowTooLong { line }
        }
        csv::ErrorKind::Io(io) => StopError::Io(io),
        _ => StopError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("line {line}: cannot read the CSV: {message}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::test_support::{bad_lines, read};
    use crate::domain::import::{FileError, Format, Rows};
    use crate::domain::policy::Policy;

    #[test]
    fn bad_rows_are_reported_at_their_physical_line() {
        let text = "username,name,role,facilities,password\n\
                    ok1,\"Two\nLines\",user,,\n\
                    \n\
                    bad user,,boss,x y,\n\
                    ok2,,user,,\n\
                    short,row\n";
        let bad = bad_lines(text);
        assert_eq!(bad.len(), 3, "{bad:?}");
        assert_eq!(bad[0].0, 2, "the quoted newline is refused in a name");
        assert!(bad[0].1.contains("invalid name"), "{bad:?}");
        assert_eq!(
            bad[1].0, 5,
            "lines after a quoted newline keep their number"
        );
        assert!(
            bad[1].1.contains("invalid username")
                && bad[1].1.contains("unknown role `boss`")
                && bad[1].1.contains("facility code"),
            "{bad:?}"
        );
        assert_eq!(bad[2].0, 7);
        assert!(bad[2].1.contains("expected 5 fields"), "{bad:?}");
    }

    #[test]
    fn line_numbers_survive_blank_lines_and_crlf_inside_quotes() {
        let text = "username,name,role,facilities,password\r\n\
                    \"x y\",\"A\r\nB\",user,,\r\n\
                    \r\n\
                    \n\
                    bad!,,user,,\r\n";
        let lines: Vec<u64> = bad_lines(text).iter().map(|b| b.0).collect();
        assert_eq!(lines, [2, 6]);
    }

    #[test]
    fn a_row_without_end_stops_the_read_instead_of_growing() -> Result<(), FileError> {
        // /dev/zero after a header: no line break ever comes.
        let endless = b"username,name,role,facilities,password\n".chain(std::io::repeat(0));
        let mut rows = Rows::open(endless, &Default::default(), Format::Csv)?;
        let stop = rows.next_row(&Policy::default());
        assert!(
            matches!(stop, Err(StopError::RowTooLong { line: 2 })),
            "{stop:?}"
        );
        // A long but bounded row is only a bad row.
        let mut text = "username,name,role,facilities,password\nann,".to_string();
        text.push_str(&"x".repeat(200_000));
        text.push_str(",user,,\nbob,,user,,\n");
        let rows = read(&text)?;
        assert!(
            matches!(&rows[..], [Err(e), Ok(b)] if e.line == 2 && b.line == 3),
            "{rows:?}"
        );
        Ok(())
    }
}
