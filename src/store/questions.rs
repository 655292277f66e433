//! Security answers (hashed) per account.

use super::sql::args;
use super::{Result, Tx};

/// Replace all of an account's answers with these (question id, answer hash) pairs.
pub fn replace(tx: Tx<'_>, account_id: i64, answers: &[(&str, String)], now: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM security_answer WHERE account_id = ?1",
        args![account_id],
    )?;
    for (position, (question, hash)) in answers.iter().enumerate() {
        tx.execute(
            "INSERT INTO security_answer (account_id, question, position, answer_hash, set_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            args![account_id, *question, position as i64, hash.as_str(), now],
        )?;
    }
    Ok(())
}

/// Remove all of an account's answers; how many there were.
pub fn clear(tx: Tx<'_>, account_id: i64) -> Result<u64> {
    tx.execute(
        "DELETE FROM security_answer WHERE account_id = ?1",
        args![account_id],
    )
}

/// (question id, answer hash) pairs of an account, in question order.
pub fn for_account(tx: Tx<'_>, account_id: i64) -> Result<Vec<(String, String)>> {
    tx.all(
        "SELECT question, answer_hash FROM security_answer WHERE account_id = ?1 ORDER BY position",
        args![account_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}
