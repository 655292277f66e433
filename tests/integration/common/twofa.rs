//! Two-factor helpers: TOTP codes, backup codes, enrolment.

use super::*;

/// The alphabet of backup codes (no look-alikes).
pub const BACKUP_ALPHABET: &str = "abcdefghjkmnpqrstuvwxyz23456789";

/// The TOTP code (SHA-1, 6 digits, 30 s) of a base32 `secret` at `unix` seconds,
/// computed independently of keyward with totp-rs.
#[track_caller]
pub fn totp_at(secret: &str, unix: i64) -> String {
    let bytes = totp_rs::Secret::try_from_base32(secret)
        .unwrap_or_else(|e| panic!("secret {secret:?} is not base32: {e:?}"))
        .as_ref()
        .to_vec();
    let totp = totp_rs::Builder::new()
        .with_secret(bytes)
        .build()
        .unwrap_or_else(|e| panic!("cannot build a TOTP from {secret:?}: {e:?}"));
    totp.generate(u64::try_from(unix).expect("time after 1970"))
        .to_string()
}

/// The TOTP code for the step `steps` away from [`NOW`]'s step.
#[track_caller]
pub fn totp_step(secret: &str, steps: i64) -> String {
    totp_at(secret, NOW_UNIX + steps * 30)
}

/// A 6-digit code that is the code of no step within ±40 steps (20 minutes) of
/// [`NOW`] + `around` seconds: certainly wrong, and without a clock-skew match.
#[track_caller]
pub fn wrong_code(secret: &str, around: i64) -> String {
    let near: Vec<String> = (-40..=40)
        .map(|s| totp_at(secret, NOW_UNIX + around + s * 30))
        .collect();
    (0..1_000_000u32)
        .map(|n| format!("{:06}", (n * 7919 + 123_457) % 1_000_000))
        .find(|c| !near.contains(c))
        .expect("a wrong code")
}

/// Is `c` shaped like a backup code as shown: `xxxxx-xxxxx` from [`BACKUP_ALPHABET`]?
pub fn is_backup_code(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 11
        && b[5] == b'-'
        && c.chars()
            .enumerate()
            .all(|(i, ch)| i == 5 || BACKUP_ALPHABET.contains(ch))
}

/// Backup-code-shaped words of a text, in order.
pub fn backup_codes_in(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| is_backup_code(w))
        .map(str::to_owned)
        .collect()
}

/// The default enrolment URI of `user` with `secret` (issuer `keyward`).
pub fn default_uri(user: &str, secret: &str) -> String {
    format!("otpauth://totp/keyward:{user}?secret={secret}&issuer=keyward")
}

/// One finished enrolment: the secret, the URI and the backup codes.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub secret: String,
    pub uri: String,
    pub backup_codes: Vec<String>,
}

/// When [`TestEnv::enrol`] confirms: three steps before [`NOW`], so that every
/// step from NOW - 60 s on is still unused.
pub const CONFIRM_AT: i64 = NOW_UNIX - 90;

impl TestEnv {
    /// `name` as a `supervisor` (allowed to enrol by default) with `password`
    /// and nothing pending.
    #[track_caller]
    pub fn ready_supervisor(&self, name: &str, password: &str) {
        self.add_user_with_password(name, "supervisor", &[], password);
        self.clear_pending(&format!("username = '{name}'"));
    }

    /// `2fa enroll NAME --json`, asserting success: (uri, secret).
    #[track_caller]
    pub fn enroll_json(&self, name: &str) -> (String, String) {
        let v = self.json(&["2fa", "enroll", name]);
        let uri = v["uri"]
            .as_str()
            .unwrap_or_else(|| panic!("2fa enroll --json gave no uri: {v}"))
            .to_owned();
        let secret = v["secret"]
            .as_str()
            .unwrap_or_else(|| panic!("2fa enroll --json gave no secret: {v}"))
            .to_owned();
        (uri, secret)
    }

    /// `--json 2fa confirm NAME --code-stdin` with CODE on stdin and the
    /// clock at `now` (Unix seconds).
    pub fn confirm_at(&self, now: i64, name: &str, code: &str) -> Output {
        self.run_stdin_at(
            &now.to_string(),
            &["--json", "2fa", "confirm", name, "--code-stdin"],
            &format!("{code}\n"),
        )
    }

    /// Enrols `name` (enroll --json, then confirm at [`CONFIRM_AT`]).
    #[track_caller]
    pub fn enrol(&self, name: &str) -> Enrolment {
        let (uri, secret) = self.enroll_json(name);
        let out = self.confirm_at(CONFIRM_AT, name, &totp_at(&secret, CONFIRM_AT));
        assert_code(&out, 0);
        let v = parse_stdout(&out);
        let backup_codes: Vec<String> = v["backup_codes"]
            .as_array()
            .unwrap_or_else(|| panic!("2fa confirm --json gave no backup_codes: {v}"))
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_owned())
            .collect();
        Enrolment {
            secret,
            uri,
            backup_codes,
        }
    }

    /// `2fa status NAME --json`.
    #[track_caller]
    pub fn twofa_status(&self, name: &str) -> Value {
        self.json(&["2fa", "status", name])
    }

    /// `keyward --json auth USER --password-stdin --code-stdin` at `now`
    /// (Unix seconds): the password, then the code, on stdin.
    pub fn auth_code_at(&self, now: i64, username: &str, password: &str, code: &str) -> Output {
        self.run_stdin_at(
            &now.to_string(),
            &[
                "--json",
                "auth",
                username,
                "--password-stdin",
                "--code-stdin",
            ],
            &format!("{password}\n{code}\n"),
        )
    }

    /// Failed attempts of an account, from `user show`.
    #[track_caller]
    pub fn failed_attempts(&self, name: &str) -> u64 {
        self.user(name)["failed_attempts"]
            .as_u64()
            .expect("failed_attempts")
    }
}
