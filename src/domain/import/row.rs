//! One record of an import file turned into a checked [`Row`]: the username,
//! name, role, facilities, password or hash, `must_change` and `status`.

use super::columns::Columns;
use super::unneutralise;
use crate::domain::account::{Role, Status};
use crate::domain::names::{FacilityCode, Username, display_name};
use crate::domain::password::{self, MAX_PASSWORD_BYTES};
use crate::domain::policy::{Policy, describe};
use crate::domain::secret::Secret;

/// Where an account's password comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    /// Empty `password`: a temporary one is generated (for a new account) or
    /// the current one is kept (for an updated account).
    Generate,
    /// A password chosen by the administrator; it meets the policy.
    Given(Secret),
    /// An Argon2 PHC string from another system, checked.
    Hash(String),
}

/// A checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file line where the row starts (the header is line 1).
    pub line: u64,
    pub username: Username,
    pub name: Option<String>,
    pub role: Role,
    /// Codes as written, without repeats (compared case-insensitively).
    pub facilities: Vec<FacilityCode>,
    pub password: PasswordSource,
    /// Must the password be changed at the next sign-in?
    pub must_change: bool,
    /// The `status` column; `None` when absent or empty: a new account is
    /// active, an updated one keeps its status.
    pub status: Option<Status>,
    /// The `expires_at` column as the first expired second; `None` when
    /// absent or empty: a new account never expires, an updated one keeps
    /// its expiry.
    pub expires_at: Option<i64>,
}

/// Check one record; every problem is listed, separated by `; `. Without a
/// policy (a trusted second read) hashes and passwords are taken as they are.
/// `escaped`: the record is CSV, whose fields `user export` may have
/// neutralised (see [`unneutralise`]).
pub(super) fn row(
    cols: &Columns,
    record: &csv::ByteRecord,
    line: u64,
    policy: Option<&Policy>,
    escaped: bool,
) -> Result<Row, String> {
    // An unquoted PHC string splits at its commas (`m=..,t=..,p=..`): when
    // the extra fields start at password_hash, join them back.
    let joined;
    let record = match (record.len().checked_sub(cols.width), cols.password_hash) {
        (Some(extra @ 1..), Some(h))
            if record.get(h).is_some_and(|f| f.starts_with(b"$argon2")) =>
        {
            let mut fixed = csv::ByteRecord::new();
            for f in record.iter().take(h) {
                fixed.push_field(f);
            }
            let parts: Vec<&[u8]> = record.iter().skip(h).take(extra + 1).collect();
            fixed.push_field(&parts.join(&b","[..]));
            for f in record.iter().skip(h + extra + 1) {
                fixed.push_field(f);
            }
            joined = fixed;
            &joined
        }
        _ => record,
    };
    if record.len() != cols.width {
        return Err(format!(
            "expected {} fields as in the header, found {} (quote fields that contain commas)",
            cols.width,
            record.len()
        ));
    }
    let mut problems: Vec<String> = Vec::new();
    // Fields are bytes until proven UTF-8, so one bad byte is one bad row.
    let mut text = |i: usize, what: &str| -> String {
        let raw = record.get(i).unwrap_or_default();
        match std::str::from_utf8(raw) {
            Ok(s) => s.to_string(),
            Err(_) => {
                problems.push(format!("{what} is not valid UTF-8"));
                String::new()
            }
        }
    };
    let mut exported = |i: usize, what: &str| {
        let t = text(i, what);
        if escaped { unneutralise(t) } else { t }
    };
    let username = exported(cols.username, "username");
    let name = exported(cols.name, "name");
    let role = exported(cols.role, "role");
    let facilities = exported(cols.facilities, "facilities");
    let status = cols
        .status
        .map(|i| exported(i, "status"))
        .unwrap_or_default();
    let expires = cols
        .expires_at
        .map(|i| exported(i, "expires_at"))
        .unwrap_or_default();
    let plain = Secret::new(text(cols.password, "password"));
    let hash = cols
        .password_hash
        .map(|i| text(i, "password_hash"))
        .unwrap_or_default();
    let must_change = cols
        .must_change
        .map(|i| text(i, "must_change"))
        .unwrap_or_default();

    let username = match Username::parse(username.trim()) {
        Ok(u) => Some(u),
        Err(e) => {
            problems.push(e.to_string());
            None
        }
    };
    let name = if name.trim().is_empty() {
        None
    } else {
        match display_name("name", &name) {
            Ok(n) => Some(n),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        }
    };
    let role = if role.trim().is_empty() {
        Role::User
    } else {
        role.parse()
            .unwrap_or_else(|e: crate::domain::account::UnknownRole| {
                problems.push(e.to_string());
                Role::User
            })
    };
    let mut codes: Vec<FacilityCode> = Vec::new();
    for code in facilities
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match FacilityCode::parse(code) {
            Ok(c)
                if codes
                    .iter()
                    .any(|k| k.as_str().eq_ignore_ascii_case(c.as_str())) => {}
            Ok(c) => codes.push(c),
            Err(e) => problems.push(e.to_string()),
        }
    }
    let hash = hash.trim();
    let gave_neither = plain.expose().is_empty() && hash.is_empty();
    let password = match (plain.expose().is_empty(), hash.is_empty()) {
        (false, false) => {
            problems.push("give either password or password_hash, not both".into());
            PasswordSource::Generate
        }
        (true, true) => PasswordSource::Generate,
        (true, false) => match policy.map_or(Ok(()), |_| password::check_phc(hash)) {
            Ok(()) => PasswordSource::Hash(hash.to_string()),
            Err(e) => {
                problems.push(format!("password_hash {e}"));
                PasswordSource::Generate
            }
        },
        (false, true) => {
            if plain.expose().len() > MAX_PASSWORD_BYTES {
                problems.push(format!(
                    "password is longer than {MAX_PASSWORD_BYTES} bytes"
                ));
            } else if let (Some(u), Some(policy)) = (&username, policy) {
                let broken = policy.check_password(u.as_str(), plain.expose());
                if !broken.is_empty() {
                    problems.push(describe(&broken));
                }
            }
            PasswordSource::Given(plain)
        }
    };
    let must_change = match must_change.trim().to_ascii_lowercase().as_str() {
        "" => !matches!(password, PasswordSource::Hash(_)),
        "true" | "yes" | "1" => true,
        "false" | "no" | "0" => {
            // Only when the row gave neither: a refused hash or password
            // has its own message already.
            if gave_neither {
                problems.push(
                    "must_change=false needs a password or password_hash: a generated password is temporary"
                        .into(),
                );
            }
            false
        }
        other => {
            let shown: String = other.chars().filter(|c| !c.is_control()).take(20).collect();
            problems.push(format!("must_change `{shown}` is not true or false"));
            true
        }
    };
    let status = match status.trim().to_ascii_lowercase().as_str() {
        "" => None,
        "active" => Some(Status::Active),
        "disabled" => Some(Status::Disabled),
        "locked" => Some(Status::Locked),
        other => {
            let shown: String = other.chars().filter(|c| !c.is_control()).take(20).collect();
            problems.push(format!(
                "status `{shown}` is not active, disabled or locked"
            ));
            None
        }
    };
    let expires_at = match expiry(expires.trim()) {
        Ok(at) => at,
        Err(e) => {
            problems.push(e);
            None
        }
    };
    match username {
        Some(username) if problems.is_empty() => Ok(Row {
            line,
            username,
            name,
            role,
            facilities: codes,
            password,
            must_change,
            status,
            expires_at,
        }),
        _ => Err(problems.join("; ")),
    }
}

/// The `expires_at` column: empty, the instant `user export` writes (RFC
/// 3339), or the last day the account may sign in (`YYYY-MM-DD`, UTC).
fn expiry(text: &str) -> Result<Option<i64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(at) = text.parse::<jiff::Timestamp>() {
        return Ok(Some(at.as_second()));
    }
    crate::domain::account::day_expiry(text)
        .map(Some)
        .map_err(|_| {
            let shown: String = text.chars().filter(|c| !c.is_control()).take(30).collect();
            format!(
                "expires_at `{shown}` is not a time (2027-02-01T00:00:00Z) or a day (2027-01-31)"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::FileError;
    use crate::domain::import::test_support::{PHC, bad_lines, read};

    #[test]
    fn good_rows_come_out_typed() -> Result<(), FileError> {
        let rows = read(
            "username,name,role,facilities,password\n\
             Alice,Alice Smith,admin,NORTH; south ;north,\n\
             bob,,,,Fine#pass9\n",
        )?;
        let [Ok(alice), Ok(bob)] = rows.as_slice() else {
            panic!("{rows:?}");
        };
        assert_eq!(alice.line, 2);
        assert_eq!(alice.username.as_str(), "alice");
        assert_eq!(alice.name.as_deref(), Some("Alice Smith"));
        assert_eq!(alice.role, Role::Admin);
        let codes: Vec<&str> = alice.facilities.iter().map(FacilityCode::as_str).collect();
        assert_eq!(codes, ["NORTH", "south"], "repeats merged, case ignored");
        assert_eq!(alice.password, PasswordSource::Generate);
        assert!(alice.must_change);
        assert_eq!(bob.role, Role::User);
        assert_eq!(
            bob.password,
            PasswordSource::Given(Secret::new("Fine#pass9".into()))
        );
        assert!(bob.must_change, "an administrator's password is temporary");
        Ok(())
    }

    #[test]
    fn passwords_and_hashes_are_checked_but_never_echoed() {
        let text = format!(
            "username,name,role,facilities,password,password_hash,must_change\n\
             eve,,,,short1,,\n\
             frank,,,,Frank#pw99,,\n\
             gina,,,,Good#pass1,\"{PHC}\",\n\
             hank,,,,,\"$argon2id$v=19$m=19456,t=2\",\n\
             ivan,,,,,,false\n\
             jill,,,,,,maybe\n"
        );
        let bad = bad_lines(&text);
        let lines: Vec<u64> = bad.iter().map(|b| b.0).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7], "{bad:?}");
        assert!(bad[0].1.contains("does not meet the policy") && !bad[0].1.contains("short1"));
        assert!(
            bad[1].1.contains("may not contain the username") && !bad[1].1.contains("Frank#pw99")
        );
        assert!(bad[2].1.contains("not both") && !bad[2].1.contains("Good#pass1"));
        assert!(
            bad[3].1.contains("password_hash") && !bad[3].1.contains("m=19456"),
            "{bad:?}"
        );
        assert!(bad[4].1.contains("generated password is temporary"));
        assert!(bad[5].1.contains("`maybe` is not true or false"));
        // An unquoted hash is joined back at its commas, wherever the column is.
        let rows = read(&format!(
            "username,password_hash,name,role,facilities,password\nkai,{PHC},Kai,admin,,\nlou,$argon2id$v=19$m=1,2,3,Lou,user,,\n"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(&rows[0], Ok(r) if r.password == PasswordSource::Hash(PHC.into()) && r.role == Role::Admin && r.name.as_deref() == Some("Kai")),
            "{rows:?}"
        );
        assert!(
            matches!(&rows[1], Err(e) if e.message.contains("password_hash")),
            "{rows:?}"
        );
    }
}
