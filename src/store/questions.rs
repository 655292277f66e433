//! Security answers (hashed) per account.

use rusqlite::params;

use super::Tx;

/// Replace all of an account's answers with these (question id, answer hash) pairs.
pub fn replace(
    conn: Tx<'_>,
    account_id: i64,
    answers: &[(&str, String)],
    now: i64,
) -> rusqlite::Result<()> {
    conn.sql()
        .prepare_cached("DELETE FROM security_answer WHERE account_id = ?1")?
        .execute([account_id])?;
    let mut stmt = conn.sql().prepare_cached(
        "INSERT INTO security_answer (account_id, question, position, answer_hash, set_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, (question, hash)) in answers.iter().enumerate() {
        stmt.execute(params![account_id, question, position as i64, hash, now])?;
    }
    Ok(())
}

/// (question id, answer hash) pairs of an account, in question order.
pub fn for_account(conn: Tx<'_>, account_id: i64) -> rusqlite::Result<Vec<(String, String)>> {
    conn.sql().prepare_cached(
        "SELECT question, answer_hash FROM security_answer WHERE account_id = ?1 ORDER BY position",
    )?
    .query_map([account_id], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}
