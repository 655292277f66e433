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
