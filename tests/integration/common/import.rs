//! Bulk provisioning helpers: CSV, PHC strings, credentials.

use super::*;

/// The header `user import` requires and `user export` writes.
pub const IMPORT_HEADER: &str = "username,name,role,facilities,password";

/// The header of generated credentials (stdout or `--credentials-out`).
pub const CREDENTIALS_HEADER: &str = "username,temporary_password";

/// An Argon2 PHC string of `password`, computed here with the `argon2` crate
/// (independently of keyward) at OWASP's minimum costs and a fixed salt.
#[track_caller]
pub fn phc_hash(algorithm: argon2::Algorithm, version: argon2::Version, password: &str) -> String {
    phc_hash_with(algorithm, version, (19_456, 2, 1), password)
}

/// [`phc_hash`] with other costs `(m KiB, t, p)`.
#[track_caller]
pub fn phc_hash_with(
    algorithm: argon2::Algorithm,
    version: argon2::Version,
    (m, t, p): (u32, u32, u32),
    password: &str,
) -> String {
    use argon2::PasswordHasher;
    let params = argon2::Params::new(m, t, p, None).expect("argon2 params");
    argon2::Argon2::new(algorithm, version, params)
        .hash_password_with_salt(password.as_bytes(), b"keyward-test-salt")
        .unwrap_or_else(|e| panic!("hash {password:?}: {e}"))
        .to_string()
}

/// An Argon2id (version 19) PHC string of `password` (see [`phc_hash`]).
#[track_caller]
pub fn argon2id_hash(password: &str) -> String {
    phc_hash(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        password,
    )
}

/// Parses a CSV text (header first) into its header and records.
#[track_caller]
pub fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = rdr
        .headers()
        .unwrap_or_else(|e| panic!("not CSV ({e}):\n{text}"))
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = rdr
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("bad CSV record ({e}):\n{text}"))
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    (header, rows)
}

/// The `(username, temporary_password)` pairs of a credentials CSV, asserting
/// its header is exactly [`CREDENTIALS_HEADER`].
#[track_caller]
pub fn parse_credentials(text: &str) -> Vec<(String, String)> {
    let (header, rows) = parse_csv(text);
    assert_eq!(
        header.join(","),
        CREDENTIALS_HEADER,
        "credentials header:\n{text}"
    );
    rows.into_iter()
        .map(|r| {
            assert_eq!(r.len(), 2, "credentials row {r:?}:\n{text}");
            (r[0].clone(), r[1].clone())
        })
        .collect()
}

/// The `(line, message)` pairs of a `--json` import error
/// (`{"error": {"code", "message", "rows": [{"line", "message"}]}}`).
#[track_caller]
pub fn error_rows(out: &Output) -> Vec<(u64, String)> {
    let err = parse_error(out);
    let rows = err["error"]["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("the JSON error has no `rows` list: {err}"));
    rows.iter()
        .map(|r| {
            (
                r["line"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("row without a numeric line: {r}")),
                r["message"]
                    .as_str()
                    .unwrap_or_else(|| panic!("row without a message: {r}"))
                    .to_owned(),
            )
        })
        .collect()
}

/// The `details` of an audit row as JSON (stored as text).
pub fn audit_details(row: &Value) -> Value {
    match &row["details"] {
        Value::String(s) => serde_json::from_str(s).unwrap_or(Value::String(s.clone())),
        other => other.clone(),
    }
}

/// What an import may set on an account: username, name, role, sorted
/// facilities. Two equal cores mean the same account as far as a CSV goes.
pub fn account_core(v: &Value) -> Value {
    serde_json::json!({
        "username": v["username"],
        "name": v["name"],
        "role": v["role"],
        "facilities": facilities_of(v),
    })
}

/// Permission bits of a file.
#[track_caller]
pub fn file_mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The `required_actions` of an `auth --json` answer (empty when absent).
#[track_caller]
pub fn required_actions(out: &Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    v["required_actions"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

impl TestEnv {
    /// Writes `csv` to a new file `import-N.csv` in the temp dir; returns its path.
    pub fn csv_file(&self, csv: &str) -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        self.write_file(&format!("import-{n}.csv"), csv.as_bytes())
    }

    /// `keyward user import FILE ARGS...` on a new file holding `csv`.
    pub fn import(&self, csv: &str, args: &[&str]) -> Output {
        let file = self.csv_file(csv);
        let file = file.to_str().expect("utf-8 path");
        let mut all = vec!["user", "import", file];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// `keyward --json user import FILE ARGS...`, asserting success; the document.
    #[track_caller]
    pub fn import_json(&self, csv: &str, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.import(csv, &all);
        assert_code(&out, 0);
        parse_stdout(&out)
    }

    /// Number of audit rows with `action`.
    #[track_caller]
    pub fn audit_count(&self, action: &str) -> i64 {
        let action = action.replace('\'', "''");
        self.sql_scalar(&format!(
            "SELECT COUNT(*) FROM audit WHERE action = '{action}'"
        ))
        .as_i64()
        .expect("count audit rows")
    }

    /// Number of accounts whose username starts with `prefix`.
    #[track_caller]
    pub fn count_accounts(&self, prefix: &str) -> i64 {
        let prefix = prefix.replace('\'', "''");
        self.sql_scalar(&format!(
            "SELECT COUNT(*) FROM account WHERE username LIKE '{prefix}' || '%'"
        ))
        .as_i64()
        .expect("count accounts")
    }
}
