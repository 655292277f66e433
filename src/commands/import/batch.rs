//! The new accounts of an import, written a batch at a time
//! (`store::bulk`): a few statements per table per batch (SQLite: multi-row
//! INSERTs; PostgreSQL: one COPY) instead of five per account, which on
//! PostgreSQL are five round trips. Audit rows keep their order: the batch
//! is written before any other row of the log.

use anyhow::Result;

use super::status;
use crate::domain::account::{PendingActions, Role, Status};
use crate::domain::audit::Entry;
use crate::domain::policy::Policy;
use crate::error::{Exit, Failure};
use crate::store::accounts::{self, NewAccount};
use crate::store::audit::Chain;
use crate::store::{Tx, bulk};

/// One new account waiting for its batch.
pub(super) struct NewRow {
    pub line: u64,
    pub username: String,
    pub name: Option<String>,
    pub role: Role,
    pub hash: String,
    pub must_change: bool,
    pub facility_ids: Vec<i64>,
    pub status: Option<Status>,
    /// The first expired second, when the row gives one.
    pub expires_at: Option<i64>,
    pub audit: Entry,
}

#[derive(Default)]
pub(super) struct NewRows {
    rows: Vec<NewRow>,
    /// Rows plus their facilities: a batch is written when this reaches
    /// twice the batch size, so rows with many facilities cannot make a
    /// batch's memory grow past a bound.
    weight: usize,
}

/// Account `name` (line `line`) was created or removed by someone else
/// while the import ran: nothing is written.
pub(super) fn meanwhile(name: &str, line: u64, what: &str) -> anyhow::Error {
    let exit = if what == "created" {
        Exit::Exists
    } else {
        Exit::Error
    };
    anyhow::Error::from(Failure::new(
        exit,
        format!(
            "account `{name}` (line {line}) was {what} by someone else while the import was running; nothing was written. Run the import again"
        ),
    ))
}

impl NewRows {
    /// Add a row; writes the batch when it is full.
    pub fn push(
        &mut self,
        row: NewRow,
        tx: Tx<'_>,
        chain: &mut Chain,
        rules: &Policy,
        now: i64,
    ) -> Result<()> {
        self.weight += 1 + row.facility_ids.len();
        self.rows.push(row);
        let size = bulk::batch_size(tx);
        if self.rows.len() >= size || self.weight >= 2 * size {
            self.flush(tx, chain, rules, now)?;
        }
        Ok(())
    }

    /// Write the waiting rows (accounts, history, facilities, status, audit).
    pub fn flush(&mut self, tx: Tx<'_>, chain: &mut Chain, rules: &Policy, now: i64) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let new: Vec<NewAccount<'_>> = self
            .rows
            .iter()
            .map(|r| NewAccount {
                username: &r.username,
                name: r.name.as_deref(),
                role: r.role,
                password_hash: &r.hash,
                pending: PendingActions {
                    must_change_password: r.must_change,
                    terms_pending: true,
                },
                now,
            })
            .collect();
        let facilities: Vec<Vec<i64>> = self.rows.iter().map(|r| r.facility_ids.clone()).collect();
        let ids = bulk::insert_accounts(tx, &new, &facilities)?;
        for (row, id) in self.rows.iter().zip(&ids) {
            // The username is UNIQUE: an account created meanwhile was not
            // overwritten, and ends the import.
            let id = id.ok_or_else(|| meanwhile(&row.username, row.line, "created"))?;
            status::apply(tx, id, None, row.status, rules, now)?;
            if row.expires_at.is_some() {
                accounts::set_expiry(tx, id, row.expires_at, now)?;
            }
        }
        let entries: Vec<Entry> = self.rows.drain(..).map(|r| r.audit).collect();
        self.weight = 0;
        chain.append_all(tx, &entries)?;
        Ok(())
    }
}
