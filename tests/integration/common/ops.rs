//! Operator and audit helpers, and the organisation of the scope tests.

use super::*;

/// A password every operator of the ops_* tests uses: meets the default
/// policy and contains none of their usernames.
pub const OP_PASSWORD: &str = "Op#pass42";

/// Does `text` name audit row `id` ("row 4", not "row 42")?
pub fn names_row(text: &str, id: i64) -> bool {
    let lower = text.to_lowercase();
    let needle = format!("row {id}");
    lower.match_indices(&needle).any(|(i, _)| {
        !lower[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

impl TestEnv {
    /// `user add NAME --role ROLE --facility F... --password-stdin`, then clears
    /// the pending actions: an account that signs in with `password` at once.
    #[track_caller]
    pub fn ready_account(&self, name: &str, role: &str, facilities: &[&str], password: &str) {
        self.add_user_with_password(name, role, facilities, password);
        self.clear_pending(&format!("username = '{name}'"));
    }

    /// Writes `password` and a newline to `op-NAME.pw` (mode 0600); returns the path.
    pub fn password_file(&self, name: &str, password: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let p = self.write_file(&format!("op-{name}.pw"), format!("{password}\n").as_bytes());
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the password file");
        p
    }

    /// A 0600 file holding `code` on one line, for `--as-code-file`.
    pub fn code_file(&self, name: &str, code: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let p = self.write_file(&format!("{name}.code"), format!("{code}\n").as_bytes());
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the code file");
        p
    }

    /// `keyward --as OP --as-password-file FILE ARGS` (empty stdin).
    pub fn run_as(&self, op: &str, password: &str, args: &[&str]) -> Output {
        let file = self.password_file(op, password);
        let file = file.to_str().expect("utf-8 path");
        let mut all = vec!["--as", op, "--as-password-file", file];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Every row of the audit table, all columns, oldest first, as JSON
    /// objects keyed by column name (`details` kept as stored text).
    #[track_caller]
    pub fn audit_rows(&self) -> Vec<Value> {
        let cols = self.columns("audit");
        self.sql(&format!(
            "SELECT {} FROM audit ORDER BY id",
            cols.iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into_iter()
        .map(|r| Value::Object(cols.iter().cloned().zip(r).collect()))
        .collect()
    }

    /// The highest audit row id (0 when the log is empty).
    #[track_caller]
    pub fn audit_head_id(&self) -> i64 {
        self.sql_scalar("SELECT COALESCE(MAX(id), 0) FROM audit")
            .as_i64()
            .expect("an integer id")
    }

    /// Audit rows with an id above `after`, oldest first.
    #[track_caller]
    pub fn audit_since(&self, after: i64) -> Vec<Value> {
        self.audit_rows()
            .into_iter()
            .filter(|r| r["id"].as_i64().unwrap_or(0) > after)
            .collect()
    }
}

impl TestEnv {
    /// The organisation of the scope tests, every account ready to sign in
    /// with [`OP_PASSWORD`]: facilities `A` and `B`; admins `amy` and `ann`
    /// in A; `alice` (user) and `sam` (supervisor) in A; `bob` (user) and
    /// `sue` (supervisor) in B; `carl` (user) in A and B; `root` (support).
    /// Each operator has signed in once, so that signing in again at the
    /// same clock changes no account row.
    #[track_caller]
    pub fn with_org() -> TestEnv {
        let env = TestEnv::with_db();
        env.facility("A");
        env.facility("B");
        for (name, role, facilities) in [
            ("amy", "admin", &["A"][..]),
            ("ann", "admin", &["A"][..]),
            ("alice", "user", &["A"][..]),
            ("sam", "supervisor", &["A"][..]),
            ("bob", "user", &["B"][..]),
            ("sue", "supervisor", &["B"][..]),
            ("carl", "user", &["A", "B"][..]),
        ] {
            env.ready_account(name, role, facilities, OP_PASSWORD);
        }
        for (op, pw) in [
            ("amy", OP_PASSWORD),
            ("ann", OP_PASSWORD),
            ("alice", OP_PASSWORD),
            ("sam", OP_PASSWORD),
            (ROOT, ROOT_PASSWORD),
        ] {
            let out = env.run_as(op, pw, &["policy", "show"]);
            assert_code(&out, 0);
        }
        env
    }
}
