//! Single-use backup codes: shown once, stored only as Argon2id hashes.

use super::password::{Entropy, PasswordError, index};
use super::secret::Secret;

/// Codes made at enrolment and on regeneration.
pub const COUNT: usize = 10;
/// Characters per code (about 49 bits from this alphabet).
const LEN: usize = 10;
/// Lower case and digits without look-alikes (`i l o 0 1`).
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// [`COUNT`] fresh codes, shown as `xxxxx-xxxxx`.
pub fn generate(rng: &mut dyn Entropy) -> Result<Vec<Secret>, PasswordError> {
    (0..COUNT)
        .map(|_| {
            let mut s = String::with_capacity(LEN + 1);
            for i in 0..LEN {
                if i == LEN / 2 {
                    s.push('-');
                }
                s.push(char::from(ALPHABET[index(rng, ALPHABET.len())?]));
            }
            Ok(Secret::new(s))
        })
        .collect()
}

/// A code as typed, reduced to what is hashed: lower case, no dashes or spaces.
pub fn normalise(typed: &str) -> Secret {
    Secret::new(
        typed
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Os;
    impl Entropy for Os {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), PasswordError> {
            getrandom::fill(buf).map_err(|e| PasswordError::Random(e.to_string()))
        }
    }

    #[test]
    fn ten_distinct_well_formed_codes() -> Result<(), PasswordError> {
        let codes = generate(&mut Os)?;
        assert_eq!(codes.len(), COUNT);
        let mut seen: Vec<&str> = codes.iter().map(Secret::expose).collect();
        for c in &seen {
            assert_eq!(c.len(), LEN + 1);
            assert_eq!(c.as_bytes()[LEN / 2], b'-');
            assert!(
                c.bytes()
                    .filter(|b| *b != b'-')
                    .all(|b| ALPHABET.contains(&b))
            );
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), COUNT);
        Ok(())
    }

    #[test]
    fn typed_codes_ignore_case_dashes_and_spaces() {
        assert_eq!(normalise(" ABCDE-fghjk ").expose(), "abcdefghjk");
        assert_eq!(normalise("abcde fghjk").expose(), "abcdefghjk");
    }
}
