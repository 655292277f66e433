//! [`Rows`]: an import file read row by row, CSV or JSON, each row checked.

use std::io::Read;

use super::columns::{Columns, columns};
use super::json;
use super::lines::{LineCounter, Lines, stop_error};
use super::row::row;
use super::{FileError, Format, Row, RowError, StopError};
use crate::domain::policy::Policy;

/// Reads an import file row by row. Blank lines are skipped; a quoted field
/// may hold line breaks and the next row still gets its true line number.
pub struct Rows<R: Read> {
    input: Input<R>,
    columns: Columns,
    record: csv::ByteRecord,
    lines: Lines,
    /// Skip the costly checks (PHC parsing, the policy) on a second read.
    trusted: bool,
    /// A keyed hash of every record read, to tell whether two reads of a
    /// file saw the same bytes.
    digest: std::hash::DefaultHasher,
}

enum Input<R: Read> {
    Csv(csv::Reader<LineCounter<R>>),
    Json(json::Items<R>),
}

impl<R: Read> Rows<R> {
    /// Read and check the header. `keys` seeds [`Rows::digest`]: give both
    /// reads of one file the same keys.
    pub fn open(
        input: R,
        keys: &std::hash::RandomState,
        format: Format,
    ) -> Result<Self, FileError> {
        let mut digest = std::hash::BuildHasher::build_hasher(keys);
        if format == Format::Json {
            return Ok(Rows {
                input: Input::Json(json::Items::open(input)?),
                columns: json::COLUMNS,
                record: csv::ByteRecord::new(),
                lines: Lines::default(),
                trusted: false,
                digest,
            });
        }
        let lines = Lines::default();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(LineCounter {
                inner: input,
                offset: 0,
                lines: lines.clone(),
                blank: true,
            });
        let mut lines = lines;
        let mut header = csv::ByteRecord::new();
        let found = reader
            .read_byte_record(&mut header)
            .map_err(|e| stop_error(e, lines.at(0)))?;
        if !found || header.iter().all(|f| f.trim_ascii().is_empty()) {
            return Err(FileError::Empty);
        }
        lines.mark.set(lines.read.get());
        let line = lines.at(header.position().map_or(0, csv::Position::byte));
        let columns = columns(&header).map_err(|message| FileError::Header { line, message })?;
        feed(&mut digest, &header);
        Ok(Rows {
            input: Input::Csv(reader),
            columns,
            record: csv::ByteRecord::new(),
            lines,
            trusted: false,
            digest,
        })
    }

    /// Read the file a second time, after a first read found every row good
    /// and [`Rows::digest`] will be compared: the costly checks are skipped.
    pub fn trusting(mut self) -> Self {
        self.trusted = true;
        self
    }

    /// A hash of every record read so far (keyed, so a file cannot be
    /// crafted to collide).
    pub fn digest(&self) -> u64 {
        std::hash::Hasher::finish(&self.digest)
    }

    /// The next row, checked against `policy`; `None` at the end of the
    /// file. An error means the file cannot be read on: stop.
    pub fn next_row(
        &mut self,
        policy: &Policy,
    ) -> Result<Option<Result<Row, RowError>>, StopError> {
        let policy = (!self.trusted).then_some(policy);
        let reader = match &mut self.input {
            Input::Csv(reader) => reader,
            Input::Json(items) => {
                return Ok(items.next(&mut self.record)?.map(|found| {
                    let line = found?;
                    feed(&mut self.digest, &self.record);
                    row(&self.columns, &self.record, line, policy, false)
                        .map_err(|message| RowError { line, message })
                }));
            }
        };
        loop {
            // Where the next record starts, for an error that has no position.
            let start = reader.position().byte();
            let found = reader.read_byte_record(&mut self.record);
            self.lines.mark.set(self.lines.read.get());
            match found {
                Ok(false) => return Ok(None),
                Err(e) => {
                    let line = self
                        .lines
                        .at(e.position().map_or(start, csv::Position::byte));
                    return Err(stop_error(e, line));
                }
                Ok(true) => {}
            }
            feed(&mut self.digest, &self.record);
            // A line holding only separators or spaces is as blank as an empty one.
            if self.record.iter().all(|f| f.trim_ascii().is_empty()) {
                // Pass its line breaks, or a file of blank lines would keep
                // one offset per line in memory.
                self.lines
                    .at(self.record.position().map_or(0, csv::Position::byte));
                continue;
            }
            let line = self
                .lines
                .at(self.record.position().map_or(0, csv::Position::byte));
            return Ok(Some(
                row(&self.columns, &self.record, line, policy, true)
                    .map_err(|message| RowError { line, message }),
            ));
        }
    }
}

fn feed(h: &mut std::hash::DefaultHasher, record: &csv::ByteRecord) {
    use std::hash::Hasher;
    h.write_usize(record.len());
    for field in record {
        h.write_usize(field.len());
        h.write(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::test_support::read;
    use crate::domain::names::Username;
    use proptest::prelude::*;

    #[test]
    fn the_digest_tells_whether_two_reads_saw_the_same_rows() -> Result<(), FileError> {
        let keys = std::hash::RandomState::new();
        let digest = |text: &str, trusted: bool| -> Result<u64, FileError> {
            let mut rows = Rows::open(text.as_bytes(), &keys, Format::Csv)?;
            if trusted {
                rows = rows.trusting();
            }
            while rows.next_row(&Policy::default()).ok().flatten().is_some() {}
            Ok(rows.digest())
        };
        let a = "username,name,role,facilities,password\nann,,user,,\nben,,user,,\n";
        let b = "username,name,role,facilities,password\nann,,user,,\nbem,,user,,\n";
        assert_eq!(digest(a, false)?, digest(a, true)?);
        assert_ne!(digest(a, false)?, digest(b, true)?);
        // The trusted read skips the policy: a weak password passes it.
        let weak = "username,name,role,facilities,password\nann,,user,,weak\n";
        let mut rows = Rows::open(weak.as_bytes(), &keys, Format::Csv)?.trusting();
        assert!(matches!(rows.next_row(&Policy::default()), Ok(Some(Ok(_)))));
        Ok(())
    }

    #[test]
    fn invalid_utf8_is_a_bad_row_not_a_failure() {
        let mut bytes = b"username,name,role,facilities,password\nkim,".to_vec();
        bytes.extend_from_slice(b"\xff\xfe,user,,\nlee,,user,,\n");
        let mut rows = match Rows::open(bytes.as_slice(), &Default::default(), Format::Csv) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let first = rows.next_row(&Policy::default());
        assert!(
            matches!(&first, Ok(Some(Err(e))) if e.line == 2 && e.message.contains("UTF-8")),
            "{first:?}"
        );
        assert!(matches!(rows.next_row(&Policy::default()), Ok(Some(Ok(r))) if r.line == 3));
        assert!(matches!(rows.next_row(&Policy::default()), Ok(None)));
    }

    #[test]
    fn blank_lines_are_passed_not_kept() -> Result<(), FileError> {
        let mut text = "username,name,role,facilities,password\n".to_string();
        text.push_str(&",,,,\n\n".repeat(50_000));
        let mut rows = Rows::open(text.as_bytes(), &Default::default(), Format::Csv)?;
        assert!(matches!(rows.next_row(&Policy::default()), Ok(None)));
        assert!(rows.lines.ahead.borrow().len() < 1000);
        // The line numbers after blank lines stay right.
        text.push_str("ann,,user,,\n");
        let rows = read(&text)?;
        assert!(
            matches!(&rows[..], [Ok(r)] if r.line == 100_002),
            "{rows:?}"
        );
        Ok(())
    }

    proptest! {
        /// Whatever bytes arrive, reading never panics and every bad row has a
        /// line number within the file.
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(mut rows) = Rows::open(bytes.as_slice(), &Default::default(), Format::Csv) {
                let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64 + 1;
                while let Some(r) = rows.next_row(&Policy::default()).ok().flatten() {
                    if let Err(e) = r {
                        prop_assert!(e.line >= 1 && e.line <= lines + 1, "{e}");
                    }
                }
            }
        }

        /// CSV-shaped input with quotes, separators and newlines in odd places
        /// never panics either, and good rows always hold valid usernames.
        #[test]
        fn random_csv_never_panics(body in "([a-zA-Z0-9;,\"\\n\\r $=+#.-]{0,30}\\n){0,12}") {
            let text = format!("username,name,role,facilities,password,password_hash,must_change\n{body}");
            let mut rows = Rows::open(text.as_bytes(), &Default::default(), Format::Csv).map_err(|e| TestCaseError::fail(e.to_string()))?;
            while let Some(r) = rows.next_row(&Policy::default()).ok().flatten() {
                if let Ok(row) = r {
                    prop_assert!(Username::parse(row.username.as_str()).is_ok());
                    prop_assert!(row.line >= 2);
                }
            }
        }
    }
}
