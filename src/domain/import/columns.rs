//! The header of a CSV import file: which column is where.

use super::{OPTIONAL, REQUIRED};

/// Where each column is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Columns {
    pub(super) username: usize,
    pub(super) name: usize,
    pub(super) role: usize,
    pub(super) facilities: usize,
    pub(super) password: usize,
    pub(super) password_hash: Option<usize>,
    pub(super) must_change: Option<usize>,
    pub(super) status: Option<usize>,
    pub(super) expires_at: Option<usize>,
    pub(super) width: usize,
}

pub(super) fn columns(header: &csv::ByteRecord) -> Result<Columns, String> {
    let mut names = Vec::with_capacity(header.len());
    for (i, raw) in header.iter().enumerate() {
        let raw = if i == 0 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
        if !REQUIRED.contains(&name.as_str()) && !OPTIONAL.contains(&name.as_str()) {
            let shown: String = name.chars().filter(|c| !c.is_control()).take(40).collect();
            return Err(format!("unknown column `{shown}`"));
        }
        if names.contains(&name) {
            return Err(format!("column `{name}` appears twice"));
        }
        names.push(name);
    }
    let find = |want: &str| names.iter().position(|n| n == want);
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|want| find(want).is_none())
        .collect();
    if !missing.is_empty() {
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(format!("missing column{s} `{}`", missing.join("`, `")));
    }
    let at = |want: &str| find(want).unwrap_or_default();
    Ok(Columns {
        username: at("username"),
        name: at("name"),
        role: at("role"),
        facilities: at("facilities"),
        password: at("password"),
        password_hash: find("password_hash"),
        must_change: find("must_change"),
        status: find("status"),
        expires_at: find("expires_at"),
        width: names.len(),
    })
}

#[cfg(test)]
mod tests {
    use crate::domain::import::test_support::{PHC, read};
    use crate::domain::import::{FileError, PasswordSource};

    #[test]
    fn columns_may_come_in_any_order_with_a_bom_and_optional_ones() -> Result<(), FileError> {
        let rows = read(&format!(
            "\u{FEFF}Password, ROLE ,must_change,facilities,password_hash,name,username\n\
             ,user,,,\"{PHC}\",,carol\n\
             ,user,true,,\"{PHC}\",,dave\n"
        ))?;
        let [Ok(carol), Ok(dave)] = rows.as_slice() else {
            panic!("{rows:?}");
        };
        assert_eq!(carol.password, PasswordSource::Hash(PHC.into()));
        assert!(
            !carol.must_change,
            "a migrated hash is its owner's own password"
        );
        assert!(dave.must_change);
        Ok(())
    }

    #[test]
    fn header_problems_name_the_column() {
        let err = |t: &str| read(t).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err("username,name,role,password\n").contains("missing column `facilities`"));
        assert!(
            err("username,name,role,facilities,password,pasword\n")
                .contains("unknown column `pasword`")
        );
        assert!(
            err("username,name,role,facilities,password,name\n").contains("`name` appears twice")
        );
        assert!(matches!(read(""), Err(FileError::Empty)));
        assert!(matches!(read("\n\n"), Err(FileError::Empty)));
        assert!(matches!(read("username,name,role,facilities,password\n"), Ok(v) if v.is_empty()));
    }
}
