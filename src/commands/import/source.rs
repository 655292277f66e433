//! The file being imported, read twice: a regular file from disk, anything
//! else copied as it is read (see [`super::spool`]) so that it can be read again.

use std::fs;
use std::hash::RandomState;
use std::io::{self, IsTerminal, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::spool::{self, Spool, TooLarge};
use crate::domain::import::{FileError, Format, Rows, StopError};
use crate::error::Failure;

/// The file, read twice: a regular file is reopened (and must not change in
/// between); stdin, a pipe or a device is read once, at most
/// [`spool::MAX_STREAM_BYTES`], into an encrypted temporary copy that the
/// second read reads.
pub(super) enum Source {
    File {
        path: PathBuf,
        seen: Fingerprint,
        keys: RandomState,
    },
    Stream {
        /// `stdin`, or the path of the pipe or device.
        name: String,
        /// `None` for stdin.
        path: Option<PathBuf>,
        spool: Spool,
        keys: RandomState,
    },
}

#[derive(Debug, PartialEq, Eq)]
pub(super) struct Fingerprint {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: i64,
    mtime_nsec: i64,
}

impl Fingerprint {
    fn of(m: &fs::Metadata) -> Self {
        Fingerprint {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: m.mtime(),
            mtime_nsec: m.mtime_nsec(),
        }
    }
}

impl Source {
    pub(super) fn open(path: &Path) -> Result<Source> {
        if path.as_os_str() == "-" {
            if io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "`user import -` reads the CSV from stdin: pipe it in, or give the file's path",
                )
                .into());
            }
            return Ok(Source::Stream {
                name: "stdin".into(),
                path: None,
                spool: Spool::new()?,
                keys: RandomState::new(),
            });
        }
        let cannot = || format!("cannot read {}", path.display());
        let meta = fs::metadata(path).with_context(cannot)?;
        if meta.is_dir() {
            return Err(Failure::usage(format!(
                "{} is a directory; give the CSV file's path",
                path.display()
            ))
            .into());
        }
        if meta.is_file() {
            return Ok(Source::File {
                path: path.to_path_buf(),
                seen: Fingerprint::of(&meta),
                keys: RandomState::new(),
            });
        }
        // A pipe or device (`<(...)`, /dev/stdin, /dev/zero) can be read only once.
        Ok(Source::Stream {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
            spool: Spool::new()?,
            keys: RandomState::new(),
        })
    }

    pub(super) fn name(&self) -> String {
        match self {
            Source::File { path, .. } => path.display().to_string(),
            Source::Stream { name, .. } => name.clone(),
        }
    }

    fn reader(&self) -> Result<Box<dyn Read + '_>> {
        Ok(match self {
            Source::File { path, .. } => Box::new(io::BufReader::with_capacity(
                1 << 16,
                fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
            )),
            Source::Stream { path, spool, .. } => spool.reader(|| {
                Ok(match path {
                    None => Box::new(io::stdin().lock()),
                    Some(p) => Box::new(
                        fs::File::open(p)
                            .with_context(|| format!("cannot read {}", p.display()))?,
                    ),
                })
            })?,
        })
    }

    /// The rows, read from the start; both reads use the same digest keys.
    pub(super) fn rows(&self, format: Format) -> Result<Rows<Box<dyn Read + '_>>> {
        let keys = match self {
            Source::File { keys, .. } | Source::Stream { keys, .. } => keys,
        };
        Rows::open(self.reader()?, keys, format).map_err(|e| match e {
            FileError::Stop(stop) => self.stopped(stop),
            e => Failure::data(format!("{}: {e}", self.name())).into(),
        })
    }

    /// Why the read stopped, with its exit code: 65 for a file too large or
    /// a row too long (bad data), 1 for a failing read.
    pub(super) fn stopped(&self, e: StopError) -> anyhow::Error {
        let name = self.name();
        match e {
            StopError::RowTooLong { .. } | StopError::Malformed { .. } => {
                Failure::data(format!("{name}: {e}; nothing was written")).into()
            }
            StopError::Io(io) => match io.get_ref().and_then(|i| i.downcast_ref::<TooLarge>()) {
                Some(TooLarge { limit }) => Failure::data(format!(
                    "{name} holds more than {}: an import reads at most {} from stdin, a pipe or a device; \
                     nothing was written. Save it to a file (or split it) and import that",
                    spool::size(*limit),
                    spool::size(*limit)
                ))
                .into(),
                None => anyhow::Error::new(io)
                    .context(format!("cannot read {name}; nothing was written")),
            },
        }
    }

    /// The file still has the size, time and inode the first read saw.
    pub(super) fn unchanged(&self) -> bool {
        match self {
            Source::File { path, seen, .. } => {
                fs::metadata(path).is_ok_and(|m| Fingerprint::of(&m) == *seen)
            }
            Source::Stream { .. } => true,
        }
    }

    pub(super) fn changed(&self) -> anyhow::Error {
        Failure::refused(format!(
            "{} changed while it was being imported; nothing was written. Run the import again",
            self.name()
        ))
        .into()
    }
}
