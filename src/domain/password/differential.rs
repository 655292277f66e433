//! argon2-rust (the engine) against RustCrypto's `argon2` (an independent
//! implementation, dev-dependency) and the RFC 9106 test vectors: the same
//! tags for random inputs over everything a PHC import allows, and PHC
//! strings that each side verifies from the other.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2_rust::params::TagLen;
use proptest::prelude::*;

use super::tests::OsEntropy;
use super::*;

fn rc_algorithm(a: Algorithm) -> argon2::Algorithm {
    match a {
        Algorithm::Argon2d => argon2::Algorithm::Argon2d,
        Algorithm::Argon2i => argon2::Algorithm::Argon2i,
        Algorithm::Argon2id => argon2::Algorithm::Argon2id,
    }
}

fn rc_version(v: Version) -> argon2::Version {
    match v {
        Version::V0x10 => argon2::Version::V0x10,
        Version::V0x13 => argon2::Version::V0x13,
    }
}

fn engines(
    algorithm: Algorithm,
    version: Version,
    (m, t, p, tag): (u32, u32, u32, usize),
) -> (Argon2, argon2::Argon2<'static>) {
    let ours = Params::builder()
        .memory(Memory::kib(u64::from(m)))
        .passes(t)
        .lanes(p)
        .tag_len(TagLen::bytes(tag as u64))
        .build()
        .expect("valid parameters for argon2-rust");
    let theirs = argon2::Params::new(m, t, p, Some(tag)).expect("valid parameters for RustCrypto");
    (
        Argon2::new(algorithm, version, ours),
        argon2::Argon2::new(rc_algorithm(algorithm), rc_version(version), theirs),
    )
}

fn algorithms() -> impl Strategy<Value = Algorithm> {
    prop_oneof![
        Just(Algorithm::Argon2d),
        Just(Algorithm::Argon2i),
        Just(Algorithm::Argon2id)
    ]
}

fn versions() -> impl Strategy<Value = Version> {
    prop_oneof![Just(Version::V0x10), Just(Version::V0x13)]
}

/// m, t, p and tag length: every lane count up to 8, memory from the least
/// Argon2 allows for it (8 KiB a lane), tags of 16-64 bytes as import allows.
fn costs() -> impl Strategy<Value = (u32, u32, u32, usize)> {
    (1u32..=8)
        .prop_flat_map(|p| (8 * p..=8 * p + 256, 1u32..=4, Just(p), 16usize..=64))
        .prop_map(|(m, t, p, tag)| (m, t, p, tag))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_same_tags_and_mutually_verified_phc_strings(
        algorithm in algorithms(),
        version in versions(),
        costs in costs(),
        password in "[ -~]{1,48}",
        salt in proptest::collection::vec(any::<u8>(), 8..=48),
    ) {
        let (ours, theirs) = engines(algorithm, version, costs);
        let mut a = vec![0u8; costs.3];
        let mut b = vec![0u8; costs.3];
        ours.hash_into(password.as_bytes(), &salt, &mut a).expect("argon2-rust hashes");
        theirs.hash_password_into(password.as_bytes(), &salt, &mut b).expect("RustCrypto hashes");
        prop_assert_eq!(&a, &b);

        // Our PHC string verifies in RustCrypto...
        let phc = ours.hash_encoded(password.as_bytes(), &salt).expect("argon2-rust encodes");
        let parsed = argon2::PasswordHash::new(&phc).expect("RustCrypto parses ours");
        prop_assert!(argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok());
        prop_assert!(argon2::Argon2::default().verify_password(b"-wrong-", &parsed).is_err());

        // ...and RustCrypto's verifies here, through keyward's own entry points.
        let rc = theirs.hash_password_with_salt(password.as_bytes(), &salt).expect("RustCrypto encodes").to_string();
        let pw = Secret::new(password.clone());
        prop_assert!(verify(&pw, &rc).expect("a PHC string"), "{}", rc);
        prop_assert!(!verify(&Secret::new("-wrong-".into()), &rc).expect("a PHC string"));
        prop_assert!(Hasher::new().verify(&pw, &rc).expect("a PHC string"));
        prop_assert_eq!(check_phc(&rc), Ok(()));
        prop_assert_eq!(&rc, &phc, "both write the same string");
    }
}

#[test]
fn keywards_own_hashes_verify_in_rustcrypto() -> Result<(), PasswordError> {
    for pw in ["Pass#word1", "ü-ñ-€ 42", &"x".repeat(MAX_PASSWORD_BYTES)] {
        let phc = hash(&Secret::new(pw.into()), &mut OsEntropy)?;
        let parsed = argon2::PasswordHash::new(&phc).map_err(|_| PasswordError::BadHash)?;
        assert!(
            argon2::Argon2::default()
                .verify_password(pw.as_bytes(), &parsed)
                .is_ok()
        );
    }
    Ok(())
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

/// RFC 9106 section 5: password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03,
/// associated data 12 x 0x04, m=32, t=3, p=4, 32-byte tag, version 0x13.
#[test]
fn the_rfc_9106_test_vectors() {
    for (algorithm, tag) in [
        (
            Algorithm::Argon2d,
            "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb",
        ),
        (
            Algorithm::Argon2i,
            "c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8",
        ),
        (
            Algorithm::Argon2id,
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
        ),
    ] {
        let (ours, _) = engines(algorithm, Version::V0x13, (32, 3, 4, 32));
        let mut out = [0u8; 32];
        ours.hash_into_with_ad(&[1; 32], &[2; 16], &[3; 8], &[4; 12], &mut out)
            .expect("argon2-rust hashes the vector");
        assert_eq!(out.to_vec(), hex(tag), "{algorithm:?}");
    }
}

/// The reference implementation's own vectors (test.c) for version 0x10,
/// which RFC 9106 does not cover: "password", "somesalt", m=64 MiB, t=2, p=1.
#[test]
fn the_reference_version_16_vector_and_its_version_19_twin() {
    for (version, tag) in [
        (
            Version::V0x10,
            "f6c4db4a54e2a370627aff3db6176b94a2a209a62c8e36152711802f7b30c694",
        ),
        (
            Version::V0x13,
            "c1628832147d9720c5bd1cfd61367078729f6dfb6f8fea9ff98158e0d7816ed0",
        ),
    ] {
        let (ours, _) = engines(Algorithm::Argon2i, version, (65_536, 2, 1, 32));
        let mut out = [0u8; 32];
        ours.hash_into(b"password", b"somesalt", &mut out)
            .expect("argon2-rust hashes the vector");
        assert_eq!(out.to_vec(), hex(tag), "{version:?}");
    }
}
