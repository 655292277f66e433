//! One mapping from what went wrong to the exit codes of SPEC 7.

use crate::domain::names::NameError;
use crate::domain::password::PasswordError;
use crate::domain::policy::PolicyError;
use crate::domain::questions::QuestionError;
use crate::domain::terms::TermsError;
use crate::store::OpenError;

/// Process exit codes (SPEC 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    Error = 1,
    Usage = 2,
    AuthFailed = 3,
    Locked = 4,
    ActionRequired = 5,
    Denied = 6,
    NotFound = 7,
    Exists = 8,
    DataErr = 65,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// An error raised by a command with the exit code it deserves.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
    /// A field added to the JSON error object, e.g. `rows` of a bad import.
    pub extra: Option<(&'static str, serde_json::Value)>,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Failure {
            exit,
            message: message.into(),
            extra: None,
        }
    }
    /// Add `key: value` to the `{"error": {...}}` document printed with `--json`.
    pub fn with(mut self, key: &'static str, value: serde_json::Value) -> Self {
        self.extra = Some((key, value));
        self
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Failure::new(Exit::NotFound, message)
    }
    pub fn exists(message: impl Into<String>) -> Self {
        Failure::new(Exit::Exists, message)
    }
    pub fn data(message: impl Into<String>) -> Self {
        Failure::new(Exit::DataErr, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(Exit::Usage, message)
    }
    pub fn refused(message: impl Into<String>) -> Self {
        Failure::new(Exit::Error, message)
    }
}

/// The exit code for an error: the first cause in the chain that carries one.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if let Some(f) = cause.downcast_ref::<Failure>() {
            return f.exit;
        }
        if cause.is::<crate::domain::scope::ScopeError>() {
            return Exit::Denied;
        }
        if cause.is::<NameError>()
            || cause.is::<PolicyError>()
            || cause.is::<QuestionError>()
            || cause.is::<TermsError>()
        {
            return Exit::DataErr;
        }
        if let Some(p) = cause.downcast_ref::<PasswordError>() {
            return match p {
                PasswordError::TooLong | PasswordError::Empty => Exit::DataErr,
                _ => Exit::Error,
            };
        }
        if let Some(std::io::ErrorKind::AlreadyExists) =
            cause.downcast_ref::<std::io::Error>().map(|e| e.kind())
        {
            return Exit::Exists;
        }
        if let Some(
            OpenError::Exists(_) | OpenError::ServerExists(_) | OpenError::ServerNotEmpty(_),
        ) = cause.downcast_ref::<OpenError>()
        {
            return Exit::Exists;
        }
    }
    Exit::Error
}

/// The extra JSON field of the first [`Failure`] in the chain, if any.
pub fn extra_for(err: &anyhow::Error) -> Option<&(&'static str, serde_json::Value)> {
    err.chain()
        .find_map(|c| c.downcast_ref::<Failure>())
        .and_then(|f| f.extra.as_ref())
}

/// Whether the error is only a closed stdout (`keyward user list | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_errors_map_to_invalid_data_through_context() {
        let err = anyhow::Error::new(PolicyError::UnknownKey("x".into())).context("policy set");
        assert_eq!(exit_for(&err), Exit::DataErr);
        let err = anyhow::Error::new(Failure::not_found("no such user")).context("user show");
        assert_eq!(exit_for(&err), Exit::NotFound);
        assert_eq!(exit_for(&anyhow::anyhow!("disk full")), Exit::Error);
    }

    #[test]
    fn broken_pipe_is_recognised_under_context() {
        let io = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::new(io).context("writing")));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
