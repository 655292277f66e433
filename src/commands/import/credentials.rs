//! Where the generated passwords of an import go: a new private file, or stdout.
//!
//! A `--credentials-out` file is written and synced under a private temporary
//! name next to it (`.NAME.tmp-PID`) before the database commits, and linked
//! to its name only after the commit: a kill before the commit leaves no file
//! under that name (and no account), a kill between the commit and the link
//! leaves the passwords of committed accounts under the temporary name.
//!
//! Stdout is checked before any change: a closed stdout (which the Rust
//! runtime reopens on /dev/null) would lose the passwords, and a regular
//! file others can read is made 0600 first. A `> /dev/null` of the shell is
//! the caller's choice, as for `user add`.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::import::CREDENTIALS_HEADER;
use crate::domain::secret::Secret;
use crate::error::Failure;

pub(super) fn refuse_existing_file(path: &Path) -> Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(Failure::exists(format!(
            "{} already exists; --credentials-out never overwrites a file: choose a new name",
            path.display()
        ))
        .into());
    }
    Ok(())
}

/// Before any change, when `count` generated passwords are to be printed on
/// stdout: refuse a stdout that would lose them, and make a regular file
/// that others can read private (fchmod 0600) before anything is written.
pub(super) fn prepare_stdout(count: usize) -> Result<()> {
    let s = if count == 1 { "" } else { "s" };
    let lost = |why: &str| -> anyhow::Error {
        Failure::refused(format!(
            "stdout {why}, so the {count} temporary password{s} this import generates would be lost; \
             nothing was written. Redirect stdout to a file (it is made 0600) or pass --credentials-out FILE"
        ))
        .into()
    };
    // Closed (`>&-`, which the Rust runtime reopens on /dev/null): the one
    // check every command that shows a generated secret makes.
    crate::output::stdout_open().map_err(|_| lost("is closed"))?;
    // A duplicate of fd 1 as a File: fstat and fchmod without unsafe code.
    let out = match io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => fs::File::from(fd),
        Err(_) => return Err(lost("is closed")),
    };
    let meta = out.metadata().map_err(|_| lost("is closed"))?;
    let kind = meta.file_type();
    let mode = meta.permissions().mode() & 0o7777;
    if kind.is_file() && mode & 0o077 != 0 {
        out.set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(|e| {
                Failure::refused(format!(
                    "stdout is a file others can read (mode {mode:04o}) and cannot be made private ({e}); \
                     nothing was written. Redirect stdout to a file of your own or pass --credentials-out FILE"
                ))
            })?;
    }
    Ok(())
}

pub(super) fn write_credentials<W: Write>(out: W, credentials: &[(String, Secret)]) -> Result<W> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CREDENTIALS_HEADER)?;
    for (username, pw) in credentials {
        w.write_record([username.as_str(), pw.expose()])?;
    }
    w.into_inner()
        .map_err(|e| anyhow::Error::new(io::Error::new(e.error().kind(), e.error().to_string())))
}

/// A credentials file written under its temporary name, waiting for the commit.
pub(super) struct PendingFile {
    tmp: PathBuf,
    path: PathBuf,
}

impl PendingFile {
    /// Write and sync the credentials to `.NAME.tmp-PID` next to `path`:
    /// created 0600, never over an existing file (a leftover of a killed
    /// import may hold the only copy of its passwords).
    pub(super) fn write(path: &Path, credentials: &[(String, Secret)]) -> Result<PendingFile> {
        let tmp = temporary_name(path);
        let shown = tmp.display().to_string();
        let cannot = || format!("cannot write the credentials to {shown}");
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .with_context(cannot)?;
        let pending = PendingFile {
            tmp,
            path: path.to_path_buf(),
        };
        let written = write_credentials(BufWriter::new(file), credentials)
            .and_then(|w| w.into_inner().map_err(|e| e.into_error().into()))
            .and_then(|file| Ok(file.sync_all()?));
        if let Err(e) = written {
            let e = e.context(cannot());
            pending.discard();
            return Err(e);
        }
        Ok(pending)
    }

    /// The import did not commit: its passwords belong to no account.
    pub(super) fn discard(self) {
        let _ = fs::remove_file(&self.tmp);
    }

    /// After the commit: give the file its name (never over a file that
    /// appeared meanwhile), drop the temporary name and sync the folder.
    pub(super) fn publish(self) -> Result<()> {
        if let Err(e) = fs::hard_link(&self.tmp, &self.path) {
            return Err(Failure::refused(format!(
                "the accounts were created, but their temporary passwords could not be moved to {} ({e}); \
                 they are in {}: rename it, or give the accounts new ones with `keyward user reset-password USERNAME`",
                self.path.display(),
                self.tmp.display()
            ))
            .into());
        }
        let _ = fs::remove_file(&self.tmp);
        let folder = folder_of(&self.path);
        fs::File::open(&folder)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("cannot sync {}", folder.display()))?;
        Ok(())
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `DIR/.NAME.tmp-PID` for `DIR/NAME`: in the same folder (so it can be
/// linked into place), hidden, and named as unfinished.
fn temporary_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder_of(path).join(format!(".{name}.tmp-{}", std::process::id()))
}
