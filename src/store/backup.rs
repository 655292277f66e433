//! `db backup`: a consistent copy of the database in a new file.

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use super::Store;
use super::sqlite::{
    APPLICATION_ID, BUSY_TIMEOUT, Folder, OpenError, connect, header, new_private_file, publish,
};

impl Store {
    /// Copy the database at `src` into a new file at `path` (0600, never
    /// overwritten) with `VACUUM INTO`: one consistent snapshot even while
    /// other processes write (a read transaction, which in WAL mode blocks
    /// no writer). Unlike a page-by-page copy, the new file is built from the
    /// rows alone, so whatever a file written before `secure_delete` still
    /// holds in free pages and free space of its pages (a reset TOTP secret,
    /// a replaced hash) is not carried into the copy. The copy is checked
    /// before it is published. Returns how many accounts the copy holds.
    ///
    /// It reads through a connection of its own, so the caller may hold a
    /// write transaction on its connection meanwhile (the backup's audit row
    /// and its scope re-check): the copy is the last committed state.
    pub fn backup(src: &Path, path: &Path) -> Result<i64, OpenError> {
        let sql = |cause| OpenError::Sqlite {
            path: path.to_path_buf(),
            cause,
        };
        let source = connect(src).map_err(|cause| OpenError::Sqlite {
            path: src.to_path_buf(),
            cause,
        })?;
        source.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        let mut accounts = 0;
        publish(path, "backup", Folder::MustExist, |tmp| {
            // VACUUM INTO fills an empty file and keeps its 0600 mode.
            new_private_file(tmp)?;
            // The name is bound as bytes and cast to text: any path the OS
            // accepts, UTF-8 or not, reaches SQLite unchanged.
            source
                .execute("VACUUM INTO CAST(?1 AS TEXT)", [tmp.as_os_str().as_bytes()])
                .map_err(sql)?;
            let dst = connect(tmp).map_err(sql)?;
            // VACUUM INTO copies every table; a backup carries no sessions.
            dst.execute(&format!("DELETE FROM {}", super::copy::NOT_COPIED), [])
                .map_err(sql)?;
            let problems = super::maintenance::sqlite_integrity(&dst).map_err(sql)?;
            let (app_id, _) = header(&dst).map_err(sql)?;
            if !problems.is_empty() || app_id != APPLICATION_ID {
                return Err(OpenError::Sqlite {
                    path: path.to_path_buf(),
                    cause: rusqlite::Error::InvalidParameterName(format!(
                        "the copy failed its integrity check: {}",
                        problems.join("; ")
                    )),
                });
            }
            accounts = dst
                .query_row("SELECT count(*) FROM account", [], |r| r.get(0))
                .map_err(sql)?;
            dst.close().map_err(|(_, e)| sql(e))?;
            fs::File::open(tmp)
                .and_then(|f| f.sync_all())
                .map_err(|cause| OpenError::Io {
                    path: tmp.to_path_buf(),
                    cause,
                })
        })?;
        Ok(accounts)
    }
}
