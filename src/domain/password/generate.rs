//! Random bytes, passed in, and the temporary passwords made from them.

use super::PasswordError;
use crate::domain::policy::Policy;
use crate::domain::secret::Secret;

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
