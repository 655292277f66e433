//! Making a new file: a new database or a backup is built under a temporary
//! name and published by a hard link, so a crash never leaves half a file;
//! the rules for the folder it goes in (created 0700 for `init`, never for a
//! backup, and whether others may replace files in it).

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::connection::connect;
use super::migrate::{APPLICATION_ID, apply_migrations, without_foreign_keys};
use super::{OpenError, Store, probe};

impl Store {
    /// Create a new database (0600, in a 0700 folder when the folder is new):
    /// migrations and `seed` are written under a temporary name, which is then
    /// linked into place only if `path` still does not exist. A crash leaves
    /// either no database or a complete one, never an empty shell.
    pub fn create<E>(
        path: &Path,
        seed: impl FnOnce(crate::store::Tx<'_>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<OpenError> + From<rusqlite::Error>,
    {
        publish(path, "init", Folder::Create, |tmp| build(tmp, seed))
    }

    /// Create a new database file for a copy (`db backup` of a server
    /// store): as [`Store::create`], but its folder must exist already.
    pub fn create_backup<E>(
        path: &Path,
        seed: impl FnOnce(crate::store::Tx<'_>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<OpenError> + From<rusqlite::Error>,
    {
        publish(path, "backup", Folder::MustExist, |tmp| build(tmp, seed))
    }

    /// Refuse early when something is already at `path` (create checks again).
    pub fn refuse_existing(path: &Path) -> Result<(), OpenError> {
        match probe(path)? {
            Some(m) if m.is_dir() => Err(OpenError::Directory(path.to_path_buf())),
            Some(_) => Err(OpenError::Exists(path.to_path_buf())),
            None => Ok(()),
        }
    }
}

/// Whether [`publish`] may create the folder of the new file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::store) enum Folder {
    /// `init`: a missing folder is created 0700 (SPEC 1).
    Create,
    /// `db backup`: never creates folders (SPEC 10); a missing one is an error.
    MustExist,
}

/// Make a new file at `path` by building it under a temporary name in the
/// same folder (created 0700 when missing and `folder` allows it) and linking
/// it into place only if `path` still does not exist. A crash leaves no
/// half-made file at `path`.
pub(in crate::store) fn publish<E>(
    path: &Path,
    what: &str,
    folder: Folder,
    make: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<OpenError>,
{
    let io_err = |cause| OpenError::Io {
        path: path.to_path_buf(),
        cause,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let found = probe(&dir)?;
    if folder == Folder::MustExist {
        match &found {
            None => return Err(OpenError::MissingFolder(dir).into()),
            Some(m) if !m.is_dir() => return Err(OpenError::NotAFolder(dir).into()),
            Some(_) => {}
        }
    }
    Store::refuse_existing(path)?;
    if found.is_none() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(io_err)?;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).map_err(io_err)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{what}-{}", std::process::id()));
    remove_files(&tmp);
    let made = make(&tmp);
    let published = made.and_then(|()| {
        // hard_link fails if `path` appeared meanwhile: two writers cannot both win.
        fs::hard_link(&tmp, path).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => OpenError::Exists(path.to_path_buf()).into(),
            _ => E::from(io_err(e)),
        })
    });
    remove_files(&tmp);
    published?;
    // Make the new name durable before reporting success.
    fs::File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err)?;
    Ok(())
}

/// An empty file only the owner can read and write.
pub(in crate::store) fn new_private_file(path: &Path) -> Result<(), OpenError> {
    let io_err = |cause| OpenError::Io {
        path: path.to_path_buf(),
        cause,
    };
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_err)
}

/// Build a complete database at `tmp`: the schema, then the seed (two
/// transactions on a file nobody else can see yet), then switch to WAL (no
/// frames yet) and close, so the file stands alone.
fn build<E>(tmp: &Path, seed: impl FnOnce(crate::store::Tx<'_>) -> Result<(), E>) -> Result<(), E>
where
    E: From<OpenError> + From<rusqlite::Error>,
{
    new_private_file(tmp)?;
    let mut conn = connect(tmp)?;
    conn.execute_batch("PRAGMA synchronous = FULL;")?;
    // The schema first, as an open would migrate it; the file is not
    // published until the seed is in too, so two transactions are safe.
    without_foreign_keys(&mut conn, |conn| {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
        apply_migrations(&tx, 0)?;
        tx.commit()
    })?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    seed(crate::store::Tx::sqlite(&tx))?;
    tx.commit()?;
    // Checked before it is published, as a VACUUM INTO backup is: a copy
    // of a server store is written row by row.
    let mut problems = crate::store::maintenance::sqlite_integrity(&conn)?;
    problems.extend(crate::store::maintenance::sqlite_foreign_keys(&conn)?);
    if !problems.is_empty() {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "the new file failed its integrity check: {}",
            problems.join("; ")
        ))
        .into());
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "journal_mode WAL refused (got {mode})"
        ))
        .into());
    }
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Whether others may replace files in the database's folder: group- or
/// world-writable without the sticky bit. The file's own mode cannot protect it then.
pub fn folder_is_shared(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::metadata(dir).is_ok_and(|m| {
        let mode = m.permissions().mode();
        mode & 0o022 != 0 && mode & 0o1000 == 0
    })
}

/// Remove a database we created and failed to finish, with its WAL files.
fn remove_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_seed_leaves_no_database_and_no_temporary_file()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("k.db");
        let failed = Store::create(&path, |_| {
            Err::<(), anyhow::Error>(anyhow::anyhow!("seed failed"))
        });
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "nothing may remain"
        );
        Ok(())
    }
}
