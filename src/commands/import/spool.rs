//! Stdin or a pipe, read once and kept for the second read without holding
//! it in memory: each byte the first read takes is also written to an
//! unlinked private temporary file, encrypted with a key that lives only in
//! this process (a CSV may hold given passwords, and a pipe is often how
//! people keep them off the disk). At most [`stream_limit`] bytes are taken.

use std::cell::Cell;
use std::fs;
use std::io::{self, BufReader, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;

use anyhow::{Context, Result};
use chacha20::ChaCha20;
use chacha20::cipher::{KeyIvInit, StreamCipher};
use zeroize::Zeroizing;

/// The most an import reads from stdin or a non-regular file (SPEC 10).
pub const MAX_STREAM_BYTES: u64 = 1 << 30;

/// [`MAX_STREAM_BYTES`], or in debug builds `KEYWARD_IMPORT_LIMIT` (bytes),
/// so tests can cross the limit without a gigabyte.
pub fn stream_limit() -> u64 {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("KEYWARD_IMPORT_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    MAX_STREAM_BYTES
}

/// The reader's error past the limit (exit 65 once it reaches the handler).
#[derive(Debug, thiserror::Error)]
#[error("more than {}", size(*limit))]
pub struct TooLarge {
    pub limit: u64,
}

/// `1 GiB`, `64 KiB`, or bytes.
pub fn size(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

pub struct Spool {
    file: fs::File,
    key: Zeroizing<[u8; 32]>,
    nonce: [u8; 12],
    limit: u64,
    /// The first read has been handed out (the input is consumed).
    taken: Cell<bool>,
}

impl Spool {
    /// An unlinked 0600 file in the temporary folder, and a fresh key.
    pub fn new() -> Result<Spool> {
        let dir = std::env::temp_dir();
        let mut key = Zeroizing::new([0u8; 32]);
        getrandom::fill(key.as_mut_slice())
            .map_err(|e| anyhow::anyhow!("cannot draw a random key: {e}"))?;
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).map_err(|e| anyhow::anyhow!("cannot draw a nonce: {e}"))?;
        let mut tag = [0u8; 8];
        getrandom::fill(&mut tag).map_err(|e| anyhow::anyhow!("cannot draw a name: {e}"))?;
        let path = dir.join(format!(
            ".keyward-import-{}-{:016x}",
            std::process::id(),
            u64::from_ne_bytes(tag)
        ));
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| {
                format!(
                    "cannot create a temporary file in {} to hold the input; set TMPDIR to a folder you can write",
                    dir.display()
                )
            })?;
        // Only the open file holds it from now on: nothing is left behind.
        fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        Ok(Spool {
            file,
            key,
            nonce,
            limit: stream_limit(),
            taken: Cell::new(false),
        })
    }

    /// The first read: `input` as it comes, copied to the spool; the second
    /// and later reads: the copy, from its start.
    pub fn reader<'a>(
        &'a self,
        input: impl FnOnce() -> Result<Box<dyn Read>>,
    ) -> Result<Box<dyn Read + 'a>> {
        // The same key and nonce for the copy and its read-back: one
        // keystream, applied once each way, over a file written once.
        let keystream = ChaCha20::new_from_slices(self.key.as_slice(), &self.nonce)
            .map_err(|e| anyhow::anyhow!("cannot set up the cipher: {e}"))?;
        if !self.taken.replace(true) {
            return Ok(Box::new(Tee {
                input: input()?,
                copy: &self.file,
                keystream,
                taken: 0,
                limit: self.limit,
                scratch: Vec::new(),
            }));
        }
        (&self.file)
            .rewind()
            .context("cannot read back the temporary copy of the input")?;
        Ok(Box::new(Decrypt {
            inner: BufReader::with_capacity(1 << 16, &self.file),
            keystream,
        }))
    }
}

/// Hands the input on and writes an encrypted copy; fails past the limit.
struct Tee<'a> {
    input: Box<dyn Read>,
    copy: &'a fs::File,
    keystream: ChaCha20,
    taken: u64,
    limit: u64,
    scratch: Vec<u8>,
}

impl Read for Tee<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.input.read(buf)?;
        self.taken += n as u64;
        if self.taken > self.limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                TooLarge { limit: self.limit },
            ));
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(&buf[..n]);
        self.keystream.apply_keystream(&mut self.scratch);
        self.copy.write_all(&self.scratch)?;
        Ok(n)
    }
}

impl Drop for Tee<'_> {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.scratch);
    }
}

/// Reads the copy back in clear.
struct Decrypt<R> {
    inner: R,
    keystream: ChaCha20,
}

impl<R: Read> Read for Decrypt<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.keystream.apply_keystream(&mut buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_reads_back_as_the_input_and_is_not_the_input_on_disk() -> Result<()> {
        let spool = Spool::new()?;
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let given = data.clone();
        let mut first = Vec::new();
        spool
            .reader(move || Ok(Box::new(io::Cursor::new(given))))?
            .read_to_end(&mut first)?;
        assert_eq!(first, data);
        let mut on_disk = Vec::new();
        (&spool.file).rewind()?;
        (&spool.file).read_to_end(&mut on_disk)?;
        assert_eq!(on_disk.len(), data.len());
        assert_ne!(on_disk, data, "encrypted");
        let mut second = Vec::new();
        spool
            .reader(|| anyhow::bail!("the input is read once"))?
            .read_to_end(&mut second)?;
        assert_eq!(second, data);
        Ok(())
    }

    #[test]
    fn more_than_the_limit_is_an_error() -> Result<()> {
        let mut spool = Spool::new()?;
        spool.limit = 1000;
        let mut out = Vec::new();
        let err = spool
            .reader(|| Ok(Box::new(io::repeat(b'y'))))?
            .read_to_end(&mut out)
            .err()
            .and_then(|e| e.into_inner())
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("more than 1000 bytes"));
        assert!(out.len() <= 1000);
        Ok(())
    }
}
