//! The record `user export` writes for an account, and the neutralising of
//! fields that a spreadsheet would read as formulas (undone on import).

use crate::domain::account::{Role, Status};

/// One account as `user export` writes it, in the order of [`EXPORTED`](super::EXPORTED):
/// the import columns with an empty password (nothing secret leaves the
/// database), the status and the expiry (RFC 3339, empty for none), each
/// field [`neutralise`]d.
pub fn export_record(
    username: &str,
    name: Option<&str>,
    role: Role,
    facilities: &[String],
    status: Status,
    expires_at: Option<&str>,
) -> [String; 7] {
    [
        neutralise(username),
        neutralise(name.unwrap_or_default()),
        neutralise(role.as_str()),
        neutralise(&facilities.join(";")),
        String::new(),
        neutralise(status.as_str()),
        neutralise(expires_at.unwrap_or_default()),
    ]
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '|', '\t'];

/// Whether `s`, after any leading `'`, starts like a formula.
fn formula_like(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// A field as `user export` writes it: one more leading `'` when, past its
/// leading `'`s, it starts like a formula (`=HYPERLINK(..)` becomes
/// `'=HYPERLINK(..)`, `'=x` becomes `''=x`), so a spreadsheet shows text.
pub fn neutralise(s: &str) -> String {
    if formula_like(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The inverse of [`neutralise`], for the CSV columns export writes: a field
/// that starts with `'` and, past its leading `'`s, like a formula loses one `'`.
pub fn unneutralise(s: String) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest.to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::test_support::read;
    use crate::domain::import::{EXPORTED, FileError, PasswordSource};
    use proptest::prelude::*;

    #[test]
    fn an_export_record_reads_back_as_the_same_account() -> Result<(), FileError> {
        let names = [
            "Mia, \"the\" Boss",
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+cmd|x",
            "@SUM(1)",
            "-2",
            "|pipe",
            "'=quoted",
            "''+twice",
            "'plain",
            "it's",
        ];
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut write = |rec: &[String]| {
            w.write_record(rec).map_err(|e| FileError::Header {
                line: 0,
                message: e.to_string(),
            })
        };
        write(&EXPORTED.map(String::from))?;
        for (i, name) in names.iter().enumerate() {
            let status = [Status::Active, Status::Disabled, Status::Locked][i % 3];
            write(&export_record(
                &format!("mia{i}"),
                Some(name),
                Role::Supervisor,
                &["A".into(), "b".into()],
                status,
                (i % 2 == 0).then_some("2027-02-01T00:00:00Z"),
            ))?;
        }
        let bytes = w.into_inner().map_err(|e| FileError::Header {
            line: 0,
            message: e.to_string(),
        })?;
        let text = String::from_utf8_lossy(&bytes).to_string();
        // No cell starts like a formula.
        for field in text.lines().flat_map(|l| l.split(',')) {
            let field = field.trim_start_matches('"');
            assert!(!field.starts_with(FORMULA_START), "{field}");
        }
        let rows = read(&text)?;
        assert_eq!(rows.len(), names.len());
        for (i, (row, name)) in rows.iter().zip(names).enumerate() {
            let Ok(mia) = row else { panic!("{row:?}") };
            assert_eq!(mia.name.as_deref(), Some(name));
            assert_eq!(mia.role, Role::Supervisor);
            assert_eq!(mia.facilities.len(), 2);
            assert_eq!(mia.password, PasswordSource::Generate);
            let status = [Status::Active, Status::Disabled, Status::Locked][i % 3];
            assert_eq!(mia.status, Some(status));
            let expiry = (i % 2 == 0).then_some(1_801_440_000);
            assert_eq!(mia.expires_at, expiry, "{mia:?}");
        }
        Ok(())
    }

    #[test]
    fn neutralising_is_undone_exactly_and_only_for_what_export_wrote() {
        for s in [
            "=1", "+1", "-1", "@a", "|a", "\tx", "'=1", "''@", "'", "a=b", "", "'a",
        ] {
            assert_eq!(unneutralise(neutralise(s)), s, "{s:?}");
        }
        assert_eq!(neutralise("=1"), "'=1");
        assert_eq!(neutralise("'=1"), "''=1");
        assert_eq!(neutralise("'plain"), "'plain");
        // A hand-written field: `=1` stays as typed, `'=1` is read as `=1`.
        assert_eq!(unneutralise("=1".into()), "=1");
        assert_eq!(unneutralise("'=1".into()), "=1");
        assert_eq!(unneutralise("'a".into()), "'a");
        // The status column is optional; a bad value is a bad row.
        let rows = read("username,name,role,facilities,password,status\nann,,,,,\nbob,,,,,LOCKED\ncid,,,,,gone\n")
            .unwrap_or_default();
        assert!(matches!(&rows[0], Ok(r) if r.status.is_none()), "{rows:?}");
        assert!(matches!(&rows[1], Ok(r) if r.status == Some(Status::Locked)));
        assert!(matches!(&rows[2], Err(e) if e.message.contains("status `gone`")));
    }

    #[test]
    fn formulas_are_neutralised_on_export_and_restored_on_import() {
        for (field, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+cmd|x", "'+1+cmd|x"),
            ("-2", "'-2"),
            ("@SUM(1)", "'@SUM(1)"),
            ("|pipe", "'|pipe"),
            ("\tTab", "'\tTab"),
            ("'=x", "''=x"),
            ("'plain", "'plain"),
            ("Ann O'Neil", "Ann O'Neil"),
            ("", ""),
        ] {
            assert_eq!(neutralise(field), written, "{field:?}");
            assert_eq!(unneutralise(written.to_string()), field, "{written:?}");
        }
    }

    proptest! {
        /// Whatever the name, export then import gives it back.
        #[test]
        fn neutralise_then_unneutralise_is_the_identity(field in "['=+@|\t a-z-]{0,8}") {
            let written = neutralise(&field);
            prop_assert_eq!(unneutralise(written), field);
        }
    }
}
