//! Names typed by people: usernames, facility codes, display names.

use std::fmt;

/// Why a name was refused; the message names the rule and the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} `{value}`: {rule}")]
pub struct NameError {
    pub what: &'static str,
    pub value: String,
    pub rule: &'static str,
}

/// A validated, lower-cased username (SPEC 2). It fits an `otpauth://` label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Username(String);

const USERNAME_RULE: &str =
    "use 3-32 characters of a-z, 0-9, `.`, `_`, `-`, starting with a letter or digit";

impl Username {
    pub fn parse(input: &str) -> Result<Self, NameError> {
        let err = || NameError {
            what: "username",
            value: printable(input),
            rule: USERNAME_RULE,
        };
        // ASCII first: Unicode lower-casing would turn the Kelvin sign into `k`.
        if !input.is_ascii() {
            return Err(err());
        }
        let lower = input.to_ascii_lowercase();
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c);
        let starts_well = lower.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !(3..=32).contains(&lower.len()) || !starts_well || !lower.chars().all(allowed) {
            return Err(err());
        }
        Ok(Username(lower))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A facility code as typed (case kept), compared case-insensitively by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacilityCode(String);

impl FacilityCode {
    pub fn parse(input: &str) -> Result<Self, NameError> {
        let ok = (1..=32).contains(&input.len())
            && input.starts_with(|c: char| c.is_ascii_alphanumeric())
            && input
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c));
        if ok {
            Ok(FacilityCode(input.to_string()))
        } else {
            Err(NameError {
                what: "facility code",
                value: printable(input),
                rule: "use 1-32 characters of letters, digits, `.`, `_`, `-`, starting with a letter or digit",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FacilityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Characters that draw nothing or reorder text: they can forge what a table shows.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// A free-text name (facility or person): trimmed, 1-100 characters, no control,
/// invisible or direction-changing characters.
/// How audit rows name an OS user: `os:NAME` for the password database's
/// name of the real uid, `os:uid:N` when it has none, or one that is empty,
/// long or holds invisible or direction-changing characters (it could
/// display as someone else).
pub fn os_actor(uid: u32, name: Option<&str>) -> String {
    match name {
        Some(n) if !n.is_empty() && n.len() <= 64 && !n.chars().any(invisible) => {
            format!("os:{n}")
        }
        _ => format!("os:uid:{uid}"),
    }
}

pub fn display_name(what: &'static str, input: &str) -> Result<String, NameError> {
    let trimmed = input.trim();
    let len = trimmed.chars().count();
    if (1..=100).contains(&len) && !trimmed.chars().any(invisible) {
        Ok(trimmed.to_string())
    } else {
        Err(NameError {
            what,
            value: printable(input),
            rule: "use 1-100 characters without control or invisible characters",
        })
    }
}

/// Echo user input in an error without letting control or invisible characters
/// reach the terminal; everything else (accents included) is shown as typed.
fn printable(input: &str) -> String {
    let mut out = String::new();
    for c in input.chars().take(64) {
        if invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_actors_are_named_by_uid_entry_or_number() {
        assert_eq!(os_actor(1000, Some("alice")), "os:alice");
        assert_eq!(os_actor(1000, None), "os:uid:1000");
        assert_eq!(os_actor(7, Some("")), "os:uid:7");
        assert_eq!(os_actor(7, Some("eve\u{202E}ecila")), "os:uid:7");
        assert_eq!(os_actor(7, Some(&"x".repeat(65))), "os:uid:7");
    }

    #[test]
    fn usernames_are_lower_cased() {
        assert_eq!(
            Username::parse("Alice.B-2_x").map(|u| u.0),
            Ok("alice.b-2_x".into())
        );
    }

    #[test]
    fn username_length_is_3_to_32() {
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("abc").is_ok());
        assert!(Username::parse(&"a".repeat(32)).is_ok());
        assert!(Username::parse(&"a".repeat(33)).is_err());
    }

    #[test]
    fn username_refuses_bad_start_and_characters() {
        for bad in [
            "-bob", ".bob", "_bob", "bob:x", "bob x", "bøb", "bob@x", "", "bob\n",
        ] {
            assert!(Username::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Username::parse("9lives").is_ok());
    }

    #[test]
    fn facility_codes_keep_case_and_refuse_separators() {
        assert_eq!(
            FacilityCode::parse("DAL-01").map(|c| c.0),
            Ok("DAL-01".into())
        );
        for bad in ["", "-x", "a,b", "a b", "a;b", &"x".repeat(33)] {
            assert!(
                FacilityCode::parse(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn display_names_are_trimmed_and_refuse_control_characters() {
        assert_eq!(
            display_name("name", "  North Unit "),
            Ok("North Unit".into())
        );
        assert!(display_name("name", "   ").is_err());
        assert!(display_name("name", "a\u{1b}[31m").is_err());
    }

    #[test]
    fn non_ascii_look_alikes_are_refused_not_folded() {
        assert!(
            Username::parse("\u{212A}im").is_err(),
            "Kelvin sign must not become k"
        );
    }

    #[test]
    fn display_names_refuse_invisible_and_bidi_characters() {
        for bad in ["evil\u{202E}gnp", "a\u{200B}b", "\u{FEFF}x"] {
            assert!(display_name("name", bad).is_err(), "{bad:?}");
        }
        assert_eq!(display_name("name", "Zoë Ünit"), Ok("Zoë Ünit".into()));
    }

    #[test]
    fn errors_keep_accents_but_escape_control_characters() {
        let err = display_name("name", "é\u{7}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains('é') && err.contains("\\u{7}"), "{err}");
    }

    #[test]
    fn errors_escape_control_characters() {
        let err = Username::parse("a\u{1b}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!err.contains('\u{1b}'));
    }
}
