//! The JSON export as an import file: the array `user export --format json`
//! writes, read one item at a time (each at most [`MAX_ROW_BYTES`], so memory
//! does not grow with the file), each item turned into the record the CSV
//! would hold, so that every check of a row is the CSV's.

use std::io::{self, BufRead, BufReader, Read};

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{Columns, FileError, MAX_ROW_BYTES, RowError, RowTooLong, StopError};

/// Where each key's value goes in the record.
pub(super) const COLUMNS: Columns = Columns {
    username: 0,
    name: 1,
    role: 2,
    facilities: 3,
    password: 4,
    password_hash: Some(5),
    must_change: Some(6),
    status: Some(7),
    expires_at: Some(8),
    width: 9,
};

/// Keys of the export that hold text, by their place in the record.
const TEXT: [(&str, usize); 7] = [
    ("username", 0),
    ("name", 1),
    ("role", 2),
    ("password", 4),
    ("password_hash", 5),
    ("status", 7),
    ("expires_at", 8),
];

/// Keys the export writes that describe an account's state and are not
/// imported (the status is; a lock's time and reason are set by the import).
const IGNORED: [&str; 12] = [
    "failed_attempts",
    "must_change_password",
    "terms_pending",
    "twofa_enrolled",
    "locked_at",
    "lock_reason",
    "locked_until",
    "questions_set",
    "created_at",
    "updated_at",
    "password_changed_at",
    "last_sign_in_at",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// After the `[`.
    First,
    /// After an item.
    Next,
    /// After the `]`.
    Done,
}

/// The items of the array, one at a time.
pub(super) struct Items<R> {
    input: BufReader<R>,
    /// The line of the next byte (1-based).
    line: u64,
    /// Bytes of the item being parsed.
    item_bytes: u64,
    /// Why the input failed under serde_json, which keeps only its kind.
    failed: Option<io::Error>,
    state: State,
}

fn malformed(line: u64, message: impl Into<String>) -> StopError {
    StopError::Malformed {
        line,
        message: message.into(),
    }
}

impl<R: Read> Items<R> {
    /// Read up to the opening `[`.
    pub(super) fn open(input: R) -> Result<Self, FileError> {
        let mut items = Items {
            input: BufReader::with_capacity(1 << 16, input),
            line: 1,
            item_bytes: 0,
            failed: None,
            state: State::First,
        };
        if items
            .input
            .fill_buf()
            .map_err(StopError::Io)?
            .starts_with(b"\xEF\xBB\xBF")
        {
            items.input.consume(3);
        }
        match items.skip_space()? {
            Some(b'[') => items.input.consume(1),
            None => {
                return Err(FileError::Json {
                    line: 1,
                    message: "the file is empty".into(),
                });
            }
            Some(_) => {
                return Err(FileError::Json {
                    line: items.line,
                    message: "the file does not start with `[`".into(),
                });
            }
        }
        Ok(items)
    }

    /// The next byte that is not JSON white space, not consumed.
    fn skip_space(&mut self) -> Result<Option<u8>, StopError> {
        loop {
            let buf = self.input.fill_buf().map_err(StopError::Io)?;
            if buf.is_empty() {
                return Ok(None);
            }
            let space = buf
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            self.line += buf[..space].iter().filter(|b| **b == b'\n').count() as u64;
            let next = buf.get(space).copied();
            self.input.consume(space);
            if next.is_some() {
                return Ok(next);
            }
        }
    }

    /// The next item as a record (its line, or what is wrong with it);
    /// `None` after the `]`.
    pub(super) fn next(
        &mut self,
        record: &mut csv::ByteRecord,
    ) -> Result<Option<Result<u64, RowError>>, StopError> {
        if self.state == State::Done {
            return Ok(None);
        }
        let next = self.skip_space()?;
        match (self.state, next) {
            (_, None) => return Err(malformed(self.line, "the array ends without `]`")),
            // `[]`, or the end after an item (`, ]` is refused below).
            (_, Some(b']')) => {
                self.input.consume(1);
                self.state = State::Done;
                return match self.skip_space()? {
                    None => Ok(None),
                    Some(_) => Err(malformed(self.line, "there is more after the closing `]`")),
                };
            }
            (State::Next, Some(b',')) => {
                self.input.consume(1);
                if self.skip_space()? == Some(b']') {
                    return Err(malformed(self.line, "a `,` before `]`"));
                }
            }
            (State::Next, Some(_)) => {
                return Err(malformed(self.line, "expected `,` or `]` after an item"));
            }
            (_, Some(_)) => {}
        }
        self.state = State::Next;
        let line = self.line;
        self.item_bytes = 0;
        let parsed = Value::deserialize(&mut serde_json::Deserializer::from_reader(&mut *self));
        let value = match parsed {
            Ok(v) => v,
            Err(e) => {
                return Err(match self.failed.take() {
                    Some(f) if f.get_ref().is_some_and(|i| i.is::<RowTooLong>()) => {
                        StopError::RowTooLong { line }
                    }
                    Some(f) => StopError::Io(f),
                    None => malformed(
                        line + (e.line() as u64).saturating_sub(1),
                        format!("not valid JSON ({e})"),
                    ),
                });
            }
        };
        let Value::Object(map) = value else {
            return Err(malformed(line, "an item is not an object"));
        };
        Ok(Some(
            fill(map, record)
                .map(|()| line)
                .map_err(|message| RowError { line, message }),
        ))
    }
}

/// serde_json reads the item through this, byte by byte: lines are counted
/// and the item is bounded.
impl<R: Read> Read for Items<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.item_bytes > MAX_ROW_BYTES {
            self.failed = Some(io::Error::new(io::ErrorKind::InvalidData, RowTooLong));
            return Err(io::Error::other("stopped"));
        }
        let n = match self.input.read(buf) {
            Ok(n) => n,
            Err(e) => {
                let kind = e.kind();
                self.failed = Some(e);
                return Err(kind.into());
            }
        };
        self.line += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        self.item_bytes += n as u64;
        Ok(n)
    }
}

/// The record the CSV would hold for `item`, or everything wrong with its keys.
fn fill(item: Map<String, Value>, record: &mut csv::ByteRecord) -> Result<(), String> {
    let mut fields: [String; 9] = Default::default();
    let mut problems = Vec::new();
    if !item.contains_key("username") {
        problems.push("missing `username`".to_string());
    }
    for (key, value) in item {
        if let Some(&(_, i)) = TEXT.iter().find(|(k, _)| *k == key) {
            match value {
                Value::String(s) => fields[i] = s,
                Value::Null => {}
                _ => problems.push(format!("`{key}` must be a string or null")),
            }
        } else if key == "facilities" {
            let codes = match value {
                Value::Array(codes) => codes,
                Value::Null => Vec::new(),
                _ => {
                    problems.push("`facilities` must be a list of facility codes".into());
                    Vec::new()
                }
            };
            let mut joined = Vec::with_capacity(codes.len());
            for code in codes {
                match code {
                    Value::String(c) if !c.contains(';') => joined.push(c),
                    _ => problems.push("`facilities` must be a list of facility codes".into()),
                }
            }
            fields[3] = joined.join(";");
        } else if key == "must_change" {
            match value {
                Value::Bool(b) => fields[6] = b.to_string(),
                Value::String(s) => fields[6] = s,
                Value::Null => {}
                _ => problems.push("`must_change` must be true or false".into()),
            }
        } else if !IGNORED.contains(&key.as_str()) {
            let shown: String = key.chars().filter(|c| !c.is_control()).take(40).collect();
            problems.push(format!("unknown key `{shown}`"));
        }
    }
    problems.dedup();
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    record.clear();
    for field in &fields {
        record.push_field(field.as_bytes());
    }
    Ok(())
}
