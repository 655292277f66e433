//! The `status` column of an import: a new or updated account ends up
//! active, disabled or locked as the file says (SPEC 10), so an export and
//! an import never re-enable an account.

use anyhow::Result;

use crate::domain::account::{Account, LockReason, PendingActions, Status};
use crate::domain::policy::Policy;
use crate::store::{Tx, accounts};

/// Give account `id` the file's `status`; `before` is the account as it was
/// (`None` for one just created, which is active). Without a status an
/// account is left as it is. A lock is an administrator's lock, as `user
/// lock` sets (the file does not say when or why it was locked, and a lock
/// that lifted by itself after the import would re-enable the account);
/// `active` lifts one as `user unlock` does. Returns the status before, when
/// it changed.
pub(super) fn apply(
    tx: Tx<'_>,
    id: i64,
    before: Option<&Account>,
    status: Option<Status>,
    rules: &Policy,
    now: i64,
) -> Result<Option<Status>> {
    let Some(want) = status else {
        return Ok(None);
    };
    let (disabled, locked, was) = match before {
        Some(a) => (
            a.disabled,
            a.lock
                .is_some_and(|l| l.holds_at(now, rules.lockout_minutes)),
            a.stored_status(now, rules.lockout_minutes),
        ),
        None => (false, false, Status::Active),
    };
    let want_disabled = want == Status::Disabled;
    if disabled != want_disabled {
        accounts::set_disabled(tx, id, want_disabled, now)?;
    }
    match want {
        Status::Locked if !locked => accounts::lock(tx, id, LockReason::Admin, now)?,
        Status::Active if locked => {
            accounts::unlock(tx, id, PendingActions::AFTER_ADMIN_EVENT, now)?;
        }
        _ => {}
    }
    Ok((was != want).then_some(was))
}

/// Whether an account with `role`-to-be and this status counts as an
/// enabled support account after the import (a lock counts against it, as
/// `user lock` refuses to lock the last one).
pub(super) fn keeps_support(
    is_support: bool,
    before: Option<&Account>,
    status: Option<Status>,
) -> bool {
    let disabled_or_locked = match (status, before) {
        (Some(s), _) => s != Status::Active,
        (None, Some(a)) => a.disabled,
        (None, None) => false,
    };
    is_support && !disabled_or_locked
}
