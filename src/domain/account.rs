//! Accounts: roles, status and the flags that drive the next sign-in.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Roles from least to most power (SPEC 2). The order is meaningful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
    Supervisor,
    Admin,
    Support,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::User, Role::Supervisor, Role::Admin, Role::Support];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
            Role::Support => "support",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not one of the four roles.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`; expected one of user, supervisor, admin, support")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

/// What the account may do right now, derived from the stored lock and flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Locked,
    Disabled,
    /// Past its expiry day: it answers like a disabled account.
    Expired,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Locked => "locked",
            Status::Disabled => "disabled",
            Status::Expired => "expired",
        }
    }
}

/// Whether an account with expiry `expires_at` has expired at `now`.
pub fn expired(expires_at: Option<i64>, now: i64) -> bool {
    expires_at.is_some_and(|end| now >= end)
}

/// The expiry of an account whose last day (UTC) is `text`, strictly
/// `YYYY-MM-DD`: the midnight that ends the day, as Unix seconds. The one
/// reading of a day for `--expires`, `set-expiry` and import.
pub fn day_expiry(text: &str) -> Result<i64, String> {
    let b = text.as_bytes();
    let shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let day = text
        .parse::<jiff::civil::Date>()
        .ok()
        .filter(|_| shaped)
        .ok_or_else(|| {
            let shown: String = text.chars().filter(|c| !c.is_control()).take(30).collect();
            format!("`{shown}` is not a day; give YYYY-MM-DD, e.g. 2027-06-30")
        })?;
    day.tomorrow()
        .and_then(|next| next.to_zoned(jiff::tz::TimeZone::UTC))
        .map(|midnight| midnight.timestamp().as_second())
        .map_err(|_| {
            format!("`{text}` is the last day the calendar has; give an earlier YYYY-MM-DD")
        })
}

/// Why an account is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LockReason {
    FailedAttempts,
    Admin,
}

impl LockReason {
    pub fn as_str(self) -> &'static str {
        match self {
            LockReason::FailedAttempts => "failed-attempts",
            LockReason::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "failed-attempts" => Some(LockReason::FailedAttempts),
            "admin" => Some(LockReason::Admin),
            _ => None,
        }
    }
}

/// A lock as stored: when it began and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lock {
    pub at: i64,
    pub reason: LockReason,
}

impl Lock {
    /// Whether the lock still holds at `now` (Unix seconds). A lock for failed
    /// attempts lifts by itself after `lockout_minutes` when that is not 0; an
    /// administrator's lock holds until an unlock.
    pub fn holds_at(&self, now: i64, lockout_minutes: u32) -> bool {
        self.until(lockout_minutes).is_none_or(|end| now < end)
    }

    /// When the lock lifts by itself, or `None` when only an unlock ends it.
    pub fn until(&self, lockout_minutes: u32) -> Option<i64> {
        match self.reason {
            LockReason::Admin => None,
            LockReason::FailedAttempts if lockout_minutes == 0 => None,
            LockReason::FailedAttempts => Some(self.at + i64::from(lockout_minutes) * 60),
        }
    }
}

/// An account as the rest of keyward sees it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub name: Option<String>,
    pub role: Role,
    pub disabled: bool,
    pub lock: Option<Lock>,
    pub failed_attempts: u32,
    pub must_change_password: bool,
    pub terms_pending: bool,
    /// Facility codes, sorted.
    pub facilities: Vec<String>,
    /// The same facilities' ids, for scope checks.
    pub facility_ids: Vec<i64>,
    pub twofa_enrolled: bool,
    /// Whether the account has answers to security questions.
    pub questions_set: bool,
    /// The first second at which the account has expired (`None`: never).
    pub expires_at: Option<i64>,
    pub password_changed_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_sign_in_at: Option<i64>,
}

impl Account {
    /// Disabled, else expired, else locked, else active.
    pub fn status(&self, now: i64, lockout_minutes: u32) -> Status {
        if !self.disabled && expired(self.expires_at, now) {
            Status::Expired
        } else {
            self.stored_status(now, lockout_minutes)
        }
    }

    /// The status without the expiry: what `user export` writes in its
    /// `status` column and `user import` restores (the expiry has a column
    /// of its own).
    pub fn stored_status(&self, now: i64, lockout_minutes: u32) -> Status {
        status(self.disabled, self.lock, now, lockout_minutes)
    }
}

/// What the next sign-in must do after an administrator's event (seed: on
/// first login, after a password reset, after an unlock): accept the terms
/// and choose a new password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingActions {
    pub must_change_password: bool,
    pub terms_pending: bool,
}

impl PendingActions {
    /// Account creation, admin password reset, unlock.
    pub const AFTER_ADMIN_EVENT: PendingActions = PendingActions {
        must_change_password: true,
        terms_pending: true,
    };
    /// The first account made by `init`, whose password is chosen there.
    pub const NONE: PendingActions = PendingActions {
        must_change_password: false,
        terms_pending: false,
    };
}

/// The status shown for an account: disabled wins over locked.
pub fn status(disabled: bool, lock: Option<Lock>, now: i64, lockout_minutes: u32) -> Status {
    if disabled {
        Status::Disabled
    } else if lock.is_some_and(|l| l.holds_at(now, lockout_minutes)) {
        Status::Locked
    } else {
        Status::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_case_insensitively_and_order_by_power() {
        assert_eq!("Admin".parse::<Role>(), Ok(Role::Admin));
        assert!("root".parse::<Role>().is_err());
        assert!(Role::User < Role::Supervisor && Role::Admin < Role::Support);
    }

    #[test]
    fn failed_attempt_lock_expires_only_with_lockout_minutes() {
        let lock = Lock {
            at: 1_000,
            reason: LockReason::FailedAttempts,
        };
        assert!(lock.holds_at(1_000_000, 0));
        assert!(lock.holds_at(1_000 + 599, 10));
        assert!(!lock.holds_at(1_000 + 600, 10));
    }

    #[test]
    fn admin_lock_never_expires() {
        let lock = Lock {
            at: 0,
            reason: LockReason::Admin,
        };
        assert!(lock.holds_at(i64::MAX / 2, 1));
    }

    #[test]
    fn disabled_wins_over_locked() {
        let lock = Some(Lock {
            at: 0,
            reason: LockReason::Admin,
        });
        assert_eq!(status(true, lock, 5, 0), Status::Disabled);
        assert_eq!(status(false, lock, 5, 0), Status::Locked);
        assert_eq!(status(false, None, 5, 0), Status::Active);
    }
}
