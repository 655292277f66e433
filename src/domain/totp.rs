//! TOTP (RFC 6238) as Google and Microsoft Authenticator expect: SHA-1,
//! 6 digits, 30-second steps, a 160-bit secret. Time is always an argument.

use totp_rs::{Algorithm, Builder, Secret as RawSecret, Totp};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::password::{Entropy, PasswordError};

/// Secret length in bytes (160 bits).
pub const SECRET_BYTES: usize = 20;
/// Seconds per step.
pub const STEP: i64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum TotpError {
    #[error("the stored two-factor secret is damaged")]
    BadSecret,
    #[error("cannot build the authenticator URI: {0}")]
    Uri(String),
}

/// A TOTP secret: zeroed on drop, never printed by `Debug`.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct TotpKey(Vec<u8>);

impl std::fmt::Debug for TotpKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpKey(***)")
    }
}

impl TotpKey {
    /// A fresh secret from the given entropy source (the OS CSPRNG in the binary).
    pub fn generate(rng: &mut dyn Entropy) -> Result<Self, PasswordError> {
        let mut bytes = vec![0u8; SECRET_BYTES];
        rng.fill(&mut bytes)?;
        Ok(TotpKey(bytes))
    }

    /// Read a stored base32 secret.
    pub fn from_base32(text: &str) -> Result<Self, TotpError> {
        RawSecret::try_from_base32(text)
            .ok()
            .map(|s| AsRef::<[u8]>::as_ref(&s).to_vec())
            .filter(|b| b.len() >= 16)
            .map(TotpKey)
            .ok_or(TotpError::BadSecret)
    }

    /// Base32 without padding, as stored and as typed into an app.
    pub fn base32(&self) -> String {
        RawSecret::from(self.0.clone()).to_base32()
    }

    /// The base32 secret in groups of four, for typing by hand.
    pub fn grouped(&self) -> String {
        let b32 = self.base32();
        let chars: Vec<char> = b32.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// SHA-1, 6 digits, 30 s, ±1 step: the parameters every app assumes.
    fn builder(&self) -> Builder {
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(6)
            .with_skew(1)
            .with_step_duration(STEP as u64)
            .with_secret(self.0.clone())
    }

    fn totp(&self, issuer: &str, account: &str) -> Result<Totp, TotpError> {
        self.builder()
            .with_account_name(account)
            .with_issuer(Some(issuer))
            .build()
            .map_err(|e| TotpError::Uri(e.to_string()))
    }

    /// `otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER`.
    pub fn uri(&self, issuer: &str, account: &str) -> Result<String, TotpError> {
        self.totp(issuer, account)?
            .to_url()
            .map_err(|e| TotpError::Uri(e.to_string()))
    }

    fn plain(&self) -> Totp {
        self.builder().build_noncompliant()
    }

    /// The code for the step containing `at` (Unix seconds).
    pub fn code_at(&self, at: i64) -> String {
        self.plain().generate(at.max(0) as u64).to_string()
    }

    /// The step a code is valid for, if it is the current step's or a
    /// neighbour's (±1). The caller refuses steps already used.
    pub fn check(&self, code: &str, now: i64) -> Option<i64> {
        let digits = normalise_code(code);
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.plain()
            .check(&digits, now.max(0) as u64)
            .map(|s| s as i64)
    }

    /// For a code that failed [`TotpKey::check`]: how many steps away (signed)
    /// it would have been right, within `max_steps`, to diagnose clock skew.
    pub fn skew_of(&self, code: &str, now: i64, max_steps: i64) -> Option<i64> {
        let digits = normalise_code(code);
        (-max_steps..=max_steps)
            .filter(|o| o.abs() > 1)
            .find(|o| self.code_at(now + o * STEP) == digits)
    }
}

/// The step number of a time.
pub fn step_of(at: i64) -> i64 {
    at.div_euclid(STEP)
}

/// Codes as typed: spaces removed ("123 456" is "123456").
pub fn normalise_code(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether what was typed is shaped like a TOTP code (else: a backup code).
pub fn looks_like_totp(code: &str) -> bool {
    let c = normalise_code(code);
    c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 key ("12345678901234567890").
    fn rfc_key() -> TotpKey {
        TotpKey(b"12345678901234567890".to_vec())
    }

    #[test]
    fn rfc6238_sha1_vectors_in_six_digits() {
        // The RFC lists 8-digit codes; the last six digits are the 6-digit codes.
        for (t, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(rfc_key().code_at(t), eight[2..], "t={t}");
        }
    }

    #[test]
    fn neighbouring_steps_are_accepted_and_further_ones_refused() {
        let k = rfc_key();
        let now = 1_234_567_890;
        for (offset, ok) in [(-2, false), (-1, true), (0, true), (1, true), (2, false)] {
            let code = k.code_at(now + offset * STEP);
            assert_eq!(k.check(&code, now).is_some(), ok, "offset {offset}");
        }
        assert_eq!(k.check(&k.code_at(now), now), Some(step_of(now)));
    }

    #[test]
    fn malformed_codes_never_match() {
        let k = rfc_key();
        for bad in ["", "12345", "1234567", "abcdef", "12-456"] {
            assert_eq!(k.check(bad, 59), None, "{bad}");
        }
        let spaced = format!("{} {}", &k.code_at(59)[..3], &k.code_at(59)[3..]);
        assert!(k.check(&spaced, 59).is_some());
    }

    #[test]
    fn skew_is_diagnosed_with_its_direction() {
        let k = rfc_key();
        let now = 1_234_567_890;
        assert_eq!(k.skew_of(&k.code_at(now + 4 * STEP), now, 20), Some(4));
        assert_eq!(k.skew_of(&k.code_at(now - 6 * STEP), now, 20), Some(-6));
        assert_eq!(k.skew_of("000000", now, 0), None);
    }

    #[test]
    fn uri_has_the_shape_apps_expect() -> Result<(), TotpError> {
        let uri = rfc_key().uri("keyward", "alice")?;
        assert_eq!(
            uri,
            format!(
                "otpauth://totp/keyward:alice?secret={}&issuer=keyward",
                rfc_key().base32()
            )
        );
        assert!(
            rfc_key()
                .uri("Acme Corp", "bob")?
                .contains("Acme%20Corp:bob")
        );
        Ok(())
    }

    #[test]
    fn base32_round_trips_and_groups_in_fours() -> Result<(), TotpError> {
        let k = rfc_key();
        assert_eq!(TotpKey::from_base32(&k.base32())?.0, k.0);
        assert_eq!(k.base32().len(), 32);
        assert!(k.grouped().split(' ').all(|g| g.len() == 4));
        assert!(!format!("{k:?}").contains(&k.base32()));
        Ok(())
    }
}
