//! Fault points for crash tests. Debug builds (the test binary) honour
//! `KEYWARD_FAULT=POINT` (die there at once, as a SIGKILL would: no
//! destructor, no cleanup) and `KEYWARD_FAULT=POINT:error` (fail there with
//! an error); release builds ignore it, as they ignore `KEYWARD_NOW`.

use anyhow::Result;

/// Where the import has written and synced its credentials file under the
/// temporary name, inside the write transaction, before the commit.
pub const IMPORT_BEFORE_COMMIT: &str = "import-before-commit";
/// Where the import has committed but not yet named its credentials file.
pub const IMPORT_AFTER_COMMIT: &str = "import-after-commit";

/// Die or fail here if `KEYWARD_FAULT` names this point.
pub fn point(name: &str) -> Result<()> {
    #[cfg(debug_assertions)]
    if let Ok(v) = std::env::var("KEYWARD_FAULT") {
        if v == name {
            std::process::abort();
        }
        if v.strip_suffix(":error") == Some(name) {
            anyhow::bail!("fault injected at {name} (KEYWARD_FAULT)");
        }
    }
    let _ = name;
    Ok(())
}

/// Where a change has passed its first checks and is about to open its write
/// transaction ([`super::change`]).
pub const BEFORE_CHANGE: &str = "before-change";

/// Where a change has done all its writes, inside its write transaction,
/// just before the commit ([`super::change`]).
pub const BEFORE_COMMIT: &str = "before-commit";

/// Debug builds: with `KEYWARD_PAUSE=POINT` and `KEYWARD_PAUSE_FIFO=PATH`,
/// wait here until the test has opened the FIFO for writing and closed it.
/// Opening a FIFO for reading blocks until a writer opens it, so the test's
/// own open returns exactly when this process is here: a race test then
/// makes its change knowing the command is waiting, without sleeping.
pub fn pause(name: &str) -> Result<()> {
    #[cfg(debug_assertions)]
    if std::env::var("KEYWARD_PAUSE").is_ok_and(|v| v == name)
        && let Some(fifo) = std::env::var_os("KEYWARD_PAUSE_FIFO")
    {
        use std::io::Read;
        let mut f = std::fs::File::open(&fifo)?;
        let mut rest = Vec::new();
        f.read_to_end(&mut rest)?;
    }
    let _ = name;
    Ok(())
}
