//! Stopping a command at a debug-build pause point (`KEYWARD_PAUSE`,
//! src/commands/fault.rs): the command opens a FIFO for reading there and
//! waits until the test has opened it for writing and closed it.

use std::os::unix::fs::OpenOptionsExt;
use std::process::{Command, Output, Stdio};

impl super::TestEnv {
    /// Runs `cmd` until it reaches pause point `point`; once it is waiting
    /// there (proved: the FIFO has its reader), runs `between`, then lets it
    /// go and returns its output.
    pub fn paused_at(&self, mut cmd: Command, point: &str, between: impl FnOnce()) -> Output {
        let fifo = self.path().join("pause.fifo");
        let _ = std::fs::remove_file(&fifo);
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
        let mut child = cmd
            .env("KEYWARD_PAUSE", point)
            .env("KEYWARD_PAUSE_FIFO", &fifo)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn keyward");
        // A non-blocking open for writing succeeds only once the child has
        // the FIFO open for reading, which it does only at the pause point.
        let writer = loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .custom_flags(nix::fcntl::OFlag::O_NONBLOCK.bits())
                .open(&fifo)
            {
                Ok(w) => break w,
                Err(e) if e.raw_os_error() == Some(nix::libc::ENXIO) => {
                    if child.try_wait().expect("try_wait").is_some() {
                        let out = child.wait_with_output().expect("output");
                        panic!(
                            "{cmd:?} ended before reaching {point}: {}",
                            super::stderr(&out)
                        );
                    }
                    std::thread::yield_now();
                }
                Err(e) => panic!("open the FIFO: {e}"),
            }
        };
        between();
        drop(writer);
        child.wait_with_output().expect("wait keyward")
    }
}
