//! Hashing and verifying, with RustCrypto's `argon2` (a dev-dependency) as
//! the independent producer of the hashes other systems hand us.

use super::*;
use argon2::password_hash::PasswordHasher;
use argon2::{
    Algorithm as RcAlgorithm, Argon2 as RcArgon2, Params as RcParams, Version as RcVersion,
};

fn rc_phc(
    algorithm: RcAlgorithm,
    version: RcVersion,
    m: u32,
    t: u32,
    p: u32,
    out: usize,
    pw: &str,
) -> String {
    let params = RcParams::new(m, t, p, Some(out)).expect("test parameters are valid");
    RcArgon2::new(algorithm, version, params)
        .hash_password_with_salt(pw.as_bytes(), b"a-salt-of-16-byt")
        .expect("RustCrypto hashes")
        .to_string()
}

fn rc_verifies(pw: &str, phc: &str) -> bool {
    use argon2::password_hash::PasswordVerifier;
    let parsed = argon2::PasswordHash::new(phc).expect("RustCrypto parses it");
    RcArgon2::default()
        .verify_password(pw.as_bytes(), &parsed)
        .is_ok()
}

fn secret(s: &str) -> Secret {
    Secret::new(s.into())
}

/// The OS CSPRNG, for the reusable hasher's salts.
pub(super) struct OsEntropy;
impl Entropy for OsEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError> {
        getrandom::fill(buf).map_err(|e| PasswordError::Random(e.to_string()))
    }
}

#[test]
fn hashes_are_argon2id_phc_that_verify_here_and_in_rustcrypto() -> Result<(), PasswordError> {
    let phc = hash(&secret("S3cret!pw"), &mut OsEntropy)?;
    assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
    assert!(verify(&secret("S3cret!pw"), &phc)?);
    assert!(!verify(&secret("S3cret!pW"), &phc)?);
    assert!(rc_verifies("S3cret!pw", &phc));
    assert!(!rc_verifies("S3cret!pW", &phc));
    assert_ne!(
        phc,
        hash(&secret("S3cret!pw"), &mut OsEntropy)?,
        "salts differ"
    );
    assert!(!needs_upgrade(&phc), "a new hash is current");
    assert_eq!(check_phc(&phc), Ok(()));
    Ok(())
}

#[test]
fn weaker_stored_parameters_still_verify_and_want_an_upgrade() -> Result<(), PasswordError> {
    let weak = rc_phc(
        RcAlgorithm::Argon2id,
        RcVersion::V0x13,
        1024,
        1,
        1,
        32,
        "old-pass1!",
    );
    assert!(verify(&secret("old-pass1!"), &weak)?);
    assert!(needs_upgrade(&weak));
    Ok(())
}

#[test]
fn weaker_means_any_parameter_below_the_current_ones() {
    use RcAlgorithm::{Argon2d, Argon2i, Argon2id};
    use RcVersion::{V0x10, V0x13};
    for (algorithm, version, m, t, p, out, weaker) in [
        (Argon2id, V0x13, M_COST, T_COST, 1, 32, false),
        (Argon2id, V0x13, 2 * M_COST, 3, 1, 64, false),
        (Argon2i, V0x13, M_COST, T_COST, 1, 32, true),
        (Argon2d, V0x13, M_COST, T_COST, 1, 32, true),
        (Argon2id, V0x10, M_COST, T_COST, 1, 32, true),
        (Argon2id, V0x13, M_COST - 8, T_COST, 1, 32, true),
        (Argon2id, V0x13, 4 * M_COST, 1, 1, 32, true),
        (Argon2id, V0x13, M_COST, T_COST, 2, 32, true),
        (Argon2id, V0x13, M_COST, T_COST, 1, 16, true),
    ] {
        let phc = rc_phc(algorithm, version, m, t, p, out, "pw");
        assert_eq!(needs_upgrade(&phc), weaker, "{phc}");
    }
    assert!(!needs_upgrade("not a hash"), "nothing to upgrade from");
}

/// One reused block must give the answers RustCrypto's verifier gives,
/// whatever algorithm, version, costs and output length a stored hash has,
/// also after a hash with other costs used memory of its own.
#[test]
fn a_reused_block_verifies_like_rustcrypto() -> Result<(), PasswordError> {
    let mut hasher = Hasher::new();
    let mut stored = Vec::new();
    for (algorithm, version, m, t, out) in [
        (RcAlgorithm::Argon2id, RcVersion::V0x13, 8, 1, 32),
        (RcAlgorithm::Argon2i, RcVersion::V0x13, 64, 3, 16),
        (RcAlgorithm::Argon2d, RcVersion::V0x10, 32, 2, 64),
        (RcAlgorithm::Argon2id, RcVersion::V0x13, 2 * M_COST, 1, 32),
        (RcAlgorithm::Argon2id, RcVersion::V0x10, 16, 1, 24),
    ] {
        stored.push(rc_phc(algorithm, version, m, t, 1, out, "Pass#word1"));
    }
    stored.push(hash(&secret("Pass#word1"), &mut OsEntropy)?);
    stored.push(hasher.hash(&secret("Pass#word1"), &mut OsEntropy)?);
    for phc in &stored {
        for typed in ["Pass#word1", "Pass#word2", "pass#word1", ""] {
            let theirs = rc_verifies(typed, phc);
            let ours = hasher.verify(&secret(typed), phc)?;
            assert_eq!(ours, theirs, "{typed:?} against {phc}");
            assert_eq!(verify(&secret(typed), phc)?, theirs, "{typed:?}");
            assert_eq!(ours, typed == "Pass#word1", "{typed:?} against {phc}");
        }
    }
    Ok(())
}

/// Without `v=` a PHC string is version 0x10 (the reference
/// implementation, argon2-cffi); t >= 2, where the versions differ.
#[test]
fn a_hash_without_a_version_is_version_16() -> Result<(), PasswordError> {
    let v16 = rc_phc(
        RcAlgorithm::Argon2id,
        RcVersion::V0x10,
        64,
        3,
        1,
        32,
        "Old#pass1",
    );
    let bare = v16.replacen("$v=16$", "$", 1);
    assert!(bare.starts_with("$argon2id$m=64,t=3,p=1$"), "{bare}");
    assert_eq!(check_phc(&bare), Ok(()));
    let pw = secret("Old#pass1");
    assert!(verify(&pw, &bare)?, "{bare}");
    assert!(Hasher::new().verify(&pw, &bare)?, "{bare}");
    assert!(!verify(&secret("Old#pass2"), &bare)?);
    // Read as 0x13, the same string names another hash.
    let as_v19 = bare.replacen("$m=", "$v=19$m=", 1);
    assert!(!verify(&pw, &as_v19)?, "{as_v19}");
    Ok(())
}

#[test]
fn a_hash_that_cannot_be_computed_matches_nothing() -> Result<(), PasswordError> {
    let mut hasher = Hasher::new();
    let salt = "f2S9F36Xis6lPk4OG2glpQ";
    let tag = "G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    for phc in [
        "$argon2id$v=19$m=19456,t=2,p=1".to_string(),
        format!("$argon2id$v=19$m=19456,t=2,p=1${salt}"),
        format!("$argon2id$v=99$m=19456,t=2,p=1${salt}${tag}"),
        format!("$argon2id$v=19$m=1,t=2,p=1${salt}${tag}"),
        format!("$argon2id$v=19$t=2,m=19456,p=1${salt}${tag}"),
        format!("$scrypt$ln=15,r=8,p=1${salt}${tag}"),
        // Beyond what any import ever accepted: not computed at all.
        format!("$argon2id$v=19$m=4194304,t=2,p=1${salt}${tag}"),
        format!("$argon2id$v=19$m=19456,t=1000,p=1${salt}${tag}"),
    ] {
        let pw = secret("x");
        assert!(!verify(&pw, &phc)?, "{phc}");
        assert!(!hasher.verify(&pw, &phc)?, "{phc}");
    }
    Ok(())
}

#[test]
fn the_dummy_hash_costs_what_a_real_one_costs() -> Result<(), PasswordError> {
    // Same algorithm, version, costs, salt and tag lengths as a new hash,
    // so the unknown-user path runs the same computation.
    let dummy = phc::decode(DUMMY_HASH).map_err(|_| PasswordError::BadHash)?;
    let real = phc::decode(&hash(&secret("anything"), &mut OsEntropy)?)
        .map_err(|_| PasswordError::BadHash)?;
    assert_eq!(
        (
            dummy.algorithm,
            dummy.version,
            dummy.params,
            dummy.salt.len(),
            dummy.hash.len()
        ),
        (
            real.algorithm,
            real.version,
            real.params,
            real.salt.len(),
            real.hash.len()
        )
    );
    assert_eq!(dummy.params, *CURRENT.params());
    assert!(!verify(&secret("anything"), DUMMY_HASH)?);
    Ok(())
}

#[test]
fn oversized_and_empty_passwords_are_refused_before_hashing() {
    assert!(matches!(
        hash(&secret(&"x".repeat(1025)), &mut OsEntropy),
        Err(PasswordError::TooLong)
    ));
    assert!(matches!(
        hash(&secret(""), &mut OsEntropy),
        Err(PasswordError::Empty)
    ));
}

#[test]
fn the_reusable_hasher_makes_hashes_that_verify() -> Result<(), PasswordError> {
    let mut h = Hasher::new();
    let a = h.hash(&secret("First#pw1"), &mut OsEntropy)?;
    let b = h.hash(&secret("Second#pw2"), &mut OsEntropy)?;
    assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
    assert!(verify(&secret("First#pw1"), &a)?);
    assert!(
        verify(&secret("Second#pw2"), &b)?,
        "memory reuse must not leak state"
    );
    assert!(!verify(&secret("First#pw1"), &b)?);
    assert_eq!(check_phc(&a), Ok(()));
    assert!(matches!(
        h.hash(&secret(""), &mut OsEntropy),
        Err(PasswordError::Empty)
    ));
    Ok(())
}

#[test]
fn migrated_hashes_are_checked_without_being_echoed() {
    assert_eq!(check_phc(DUMMY_HASH), Ok(()));
    let other = rc_phc(RcAlgorithm::Argon2i, RcVersion::V0x10, 4096, 3, 4, 32, "pw");
    assert_eq!(check_phc(&other), Ok(()), "{other}");
    let salt = "f2S9F36Xis6lPk4OG2glpQ";
    let tag = "G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    let cases = [
        (String::new(), HashProblem::NotPhc),
        ("not a hash".into(), HashProblem::NotPhc),
        (
            "$2b$12$abcdefghijklmnopqrstuv".into(),
            HashProblem::NotArgon2("bcrypt".into()),
        ),
        (
            format!("$scrypt$ln=16,r=8,p=1${salt}${tag}"),
            HashProblem::NotArgon2("scrypt".into()),
        ),
        (
            format!("$argon2id$v=18$m=19456,t=2,p=1${salt}${tag}"),
            HashProblem::Version,
        ),
        (
            format!("$argon2id$v=19$m=1,t=2,p=1${salt}${tag}"),
            HashProblem::Params,
        ),
        (
            format!("$argon2id$v=19$t=2,m=19456,p=1${salt}${tag}"),
            HashProblem::Params,
        ),
        ("$argon2id$v=19$m=19456,t=2,p=1".into(), HashProblem::Salt),
        (
            format!("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA${tag}"),
            HashProblem::Salt,
        ),
        (
            format!("$argon2id$v=19$m=19456,t=2,p=1${salt}"),
            HashProblem::Output,
        ),
        (
            format!("$argon2id$v=19$m=19456,t=2,p=1${salt}$c2FsdHNhbHQ"),
            HashProblem::Output,
        ),
    ];
    for (phc, want) in cases {
        let got = check_phc(&phc);
        assert_eq!(got, Err(want), "{phc}");
        if let Err(p) = got {
            assert!(phc.len() < 12 || !p.to_string().contains(&phc[8..]), "{p}");
        }
    }
}

/// SPEC 10: a migrated hash may cost at most 4 x a new one, in memory and
/// in work (memory x passes). Each limit is tried on both sides.
#[test]
fn migrated_hashes_above_four_times_the_cost_are_refused() {
    let m = M_COST;
    for (m, t, p, fits) in [
        (4 * m, 2, 1, true),
        (4 * m + 8, 2, 1, false),
        (m, 8, 1, true),
        (m, 9, 1, false),
        (2 * m, 4, 1, true),
        (2 * m, 5, 1, false),
        (m, 2, 16, true),
        (m, 2, 17, false),
        (262_144, 10, 16, false),
    ] {
        let phc = format!(
            "$argon2id$v=19$m={m},t={t},p={p}$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI"
        );
        let got = check_phc(&phc);
        assert_eq!(got.is_ok(), fits, "{phc}: {got:?}");
        if !fits {
            assert_eq!(got, Err(HashProblem::TooCostly), "{phc}");
            let message = HashProblem::TooCostly.to_string();
            assert!(
                message.contains("m <= 77824 KiB") && message.contains("4 times"),
                "{message}"
            );
        }
    }
}

/// Whatever an import accepts must verify: the import cap lets t go past
/// the old verify ceiling of 10 when m is small (m x t within the cap).
#[test]
fn every_hash_the_import_cap_accepts_verifies() -> Result<(), PasswordError> {
    for (m, t) in [(4096, 12), (8, 100), (1024, 16)] {
        let phc = rc_phc(
            RcAlgorithm::Argon2id,
            RcVersion::V0x13,
            m,
            t,
            1,
            32,
            "Right-pw-42!",
        );
        assert_eq!(check_phc(&phc), Ok(()), "{phc}");
        assert!(verify(&secret("Right-pw-42!"), &phc)?, "{phc}");
        assert!(!verify(&secret("Right-pw-43!"), &phc)?, "{phc}");
    }
    Ok(())
}

/// A hash above the cap (imported before it) is re-hashed at the next
/// sign-in, so it stops costing seconds at every one.
#[test]
fn a_hash_above_the_cap_wants_an_upgrade_even_when_stronger() {
    let tail = "$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";
    assert!(needs_upgrade(&format!(
        "$argon2id$v=19$m=262144,t=10,p=1{tail}"
    )));
    assert!(needs_upgrade(&format!(
        "$argon2id$v=19$m=19456,t=10,p=1{tail}"
    )));
    assert!(!needs_upgrade(&format!(
        "$argon2id$v=19$m=77824,t=2,p=1{tail}"
    )));
}

/// The first field of a string that is not Argon2 may be anything, even a
/// password typed into the wrong column: only known scheme names are said.
#[test]
fn only_known_scheme_names_are_repeated() {
    for (phc, said) in [
        ("$Summer2024!", "an unknown scheme"),
        ("$6$rounds=5000$salt$hash", "SHA-512-crypt"),
        ("$y$j9T$salt$hash", "yescrypt"),
    ] {
        let got = check_phc(phc);
        assert_eq!(got, Err(HashProblem::NotArgon2(said.into())), "{phc}");
        if let Err(p) = got {
            assert!(!p.to_string().contains("Summer"), "{p}");
        }
    }
}

#[test]
fn malformed_hashes_are_an_error_not_a_mismatch() {
    assert!(matches!(
        verify(&secret("a"), "md5x"),
        Err(PasswordError::BadHash)
    ));
    assert!(matches!(
        verify(&secret("a"), ""),
        Err(PasswordError::BadHash)
    ));
}
