//! The password and lockout policy (SPEC 3): its keys, their ranges, and the
//! rules a password must meet. Every failed rule is reported, not only the first.

use serde::Serialize;
use std::fmt;

use super::account::Role;

/// The one global policy. Defaults are the seeds' rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub min_length: u32,
    pub max_length: u32,
    pub require_letter: bool,
    pub require_digit: bool,
    pub require_special: bool,
    pub special_chars: String,
    pub history: u32,
    pub lockout_threshold: u32,
    pub lockout_minutes: u32,
    pub reject_username: bool,
    pub max_age_days: u32,
    pub totp_issuer: String,
    pub twofa_roles: Vec<Role>,
    pub require_operator: bool,
    /// Minutes an operator session lasts unused (0: no sessions).
    pub session_minutes: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            min_length: 6,
            max_length: 12,
            require_letter: true,
            require_digit: true,
            require_special: true,
            special_chars: "!@#$%^&*()".into(),
            history: 12,
            lockout_threshold: 3,
            lockout_minutes: 0,
            reject_username: true,
            max_age_days: 0,
            totp_issuer: "keyward".into(),
            twofa_roles: vec![Role::Supervisor, Role::Admin, Role::Support],
            require_operator: false,
            session_minutes: 15,
        }
    }
}

/// One policy key with its help text, in the order of SPEC 3.
pub struct KeyInfo {
    pub name: &'static str,
    pub about: &'static str,
}

/// Every key, in display order.
pub const KEYS: &[KeyInfo] = &[
    KeyInfo {
        name: "min-length",
        about: "fewest characters, 1-128",
    },
    KeyInfo {
        name: "max-length",
        about: "most characters, min-length-128",
    },
    KeyInfo {
        name: "require-letter",
        about: "at least one letter",
    },
    KeyInfo {
        name: "require-digit",
        about: "at least one digit",
    },
    KeyInfo {
        name: "require-special",
        about: "at least one of special-chars",
    },
    KeyInfo {
        name: "special-chars",
        about: "characters that count as special",
    },
    KeyInfo {
        name: "history",
        about: "0-12 previous passwords that may not be reused",
    },
    KeyInfo {
        name: "lockout-threshold",
        about: "0-100 failed attempts that lock (0: never)",
    },
    KeyInfo {
        name: "lockout-minutes",
        about: "0-525600 minutes a lock lasts (0: until unlocked)",
    },
    KeyInfo {
        name: "reject-username",
        about: "password may not contain the username",
    },
    KeyInfo {
        name: "max-age-days",
        about: "0-3650 days before a password expires (0: never)",
    },
    KeyInfo {
        name: "totp-issuer",
        about: "issuer shown in authenticator apps",
    },
    KeyInfo {
        name: "2fa-roles",
        about: "roles allowed to enrol 2FA (comma-separated)",
    },
    KeyInfo {
        name: "require-operator",
        about: "every change must name an operator with --as",
    },
    KeyInfo {
        name: "session-minutes",
        about: "0-480 minutes an operator session lasts unused (0: no sessions)",
    },
];

/// A policy value as shown in JSON: numbers, booleans or text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(u32),
    Bool(bool),
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// Why a policy change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("unknown policy key `{0}`; known keys: {known}", known = key_names())]
    UnknownKey(String),
    #[error("`{0}` is not KEY=VALUE; write for example min-length=8")]
    NotAPair(String),
    #[error("{key}: `{value}` is out of range; allowed: {allowed}")]
    BadValue {
        key: &'static str,
        value: String,
        allowed: String,
    },
    #[error("{0}")]
    Inconsistent(String),
}

fn key_names() -> String {
    KEYS.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
}

/// Values are taken exactly as typed: no sign, no spaces, no other case than
/// the documented one (`min-length= 7`, `+7` and `TRUE` are mistakes to report).
fn number(key: &'static str, raw: &str, min: u32, max: u32) -> Result<u32, PolicyError> {
    Some(raw)
        .filter(|r| !r.is_empty() && r.len() <= 10 && r.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|r| r.parse::<u32>().ok())
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| PolicyError::BadValue {
            key,
            value: raw.to_string(),
            allowed: format!("a whole number from {min} to {max}"),
        })
}

fn boolean(key: &'static str, raw: &str) -> Result<bool, PolicyError> {
    match raw {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(PolicyError::BadValue {
            key,
            value: raw.to_string(),
            allowed: "true or false (also yes/no, on/off, 1/0), in lower case".into(),
        }),
    }
}

fn special_chars(raw: &str) -> Result<String, PolicyError> {
    let mut out = String::new();
    for c in raw.chars() {
        if !c.is_ascii_punctuation() {
            return Err(PolicyError::BadValue {
                key: "special-chars",
                value: raw.to_string(),
                allowed: "ASCII symbols such as !@#$%^&*() (no letters, digits, spaces or non-ASCII characters)"
                    .into(),
            });
        }
        if !out.contains(c) {
            out.push(c);
        }
    }
    Ok(out)
}

fn issuer(raw: &str) -> Result<String, PolicyError> {
    let v = raw;
    let len = v.chars().count();
    if (1..=64).contains(&len)
        && v.trim() == v
        && !v.contains(':')
        && !v.chars().any(char::is_control)
    {
        Ok(v.to_string())
    } else {
        Err(PolicyError::BadValue {
            key: "totp-issuer",
            value: raw.to_string(),
            allowed: "1-64 characters without `:`, control characters or surrounding spaces".into(),
        })
    }
}

fn roles(raw: &str) -> Result<Vec<Role>, PolicyError> {
    let mut out: Vec<Role> = Vec::new();
    if raw == "none" {
        return Ok(out);
    }
    // Empty is refused: `2fa-roles=` is more likely a lost value than a
    // wish to let nobody enrol, which is spelled `none`.
    for part in raw.split(',') {
        let role = Role::ALL
            .into_iter()
            .find(|r| r.as_str() == part)
            .ok_or_else(|| PolicyError::BadValue {
                key: "2fa-roles",
                value: raw.to_string(),
                allowed: "a comma-separated list of user, supervisor, admin, support without spaces, or none"
                    .into(),
            })?;
        if !out.contains(&role) {
            out.push(role);
        }
    }
    out.sort();
    Ok(out)
}

impl Policy {
    /// The current value of a key (keys come from [`KEYS`]).
    pub fn get(&self, key: &str) -> Result<Value, PolicyError> {
        Ok(match key {
            "min-length" => Value::Number(self.min_length),
            "max-length" => Value::Number(self.max_length),
            "require-letter" => Value::Bool(self.require_letter),
            "require-digit" => Value::Bool(self.require_digit),
            "require-special" => Value::Bool(self.require_special),
            "special-chars" => Value::Text(self.special_chars.clone()),
            "history" => Value::Number(self.history),
            "lockout-threshold" => Value::Number(self.lockout_threshold),
            "lockout-minutes" => Value::Number(self.lockout_minutes),
            "reject-username" => Value::Bool(self.reject_username),
            "max-age-days" => Value::Number(self.max_age_days),
            "totp-issuer" => Value::Text(self.totp_issuer.clone()),
            "2fa-roles" => Value::Text(
                self.twofa_roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            "require-operator" => Value::Bool(self.require_operator),
            "session-minutes" => Value::Number(self.session_minutes),
            other => return Err(PolicyError::UnknownKey(other.to_string())),
        })
    }

    /// Set one key from its text form, checking that key's own range.
    /// Cross-key rules are checked by [`Policy::validate`].
    pub fn set(&mut self, key: &str, raw: &str) -> Result<(), PolicyError> {
        match key {
            "min-length" => self.min_length = number("min-length", raw, 1, 128)?,
            "max-length" => self.max_length = number("max-length", raw, 1, 128)?,
            "require-letter" => self.require_letter = boolean("require-letter", raw)?,
            "require-digit" => self.require_digit = boolean("require-digit", raw)?,
            "require-special" => self.require_special = boolean("require-special", raw)?,
            "special-chars" => self.special_chars = special_chars(raw)?,
            "history" => self.history = number("history", raw, 0, 12)?,
            "lockout-threshold" => {
                self.lockout_threshold = number("lockout-threshold", raw, 0, 100)?
            }
            "lockout-minutes" => self.lockout_minutes = number("lockout-minutes", raw, 0, 525_600)?,
            "reject-username" => self.reject_username = boolean("reject-username", raw)?,
            "max-age-days" => self.max_age_days = number("max-age-days", raw, 0, 3650)?,
            "totp-issuer" => self.totp_issuer = issuer(raw)?,
            "2fa-roles" => self.twofa_roles = roles(raw)?,
            "require-operator" => self.require_operator = boolean("require-operator", raw)?,
            "session-minutes" => self.session_minutes = number("session-minutes", raw, 0, 480)?,
            _ => return Err(PolicyError::UnknownKey(key.to_string())),
        }
        Ok(())
    }

    /// Rules between keys: a policy that no password could satisfy is refused.
    pub fn validate(&self) -> Result<(), PolicyError> {
        if self.min_length > self.max_length {
            return Err(PolicyError::Inconsistent(format!(
                "min-length ({}) must not exceed max-length ({}); set both in one command, e.g. min-length=8 max-length=16",
                self.min_length, self.max_length
            )));
        }
        if self.require_special && self.special_chars.is_empty() {
            return Err(PolicyError::Inconsistent(
                "require-special=true needs at least one character in special-chars".into(),
            ));
        }
        let classes = self.required_classes();
        if self.max_length < classes {
            return Err(PolicyError::Inconsistent(format!(
                "max-length ({}) is too short for the {classes} required character classes",
                self.max_length
            )));
        }
        Ok(())
    }

    /// Apply `KEY=VALUE` pairs to a copy; every problem is reported together and
    /// the copy is returned only when the whole set is valid.
    pub fn with_pairs(&self, pairs: &[String]) -> Result<Policy, Vec<PolicyError>> {
        let mut next = self.clone();
        let mut errors = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for pair in pairs {
            match pair.split_once('=') {
                Some((key, value)) => {
                    let key_norm = key.to_string();
                    if seen.contains(&key_norm) {
                        errors.push(PolicyError::Inconsistent(format!(
                            "`{key_norm}` is given more than once; give each key once"
                        )));
                    } else if let Err(e) = next.set(key, value) {
                        errors.push(e);
                    }
                    seen.push(key_norm);
                }
                None => errors.push(PolicyError::NotAPair(pair.clone())),
            }
        }
        if errors.is_empty()
            && let Err(e) = next.validate()
        {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(next)
        } else {
            Err(errors)
        }
    }

    /// The policy as stored text pairs, one per key.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        KEYS.iter()
            .filter_map(|k| self.get(k.name).ok().map(|v| (k.name, v.to_string())))
            .collect()
    }

    /// Read stored pairs over the defaults. Keys this binary does not know are
    /// an error, since they mean a newer keyward wrote them.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Policy, PolicyError> {
        let mut policy = Policy::default();
        for (k, v) in pairs {
            match (k, v) {
                // How an empty role list is stored.
                ("2fa-roles", "") => policy.twofa_roles.clear(),
                // Older keywards accepted any symbol and surrounding spaces
                // here: a stored value is kept as it is, not refused as damage.
                ("special-chars" | "totp-issuer", v) if policy.set(k, v).is_err() => {
                    if k == "special-chars" {
                        policy.special_chars = v.to_string();
                    } else {
                        policy.totp_issuer = v.trim().to_string();
                    }
                }
                _ => policy.set(k, v)?,
            }
        }
        policy.validate()?;
        Ok(policy)
    }

    fn required_classes(&self) -> u32 {
        u32::from(self.require_letter)
            + u32::from(self.require_digit)
            + u32::from(self.require_special)
    }

    /// Every rule this password breaks, in a fixed order. Empty means it passes.
    /// (History is checked separately, since it needs the stored hashes.)
    pub fn check_password(&self, username: &str, password: &str) -> Vec<Violation> {
        let mut out = Vec::new();
        let len = password.chars().count() as u32;
        if len < self.min_length {
            out.push(Violation::TooShort(self.min_length));
        }
        if len > self.max_length {
            out.push(Violation::TooLong(self.max_length));
        }
        if self.require_letter && !password.chars().any(char::is_alphabetic) {
            out.push(Violation::NoLetter);
        }
        if self.require_digit && !password.chars().any(char::is_numeric) {
            out.push(Violation::NoDigit);
        }
        if self.require_special && !password.chars().any(|c| self.special_chars.contains(c)) {
            out.push(Violation::NoSpecial(self.special_chars.clone()));
        }
        if password.chars().any(char::is_control) {
            out.push(Violation::ControlCharacter);
        }
        if self.reject_username
            && !username.is_empty()
            && password.to_lowercase().contains(&username.to_lowercase())
        {
            out.push(Violation::ContainsUsername);
        }
        out
    }
}

/// One broken password rule, worded for the person choosing the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    TooShort(u32),
    TooLong(u32),
    NoLetter,
    NoDigit,
    NoSpecial(String),
    ControlCharacter,
    ContainsUsername,
    RecentlyUsed,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::TooShort(n) => write!(f, "needs at least {n} characters"),
            Violation::TooLong(n) => write!(f, "may have at most {n} characters"),
            Violation::NoLetter => f.write_str("needs at least one letter"),
            Violation::NoDigit => f.write_str("needs at least one digit"),
            Violation::NoSpecial(set) => write!(f, "needs at least one special character ({set})"),
            Violation::ControlCharacter => f.write_str("may not contain control characters"),
            Violation::ContainsUsername => f.write_str("may not contain the username"),
            Violation::RecentlyUsed => {
                f.write_str("was used recently; choose one you have not used before")
            }
        }
    }
}

/// All violations as one sentence: "password needs ...; needs ...".
pub fn describe(violations: &[Violation]) -> String {
    let parts: Vec<String> = violations.iter().map(ToString::to_string).collect();
    format!(
        "password does not meet the policy: it {}",
        parts.join("; it ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_are_the_seed_rules() {
        let p = Policy::default();
        assert_eq!(
            (p.min_length, p.max_length, p.history, p.lockout_threshold),
            (6, 12, 12, 3)
        );
        assert_eq!(p.special_chars, "!@#$%^&*()");
        assert!(p.validate().is_ok());
    }

    #[test]
    fn every_failed_rule_is_reported_at_once() {
        let v = Policy::default().check_password("alice", "abc");
        assert_eq!(
            v,
            vec![
                Violation::TooShort(6),
                Violation::NoDigit,
                Violation::NoSpecial("!@#$%^&*()".into())
            ]
        );
    }

    #[test]
    fn a_good_password_passes() {
        assert!(
            Policy::default()
                .check_password("alice", "Tr0ub4dor&")
                .is_empty()
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let p = Policy::default();
        assert!(p.check_password("bob", "ééééé1!").is_empty());
        assert_eq!(
            p.check_password("bob", "ééééééééééé1!"),
            vec![Violation::TooLong(12)]
        );
    }

    #[test]
    fn username_is_rejected_in_any_case() {
        let v = Policy::default().check_password("alice", "xALICE9!");
        assert_eq!(v, vec![Violation::ContainsUsername]);
        let p = Policy {
            reject_username: false,
            ..Policy::default()
        };
        assert!(p.check_password("alice", "xALICE9!").is_empty());
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(
            Policy::default()
                .check_password("bob", "abc1!\u{7}de")
                .contains(&Violation::ControlCharacter)
        );
    }

    #[test]
    fn disabled_classes_are_not_required() {
        let p =
            Policy::default().with_pairs(&pairs(&["require-digit=false", "require-special=no"]));
        assert!(
            p.map(|p| p.check_password("bob", "abcdef").is_empty())
                .unwrap_or(false)
        );
    }

    #[test]
    fn ranges_are_enforced_per_key() {
        let base = Policy::default();
        for bad in [
            "min-length=0",
            "min-length=129",
            "history=13",
            "lockout-threshold=101",
            "max-age-days=3651",
            "lockout-minutes=-1",
            "require-digit=maybe",
            "min-length=six",
            "2fa-roles=root",
            "totp-issuer=a:b",
            "special-chars=abc",
            "totp-issuer=",
            // Only the documented forms: no sign, spaces, other case or symbols.
            "min-length=+7",
            "min-length= 7",
            "min-length=7 ",
            "MIN-LENGTH=8",
            " min-length=8",
            "require-operator=TRUE",
            "require-digit= yes",
            "special-chars=€",
            "special-chars=! ",
            "2fa-roles=",
            "2fa-roles=Admin",
            "2fa-roles=admin, support",
            "2fa-roles=admin,",
            "2fa-roles=NONE",
            "totp-issuer= Acme",
        ] {
            assert!(
                base.with_pairs(&pairs(&[bad])).is_err(),
                "{bad} should be refused"
            );
        }
        for good in [
            "history=0",
            "lockout-threshold=100",
            "2fa-roles=none",
            "2fa-roles=admin,support",
            "special-chars=-+=",
            "totp-issuer=Acme Corp",
            "require-operator=yes",
            "min-length=007",
        ] {
            assert!(
                base.with_pairs(&pairs(&[good])).is_ok(),
                "{good} should be accepted"
            );
        }
    }

    #[test]
    fn stored_values_of_older_versions_still_load() {
        let p = Policy::from_pairs([("2fa-roles", ""), ("special-chars", "€!")]);
        let p = p.expect("stored policy loads");
        assert!(p.twofa_roles.is_empty());
        assert_eq!(p.special_chars, "€!");
        // What is saved loads back as the same policy.
        let saved = p.to_pairs();
        let again = Policy::from_pairs(saved.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again.expect("round trip"), p);
    }

    #[test]
    fn unknown_keys_and_missing_equals_are_errors() {
        let errs = Policy::default()
            .with_pairs(&pairs(&["colour=red", "min-length"]))
            .err()
            .unwrap_or_default();
        assert!(matches!(
            errs.as_slice(),
            [PolicyError::UnknownKey(_), PolicyError::NotAPair(_)]
        ));
    }

    #[test]
    fn a_key_given_twice_is_refused() {
        let r = Policy::default().with_pairs(&pairs(&["min-length=8", "min-length=7"]));
        assert!(r.is_err());
    }

    #[test]
    fn min_may_not_exceed_max_but_both_can_move_together() {
        let base = Policy::default();
        assert!(base.with_pairs(&pairs(&["min-length=20"])).is_err());
        assert!(base.with_pairs(&pairs(&["max-length=5"])).is_err());
        let p = base.with_pairs(&pairs(&["min-length=20", "max-length=40"]));
        assert_eq!(p.map(|p| (p.min_length, p.max_length)), Ok((20, 40)));
    }

    #[test]
    fn unsatisfiable_policies_are_refused() {
        let base = Policy::default();
        assert!(
            base.with_pairs(&pairs(&["min-length=1", "max-length=2"]))
                .is_err()
        );
        assert!(base.with_pairs(&pairs(&["special-chars="])).is_err());
        assert!(
            base.with_pairs(&pairs(&["special-chars=", "require-special=false"]))
                .is_ok()
        );
    }

    #[test]
    fn stored_pairs_round_trip() {
        let p = Policy::default().with_pairs(&pairs(&[
            "min-length=8",
            "2fa-roles=admin",
            "totp-issuer=Acme",
        ]));
        let p = p.unwrap_or_default();
        let stored = p.to_pairs();
        let back = Policy::from_pairs(stored.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, Ok(p));
    }
}
