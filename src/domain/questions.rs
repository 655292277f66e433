//! Security questions for forgot-password: a fixed catalogue, and answers
//! normalised so that "  Smith " and "smith" match.

/// Questions an account must answer.
pub const REQUIRED: usize = 3;

/// One question of the catalogue: a stable id for scripts and the text shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
}

pub const CATALOGUE: &[Question] = &[
    Question {
        id: "maiden-name",
        text: "What is your mother's maiden name?",
    },
    Question {
        id: "first-pet",
        text: "What was the name of your first pet?",
    },
    Question {
        id: "birth-date",
        text: "What is your date of birth (YYYY-MM-DD)?",
    },
    Question {
        id: "birth-city",
        text: "In which city were you born?",
    },
    Question {
        id: "first-school",
        text: "What was the name of your first school?",
    },
    Question {
        id: "childhood-friend",
        text: "What was the first name of your childhood best friend?",
    },
];

pub fn find(id: &str) -> Option<&'static Question> {
    CATALOGUE
        .iter()
        .find(|q| q.id == id.trim().to_ascii_lowercase())
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QuestionError {
    #[error("unknown question `{0}`; see `keyward questions list`")]
    Unknown(String),
    #[error("question `{0}` is answered twice; choose {REQUIRED} different questions")]
    Duplicate(String),
    #[error("answer {found} questions; exactly {REQUIRED} are needed")]
    Count { found: usize },
    #[error("the answer to `{0}` is too short; use at least 2 characters")]
    TooShort(String),
    #[error("the answer to `{0}` is longer than 256 bytes")]
    TooLong(String),
    #[error(
        "the answer to `birth-date` must be a real past date written YYYY-MM-DD (e.g. 1980-12-31)"
    )]
    BadDate,
}

/// A `birth-date` answer: exactly `YYYY-MM-DD`, a real calendar day, from
/// 1900-01-01 up to the day before `today` (UTC).
fn check_birth_date(answer: &str, today: jiff::civil::Date) -> Result<(), QuestionError> {
    let b = answer.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    let number = |r: std::ops::Range<usize>| answer.get(r).and_then(|t| t.parse::<i16>().ok());
    let date = match (shape, number(0..4), number(5..7), number(8..10)) {
        (true, Some(y), Some(m), Some(d)) => {
            jiff::civil::Date::new(y, m as i8, d as i8).map_err(|_| QuestionError::BadDate)?
        }
        _ => return Err(QuestionError::BadDate),
    };
    if date.year() < 1900 || date >= today {
        return Err(QuestionError::BadDate);
    }
    Ok(())
}

/// Trimmed, inner whitespace folded to one space, lower case.
pub fn normalise(answer: &str) -> String {
    answer
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Validate a full set of answers: known, distinct questions, exactly
/// [`REQUIRED`] of them, each answer at least 2 characters once normalised.
/// A `birth-date` answer must be a real past date (`today` is UTC).
/// Returns (question, normalised answer) pairs.
pub fn validate(
    answers: &[(String, String)],
    today: jiff::civil::Date,
) -> Result<Vec<(&'static Question, String)>, QuestionError> {
    let mut out: Vec<(&'static Question, String)> = Vec::new();
    for (id, answer) in answers {
        let q = find(id).ok_or_else(|| QuestionError::Unknown(id.clone()))?;
        if out.iter().any(|(seen, _)| seen.id == q.id) {
            return Err(QuestionError::Duplicate(q.id.to_string()));
        }
        let norm = normalise(answer);
        if norm.chars().count() < 2 {
            return Err(QuestionError::TooShort(q.id.to_string()));
        }
        if norm.len() > 256 {
            return Err(QuestionError::TooLong(q.id.to_string()));
        }
        if q.id == "birth-date" {
            check_birth_date(&norm, today)?;
        }
        out.push((q, norm));
    }
    if out.len() != REQUIRED {
        return Err(QuestionError::Count { found: out.len() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    }

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2026, 11, 22)
    }

    #[test]
    fn birth_dates_are_real_past_days_as_yyyy_mm_dd() {
        for ok in ["1980-12-31", "2000-02-29", "1900-01-01", "2026-11-21"] {
            assert_eq!(check_birth_date(ok, today()), Ok(()), "{ok}");
        }
        for bad in [
            "31/12/1980",
            "tomorrow",
            "1980-1-2",
            "1980-02-30",
            "1981-02-29",
            "2026-11-22",
            "2030-01-01",
            "1899-12-31",
            "+980-12-31",
            "1980-12-3x",
            "19801231",
            "1980-12-31 ",
            "1980-13-01",
            "1980-00-10",
            "",
        ] {
            assert_eq!(
                check_birth_date(bad, today()),
                Err(QuestionError::BadDate),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_seed_questions_are_in_the_catalogue() {
        for id in ["maiden-name", "first-pet", "birth-date"] {
            assert!(find(id).is_some(), "{id}");
        }
    }

    #[test]
    fn answers_are_normalised() {
        assert_eq!(normalise("  Mary \t Ann\nSMITH "), "mary ann smith");
    }

    #[test]
    fn exactly_three_distinct_known_questions() {
        let ok = set(&[
            ("maiden-name", "Smith"),
            ("first-pet", "Rex"),
            ("birth-date", "1980-01-02"),
        ]);
        assert!(validate(&ok, today()).is_ok());
        let two = set(&[("maiden-name", "Smith"), ("first-pet", "Rex")]);
        assert_eq!(
            validate(&two, today()).err(),
            Some(QuestionError::Count { found: 2 })
        );
        let dup = set(&[
            ("maiden-name", "a1"),
            ("MAIDEN-NAME", "b2"),
            ("first-pet", "c3"),
        ]);
        assert!(matches!(
            validate(&dup, today()),
            Err(QuestionError::Duplicate(_))
        ));
        let unknown = set(&[("favourite-colour", "blue")]);
        assert!(matches!(
            validate(&unknown, today()),
            Err(QuestionError::Unknown(_))
        ));
        let short = set(&[
            ("maiden-name", " x "),
            ("first-pet", "Rex"),
            ("birth-date", "1980"),
        ]);
        assert!(matches!(
            validate(&short, today()),
            Err(QuestionError::TooShort(_))
        ));
    }
}
