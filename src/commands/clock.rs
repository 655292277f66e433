//! The one place that reads the time.

use anyhow::{Context, Result};

/// Now, in Unix seconds. Debug builds (the test binary) honour `KEYWARD_NOW`
/// (RFC 3339 or Unix seconds) so tests never depend on the wall clock;
/// release builds ignore it.
pub fn now() -> Result<i64> {
    #[cfg(debug_assertions)]
    if let Ok(v) = std::env::var("KEYWARD_NOW") {
        return match v.parse::<i64>() {
            Ok(secs) => Ok(secs),
            Err(_) => Ok(v
                .parse::<jiff::Timestamp>()
                .with_context(|| format!("KEYWARD_NOW `{v}` is neither RFC 3339 nor Unix seconds"))?
                .as_second()),
        };
    }
    Ok(jiff::Timestamp::now().as_second())
}
