//! Password hashing (Argon2id, PHC strings) and temporary passwords.
//!
//! Hashes use OWASP's minimum for Argon2id (m=19456 KiB, t=2, p=1) and are kept
//! in PHC form, so parameters can be raised later while old hashes still verify
//! (and are re-hashed at the next sign-in, [`needs_upgrade`]). The engine is
//! `argon2-rust`, a port of the C reference with runtime-chosen SIMD: it
//! measured 0.5x the time of RustCrypto's `argon2` here, and gives the same
//! tags (tests/differential in this module's tests; docs/decisions.md).

use argon2_rust::{Algorithm, Argon2, Error as Argon2Error, Params, Version, params::Memory};

mod generate;
mod phc;

pub use generate::{Entropy, generate_temporary, index};
pub use phc::{
    HashProblem, IMPORT_COST_FACTOR, MAX_IMPORTED_M_COST, MAX_IMPORTED_P_COST, MAX_IMPORTED_WORK,
    check_phc, needs_upgrade, parameters,
};

use super::secret::Secret;

/// Longest password accepted, in bytes; longer input is refused before hashing.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Argon2id memory cost in KiB (OWASP minimum).
pub const M_COST: u32 = 19_456;
/// Argon2id passes.
pub const T_COST: u32 = 2;
/// Argon2id lanes.
pub const P_COST: u32 = 1;
/// Bytes of salt in each new hash (the PHC recommendation).
const SALT_BYTES: usize = 16;
/// Bytes of Argon2 output in each new hash.
const OUTPUT_BYTES: usize = 32;

/// The parameters of every new hash; checked when the crate is compiled.
const CURRENT: Argon2 = Argon2::new(
    Algorithm::Argon2id,
    Version::V0x13,
    Params::builder()
        .memory(Memory::kib(M_COST as u64))
        .passes(T_COST)
        .lanes(P_COST)
        .tag_len(argon2_rust::params::TagLen::bytes(OUTPUT_BYTES as u64))
        .build_or_panic(),
);

/// Highest costs a stored hash may have for keyward to compute it at all:
/// whatever an import accepts now ([`check_phc`]: m x t within 4x a new
/// hash) or accepted before the 4x rule (m <= 262144 KiB, t <= 10). A string
/// above both (a damaged or tampered store) matches nothing instead of
/// taking seconds and gigabytes.
const VERIFY_MAX_M_COST: u32 = 262_144;
const VERIFY_MAX_T_COST_BEFORE: u32 = 10;
const VERIFY_MAX_P_COST: u32 = 16;

fn computable(p: &Params) -> bool {
    let work = u64::from(p.memory_kib()) * u64::from(p.passes());
    p.memory_kib() <= VERIFY_MAX_M_COST
        && p.lanes() <= VERIFY_MAX_P_COST
        && (p.passes() <= VERIFY_MAX_T_COST_BEFORE || work <= MAX_IMPORTED_WORK)
}

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

fn failed(e: Argon2Error) -> PasswordError {
    PasswordError::Hashing(e.to_string())
}

/// Refuse input no one should hash: empty or over the byte limit.
pub fn check_size(password: &Secret) -> Result<(), PasswordError> {
    match password.expose().len() {
        0 => Err(PasswordError::Empty),
        n if n > MAX_PASSWORD_BYTES => Err(PasswordError::TooLong),
        _ => Ok(()),
    }
}

/// Hash a password into an Argon2id PHC string with a fresh salt from `rng`
/// (the OS CSPRNG in the binary, passed in like the clock).
pub fn hash(password: &Secret, rng: &mut dyn Entropy) -> Result<String, PasswordError> {
    check_size(password)?;
    let mut salt = [0u8; SALT_BYTES];
    rng.fill(&mut salt)?;
    CURRENT
        .hash_encoded(password.expose().as_bytes(), &salt)
        .map_err(failed)
}

/// Hashes many passwords with one Argon2 memory block (19 MiB) kept from
/// hash to hash: bulk imports keep one per thread instead of mapping and
/// faulting in a fresh block for every account.
pub struct Hasher {
    inner: argon2_rust::Hasher,
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher {
    pub fn new() -> Self {
        Hasher {
            inner: CURRENT.hasher(),
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
        self.inner
            .hash_encoded(password.expose().as_bytes(), &salt)
            .map_err(failed)
    }

    /// [`verify`] in this block when the stored hash has the current
    /// parameters (a hash with others gets its own memory, freed after): for
    /// checking several hashes in a row.
    pub fn verify(&mut self, password: &Secret, phc: &str) -> Result<bool, PasswordError> {
        verify_in(password, phc, Some(&mut self.inner))
    }
}

/// Whether `password` matches the stored PHC string. The parameters are read
/// from the string, so hashes made with other costs still verify.
pub fn verify(password: &Secret, phc: &str) -> Result<bool, PasswordError> {
    verify_in(password, phc, None)
}

/// The one verification. A string that does not even start with `$` is an
/// error (a damaged database); an Argon2 string that does not decode as the
/// C reference decodes it, or costs more than any import ever accepted,
/// matches nothing. The tags are compared in constant time (by argon2-rust).
fn verify_in(
    password: &Secret,
    phc: &str,
    pooled: Option<&mut argon2_rust::Hasher>,
) -> Result<bool, PasswordError> {
    if !phc.starts_with('$') {
        return Err(PasswordError::BadHash);
    }
    let pw = password.expose().as_bytes();
    if pw.len() > MAX_PASSWORD_BYTES {
        return Ok(false);
    }
    let Ok(d) = phc::decode(phc) else {
        return Ok(false);
    };
    let p = d.params;
    if !computable(&p) {
        return Ok(false);
    }
    let outcome = match pooled {
        Some(h) if h.algorithm() == d.algorithm && h.version() == d.version && *h.params() == p => {
            h.verify(pw, &d.salt, &d.hash)
        }
        _ => {
            // At most one worker thread per core, whatever `p` says (the tag
            // depends on the lanes only).
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
            let threads = p.lanes().min(cores).max(1);
            let Ok(params) = p.to_builder().threads(threads).build() else {
                return Ok(false);
            };
            Argon2::new(d.algorithm, d.version, params).verify(pw, &d.salt, &d.hash)
        }
    };
    Ok(outcome.is_ok())
}

/// A hash with the same parameters as real ones that no password matches:
/// unknown users are verified against it so that they cost the same time.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$f2S9F36Xis6lPk4OG2glpQ$G0s2FxHoTrQJxnwrJFEx/Bw97pRROK9uFpb1N+8BPJI";

/// Spend the work of one verification on an account that does not exist:
/// the same call, the same decoding, the same memory as [`verify`] of a
/// current hash.
pub fn verify_dummy(password: &Secret) {
    let _ = verify(password, DUMMY_HASH);
}

#[cfg(test)]
mod differential;
#[cfg(test)]
mod tests;
