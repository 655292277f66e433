//! The tamper-evident audit log (SPEC 8). Each row's hash is SHA-256 over the
//! previous row's hash and this row's canonical content (its id included), so
//! editing, deleting or reordering rows breaks the chain at the first row
//! touched. Cutting rows off the end leaves a shorter valid chain: compare
//! the head hash `audit verify` prints with one recorded elsewhere.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One event: who did what to whom, and details that are never secret.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub facility: Option<String>,
    /// A JSON object; keys are serialised sorted, so the content is canonical.
    pub details: Value,
}

/// A stored row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub entry: Entry,
    pub prev_hash: String,
    pub hash: String,
}

/// The canonical content hashed for a row: a compact JSON array in a fixed
/// field order (serde_json objects keep their keys sorted).
pub fn canonical(id: i64, e: &Entry) -> String {
    // A tuple serialises as the same compact array as `json!([...])` would,
    // without copying every field into a `Value` first.
    let fields = (
        id,
        e.at,
        &e.actor,
        &e.action,
        &e.target,
        &e.facility,
        &e.details,
    );
    serde_json::to_string(&fields).unwrap_or_default()
}

/// The hash of row `id` after `prev_hash`.
pub fn chain_hash(prev_hash: &str, id: i64, e: &Entry) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical(id, e).as_bytes());
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in h.finalize() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error(
        "audit row {id} does not follow the row before it (a row was deleted, inserted or reordered)"
    )]
    Link { id: i64 },
    #[error(
        "audit row {id} was changed after it was written (its hash does not match its content)"
    )]
    Content { id: i64 },
}

/// Checks a chain one row at a time, in id order. It keeps only the hash of
/// the last row and a count, so checking a log of any length takes the same
/// memory as long as the rows are handed over one by one (the store reads
/// them that way, straight from the SQL query).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verifier {
    prev: String,
    count: u64,
}

impl Default for Verifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Verifier {
    pub fn new() -> Self {
        Verifier {
            prev: GENESIS.to_string(),
            count: 0,
        }
    }

    /// Check the next row; the first broken one is the error.
    pub fn check(&mut self, row: Row) -> Result<(), Broken> {
        if row.prev_hash != self.prev {
            return Err(Broken::Link { id: row.id });
        }
        if chain_hash(&row.prev_hash, row.id, &row.entry) != row.hash {
            return Err(Broken::Content { id: row.id });
        }
        self.prev = row.hash;
        self.count += 1;
        Ok(())
    }

    /// How many rows were checked, and the head hash.
    pub fn finish(self) -> (u64, String) {
        (self.count, self.prev)
    }
}

/// Check rows in id order; returns how many were checked and the head hash.
pub fn verify(rows: impl IntoIterator<Item = Row>) -> Result<(u64, String), Broken> {
    let mut chain = Verifier::new();
    for row in rows {
        chain.check(row)?;
    }
    Ok(chain.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: i64) -> Entry {
        Entry {
            at: 1_000 + n,
            actor: "os:root".into(),
            action: "user.add".into(),
            target: Some(format!("user{n}")),
            facility: None,
            details: serde_json::json!({"role": "user", "b": 1, "a": 2}),
        }
    }

    fn chain(n: i64) -> Vec<Row> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|id| {
                let e = entry(id);
                let hash = chain_hash(&prev, id, &e);
                let row = Row {
                    id,
                    entry: e,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    #[test]
    fn the_canonical_form_and_hash_are_stable() {
        // Rows written by earlier versions must keep verifying: the canonical
        // form is the compact JSON array, and the hash lower-case hex SHA-256.
        let e = Entry {
            at: 1_795_000_000,
            actor: "os:\"röot\"\n".into(),
            action: "user.add".into(),
            target: None,
            facility: Some("north".into()),
            details: serde_json::json!({"z": [1, null], "a": "é\u{1}"}),
        };
        let reference =
            serde_json::json!([7, e.at, e.actor, e.action, e.target, e.facility, e.details])
                .to_string();
        assert_eq!(canonical(7, &e), reference);
        let mut h = Sha256::new();
        h.update(format!("{GENESIS}\n{reference}").as_bytes());
        let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(chain_hash(GENESIS, 7, &e), hex);
    }

    #[test]
    fn an_intact_chain_verifies_and_reports_its_head() {
        let rows = chain(5);
        let head = rows[4].hash.clone();
        assert_eq!(verify(rows), Ok((5, head)));
        assert_eq!(verify(Vec::new()), Ok((0, GENESIS.to_string())));
    }

    /// The verifier judges each row as it arrives: every row before a break
    /// is accepted on its own, the broken one is refused when it is fed, and
    /// nothing of the rows is kept but the last hash and the count.
    #[test]
    fn the_verifier_judges_each_row_as_it_arrives() {
        let mut rows = chain(50);
        let head = rows[49].hash.clone();
        let mut whole = Verifier::new();
        for row in rows.clone() {
            assert_eq!(whole.check(row), Ok(()));
        }
        assert_eq!(whole.finish(), (50, head));

        rows[30].entry.action = "user.remove".into();
        let mut v = Verifier::new();
        for (i, row) in rows.into_iter().enumerate() {
            let got = v.check(row);
            if i < 30 {
                assert_eq!(got, Ok(()), "row {}", i + 1);
            } else {
                assert_eq!(got, Err(Broken::Content { id: 31 }));
                break;
            }
        }
        assert_eq!(
            v.clone().finish().0,
            30,
            "30 rows accepted before the break"
        );
    }

    #[test]
    fn an_edited_row_is_named() {
        let mut rows = chain(5);
        rows[2].entry.actor = "os:mallory".into();
        assert_eq!(verify(rows), Err(Broken::Content { id: 3 }));
    }

    #[test]
    fn an_edited_detail_is_caught() {
        let mut rows = chain(3);
        rows[1].entry.details = serde_json::json!({"role": "admin", "b": 1, "a": 2});
        assert_eq!(verify(rows), Err(Broken::Content { id: 2 }));
    }

    #[test]
    fn a_deleted_row_breaks_the_next_link() {
        let mut rows = chain(5);
        rows.remove(1);
        assert_eq!(verify(rows), Err(Broken::Link { id: 3 }));
        let mut rows = chain(3);
        rows.remove(0);
        assert_eq!(verify(rows), Err(Broken::Link { id: 2 }));
    }

    #[test]
    fn swapped_rows_are_caught() {
        let mut rows = chain(4);
        rows.swap(1, 2);
        assert_eq!(verify(rows), Err(Broken::Link { id: 3 }));
    }

    #[test]
    fn a_rehashed_edit_still_breaks_the_following_link() {
        let mut rows = chain(4);
        rows[1].entry.actor = "os:mallory".into();
        rows[1].hash = chain_hash(&rows[1].prev_hash, 2, &rows[1].entry);
        assert_eq!(verify(rows), Err(Broken::Link { id: 3 }));
    }

    #[test]
    fn canonical_content_does_not_depend_on_key_order() {
        let mut a = entry(1);
        a.details = serde_json::json!({"x": 1, "y": 2});
        let mut b = entry(1);
        b.details = serde_json::json!({"y": 2, "x": 1});
        assert_eq!(canonical(1, &a), canonical(1, &b));
    }
}
