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

/// RFC 3339 UTC for Unix seconds (`2026-11-22T10:00:00Z`).
pub fn timestamp(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| secs.to_string())
}
