//! Terms of use: the text every account must accept at its next sign-in.

use sha2::{Digest, Sha256};

/// Largest terms text accepted, in bytes.
pub const MAX_TERMS_BYTES: usize = 1024 * 1024;

/// The terms `init` publishes as version 1, so that the first sign-in of
/// every account asks for terms until the organisation publishes its own.
pub const DEFAULT_TERMS: &str = "\
Terms of use (default text: publish your organisation's own with `keyward terms set --file FILE`)

1. This account is for your own use. Do not share your password or your second factor.
2. Use it only for the work your role and facilities require.
3. Report a lost device, a suspected disclosure or unusual activity to your site administrator at once.
4. Sign-ins and administrative changes are recorded in an audit log.
";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TermsError {
    #[error("the terms file is empty; write the terms text into it")]
    Empty,
    #[error("the terms file is larger than 1 MiB")]
    TooLarge,
    #[error("the terms file is not UTF-8 text")]
    NotText,
    #[error("the terms file holds a NUL byte (at byte {0}); it is not a text file")]
    Nul(usize),
}

/// Check a terms file's bytes and return its text.
pub fn parse(bytes: Vec<u8>) -> Result<String, TermsError> {
    if bytes.len() > MAX_TERMS_BYTES {
        return Err(TermsError::TooLarge);
    }
    // A NUL is valid UTF-8 but no text, and PostgreSQL cannot store it.
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(TermsError::Nul(at));
    }
    let text = String::from_utf8(bytes).map_err(|_| TermsError::NotText)?;
    if text.trim().is_empty() {
        return Err(TermsError::Empty);
    }
    Ok(text)
}

/// Lower-case hex SHA-256 of the text, as `sha256sum` prints it.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_vector() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn empty_binary_and_huge_files_are_refused() {
        assert_eq!(parse(b"  \n".to_vec()), Err(TermsError::Empty));
        assert_eq!(parse(vec![0xff, 0xfe]), Err(TermsError::NotText));
        assert_eq!(
            parse(vec![b'a'; MAX_TERMS_BYTES + 1]),
            Err(TermsError::TooLarge)
        );
        assert_eq!(parse(b"Be kind.\n".to_vec()), Ok("Be kind.\n".into()));
    }
}
