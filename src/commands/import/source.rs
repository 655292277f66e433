//! The file being imported, read twice: a regular file from disk, anything
//! else kept so that it can be read again.

use std::fs;
use std::hash::RandomState;
use std::io::{self, IsTerminal, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::import::Rows;
use crate::error::Failure;

/// The file, read twice: a regular file is reopened (and must not change in
/// between); stdin or a pipe is kept in memory.
pub(super) enum Source {
    File {
        path: PathBuf,
        seen: Fingerprint,
        keys: RandomState,
    },
    Memory {
        bytes: Vec<u8>,
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
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read the CSV from stdin")?;
            return Ok(Source::Memory {
                bytes,
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
        // A pipe or device (`<(...)`, /dev/stdin) can be read only once.
        let bytes = fs::read(path).with_context(cannot)?;
        Ok(Source::Memory {
            bytes,
            keys: RandomState::new(),
        })
    }

    pub(super) fn name(&self) -> String {
        match self {
            Source::File { path, .. } => path.display().to_string(),
            Source::Memory { .. } => "stdin".into(),
        }
    }

    fn reader(&self) -> Result<Box<dyn Read + '_>> {
        Ok(match self {
            Source::File { path, .. } => Box::new(io::BufReader::with_capacity(
                1 << 16,
                fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
            )),
            Source::Memory { bytes, .. } => Box::new(bytes.as_slice()),
        })
    }

    /// The rows, read from the start; both reads use the same digest keys.
    pub(super) fn rows(&self) -> Result<Rows<Box<dyn Read + '_>>> {
        let keys = match self {
            Source::File { keys, .. } | Source::Memory { keys, .. } => keys,
        };
        Rows::open(self.reader()?, keys)
            .map_err(|e| Failure::data(format!("{}: {e}", self.name())).into())
    }

    /// The file still has the size, time and inode the first read saw.
    pub(super) fn unchanged(&self) -> bool {
        match self {
            Source::File { path, seen, .. } => {
                fs::metadata(path).is_ok_and(|m| Fingerprint::of(&m) == *seen)
            }
            Source::Memory { .. } => true,
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
