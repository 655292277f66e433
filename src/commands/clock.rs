//! The one place that reads the time.

use anyhow::Result;

/// The clock: the system's, or a fixed time for tests.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<i64>,
}

impl Clock {
    /// Debug builds (the test binary) honour `KEYWARD_NOW` (RFC 3339 or Unix
    /// seconds) so tests never depend on the wall clock; release builds ignore it.
    pub fn from_env() -> Result<Clock> {
        #[cfg(debug_assertions)]
        if let Ok(v) = std::env::var("KEYWARD_NOW") {
            use anyhow::Context;
            let secs = match v.parse::<i64>() {
                Ok(secs) => secs,
                Err(_) => v
                    .parse::<jiff::Timestamp>()
                    .with_context(|| {
                        format!("KEYWARD_NOW `{v}` is neither RFC 3339 nor Unix seconds")
                    })?
                    .as_second(),
            };
            return Ok(Clock { fixed: Some(secs) });
        }
        Ok(Clock { fixed: None })
    }

    /// Now, in Unix seconds, read at each call: a code typed after a minute
    /// at a prompt is checked against the time it was typed.
    pub fn now(&self) -> i64 {
        self.fixed
            .unwrap_or_else(|| jiff::Timestamp::now().as_second())
    }
}
