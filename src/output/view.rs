//! The JSON shapes scripts rely on (SPEC 7). Fields may be added, never renamed.

use serde::Serialize;

use super::timestamp;
use crate::domain::account::{Account, Status};
use crate::store::facilities::Facility;

/// An account as `user show` and the items of `user list` print it.
#[derive(Debug, Serialize)]
pub struct AccountView {
    pub username: String,
    pub name: Option<String>,
    pub role: &'static str,
    pub status: &'static str,
    pub facilities: Vec<String>,
    pub failed_attempts: u32,
    pub must_change_password: bool,
    pub terms_pending: bool,
    pub twofa_enrolled: bool,
    pub locked_at: Option<String>,
    pub lock_reason: Option<&'static str>,
    /// When a lock for failed attempts lifts by itself (`None`: an unlock
    /// ends it, or no lock).
    pub locked_until: Option<String>,
    pub questions_set: bool,
    /// When the account expired or expires (`None`: never).
    pub expires_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub password_changed_at: String,
    pub last_sign_in_at: Option<String>,
}

impl AccountView {
    pub fn new(a: &Account, status: Status, lockout_minutes: u32) -> Self {
        AccountView {
            username: a.username.clone(),
            name: a.name.clone(),
            role: a.role.as_str(),
            status: status.as_str(),
            facilities: a.facilities.clone(),
            failed_attempts: a.failed_attempts,
            must_change_password: a.must_change_password,
            terms_pending: a.terms_pending,
            twofa_enrolled: a.twofa_enrolled,
            locked_at: a
                .lock
                .filter(|_| status == Status::Locked)
                .map(|l| timestamp(l.at)),
            lock_reason: a
                .lock
                .filter(|_| status == Status::Locked)
                .map(|l| l.reason.as_str()),
            locked_until: a
                .lock
                .filter(|_| status == Status::Locked)
                .and_then(|l| l.until(lockout_minutes))
                .map(timestamp),
            questions_set: a.questions_set,
            expires_at: a.expires_at.map(timestamp),
            created_at: timestamp(a.created_at),
            updated_at: timestamp(a.updated_at),
            password_changed_at: timestamp(a.password_changed_at),
            last_sign_in_at: a.last_sign_in_at.map(timestamp),
        }
    }
}

/// A facility as `facility show` and the items of `facility list` print it.
#[derive(Debug, Serialize)]
pub struct FacilityView {
    pub code: String,
    pub name: String,
    pub accounts: u64,
    pub created_at: String,
}

impl From<&Facility> for FacilityView {
    fn from(f: &Facility) -> Self {
        FacilityView {
            code: f.code.clone(),
            name: f.name.clone(),
            accounts: f.accounts,
            created_at: timestamp(f.created_at),
        }
    }
}
