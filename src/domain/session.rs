//! Operator sessions (SPEC 12): how long one lasts, the token that proves
//! it, and why a presented one is refused. Time comes in as an argument.

use super::password::{Entropy, PasswordError};
use super::secret::Secret;
use super::terms::sha256_hex;

/// No session outlives this, however busy (8 hours).
pub const MAX_SECONDS: i64 = 8 * 3600;

/// Bytes of randomness in a token (256 bits), written as 64 hex digits.
const TOKEN_BYTES: usize = 32;

/// A fresh token: 256 random bits as lower-case hex.
pub fn new_token(rng: &mut dyn Entropy) -> Result<Secret, PasswordError> {
    let mut buf = [0u8; TOKEN_BYTES];
    rng.fill(&mut buf)?;
    let hex = buf.iter().map(|b| format!("{b:02x}")).collect();
    buf.fill(0);
    Ok(Secret::new(hex))
}

/// What the store keeps of a token: its SHA-256, in hex. A token is 256
/// random bits, so a fast hash is enough: nothing is left to guess.
pub fn token_hash(token: &Secret) -> String {
    sha256_hex(token.expose())
}

/// When a session started and was last used (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    pub created_at: i64,
    pub last_used_at: i64,
}

/// Whether a session may still be used at `now` with `idle_minutes` of the
/// policy in force (not the value when it started: shortening the policy
/// applies at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Usable; it ends at `idle_ends` unless used again, and at `ends` at the latest.
    Live { idle_ends: i64, ends: i64 },
    /// Unused for `session-minutes`.
    Idle { since: i64 },
    /// Older than [`MAX_SECONDS`].
    TooOld { ended: i64 },
    /// `session-minutes=0`: sessions are turned off.
    TurnedOff,
}

impl Times {
    pub fn validity(self, idle_minutes: u32, now: i64) -> Validity {
        if idle_minutes == 0 {
            return Validity::TurnedOff;
        }
        let ends = self.created_at.saturating_add(MAX_SECONDS);
        let idle_ends = self
            .last_used_at
            .saturating_add(i64::from(idle_minutes) * 60)
            .min(ends);
        if now >= ends {
            Validity::TooOld { ended: ends }
        } else if now >= idle_ends {
            Validity::Idle {
                since: self.last_used_at,
            }
        } else {
            Validity::Live { idle_ends, ends }
        }
    }
}

/// Why a session ended, as the store keeps it and the audit log says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    Ended,
    Revoked,
    Replaced,
    Idle,
    TooOld,
    TurnedOff,
    ClockSetBack,
    Locked,
    Disabled,
    RoleChanged,
    Renamed,
    PasswordChanged,
    SecondFactorRemoved,
    NotActive,
    FileExposed,
    FileNotWritten,
}

impl EndReason {
    const ALL: [EndReason; 16] = [
        EndReason::Ended,
        EndReason::Revoked,
        EndReason::Replaced,
        EndReason::Idle,
        EndReason::TooOld,
        EndReason::TurnedOff,
        EndReason::ClockSetBack,
        EndReason::Locked,
        EndReason::Disabled,
        EndReason::RoleChanged,
        EndReason::Renamed,
        EndReason::PasswordChanged,
        EndReason::SecondFactorRemoved,
        EndReason::NotActive,
        EndReason::FileExposed,
        EndReason::FileNotWritten,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Ended => "ended",
            EndReason::Revoked => "revoked",
            EndReason::Replaced => "replaced",
            EndReason::Idle => "idle",
            EndReason::TooOld => "too-old",
            EndReason::TurnedOff => "turned-off",
            EndReason::ClockSetBack => "clock-set-back",
            EndReason::Locked => "operator-locked",
            EndReason::Disabled => "operator-disabled",
            EndReason::RoleChanged => "role-changed",
            EndReason::Renamed => "renamed",
            EndReason::PasswordChanged => "password-changed",
            EndReason::SecondFactorRemoved => "second-factor-removed",
            EndReason::NotActive => "operator-not-active",
            EndReason::FileExposed => "file-exposed",
            EndReason::FileNotWritten => "file-not-written",
        }
    }

    pub fn parse(s: &str) -> Option<EndReason> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// What happened, completing "the session ...".
    pub fn describe(self) -> &'static str {
        match self {
            EndReason::Ended => "was ended with `session end`",
            EndReason::Revoked => "was revoked by a support account",
            EndReason::Replaced => "was replaced by a newer `session start`",
            EndReason::Idle => "ended after going unused for session-minutes",
            EndReason::TooOld => "reached its limit of 8 hours",
            EndReason::TurnedOff => "ended when sessions were turned off (session-minutes=0)",
            EndReason::ClockSetBack => "ended because the clock was set back",
            EndReason::Locked => "ended when the operator was locked",
            EndReason::Disabled => "ended when the operator was disabled",
            EndReason::RoleChanged => "ended when the operator's role changed",
            EndReason::Renamed => "ended when the operator was renamed",
            EndReason::PasswordChanged => "ended when the operator's password changed",
            EndReason::SecondFactorRemoved => "ended when the operator's second factor was removed",
            EndReason::NotActive => "ended because the operator was not active",
            EndReason::FileExposed => "ended because its token file was open to other users",
            EndReason::FileNotWritten => "ended because its token file could not be written",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_800_000_000;

    /// A session started at `created_at` and last used at `now`.
    fn used_at(created_at: i64, now: i64) -> Times {
        Times {
            created_at,
            last_used_at: now,
        }
    }

    fn started(at: i64) -> Times {
        Times {
            created_at: at,
            last_used_at: at,
        }
    }

    #[test]
    fn a_session_lives_for_its_idle_minutes_after_each_use() {
        let s = started(T0);
        assert_eq!(
            s.validity(15, T0 + 899),
            Validity::Live {
                idle_ends: T0 + 900,
                ends: T0 + MAX_SECONDS
            }
        );
        assert_eq!(s.validity(15, T0 + 900), Validity::Idle { since: T0 });
        let used = used_at(T0, T0 + 600);
        assert!(matches!(
            used.validity(15, T0 + 1400),
            Validity::Live { .. }
        ));
    }

    #[test]
    fn no_use_keeps_a_session_past_eight_hours() {
        let mut s = started(T0);
        let mut now = T0;
        while now + 600 < T0 + MAX_SECONDS {
            now += 600;
            assert!(
                matches!(s.validity(15, now), Validity::Live { .. }),
                "{now}"
            );
            s = used_at(T0, now);
        }
        assert_eq!(
            used_at(T0, T0 + MAX_SECONDS - 1).validity(480, T0 + MAX_SECONDS),
            Validity::TooOld {
                ended: T0 + MAX_SECONDS
            }
        );
        // The idle end never reaches past the absolute end.
        assert_eq!(
            used_at(T0, T0 + MAX_SECONDS - 10).validity(480, T0 + MAX_SECONDS - 5),
            Validity::Live {
                idle_ends: T0 + MAX_SECONDS,
                ends: T0 + MAX_SECONDS
            }
        );
    }

    #[test]
    fn a_shorter_policy_applies_at_once_and_zero_turns_sessions_off() {
        let s = used_at(T0, T0 + 100);
        assert!(matches!(s.validity(60, T0 + 1000), Validity::Live { .. }));
        assert_eq!(s.validity(5, T0 + 1000), Validity::Idle { since: T0 + 100 });
        assert_eq!(s.validity(0, T0 + 101), Validity::TurnedOff);
    }

    struct Counter(u8);
    impl Entropy for Counter {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError> {
            for b in buf {
                self.0 = self.0.wrapping_add(1);
                *b = self.0;
            }
            Ok(())
        }
    }

    #[test]
    fn end_reasons_read_back_as_written() {
        for r in EndReason::ALL {
            assert_eq!(EndReason::parse(r.as_str()), Some(r));
        }
        assert_eq!(EndReason::parse("bored"), None);
    }

    #[test]
    fn tokens_are_64_hex_digits_and_only_their_hash_is_kept() -> Result<(), PasswordError> {
        let mut rng = Counter(0);
        let a = new_token(&mut rng)?;
        let b = new_token(&mut rng)?;
        assert_eq!(a.expose().len(), 64);
        assert!(a.expose().bytes().all(|c| c.is_ascii_hexdigit()));
        assert!(a.expose().starts_with("0102"));
        assert_ne!(a.expose(), b.expose());
        let h = token_hash(&a);
        assert_eq!(h.len(), 64);
        assert_ne!(h, a.expose());
        assert_eq!(h, sha256_hex(a.expose()));
        Ok(())
    }
}
