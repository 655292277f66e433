//! The token file of an operator session: one small JSON file per store and
//! operator, mode 0600, in `$XDG_RUNTIME_DIR/keyward/` (a tmpfs that the
//! system empties at logout), else in keyward's cache folder. It is read only
//! when it is a regular file (not a link) owned by the caller with no access
//! for group or others; anything else is refused, never used.

use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::domain::secret::Secret;
use crate::domain::terms::sha256_hex;
use crate::error::{Exit, Failure};

/// A token file is tiny; anything larger is not one of ours.
const MAX_BYTES: u64 = 4096;

/// What the file holds. The store and username bind it: a file copied to
/// another store's or operator's name is refused by what it says.
#[derive(Serialize, Deserialize)]
pub struct Contents {
    pub store: String,
    pub username: String,
    pub session: i64,
    token: String,
}

impl Contents {
    pub fn new(store: &str, username: &str, session: i64, token: &Secret) -> Self {
        Contents {
            store: store.to_string(),
            username: username.to_string(),
            session,
            token: token.expose().to_string(),
        }
    }

    pub fn token(&self) -> Secret {
        Secret::new(self.token.clone())
    }

    /// The file at `path` must be for `username` on `store`: one copied to
    /// another store's or operator's name is refused (exit 3), and left.
    pub fn check_binding(&self, path: &Path, store: &str, username: &str) -> Result<()> {
        if self.store == store && self.username == username {
            return Ok(());
        }
        Err(Failure::new(
            Exit::AuthFailed,
            format!(
                "the session file {} was made for operator {} on {}, not for {username} on {store}; keyward did not use it. Remove it (rm {0})",
                path.display(),
                self.username,
                self.store
            ),
        )
        .into())
    }
}

impl Drop for Contents {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.token);
    }
}

/// The folder of token files: `$XDG_RUNTIME_DIR/keyward`, else the cache
/// folder's `keyward/sessions`.
pub fn folder() -> Result<PathBuf> {
    if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from)
        && run.is_absolute()
    {
        return Ok(run.join("keyward"));
    }
    directories::ProjectDirs::from("", "", "keyward")
        .map(|d| d.cache_dir().join("sessions"))
        .ok_or_else(|| {
            Failure::refused(
                "no folder for session files: set XDG_RUNTIME_DIR (or HOME) to a folder of yours",
            )
            .into()
        })
}

/// The file of `username`'s session on the store `store` in `dir`.
pub fn path_in(dir: &Path, store: &str, username: &str) -> PathBuf {
    let key = sha256_hex(&format!("{store}\n{username}"));
    dir.join(format!("session-{}", &key[..32]))
}

/// The session folder when it exists and is the caller's: otherwise no
/// file in it can be one of the caller's sessions (an `XDG_RUNTIME_DIR`
/// of another user, after `su` without `-`), and commands sign in with the
/// password as without a session.
pub fn own_folder() -> Option<PathBuf> {
    let dir = folder().ok()?;
    let meta = fs::symlink_metadata(&dir).ok()?;
    (meta.is_dir() && meta.uid() == nix::unistd::getuid().as_raw()).then_some(dir)
}

/// `username`'s session file that may not be used (exit 3), naming the
/// file and what to do.
fn refused(path: &Path, username: &str, why: impl std::fmt::Display) -> anyhow::Error {
    Failure::new(
        Exit::AuthFailed,
        format!(
            "the session file {} {why}; keyward did not use it. Remove it (rm {0}) and start a new session with `keyward --as {username} session start`",
            path.display()
        ),
    )
    .into()
}

/// A token file as read: its contents, and its mode when that lets other
/// users read it (its token may have leaked).
pub struct Found {
    pub contents: Contents,
    pub exposed: Option<u32>,
}

/// `username`'s token file at `path`: `None` when there is none.
pub fn load(path: &Path, username: &str) -> Result<Option<Found>> {
    let refused = |why: &dyn std::fmt::Display| refused(path, username, why);
    // Not a link; and never blocking, should a FIFO sit at the path.
    let flags = nix::fcntl::OFlag::O_NOFOLLOW | nix::fcntl::OFlag::O_NONBLOCK;
    let file = match fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits())
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(nix::errno::Errno::ELOOP as i32) => {
            return Err(refused(&"is a symbolic link"));
        }
        Err(e) => return Err(refused(&format_args!("cannot be read ({e})"))),
    };
    let meta = file.metadata()?;
    let me = nix::unistd::getuid().as_raw();
    if !meta.is_file() {
        return Err(refused(&"is not a regular file"));
    }
    if meta.uid() != me {
        return Err(refused(&format_args!(
            "belongs to uid {}, not to you (uid {me})",
            meta.uid()
        )));
    }
    let mode = meta.permissions().mode() & 0o777;
    let mut text = Zeroizing::new(String::new());
    file.take(MAX_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|_| refused(&"is not text"))?;
    if text.len() as u64 > MAX_BYTES {
        return Err(refused(&"is too large to be a session file"));
    }
    let c: Contents =
        serde_json::from_str(&text).map_err(|_| refused(&"is not a keyward session file"))?;
    if c.token.len() != 64 || !c.token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(refused(&"holds no valid token"));
    }
    Ok(Some(Found {
        contents: c,
        exposed: (mode & 0o077 != 0).then_some(mode),
    }))
}

/// The folder, made 0700 when missing; refused when another user owns it
/// or others may write to it (they could swap the files inside).
pub fn ready_folder() -> Result<PathBuf> {
    let dir = folder()?;
    let failed = |e: io::Error| -> anyhow::Error {
        Failure::refused(format!(
            "cannot create the session folder {}: {e}; set XDG_RUNTIME_DIR to a folder of yours (normally /run/user/{})",
            dir.display(),
            nix::unistd::getuid()
        ))
        .into()
    };
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(failed)?;
    let meta = fs::symlink_metadata(&dir).map_err(failed)?;
    let me = nix::unistd::getuid().as_raw();
    if !meta.is_dir() || meta.uid() != me || meta.permissions().mode() & 0o022 != 0 {
        return Err(Failure::refused(format!(
            "the session folder {} must be a folder of yours that no one else may write to (mode 0700); fix or remove it, or set XDG_RUNTIME_DIR to a folder of yours (normally /run/user/{})",
            dir.display(),
            nix::unistd::getuid()
        ))
        .into());
    }
    Ok(dir)
}

/// Write `contents` to `path` (0600), replacing any older file at once:
/// a reader sees the old file or the new one, never half of one.
pub fn save(path: &Path, contents: &Contents) -> io::Result<()> {
    let text = Zeroizing::new(serde_json::to_string(contents).map_err(io::Error::other)?);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Remove the file; one that is already gone is fine.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
