//! The sign-in state machine (SPEC 4), shared by `login`, `auth`, `passwd`,
//! `terms accept`, `questions set` and `forgot-password`. No I/O: the caller
//! reads the account, verifies hashes, and writes what these functions decide;
//! `now` is always an argument.
//!
//! ```text
//!                username, password
//!                        │
//!                ┌───────▼────────┐  unknown ──► verify dummy hash ──────────► FAILED (3)
//!                │     admit      │  disabled ───────────────────────────────► DISABLED (4)
//!                └───────┬────────┘  locked, not expired ──────────────────────► LOCKED (4)
//!                        │ (a lapsed failed-attempts lock is cleared, count = 0)
//!                ┌───────▼────────┐
//!                │ verify password│  wrong ──► failures + 1 (atomic, in SQL)
//!                └───────┬────────┘            └─► ≥ lockout-threshold? lock ─► FAILED (3, "now locked")
//!                        │ right
//!                ┌───────▼────────┐
//!                │  second factor │  enrolled, no code ─────────────────────► ACTION_REQUIRED (5)
//!                └───────┬────────┘  enrolled, wrong code ──► counted like a wrong password
//!                        │ (failure count reset to 0)
//!                ┌───────▼────────┐  terms pending / newer version ─► accept_terms    ─┐
//!                │required actions│  must change / older than max age ─► change_password ├► ACTION_REQUIRED (5)
//!                └───────┬────────┘                                                    ┘
//!                        │ none
//!                       OK (0): last sign-in recorded
//! ```

use serde::Serialize;

use super::account::{Lock, LockReason};
use super::policy::Policy;

/// What sign-in needs to know about an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigninState {
    pub disabled: bool,
    /// The first second at which the account has expired (`None`: never).
    pub expires_at: Option<i64>,
    pub lock: Option<Lock>,
    pub failed_attempts: u32,
    pub must_change_password: bool,
    pub terms_pending: bool,
    pub password_changed_at: i64,
    pub twofa_enrolled: bool,
}

/// The newest published terms and whether this account accepted them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermsStatus {
    /// No terms published: the step is skipped.
    None,
    Accepted,
    NotAccepted,
}

/// Why an account may not sign in at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Disabled,
    /// Past its expiry day (SPEC 12): answered like a disabled account.
    Expired,
    /// Locked; a lock of failed attempts with `lockout-minutes` lifts by
    /// itself at `until`.
    Locked {
        until: Option<i64>,
    },
}

/// The first step: may a password even be checked?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// No such account: spend the same work on a dummy hash, then fail.
    Unknown,
    Refused(Refusal),
    /// Check the password. `lock_lapsed`: a failed-attempts lock ran out and
    /// must be cleared (with the count) before anything is counted.
    Check {
        lock_lapsed: bool,
    },
}

/// Step 1-2 of SPEC 4. Disabled wins over expired, expired over locked;
/// none of them checks or counts.
pub fn admit(state: Option<&SigninState>, policy: &Policy, now: i64) -> Admission {
    let Some(s) = state else {
        return Admission::Unknown;
    };
    if s.disabled {
        return Admission::Refused(Refusal::Disabled);
    }
    if super::account::expired(s.expires_at, now) {
        return Admission::Refused(Refusal::Expired);
    }
    match s.lock {
        Some(lock) if lock.holds_at(now, policy.lockout_minutes) => {
            Admission::Refused(Refusal::Locked {
                until: lock.until(policy.lockout_minutes),
            })
        }
        Some(_) => Admission::Check { lock_lapsed: true },
        None => Admission::Check { lock_lapsed: false },
    }
}

/// Step 3: whether the failure count just reached (after the atomic
/// increment) locks the account. A threshold of 0 never locks.
pub fn locks_at(failures: u32, policy: &Policy) -> bool {
    policy.lockout_threshold > 0 && failures >= policy.lockout_threshold
}

/// The lock a failure count reaching the threshold sets.
pub fn failure_lock(now: i64) -> Lock {
    Lock {
        at: now,
        reason: LockReason::FailedAttempts,
    }
}

/// Something the account must still do before it is signed in, in SPEC order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    SecondFactor,
    AcceptTerms,
    ChangePassword,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SecondFactor => "second_factor",
            Action::AcceptTerms => "accept_terms",
            Action::ChangePassword => "change_password",
        }
    }
}

/// Whether the password is older than `max-age-days` (0: never expires).
pub fn password_expired(state: &SigninState, policy: &Policy, now: i64) -> bool {
    policy.max_age_days > 0
        && now - state.password_changed_at >= i64::from(policy.max_age_days) * 86_400
}

/// Whether sign-in asks for the terms: the newest version not accepted, or
/// accepted but asked again (`terms_pending`: after creation, a reset or an
/// unlock). With no terms published there is nothing to accept. `user show`
/// reports this same answer.
pub fn terms_needed(terms: TermsStatus, terms_pending: bool) -> bool {
    match terms {
        TermsStatus::None => false,
        TermsStatus::Accepted => terms_pending,
        TermsStatus::NotAccepted => true,
    }
}

/// Steps 4-5: what is still required after a right password. `second_factor_done`
/// is true when a right code was given (or none is needed).
pub fn required_actions(
    state: &SigninState,
    terms: TermsStatus,
    second_factor_done: bool,
    policy: &Policy,
    now: i64,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if state.twofa_enrolled && !second_factor_done {
        actions.push(Action::SecondFactor);
    }
    if terms_needed(terms, state.terms_pending) {
        actions.push(Action::AcceptTerms);
    }
    if state.must_change_password || password_expired(state, policy, now) {
        actions.push(Action::ChangePassword);
    }
    actions
}

/// Whether a right password may reset the failure count: not while the second
/// factor is missing, or leaving out the code would reset the count between guesses.
pub fn resets_failures(actions: &[Action]) -> bool {
    !actions.contains(&Action::SecondFactor)
}

/// The result of one sign-in attempt, as `auth` reports it (SPEC 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// Wrong password or unknown user; `locked_now` when this failure
    /// reached the threshold.
    Failed {
        locked_now: bool,
    },
    /// Right password, but a wrong, replayed or spent second-factor code.
    CodeFailed {
        locked_now: bool,
    },
    Locked {
        until: Option<i64>,
    },
    Disabled,
    Expired,
    ActionRequired(Vec<Action>),
}

impl Outcome {
    /// The same outcome, for a failure of the second factor.
    pub fn for_code(self) -> Outcome {
        match self {
            Outcome::Failed { locked_now } => Outcome::CodeFailed { locked_now },
            other => other,
        }
    }

    /// Whether this failure locked the account.
    pub fn locked_now(&self) -> bool {
        matches!(
            self,
            Outcome::Failed { locked_now: true } | Outcome::CodeFailed { locked_now: true }
        )
    }

    pub fn result(&self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Failed { .. } | Outcome::CodeFailed { .. } => "failed",
            Outcome::Locked { .. } => "locked",
            Outcome::Disabled => "disabled",
            Outcome::Expired => "expired",
            Outcome::ActionRequired(_) => "action_required",
        }
    }

    /// The words a person or a log reads. Unknown user and wrong password share them.
    pub fn message(&self) -> String {
        match self {
            Outcome::Ok => "signed in".into(),
            Outcome::Failed { locked_now: false } => FAILED.into(),
            Outcome::Failed { locked_now: true } => format!("{FAILED}{LOCKED_NOW}"),
            Outcome::CodeFailed { locked_now } => format!(
                "authentication failed: the code is wrong or was already used{}",
                if *locked_now { LOCKED_NOW } else { "" }
            ),
            Outcome::Locked { until: None } => LOCKED.into(),
            Outcome::Locked { until: Some(t) } => format!(
                "account is locked after too many failed attempts until {}; try again then, or contact your site administrator or support",
                jiff::Timestamp::from_second(*t).map_or_else(|_| t.to_string(), |t| t.to_string())
            ),
            Outcome::Disabled => {
                "account is disabled; contact your site administrator or support".into()
            }
            Outcome::Expired => {
                "account has expired; contact your site administrator or support".into()
            }
            Outcome::ActionRequired(actions) => {
                let words: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
                format!(
                    "password accepted; action required before sign-in: {}",
                    words.join(", ")
                )
            }
        }
    }
}

/// Added to a failure that just locked the account.
const LOCKED_NOW: &str = "; too many failed attempts, the account is now locked; contact your site administrator or support";

/// The one message for an unknown user and a wrong password.
pub const FAILED: &str = "authentication failed: unknown username or wrong password";
/// The message for a locked account (SPEC 4).
pub const LOCKED: &str = "account is locked; contact your site administrator or support";

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    fn fresh() -> SigninState {
        SigninState {
            disabled: false,
            expires_at: None,
            lock: None,
            failed_attempts: 0,
            must_change_password: false,
            terms_pending: false,
            password_changed_at: NOW - 10,
            twofa_enrolled: false,
        }
    }

    fn locked(reason: LockReason, at: i64) -> SigninState {
        SigninState {
            lock: Some(Lock { at, reason }),
            ..fresh()
        }
    }

    #[test]
    fn unknown_users_are_checked_against_a_dummy() {
        assert_eq!(admit(None, &Policy::default(), NOW), Admission::Unknown);
    }

    #[test]
    fn disabled_is_refused_even_when_also_locked() {
        let s = SigninState {
            disabled: true,
            ..locked(LockReason::Admin, NOW)
        };
        assert_eq!(
            admit(Some(&s), &Policy::default(), NOW),
            Admission::Refused(Refusal::Disabled)
        );
    }

    #[test]
    fn an_account_is_refused_from_the_first_second_of_its_expiry() {
        let s = SigninState {
            expires_at: Some(NOW),
            ..locked(LockReason::Admin, NOW)
        };
        let p = Policy::default();
        assert_eq!(
            admit(Some(&s), &p, NOW),
            Admission::Refused(Refusal::Expired)
        );
        assert_eq!(
            admit(Some(&s), &p, NOW - 1),
            Admission::Refused(Refusal::Locked { until: None })
        );
        let disabled = SigninState {
            disabled: true,
            ..s
        };
        assert_eq!(
            admit(Some(&disabled), &p, NOW),
            Admission::Refused(Refusal::Disabled)
        );
    }

    #[test]
    fn a_lock_refuses_without_checking() {
        let s = locked(LockReason::FailedAttempts, NOW - 1);
        assert_eq!(
            admit(Some(&s), &Policy::default(), NOW),
            Admission::Refused(Refusal::Locked { until: None })
        );
    }

    #[test]
    fn a_failed_attempts_lock_lapses_after_lockout_minutes() {
        let p = Policy {
            lockout_minutes: 10,
            ..Policy::default()
        };
        let s = locked(LockReason::FailedAttempts, NOW);
        assert_eq!(
            admit(Some(&s), &p, NOW + 599),
            Admission::Refused(Refusal::Locked {
                until: Some(NOW + 600)
            })
        );
        assert_eq!(
            admit(Some(&s), &p, NOW + 600),
            Admission::Check { lock_lapsed: true }
        );
    }

    #[test]
    fn an_admin_lock_never_lapses() {
        let p = Policy {
            lockout_minutes: 1,
            ..Policy::default()
        };
        let s = locked(LockReason::Admin, NOW);
        assert_eq!(
            admit(Some(&s), &p, NOW + 10_000_000),
            Admission::Refused(Refusal::Locked { until: None })
        );
    }

    #[test]
    fn an_active_account_is_checked() {
        assert_eq!(
            admit(Some(&fresh()), &Policy::default(), NOW),
            Admission::Check { lock_lapsed: false }
        );
    }

    #[test]
    fn the_threshold_locks_and_zero_never_does() {
        let p = Policy::default();
        assert!(!locks_at(2, &p));
        assert!(locks_at(3, &p));
        assert!(locks_at(4, &p), "a race past the threshold still locks");
        let never = Policy {
            lockout_threshold: 0,
            ..Policy::default()
        };
        assert!(!locks_at(1_000, &never));
    }

    #[test]
    fn nothing_pending_means_ok() {
        let a = required_actions(
            &fresh(),
            TermsStatus::Accepted,
            true,
            &Policy::default(),
            NOW,
        );
        assert!(a.is_empty());
    }

    #[test]
    fn actions_come_in_spec_order() {
        let s = SigninState {
            must_change_password: true,
            terms_pending: true,
            twofa_enrolled: true,
            ..fresh()
        };
        let a = required_actions(&s, TermsStatus::Accepted, false, &Policy::default(), NOW);
        assert_eq!(
            a,
            vec![
                Action::SecondFactor,
                Action::AcceptTerms,
                Action::ChangePassword
            ]
        );
    }

    #[test]
    fn terms_step_is_skipped_when_none_are_published() {
        let s = SigninState {
            terms_pending: true,
            ..fresh()
        };
        assert!(required_actions(&s, TermsStatus::None, true, &Policy::default(), NOW).is_empty());
    }

    #[test]
    fn a_newer_terms_version_is_required_even_without_the_flag() {
        let a = required_actions(
            &fresh(),
            TermsStatus::NotAccepted,
            true,
            &Policy::default(),
            NOW,
        );
        assert_eq!(a, vec![Action::AcceptTerms]);
    }

    #[test]
    fn password_age_forces_a_change_only_with_max_age() {
        let s = SigninState {
            password_changed_at: NOW - 30 * 86_400,
            ..fresh()
        };
        let never = Policy::default();
        assert!(required_actions(&s, TermsStatus::None, true, &never, NOW).is_empty());
        let p = Policy {
            max_age_days: 30,
            ..Policy::default()
        };
        assert_eq!(
            required_actions(&s, TermsStatus::None, true, &p, NOW),
            vec![Action::ChangePassword]
        );
        assert!(required_actions(&s, TermsStatus::None, true, &p, NOW - 1).is_empty());
    }

    #[test]
    fn a_missing_second_factor_does_not_reset_failures() {
        assert!(!resets_failures(&[
            Action::SecondFactor,
            Action::ChangePassword
        ]));
        assert!(resets_failures(&[Action::AcceptTerms]));
        assert!(resets_failures(&[]));
    }

    #[test]
    fn unknown_and_wrong_share_one_message() {
        assert_eq!(Outcome::Failed { locked_now: false }.message(), FAILED);
        assert!(
            Outcome::Failed { locked_now: true }
                .message()
                .contains("now locked")
        );
        assert_eq!(Outcome::Locked { until: None }.message(), LOCKED);
        assert_eq!(
            Outcome::Locked {
                until: Some(1_795_342_200)
            }
            .message(),
            "account is locked after too many failed attempts until 2026-11-22T10:10:00Z; try again then, or contact your site administrator or support"
        );
    }
}
