//! Stored Argon2 PHC strings: reading them as the C reference does, checking
//! one migrated from another system, and telling whether one is weaker than
//! the parameters new hashes get.

use argon2_rust::{Algorithm, Decoded, Version, decode_string};

use super::{M_COST, P_COST, T_COST};

/// How many times the cost of a new hash a migrated one may have (SPEC 10):
/// its memory at most 4 x `M_COST`, its work (memory x passes) at most 4 x
/// `M_COST` x `T_COST`, so one account cannot make a verify take seconds.
pub const IMPORT_COST_FACTOR: u64 = 4;
/// Highest memory a migrated hash may use, in KiB.
pub const MAX_IMPORTED_M_COST: u64 = IMPORT_COST_FACTOR * M_COST as u64;
/// Highest work (KiB x passes) a migrated hash may need.
pub const MAX_IMPORTED_WORK: u64 = IMPORT_COST_FACTOR * M_COST as u64 * T_COST as u64;
/// Most lanes a migrated hash may have (they add threads, not work).
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
        "costs more than {IMPORT_COST_FACTOR} times a new hash to verify (limits: m <= {MAX_IMPORTED_M_COST} KiB, m x t <= {MAX_IMPORTED_WORK}, p <= {MAX_IMPORTED_P_COST}); re-hash it with lower costs, or import the account without it and reset its password"
    )]
    TooCostly,
    #[error("has no salt, or one shorter than 8 bytes")]
    Salt,
    #[error("has no hash value, or one outside 16-64 bytes")]
    Output,
}

/// Other password-hash schemes by the first field of their strings, so
/// that the message can name the one a file holds.
const KNOWN_SCHEMES: [(&str, &str); 11] = [
    ("2a", "bcrypt"),
    ("2b", "bcrypt"),
    ("2y", "bcrypt"),
    ("scrypt", "scrypt"),
    ("1", "MD5-crypt"),
    ("5", "SHA-256-crypt"),
    ("6", "SHA-512-crypt"),
    ("y", "yescrypt"),
    ("pbkdf2", "PBKDF2"),
    ("pbkdf2-sha256", "PBKDF2"),
    ("pbkdf2-sha512", "PBKDF2"),
];

/// The algorithm a PHC string names by its first field, if it is Argon2.
fn algorithm_of(phc: &str) -> Result<Algorithm, HashProblem> {
    let name = phc
        .strip_prefix('$')
        .and_then(|rest| rest.split('$').next())
        .ok_or(HashProblem::NotPhc)?;
    match name {
        "argon2id" => Ok(Algorithm::Argon2id),
        "argon2i" => Ok(Algorithm::Argon2i),
        "argon2d" => Ok(Algorithm::Argon2d),
        "" => Err(HashProblem::NotPhc),
        // Only a scheme we know by name is repeated: the field could be
        // anything (a password pasted into the wrong column).
        other => Err(HashProblem::NotArgon2(
            KNOWN_SCHEMES
                .iter()
                .find(|(id, _)| *id == other)
                .map_or("an unknown scheme", |(_, name)| *name)
                .to_string(),
        )),
    }
}

/// Read a stored string exactly as the C reference's `decode_string` does
/// (`$m=,t=,p=` in that order, `v=` optional and then 0x10, unpadded
/// Base64), so what is accepted at import is what verifies at sign-in.
pub(super) fn decode(phc: &str) -> Result<Decoded, HashProblem> {
    let algorithm = algorithm_of(phc)?;
    decode_string(phc, algorithm).map_err(|_| diagnose(phc))
}

/// Name what is wrong with an Argon2 string the decoder refused.
fn diagnose(phc: &str) -> HashProblem {
    let fields: Vec<&str> = phc.split('$').collect();
    let version = fields.get(2).and_then(|f| f.strip_prefix("v="));
    if version.is_some_and(|v| !matches!(v, "16" | "19")) {
        return HashProblem::Version;
    }
    let rest = if version.is_some() {
        &fields[3.min(fields.len())..]
    } else {
        &fields[2.min(fields.len())..]
    };
    let params_ok = rest.first().is_some_and(|p| {
        let parts: Vec<&str> = p.split(',').collect();
        parts.len() == 3
            && ["m=", "t=", "p="].iter().zip(&parts).all(|(key, part)| {
                part.strip_prefix(key)
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
    });
    match rest.len() {
        0 => HashProblem::NotPhc,
        _ if !params_ok => HashProblem::Params,
        1 => HashProblem::Salt,
        2 if b64_len(rest[1]) < 8 => HashProblem::Salt,
        2 => HashProblem::Output,
        _ if b64_len(rest[1]) < 8 => HashProblem::Salt,
        _ if !(16..=64).contains(&b64_len(rest[2])) => HashProblem::Output,
        // Well-formed fields whose values Argon2 refuses (m < 8 x p, p = 0...).
        _ => HashProblem::Params,
    }
}

/// Bytes an unpadded Base64 field decodes to (0 when it is not Base64).
fn b64_len(field: &str) -> usize {
    let valid = field
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
    if valid { field.len() * 3 / 4 } else { 0 }
}

/// Check an Argon2 PHC string migrated from another system: it must decode
/// as the reference decodes it, carry a salt of 8 bytes or more and a hash
/// of 16-64 bytes, and cost at most [`IMPORT_COST_FACTOR`] times a new hash.
pub fn check_phc(phc: &str) -> Result<(), HashProblem> {
    let d = decode(phc)?;
    let m = u64::from(d.params.memory_kib());
    let t = u64::from(d.params.passes());
    if m > MAX_IMPORTED_M_COST
        || m * t > MAX_IMPORTED_WORK
        || d.params.lanes() > MAX_IMPORTED_P_COST
    {
        return Err(HashProblem::TooCostly);
    }
    if d.salt.len() < 8 {
        return Err(HashProblem::Salt);
    }
    if !(16..=64).contains(&d.hash.len()) {
        return Err(HashProblem::Output);
    }
    Ok(())
}

/// Whether a stored hash is weaker than a new one (SPEC 10) and should be
/// re-hashed at the next successful sign-in: another algorithm than
/// Argon2id, version 0x10, less memory or fewer passes, more lanes (which an
/// attacker can spread over cores), or a shorter salt or tag. A hash that is
/// stronger in one respect and weaker in another is weaker. A hash that
/// costs more than an import allows (one imported before the 4x rule) is
/// re-hashed too, so it stops costing that at every sign-in. Strings that
/// do not decode are not upgraded (they match no password anyway).
pub fn needs_upgrade(phc: &str) -> bool {
    let Ok(d) = decode(phc) else {
        return false;
    };
    check_phc(phc) == Err(HashProblem::TooCostly)
        || d.algorithm != Algorithm::Argon2id
        || d.version != Version::V0x13
        || d.params.memory_kib() < M_COST
        || d.params.passes() < T_COST
        || d.params.lanes() > P_COST
        || d.salt.len() < super::SALT_BYTES
        || d.hash.len() < super::OUTPUT_BYTES
}

/// The parameters of a stored hash, for audit rows: `argon2id v=19
/// m=19456 t=2 p=1 salt=16 tag=32` (lengths in bytes; never the salt or
/// the tag themselves).
pub fn parameters(phc: &str) -> Option<String> {
    let d = decode(phc).ok()?;
    Some(format!(
        "{} v={} m={} t={} p={} salt={} tag={}",
        d.algorithm.as_str(),
        d.version.as_u32(),
        d.params.memory_kib(),
        d.params.passes(),
        d.params.lanes(),
        d.salt.len(),
        d.hash.len()
    ))
}
