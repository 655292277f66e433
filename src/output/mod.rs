//! Everything that reaches stdout: JSON documents for scripts, tables for people.
//! Writes return `io::Result` so a closed pipe ends the command quietly.

pub mod qr;
pub mod table;
pub mod view;

use serde::Serialize;
use std::io::{self, Write};

/// Where a command's result goes, and in which form.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub json: bool,
}

impl Printer {
    /// One JSON document on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, value)?;
        writeln!(out)?;
        out.flush()
    }

    /// Text for people; callers in JSON mode use [`Printer::json`] or [`Printer::emit`].
    pub fn text(&self, text: impl std::fmt::Display) -> io::Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()
    }

    /// `value` as JSON, or `human` as text.
    pub fn emit<T: Serialize + ?Sized>(
        &self,
        value: &T,
        human: impl std::fmt::Display,
    ) -> io::Result<()> {
        if self.json {
            self.json(value)
        } else {
            self.text(human)
        }
    }
}

/// Whether stdout can show anything. A closed stdout (`>&-`) is not seen as
/// EBADF by the process: Rust's runtime reopens a closed fd 1 on `/dev/null`
/// (read-write) before `main`, and every write then succeeds. That is
/// reported as the EBADF it was, so a secret shown once is never lost
/// silently; a `> /dev/null` of the shell is write-only and stays a choice.
pub fn stdout_open() -> io::Result<()> {
    use nix::fcntl::{FcntlArg, OFlag, fcntl};
    use nix::sys::stat::{SFlag, fstat, major, minor};
    use std::os::fd::AsFd;
    let out = io::stdout();
    let fd = out.as_fd();
    let st = fstat(fd)?;
    let flags = OFlag::from_bits_truncate(fcntl(fd, FcntlArg::F_GETFL)?);
    let char_device = SFlag::from_bits_truncate(st.st_mode) & SFlag::S_IFMT == SFlag::S_IFCHR;
    let dev_null = char_device && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3;
    if dev_null && flags & OFlag::O_ACCMODE == OFlag::O_RDWR {
        return Err(io::Error::other("stdout is closed, EBADF"));
    }
    Ok(())
}

/// RFC 3339 UTC for Unix seconds (`2026-11-22T10:00:00Z`).
pub fn timestamp(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| secs.to_string())
}
