//! The formats of `user import` and `user export`: the CSV header, the JSON
//! export's items (see [`json`]), and each row turned into a checked [`Row`]
//! or a message tied to its line number.
//!
//! Pure: the caller hands in any reader (a file, stdin, a byte slice) and the
//! policy; looking facilities and accounts up in the database is the caller's.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

use super::account::{Role, Status};
use super::names::{FacilityCode, Username, display_name};
use super::password::{self, MAX_PASSWORD_BYTES};
use super::policy::{Policy, describe};
use super::secret::Secret;

mod json;

/// Columns every import file has, in the order `user export` writes them.
pub const REQUIRED: [&str; 5] = ["username", "name", "role", "facilities", "password"];
/// Columns an import file may add.
pub const OPTIONAL: [&str; 3] = ["password_hash", "must_change", "status"];
/// The columns `user export` writes: the required ones, then `status`.
pub const EXPORTED: [&str; 6] = [
    "username",
    "name",
    "role",
    "facilities",
    "password",
    "status",
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
struct RowTooLong;

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

/// Where each column is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    username: usize,
    name: usize,
    role: usize,
    facilities: usize,
    password: usize,
    password_hash: Option<usize>,
    must_change: Option<usize>,
    status: Option<usize>,
    width: usize,
}

/// Where an account's password comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    /// Empty `password`: a temporary one is generated (for a new account) or
    /// the current one is kept (for an updated account).
    Generate,
    /// A password chosen by the administrator; it meets the policy.
    Given(Secret),
    /// An Argon2 PHC string from another system, checked.
    Hash(String),
}

/// A checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file line where the row starts (the header is line 1).
    pub line: u64,
    pub username: Username,
    pub name: Option<String>,
    pub role: Role,
    /// Codes as written, without repeats (compared case-insensitively).
    pub facilities: Vec<FacilityCode>,
    pub password: PasswordSource,
    /// Must the password be changed at the next sign-in?
    pub must_change: bool,
    /// The `status` column; `None` when absent or empty: a new account is
    /// active, an updated one keeps its status.
    pub status: Option<Status>,
}

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

/// Byte offsets of the line breaks read but not yet passed, shared between
/// the reader (which finds them) and [`Rows`] (which turns a record's byte
/// offset into its line). Only the reader's look-ahead is kept, so memory
/// does not grow with the file. (csv's own line numbers skip blank lines and
/// miscount CRLF inside quotes.)
#[derive(Default, Clone)]
struct Lines {
    /// (offset of a `\n`, whether the line it ends is blank).
    ahead: Rc<RefCell<VecDeque<(u64, bool)>>>,
    passed: u64,
    /// Bytes the reader has handed out, and that count when the last record
    /// was returned: the difference bounds the record being read.
    read: Rc<Cell<u64>>,
    mark: Rc<Cell<u64>>,
}

impl Lines {
    /// The 1-based line where the record at byte `offset` starts; offsets
    /// must not go backwards. Blank lines csv skipped before the record
    /// (which its offset may include) are passed too.
    fn at(&mut self, offset: u64) -> u64 {
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

struct LineCounter<R> {
    inner: R,
    offset: u64,
    lines: Lines,
    /// Nothing but `\r` seen since the last `\n`.
    blank: bool,
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

/// A reader error of csv as the reason the read stops at `line`.
fn stop_error(e: csv::Error, line: u64) -> StopError {
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

fn feed(h: &mut std::hash::DefaultHasher, record: &csv::ByteRecord) {
    use std::hash::Hasher;
    h.write_usize(record.len());
    for field in record {
        h.write_usize(field.len());
        h.write(field);
    }
}

fn columns(header: &csv::ByteRecord) -> Result<Columns, String> {
    let mut names = Vec::with_capacity(header.len());
    for (i, raw) in header.iter().enumerate() {
        let raw = if i == 0 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
        if !REQUIRED.contains(&name.as_str()) && !OPTIONAL.contains(&name.as_str()) {
            let shown: String = name.chars().filter(|c| !c.is_control()).take(40).collect();
            return Err(format!("unknown column `{shown}`"));
        }
        if names.contains(&name) {
            return Err(format!("column `{name}` appears twice"));
        }
        names.push(name);
    }
    let find = |want: &str| names.iter().position(|n| n == want);
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|want| find(want).is_none())
        .collect();
    if !missing.is_empty() {
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(format!("missing column{s} `{}`", missing.join("`, `")));
    }
    let at = |want: &str| find(want).unwrap_or_default();
    Ok(Columns {
        username: at("username"),
        name: at("name"),
        role: at("role"),
        facilities: at("facilities"),
        password: at("password"),
        password_hash: find("password_hash"),
        must_change: find("must_change"),
        status: find("status"),
        width: names.len(),
    })
}

/// Check one record; every problem is listed, separated by `; `. Without a
/// policy (a trusted second read) hashes and passwords are taken as they are.
/// `escaped`: the record is CSV, whose fields `user export` may have
/// neutralised (see [`unneutralise`]).
fn row(
    cols: &Columns,
    record: &csv::ByteRecord,
    line: u64,
    policy: Option<&Policy>,
    escaped: bool,
) -> Result<Row, String> {
    // An unquoted PHC string splits at its commas (`m=..,t=..,p=..`): when
    // the extra fields start at password_hash, join them back.
    let joined;
    let record = match (record.len().checked_sub(cols.width), cols.password_hash) {
        (Some(extra @ 1..), Some(h))
            if record.get(h).is_some_and(|f| f.starts_with(b"$argon2")) =>
        {
            let mut fixed = csv::ByteRecord::new();
            for f in record.iter().take(h) {
                fixed.push_field(f);
            }
            let parts: Vec<&[u8]> = record.iter().skip(h).take(extra + 1).collect();
            fixed.push_field(&parts.join(&b","[..]));
            for f in record.iter().skip(h + extra + 1) {
                fixed.push_field(f);
            }
            joined = fixed;
            &joined
        }
        _ => record,
    };
    if record.len() != cols.width {
        return Err(format!(
            "expected {} fields as in the header, found {} (quote fields that contain commas)",
            cols.width,
            record.len()
        ));
    }
    let mut problems: Vec<String> = Vec::new();
    // Fields are bytes until proven UTF-8, so one bad byte is one bad row.
    let mut text = |i: usize, what: &str| -> String {
        let raw = record.get(i).unwrap_or_default();
        match std::str::from_utf8(raw) {
            Ok(s) => s.to_string(),
            Err(_) => {
                problems.push(format!("{what} is not valid UTF-8"));
                String::new()
            }
        }
    };
    let mut exported = |i: usize, what: &str| {
        let t = text(i, what);
        if escaped { unneutralise(t) } else { t }
    };
    let username = exported(cols.username, "username");
    let name = exported(cols.name, "name");
    let role = exported(cols.role, "role");
    let facilities = exported(cols.facilities, "facilities");
    let status = cols
        .status
        .map(|i| exported(i, "status"))
        .unwrap_or_default();
    let plain = Secret::new(text(cols.password, "password"));
    let hash = cols
        .password_hash
        .map(|i| text(i, "password_hash"))
        .unwrap_or_default();
    let must_change = cols
        .must_change
        .map(|i| text(i, "must_change"))
        .unwrap_or_default();

    let username = match Username::parse(username.trim()) {
        Ok(u) => Some(u),
        Err(e) => {
            problems.push(e.to_string());
            None
        }
    };
    let name = if name.trim().is_empty() {
        None
    } else {
        match display_name("name", &name) {
            Ok(n) => Some(n),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        }
    };
    let role = if role.trim().is_empty() {
        Role::User
    } else {
        role.parse()
            .unwrap_or_else(|e: super::account::UnknownRole| {
                problems.push(e.to_string());
                Role::User
            })
    };
    let mut codes: Vec<FacilityCode> = Vec::new();
    for code in facilities
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match FacilityCode::parse(code) {
            Ok(c)
                if codes
                    .iter()
                    .any(|k| k.as_str().eq_ignore_ascii_case(c.as_str())) => {}
            Ok(c) => codes.push(c),
            Err(e) => problems.push(e.to_string()),
        }
    }
    let hash = hash.trim();
    let password = match (plain.expose().is_empty(), hash.is_empty()) {
        (false, false) => {
            problems.push("give either password or password_hash, not both".into());
            PasswordSource::Generate
        }
        (true, true) => PasswordSource::Generate,
        (true, false) => match policy.map_or(Ok(()), |_| password::check_phc(hash)) {
            Ok(()) => PasswordSource::Hash(hash.to_string()),
            Err(e) => {
                problems.push(format!("password_hash {e}"));
                PasswordSource::Generate
            }
        },
        (false, true) => {
            if plain.expose().len() > MAX_PASSWORD_BYTES {
                problems.push(format!(
                    "password is longer than {MAX_PASSWORD_BYTES} bytes"
                ));
            } else if let (Some(u), Some(policy)) = (&username, policy) {
                let broken = policy.check_password(u.as_str(), plain.expose());
                if !broken.is_empty() {
                    problems.push(describe(&broken));
                }
            }
            PasswordSource::Given(plain)
        }
    };
    let must_change = match must_change.trim().to_ascii_lowercase().as_str() {
        "" => !matches!(password, PasswordSource::Hash(_)),
        "true" | "yes" | "1" => true,
        "false" | "no" | "0" => {
            if password == PasswordSource::Generate {
                problems.push(
                    "must_change=false needs a password or password_hash: a generated password is temporary"
                        .into(),
                );
            }
            false
        }
        other => {
            let shown: String = other.chars().filter(|c| !c.is_control()).take(20).collect();
            problems.push(format!("must_change `{shown}` is not true or false"));
            true
        }
    };
    let status = match status.trim().to_ascii_lowercase().as_str() {
        "" => None,
        "active" => Some(Status::Active),
        "disabled" => Some(Status::Disabled),
        "locked" => Some(Status::Locked),
        other => {
            let shown: String = other.chars().filter(|c| !c.is_control()).take(20).collect();
            problems.push(format!(
                "status `{shown}` is not active, disabled or locked"
            ));
            None
        }
    };
    match username {
        Some(username) if problems.is_empty() => Ok(Row {
            line,
            username,
            name,
            role,
            facilities: codes,
            password,
            must_change,
            status,
        }),
        _ => Err(problems.join("; ")),
    }
}

/// One account as `user export` writes it, in the order of [`EXPORTED`]:
/// the import columns with an empty password (nothing secret leaves the
/// database) and the status, each field [`neutralise`]d.
pub fn export_record(
    username: &str,
    name: Option<&str>,
    role: Role,
    facilities: &[String],
    status: Status,
) -> [String; 6] {
    [
        neutralise(username),
        neutralise(name.unwrap_or_default()),
        neutralise(role.as_str()),
        neutralise(&facilities.join(";")),
        String::new(),
        neutralise(status.as_str()),
    ]
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '|', '\t'];

/// Whether `s`, after any leading `'`, starts like a formula.
fn formula_like(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// A field as `user export` writes it: one more leading `'` when, past its
/// leading `'`s, it starts like a formula (`=HYPERLINK(..)` becomes
/// `'=HYPERLINK(..)`, `'=x` becomes `''=x`), so a spreadsheet shows text.
pub fn neutralise(s: &str) -> String {
    if formula_like(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The inverse of [`neutralise`], for the CSV columns export writes: a field
/// that starts with `'` and, past its leading `'`s, like a formula loses one `'`.
pub fn unneutralise(s: String) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest.to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";

    /// Every row of `text`: the good ones and the line-numbered bad ones.
    fn read(text: &str) -> Result<Vec<Result<Row, RowError>>, FileError> {
        let mut rows = Rows::open(text.as_bytes(), &Default::default(), Format::Csv)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next_row(&Policy::default()).ok().flatten() {
            out.push(r);
        }
        Ok(out)
    }

    fn bad_lines(text: &str) -> Vec<(u64, String)> {
        read(text)
            .unwrap_or_default()
            .into_iter()
            .filter_map(Result::err)
            .map(|e| (e.line, e.message))
            .collect()
    }

    #[test]
    fn good_rows_come_out_typed() -> Result<(), FileError> {
        let rows = read(
            "username,name,role,facilities,password\n\
             Alice,Alice Smith,admin,NORTH; south ;north,\n\
             bob,,,,Fine#pass9\n",
        )?;
        let [Ok(alice), Ok(bob)] = rows.as_slice() else {
            panic!("{rows:?}");
        };
        assert_eq!(alice.line, 2);
        assert_eq!(alice.username.as_str(), "alice");
        assert_eq!(alice.name.as_deref(), Some("Alice Smith"));
        assert_eq!(alice.role, Role::Admin);
        let codes: Vec<&str> = alice.facilities.iter().map(FacilityCode::as_str).collect();
        assert_eq!(codes, ["NORTH", "south"], "repeats merged, case ignored");
        assert_eq!(alice.password, PasswordSource::Generate);
        assert!(alice.must_change);
        assert_eq!(bob.role, Role::User);
        assert_eq!(
            bob.password,
            PasswordSource::Given(Secret::new("Fine#pass9".into()))
        );
        assert!(bob.must_change, "an administrator's password is temporary");
        Ok(())
    }

    #[test]
    fn columns_may_come_in_any_order_with_a_bom_and_optional_ones() -> Result<(), FileError> {
        let rows = read(&format!(
            "\u{FEFF}Password, ROLE ,must_change,facilities,password_hash,name,username\n\
             ,user,,,\"{PHC}\",,carol\n\
             ,user,true,,\"{PHC}\",,dave\n"
        ))?;
        let [Ok(carol), Ok(dave)] = rows.as_slice() else {
            panic!("{rows:?}");
        };
        assert_eq!(carol.password, PasswordSource::Hash(PHC.into()));
        assert!(
            !carol.must_change,
            "a migrated hash is its owner's own password"
        );
        assert!(dave.must_change);
        Ok(())
    }

    #[test]
    fn header_problems_name_the_column() {
        let err = |t: &str| read(t).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err("username,name,role,password\n").contains("missing column `facilities`"));
        assert!(
            err("username,name,role,facilities,password,pasword\n")
                .contains("unknown column `pasword`")
        );
        assert!(
            err("username,name,role,facilities,password,name\n").contains("`name` appears twice")
        );
        assert!(matches!(read(""), Err(FileError::Empty)));
        assert!(matches!(read("\n\n"), Err(FileError::Empty)));
        assert!(matches!(read("username,name,role,facilities,password\n"), Ok(v) if v.is_empty()));
    }

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
    fn passwords_and_hashes_are_checked_but_never_echoed() {
        let text = format!(
            "username,name,role,facilities,password,password_hash,must_change\n\
             eve,,,,short1,,\n\
             frank,,,,Frank#pw99,,\n\
             gina,,,,Good#pass1,\"{PHC}\",\n\
             hank,,,,,\"$argon2id$v=19$m=19456,t=2\",\n\
             ivan,,,,,,false\n\
             jill,,,,,,maybe\n"
        );
        let bad = bad_lines(&text);
        let lines: Vec<u64> = bad.iter().map(|b| b.0).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7], "{bad:?}");
        assert!(bad[0].1.contains("does not meet the policy") && !bad[0].1.contains("short1"));
        assert!(
            bad[1].1.contains("may not contain the username") && !bad[1].1.contains("Frank#pw99")
        );
        assert!(bad[2].1.contains("not both") && !bad[2].1.contains("Good#pass1"));
        assert!(
            bad[3].1.contains("password_hash") && !bad[3].1.contains("m=19456"),
            "{bad:?}"
        );
        assert!(bad[4].1.contains("generated password is temporary"));
        assert!(bad[5].1.contains("`maybe` is not true or false"));
        // An unquoted hash is joined back at its commas, wherever the column is.
        let rows = read(&format!(
            "username,password_hash,name,role,facilities,password\nkai,{PHC},Kai,admin,,\nlou,$argon2id$v=19$m=1,2,3,Lou,user,,\n"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(&rows[0], Ok(r) if r.password == PasswordSource::Hash(PHC.into()) && r.role == Role::Admin && r.name.as_deref() == Some("Kai")),
            "{rows:?}"
        );
        assert!(
            matches!(&rows[1], Err(e) if e.message.contains("password_hash")),
            "{rows:?}"
        );
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
    fn an_export_record_reads_back_as_the_same_account() -> Result<(), FileError> {
        let names = [
            "Mia, \"the\" Boss",
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+cmd|x",
            "@SUM(1)",
            "-2",
            "|pipe",
            "'=quoted",
            "''+twice",
            "'plain",
            "it's",
        ];
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut write = |rec: &[String]| {
            w.write_record(rec).map_err(|e| FileError::Header {
                line: 0,
                message: e.to_string(),
            })
        };
        write(&EXPORTED.map(String::from))?;
        for (i, name) in names.iter().enumerate() {
            let status = [Status::Active, Status::Disabled, Status::Locked][i % 3];
            write(&export_record(
                &format!("mia{i}"),
                Some(name),
                Role::Supervisor,
                &["A".into(), "b".into()],
                status,
            ))?;
        }
        let bytes = w.into_inner().map_err(|e| FileError::Header {
            line: 0,
            message: e.to_string(),
        })?;
        let text = String::from_utf8_lossy(&bytes).to_string();
        // No cell starts like a formula.
        for field in text.lines().flat_map(|l| l.split(',')) {
            let field = field.trim_start_matches('"');
            assert!(!field.starts_with(FORMULA_START), "{field}");
        }
        let rows = read(&text)?;
        assert_eq!(rows.len(), names.len());
        for (i, (row, name)) in rows.iter().zip(names).enumerate() {
            let Ok(mia) = row else { panic!("{row:?}") };
            assert_eq!(mia.name.as_deref(), Some(name));
            assert_eq!(mia.role, Role::Supervisor);
            assert_eq!(mia.facilities.len(), 2);
            assert_eq!(mia.password, PasswordSource::Generate);
            let status = [Status::Active, Status::Disabled, Status::Locked][i % 3];
            assert_eq!(mia.status, Some(status));
        }
        Ok(())
    }

    #[test]
    fn neutralising_is_undone_exactly_and_only_for_what_export_wrote() {
        for s in [
            "=1", "+1", "-1", "@a", "|a", "\tx", "'=1", "''@", "'", "a=b", "", "'a",
        ] {
            assert_eq!(unneutralise(neutralise(s)), s, "{s:?}");
        }
        assert_eq!(neutralise("=1"), "'=1");
        assert_eq!(neutralise("'=1"), "''=1");
        assert_eq!(neutralise("'plain"), "'plain");
        // A hand-written field: `=1` stays as typed, `'=1` is read as `=1`.
        assert_eq!(unneutralise("=1".into()), "=1");
        assert_eq!(unneutralise("'=1".into()), "=1");
        assert_eq!(unneutralise("'a".into()), "'a");
        // The status column is optional; a bad value is a bad row.
        let rows = read("username,name,role,facilities,password,status\nann,,,,,\nbob,,,,,LOCKED\ncid,,,,,gone\n")
            .unwrap_or_default();
        assert!(matches!(&rows[0], Ok(r) if r.status.is_none()), "{rows:?}");
        assert!(matches!(&rows[1], Ok(r) if r.status == Some(Status::Locked)));
        assert!(matches!(&rows[2], Err(e) if e.message.contains("status `gone`")));
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

    #[test]
    fn formulas_are_neutralised_on_export_and_restored_on_import() {
        for (field, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+cmd|x", "'+1+cmd|x"),
            ("-2", "'-2"),
            ("@SUM(1)", "'@SUM(1)"),
            ("|pipe", "'|pipe"),
            ("\tTab", "'\tTab"),
            ("'=x", "''=x"),
            ("'plain", "'plain"),
            ("Ann O'Neil", "Ann O'Neil"),
            ("", ""),
        ] {
            assert_eq!(neutralise(field), written, "{field:?}");
            assert_eq!(unneutralise(written.to_string()), field, "{written:?}");
        }
    }

    proptest! {
        /// Whatever the name, export then import gives it back.
        #[test]
        fn neutralise_then_unneutralise_is_the_identity(field in "['=+@|\t a-z-]{0,8}") {
            let written = neutralise(&field);
            prop_assert_eq!(unneutralise(written), field);
        }
    }
}
