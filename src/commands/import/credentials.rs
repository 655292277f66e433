//! Where the generated passwords of an import go: a new private file, or stdout.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

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

pub(super) fn write_credentials<W: Write>(out: W, credentials: &[(String, Secret)]) -> Result<W> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CREDENTIALS_HEADER)?;
    for (username, pw) in credentials {
        w.write_record([username.as_str(), pw.expose()])?;
    }
    w.into_inner()
        .map_err(|e| anyhow::Error::new(io::Error::new(e.error().kind(), e.error().to_string())))
}

pub(super) fn write_credentials_file(path: &Path, credentials: &[(String, Secret)]) -> Result<()> {
    let cannot = || format!("cannot write the credentials to {}", path.display());
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(cannot)?;
    let file = write_credentials(BufWriter::new(file), credentials)
        .with_context(cannot)?
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(cannot)?;
    file.sync_all().with_context(cannot)?;
    Ok(())
}
