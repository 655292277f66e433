//! The QR code's image files (`--png`, `--svg`): written only keyward's
//! user can read, never over an existing file, and removed again when the
//! enrolment is not stored.

use anyhow::{Context, Result};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::output::qr;

/// Image files requested with `--png` / `--svg`.
pub(super) struct Files<'a> {
    pub(super) png: Option<&'a Path>,
    pub(super) svg: Option<&'a Path>,
}

/// Write the requested images, noting each one created in `written`; if
/// one fails, the ones written are removed.
pub(super) fn write_images(uri: &str, files: &Files<'_>, written: &mut Vec<PathBuf>) -> Result<()> {
    let mut result = Ok(());
    if let Some(path) = files.png {
        result = qr::png(uri, 8)
            .map_err(Into::into)
            .and_then(|b| write_private(path, &b));
        if result.is_ok() {
            written.push(path.to_path_buf());
        }
    }
    if let (Ok(()), Some(path)) = (&result, files.svg) {
        result = qr::svg(uri)
            .map_err(Into::into)
            .and_then(|s| write_private(path, s.as_bytes()));
        if result.is_ok() {
            written.push(path.to_path_buf());
        }
    }
    if result.is_err() {
        remove_files(written);
        written.clear();
    }
    result
}

pub(super) fn remove_files(paths: &[PathBuf]) {
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

/// Create a file only keyward's user can read, never over an existing one.
pub(super) fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
