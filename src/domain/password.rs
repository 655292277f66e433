//! Password hashing (Argon2id, PHC strings) and temporary passwords.
//!
//! Hashes use OWASP's minimum for Argon2id (m=19456 KiB, t=2, p=1) and are kept
//! in PHC form, so parameters can be raised later while old hashes still verify.

use argon2::password_hash::phc::{Output, ParamsString, Salt};
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, PasswordHasher, Version};

use super::policy::Policy;
use super::secret::Secret;

/// Longest password accepted, in bytes; longer input is refused before hashing.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Argon2id memory cost in KiB (OWASP minimum).
pub const M_COST: u32 = 19_456;
/// Argon2id passes.
pub const T_COST: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("password is longer than {MAX_PASSWORD_BYTES} bytes")]
    TooLong,
    #[error("password is empty")]
    Empty,
    #[error("stored password hash is not a valid Argon2 PHC string")]
    BadHash,
    #[error("password hashing failed: {0}")]
    Hashing(String),
    #[error("the operating system's random number generator failed: {0}")]
    Random(String),
}

fn hasher() -> Argon2<'static> {
    // The parameters are constants within Argon2's limits, so this cannot fail;
    // fall back to the crate default (the same values) rather than panic.
    let params = Params::new(M_COST, T_COST, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Refuse input no one should hash: empty or over the byte limit.
pub fn check_size(password: &Secret) -> Result<(), PasswordError> {
    match password.expose().len() {
        0 => Err(PasswordError::Empty),
        n if n > MAX_PASSWORD_BYTES => Err(PasswordError::TooLong),
        _ => Ok(()),
    }
}

/// Hash a password into an Argon2id PHC string with a fresh random salt.
pub fn hash(password: &Secret) -> Result<String, PasswordError> {
    check_size(password)?;
    hasher()
        .hash_password(password.expose().as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hashing(e.to_string()))
}

/// Bytes of salt in each new hash (the PHC recommendation).
const SALT_BYTES: usize = 16;
/// Bytes of Argon2 output in each new hash.
const OUTPUT_BYTES: usize = 32;

/// Hashes many passwords with one Argon2 memory block (19 MiB) reused from
/// hash to hash: bulk imports keep one per thread instead of allocating and
/// faulting in a fresh block for every account.
pub struct Hasher {
    memory: Vec<Block>,
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher {
    pub fn new() -> Self {
        Hasher {
            memory: vec![Block::default(); (M_COST as usize).max(8)],
        }
    }

    /// Hash `password` with a fresh salt from `rng` into the same PHC string
    /// [`hash`] produces.
    pub fn hash(
        &mut self,
        password: &Secret,
        rng: &mut dyn Entropy,
    ) -> Result<String, PasswordError> {
        check_size(password)?;
        let mut salt = [0u8; SALT_BYTES];
        rng.fill(&mut salt)?;
        let mut out = [0u8; OUTPUT_BYTES];
        let failed = |e: &dyn std::fmt::Display| PasswordError::Hashing(e.to_string());
        hasher()
            .hash_password_into_with_memory(
                password.expose().as_bytes(),
                &salt,
                &mut out,
                &mut self.memory,
            )
            .map_err(|e| failed(&e))?;
        let params = Params::new(M_COST, T_COST, 1, Some(OUTPUT_BYTES)).map_err(|e| failed(&e))?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params).map_err(|e| failed(&e))?,
            salt: Some(Salt::new(&salt).map_err(|e| failed(&e))?),
            hash: Some(Output::new(&out).map_err(|e| failed(&e))?),
        };
        Ok(phc.to_string())
    }
}

/// Highest Argon2 costs accepted in a migrated hash: verifying must stay a
/// matter of milliseconds and megabytes, or every sign-in becomes a denial of service.
pub const MAX_IMPORTED_M_COST: u32 = 262_144;
pub const MAX_IMPORTED_T_COST: u32 = 10;
pub const MAX_IMPORTED_P_COST: u32 = 16;

/// Why a PHC string from another system cannot be stored. The messages never
/// repeat the string itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashProblem {
    #[error("is not a PHC string (expected $argon2id$v=19$m=...,t=...,p=...$SALT$HASH)")]
    NotPhc,
    #[error("uses {0}, not Argon2 (argon2id, argon2i or argon2d)")]
    NotArgon2(String),
    #[error("has an unknown Argon2 version (expected v=19 or v=16)")]
    Version,
    #[error("has invalid Argon2 parameters (m, t, p)")]
    Params,
    #[error(
        "costs too much to verify (limits: m <= {MAX_IMPORTED_M_COST} KiB, t <= {MAX_IMPORTED_T_COST}, p <= {MAX_IMPORTED_P_COST})"
    )]
    TooCostly,
    #[error("has no salt, or one shorter than 8 bytes")]
    Salt,
    #[error("has no hash value, or one outside 16-64 bytes")]
    Output,
}

/// Check an Argon2 PHC string migrated from another system: it must parse,
/// name an Argon2 variant and version, and carry sane costs, a salt and a hash.
pub fn check_phc(phc: &str) -> Result<(), HashProblem> {
    let parsed = PasswordHash::new(phc).map_err(|_| HashProblem::NotPhc)?;
    let name = parsed.algorithm.as_str();
    Algorithm::try_from(name).map_err(|_| {
        HashProblem::NotArgon2(
            name.chars()
                .filter(char::is_ascii_alphanumeric)
                .take(20)
                .collect(),
        )
    })?;
    version_of(&parsed).ok_or(HashProblem::Version)?;
    let params = Params::try_from(&parsed).map_err(|_| HashProblem::Params)?;
    if params.m_cost() > MAX_IMPORTED_M_COST
        || params.t_cost() > MAX_IMPORTED_T_COST
        || params.p_cost() > MAX_IMPORTED_P_COST
    {
        return Err(HashProblem::TooCostly);
    }
    match &parsed.salt {
        Some(salt) if salt.len() >= 8 => {}
        _ => return Err(HashProblem::Salt),
    }
    match &parsed.hash {
        Some(out) if (16..=64).contains(&out.len()) => Ok(()),
        _ => Err(HashProblem::Output),
    }
}

/// Whether `password` matches the stored PHC string. The parameters are read
/// from the string, so hashes made with other costs still verify. Argon2
/// allocates the block zeroed, so its pages cost nothing until the hash
/// fills them: the cheapest way to verify once.
pub fn verify(password: &Secret, phc: &str) -> Result<bool, PasswordError> {
    verify_in(password, phc, None)
}

impl Hasher {
    /// [`verify`] in this block (grown when a stored hash needs more): for
    /// checking several hashes in a row.
    pub fn verify(&mut self, password: &Secret, phc: &str) -> Result<bool, PasswordError> {
        verify_in(password, phc, Some(&mut self.memory))
    }
}

/// The one verification. A string that is not PHC is an error (a damaged
/// database); one that parses but cannot be computed (no salt or output, an
/// unknown algorithm or version, invalid costs) matches nothing, as with
/// Argon2's own verifier. The outputs are compared in constant time.
fn verify_in(
    password: &Secret,
    phc: &str,
    memory: Option<&mut Vec<Block>>,
) -> Result<bool, PasswordError> {
    let parsed = PasswordHash::new(phc).map_err(|_| PasswordError::BadHash)?;
    if password.expose().len() > MAX_PASSWORD_BYTES {
        return Ok(false);
    }
    Ok(matches(password.expose().as_bytes(), &parsed, memory).unwrap_or(false))
}

/// The Argon2 version a PHC string names. Without `v=` it is 0x10, as the
/// reference implementation and argon2-cffi read it (SPEC 10); the argon2
/// crate's own default (0x13) would make such a migrated hash match nothing.
fn version_of(parsed: &PasswordHash) -> Option<Version> {
    match parsed.version {
        Some(v) => Version::try_from(v).ok(),
        None => Some(Version::V0x10),
    }
}

fn matches(
    password: &[u8],
    parsed: &PasswordHash,
    memory: Option<&mut Vec<Block>>,
) -> Option<bool> {
    let (salt, expected) = (parsed.salt.as_ref()?, parsed.hash.as_ref()?);
    let algorithm = Algorithm::try_from(parsed.algorithm.as_str()).ok()?;
    let version = version_of(parsed)?;
    let params = Params::try_from(parsed).ok()?;
    let blocks = params.block_count();
    let argon2 = Argon2::new(algorithm, version, params);
    let mut buffer = [0u8; Output::MAX_LENGTH];
    let out = buffer.get_mut(..expected.len())?;
    match memory {
        Some(memory) => {
            if memory.len() < blocks {
                memory.resize(blocks, Block::default());
            }
            argon2
                .hash_password_into_with_memory(password, salt.as_ref(), out, memory.as_mut_slice())
                .ok()?;
        }
        None => argon2
            .hash_password_into(password, salt.as_ref(), out)
            .ok()?,
    }
    // `Output`'s equality is constant-time.
    Some(Output::new(out).ok()? == *expected)
}

/// A hash with the same parameters as real ones that no password matches:
/// unknown users are verified against it so that they cost the same time.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";

/// Spend the work of one verification on an account that does not exist.
pub fn verify_dummy(password: &Secret) {
    let _ = verify(password, DUMMY_HASH);
}

/// A source of uniformly random bytes, passed in: the OS CSPRNG in the binary.
pub trait Entropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError>;
}

/// A uniform index below `n` (rejection sampling, no modulo bias).
pub fn index(rng: &mut dyn Entropy, n: usize) -> Result<usize, PasswordError> {
    let n = n as u32;
    let zone = u32::MAX - (u32::MAX % n);
    loop {
        let mut b = [0u8; 4];
        rng.fill(&mut b)?;
        let v = u32::from_le_bytes(b);
        if v < zone {
            return Ok((v % n) as usize);
        }
    }
}

/// Letters and digits without the look-alikes `0 O o 1 l I`.
const LETTERS: &str = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS: &str = "23456789";
const LOOK_ALIKES: &str = "0Oo1lI";

/// Generate a temporary password that satisfies `policy` for `username`:
/// every required class present, length within the policy (16 when allowed),
/// no look-alike characters.
pub fn generate_temporary(
    policy: &Policy,
    username: &str,
    rng: &mut dyn Entropy,
) -> Result<Secret, PasswordError> {
    let letters: Vec<char> = LETTERS.chars().collect();
    let digits: Vec<char> = DIGITS.chars().collect();
    let specials: Vec<char> = policy
        .special_chars
        .chars()
        .filter(|c| !LOOK_ALIKES.contains(*c))
        .collect();
    let mut pool: Vec<char> = letters.iter().chain(&digits).copied().collect();
    let mut required: Vec<&[char]> = Vec::new();
    if policy.require_letter {
        required.push(&letters);
    }
    if policy.require_digit {
        required.push(&digits);
    }
    if policy.require_special && !specials.is_empty() {
        required.push(&specials);
        pool.extend(&specials);
    }
    let len = (policy.min_length.max(policy.max_length.min(16)) as usize).max(required.len());
    // A clash with the username is astronomically rare; retry a bounded number of times.
    for _ in 0..64 {
        let mut chars = Vec::with_capacity(len);
        for class in &required {
            chars.push(class[index(rng, class.len())?]);
        }
        while chars.len() < len {
            chars.push(pool[index(rng, pool.len())?]);
        }
        for i in (1..chars.len()).rev() {
            chars.swap(i, index(rng, i + 1)?);
        }
        let candidate = Secret::new(chars.into_iter().collect());
        if policy
            .check_password(username, candidate.expose())
            .is_empty()
        {
            return Ok(candidate);
        }
    }
    Err(PasswordError::Random(
        "could not generate a password that meets the policy".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The OS CSPRNG, for the statistical tests (the binary's lives in commands).
    struct OsEntropy;
    impl Entropy for OsEntropy {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError> {
            getrandom::fill(buf).map_err(|e| PasswordError::Random(e.to_string()))
        }
    }

    /// Deterministic bytes for tests that must not depend on chance.
    struct Counter(u8);
    impl Entropy for Counter {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError> {
            for b in buf {
                self.0 = self.0.wrapping_mul(31).wrapping_add(7);
                *b = self.0;
            }
            Ok(())
        }
    }

    #[test]
    fn hashes_are_argon2id_phc_that_verify() -> Result<(), PasswordError> {
        let pw = Secret::new("S3cret!pw".into());
        let phc = hash(&pw)?;
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify(&pw, &phc)?);
        assert!(!verify(&Secret::new("S3cret!pW".into()), &phc)?);
        assert_ne!(phc, hash(&pw)?, "salts differ");
        Ok(())
    }

    #[test]
    fn weaker_stored_parameters_still_verify() -> Result<(), PasswordError> {
        let params =
            Params::new(1024, 1, 1, None).map_err(|e| PasswordError::Hashing(e.to_string()))?;
        let weak = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"old-pass1!")
            .map_err(|e| PasswordError::Hashing(e.to_string()))?
            .to_string();
        assert!(verify(&Secret::new("old-pass1!".into()), &weak)?);
        Ok(())
    }

    /// One reused block must give the answers Argon2's own verifier gives,
    /// whatever algorithm, version, costs and output length a stored hash has,
    /// also after a bigger hash grew the block.
    #[test]
    fn a_reused_block_verifies_like_the_argon2_crate() -> Result<(), PasswordError> {
        use argon2::PasswordVerifier;
        let fail = |e: &dyn std::fmt::Display| PasswordError::Hashing(e.to_string());
        let mut hasher = Hasher::new();
        let mut stored = Vec::new();
        for (algorithm, version, m, t, out) in [
            (Algorithm::Argon2id, Version::V0x13, 8, 1, 32),
            (Algorithm::Argon2i, Version::V0x13, 64, 3, 16),
            (Algorithm::Argon2d, Version::V0x10, 32, 2, 64),
            (Algorithm::Argon2id, Version::V0x13, 2 * M_COST, 1, 32),
            (Algorithm::Argon2id, Version::V0x10, 16, 1, 24),
        ] {
            let params = Params::new(m, t, 1, Some(out)).map_err(|e| fail(&e))?;
            let phc = Argon2::new(algorithm, version, params)
                .hash_password(b"Pass#word1")
                .map_err(|e| fail(&e))?
                .to_string();
            stored.push(phc);
        }
        stored.push(hash(&Secret::new("Pass#word1".into()))?);
        for phc in &stored {
            for typed in ["Pass#word1", "Pass#word2", "pass#word1", ""] {
                let theirs = Argon2::default()
                    .verify_password(
                        typed.as_bytes(),
                        &PasswordHash::new(phc).map_err(|e| fail(&e))?,
                    )
                    .is_ok();
                let ours = hasher.verify(&Secret::new(typed.into()), phc)?;
                assert_eq!(ours, theirs, "{typed:?} against {phc}");
                assert_eq!(
                    verify(&Secret::new(typed.into()), phc)?,
                    theirs,
                    "{typed:?}"
                );
                assert_eq!(ours, typed == "Pass#word1", "{typed:?} against {phc}");
            }
        }
        assert!(
            hasher.memory.len() >= 2 * M_COST as usize,
            "grown for the big hash"
        );
        Ok(())
    }

    /// Without `v=` a PHC string is version 0x10 (the reference
    /// implementation, argon2-cffi); t >= 2, where the versions differ.
    #[test]
    fn a_hash_without_a_version_is_version_16() -> Result<(), PasswordError> {
        let fail = |e: &dyn std::fmt::Display| PasswordError::Hashing(e.to_string());
        let params = Params::new(64, 3, 1, None).map_err(|e| fail(&e))?;
        let v16 = Argon2::new(Algorithm::Argon2id, Version::V0x10, params)
            .hash_password(b"Old#pass1")
            .map_err(|e| fail(&e))?
            .to_string();
        let bare = v16.replacen("$v=16$", "$", 1);
        assert!(bare.starts_with("$argon2id$m=64,t=3,p=1$"), "{bare}");
        assert_eq!(check_phc(&bare), Ok(()));
        let pw = Secret::new("Old#pass1".into());
        assert!(verify(&pw, &bare)?, "{bare}");
        assert!(Hasher::new().verify(&pw, &bare)?, "{bare}");
        assert!(!verify(&Secret::new("Old#pass2".into()), &bare)?);
        // Read as 0x13, the same string names another hash.
        let as_v19 = bare.replacen("$m=", "$v=19$m=", 1);
        assert!(!verify(&pw, &as_v19)?, "{as_v19}");
        Ok(())
    }

    #[test]
    fn a_hash_that_parses_but_cannot_be_computed_matches_nothing() -> Result<(), PasswordError> {
        let mut hasher = Hasher::new();
        for phc in [
            "$argon2id$v=19$m=19456,t=2,p=1",
            "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ",
            "$argon2id$v=99$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI",
            "$argon2id$v=19$m=1,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI",
            "$scrypt$ln=15,r=8,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI",
        ] {
            assert!(PasswordHash::new(phc).is_ok(), "the case must parse: {phc}");
            let pw = Secret::new("x".into());
            assert!(!verify(&pw, phc)?, "{phc}");
            assert!(!hasher.verify(&pw, phc)?, "{phc}");
        }
        Ok(())
    }

    #[test]
    fn the_dummy_hash_costs_what_a_real_one_costs() {
        assert!(DUMMY_HASH.starts_with(&format!("$argon2id$v=19$m={M_COST},t={T_COST},p=1$")));
        assert!(matches!(
            verify(&Secret::new("anything".into()), DUMMY_HASH),
            Ok(false)
        ));
    }

    #[test]
    fn oversized_and_empty_passwords_are_refused_before_hashing() {
        assert!(matches!(
            hash(&Secret::new("x".repeat(1025))),
            Err(PasswordError::TooLong)
        ));
        assert!(matches!(
            hash(&Secret::new(String::new())),
            Err(PasswordError::Empty)
        ));
    }

    #[test]
    fn the_reusable_hasher_makes_hashes_that_verify() -> Result<(), PasswordError> {
        let mut h = Hasher::new();
        let a = h.hash(&Secret::new("First#pw1".into()), &mut OsEntropy)?;
        let b = h.hash(&Secret::new("Second#pw2".into()), &mut OsEntropy)?;
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert!(verify(&Secret::new("First#pw1".into()), &a)?);
        assert!(
            verify(&Secret::new("Second#pw2".into()), &b)?,
            "memory reuse must not leak state"
        );
        assert!(!verify(&Secret::new("First#pw1".into()), &b)?);
        assert_eq!(check_phc(&a), Ok(()));
        assert!(matches!(
            h.hash(&Secret::new(String::new()), &mut OsEntropy),
            Err(PasswordError::Empty)
        ));
        Ok(())
    }

    #[test]
    fn migrated_hashes_are_checked_without_being_echoed() -> Result<(), PasswordError> {
        assert_eq!(check_phc(DUMMY_HASH), Ok(()));
        let params =
            Params::new(4096, 3, 4, None).map_err(|e| PasswordError::Hashing(e.to_string()))?;
        let other = Argon2::new(Algorithm::Argon2i, Version::V0x10, params)
            .hash_password(b"pw")
            .map_err(|e| PasswordError::Hashing(e.to_string()))?
            .to_string();
        assert_eq!(check_phc(&other), Ok(()), "{other}");
        let cases = [
            ("", HashProblem::NotPhc),
            ("not a hash", HashProblem::NotPhc),
            ("$2b$12$abcdefghijklmnopqrstuv", HashProblem::NotPhc),
            (
                "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
                HashProblem::NotArgon2("scrypt".into()),
            ),
            (
                "$argon2id$v=18$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI",
                HashProblem::Version,
            ),
            (
                "$argon2id$v=19$m=1,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI",
                HashProblem::Params,
            ),
            (
                "$argon2id$v=19$m=4194304,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI",
                HashProblem::TooCostly,
            ),
            ("$argon2id$v=19$m=19456,t=2,p=1", HashProblem::Salt),
            (
                "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ",
                HashProblem::Output,
            ),
        ];
        for (phc, want) in cases {
            let got = check_phc(phc);
            assert_eq!(got, Err(want), "{phc}");
            if let Err(p) = got {
                assert!(phc.len() < 12 || !p.to_string().contains(&phc[8..]), "{p}");
            }
        }
        Ok(())
    }

    #[test]
    fn malformed_hashes_are_an_error_not_a_mismatch() {
        assert!(matches!(
            verify(&Secret::new("a".into()), "$md5$x"),
            Err(PasswordError::BadHash)
        ));
    }

    #[test]
    fn temporary_passwords_meet_the_default_policy_without_look_alikes() -> Result<(), PasswordError>
    {
        let policy = Policy::default();
        for _ in 0..300 {
            let pw = generate_temporary(&policy, "alice", &mut OsEntropy)?;
            assert!(
                policy.check_password("alice", pw.expose()).is_empty(),
                "{:?}",
                pw.expose()
            );
            assert_eq!(pw.expose().chars().count(), 12);
            assert!(!pw.expose().chars().any(|c| LOOK_ALIKES.contains(c)));
        }
        Ok(())
    }

    #[test]
    fn temporary_passwords_follow_a_changed_policy() -> Result<(), PasswordError> {
        let strict = Policy::default()
            .with_pairs(&[
                "min-length=20".into(),
                "max-length=30".into(),
                "special-chars=-+".into(),
            ])
            .map_err(|e| PasswordError::Random(format!("{e:?}")))?;
        let tight = Policy::default()
            .with_pairs(&["min-length=3".into(), "max-length=3".into()])
            .map_err(|e| PasswordError::Random(format!("{e:?}")))?;
        for _ in 0..100 {
            let pw = generate_temporary(&strict, "bob", &mut OsEntropy)?;
            assert_eq!(pw.expose().chars().count(), 20);
            assert!(strict.check_password("bob", pw.expose()).is_empty());
            let pw = generate_temporary(&tight, "bob", &mut OsEntropy)?;
            assert!(
                tight.check_password("bob", pw.expose()).is_empty(),
                "{:?}",
                pw.expose()
            );
        }
        Ok(())
    }

    #[test]
    fn generation_is_driven_by_the_entropy_source() -> Result<(), PasswordError> {
        let a = generate_temporary(&Policy::default(), "bob", &mut Counter(1))?;
        let b = generate_temporary(&Policy::default(), "bob", &mut Counter(1))?;
        assert_eq!(a, b);
        Ok(())
    }
}
