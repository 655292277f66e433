//! The test environment: a temp folder, a database and a `keyward` command.

use super::*;

/// One test's world: a temp dir whose `data/keyward.db` is the database.
pub struct TestEnv {
    pub dir: TempDir,
    /// The test's database when the suite runs on PostgreSQL.
    pub pg: Option<PgDb>,
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl TestEnv {
    /// A fresh environment without a database.
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("keyward-test-")
            .tempdir()
            .expect("create temp dir");
        let pg = on_postgres().then(PgDb::create);
        Self { dir, pg }
    }

    /// A fresh environment whose store is a SQLite file whatever the suite
    /// runs on: where a backup of the store under test goes.
    pub fn sqlite() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("keyward-test-")
            .tempdir()
            .expect("create temp dir");
        Self { dir, pg: None }
    }

    /// A fresh environment with an initialised database (`root` / [`ROOT_PASSWORD`])
    /// and no terms: the default terms `init` publishes are removed, so that
    /// tests of other rules start from the seed's "no terms set" state and
    /// publish terms when they need them. [`Self::with_default_terms`] keeps them.
    pub fn with_db() -> Self {
        let env = Self::with_default_terms();
        env.exec("DELETE FROM terms_acceptance; DELETE FROM terms;");
        env
    }

    /// A fresh environment with the database exactly as `init` leaves it.
    pub fn with_default_terms() -> Self {
        let env = Self::new();
        env.init();
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `tempdir/data/keyward.db`; the `data` folder does not exist until `init`.
    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("data").join("keyward.db")
    }

    /// What `KEYWARD_DB` is set to: the file, or the test database's URL.
    pub fn db_location(&self) -> std::ffi::OsString {
        match &self.pg {
            Some(pg) => pg.url.clone().into(),
            None => self.db_path().into(),
        }
    }

    pub fn wal_path(&self) -> PathBuf {
        self.dir.path().join("data").join("keyward.db-wal")
    }

    /// `keyward` with `KEYWARD_DB` set, a fixed clock, `NO_COLOR`, no other
    /// `KEYWARD_*` variable, and `XDG_DATA_HOME` and `XDG_RUNTIME_DIR` inside
    /// the temp dir.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(bin());
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("KEYWARD_") {
                cmd.env_remove(&k);
            }
        }
        cmd.env("KEYWARD_DB", self.db_location())
            .env("KEYWARD_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            // Session token files (SPEC 12) stay inside the test too.
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .env_remove("CLICOLOR_FORCE")
            // Tables fit 80 columns unless a test sets COLUMNS.
            .env_remove("COLUMNS")
            .env_remove("FORCE_COLOR")
            .current_dir(self.dir.path())
            .timeout(Duration::from_secs(120));
        cmd
    }

    /// Runs `keyward ARGS` with an empty, closed stdin.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run keyward")
    }

    /// Runs `keyward ARGS` with `input` on stdin.
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Output {
        self.cmd()
            .args(args)
            .write_stdin(input.to_owned())
            .output()
            .expect("run keyward")
    }

    /// Runs `keyward --json ARGS`, asserts success and parses stdout.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert_code(&out, 0);
        parse_stdout(&out)
    }

    /// Like [`Self::json`] with `input` on stdin.
    #[track_caller]
    pub fn json_stdin(&self, args: &[&str], input: &str) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run_stdin(&all, input);
        assert_code(&out, 0);
        parse_stdout(&out)
    }

    /// `init --admin root --password-stdin` with [`ROOT_PASSWORD`].
    #[track_caller]
    pub fn init(&self) {
        let out = self.run_stdin(
            &["init", "--admin", ROOT, "--password-stdin"],
            &format!("{ROOT_PASSWORD}\n"),
        );
        assert_code(&out, 0);
    }

    /// `facility add CODE`.
    #[track_caller]
    pub fn facility(&self, code: &str) {
        let out = self.run(&["facility", "add", code]);
        assert_code(&out, 0);
    }

    fn user_add_args<'a>(name: &'a str, role: &'a str, facilities: &'a [&'a str]) -> Vec<&'a str> {
        let mut args = vec!["user", "add", name, "--role", role];
        for f in facilities {
            args.push("--facility");
            args.push(f);
        }
        args
    }

    /// `user add NAME --role ROLE --facility F...`; returns the temporary password.
    #[track_caller]
    pub fn add_user(&self, name: &str, role: &str, facilities: &[&str]) -> String {
        let v = self.json(&Self::user_add_args(name, role, facilities));
        v["temporary_password"]
            .as_str()
            .unwrap_or_else(|| panic!("user add --json gave no temporary_password: {v}"))
            .to_owned()
    }

    /// `user add ... --password-stdin` with a chosen password.
    #[track_caller]
    pub fn add_user_with_password(
        &self,
        name: &str,
        role: &str,
        facilities: &[&str],
        password: &str,
    ) -> Value {
        let mut args = Self::user_add_args(name, role, facilities);
        args.push("--password-stdin");
        self.json_stdin(&args, &format!("{password}\n"))
    }

    /// `user show NAME --json`.
    #[track_caller]
    pub fn user(&self, name: &str) -> Value {
        self.json(&["user", "show", name])
    }

    /// `user list --json` sorted by username.
    #[track_caller]
    pub fn users(&self) -> Vec<Value> {
        let v = self.json(&["user", "list"]);
        let mut list = v
            .as_array()
            .unwrap_or_else(|| panic!("user list --json is not an array: {v}"))
            .clone();
        list.sort_by(|a, b| a["username"].as_str().cmp(&b["username"].as_str()));
        list
    }

    /// Sorted usernames of `user list --json`.
    #[track_caller]
    pub fn usernames(&self) -> Vec<String> {
        self.users()
            .iter()
            .map(|u| u["username"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// `policy show --json`.
    #[track_caller]
    pub fn policy(&self) -> Value {
        self.json(&["policy", "show"])
    }

    /// `policy set PAIRS...`, asserting success.
    #[track_caller]
    pub fn set_policy(&self, pairs: &[&str]) {
        let mut args = vec!["policy", "set"];
        args.extend_from_slice(pairs);
        let out = self.run(&args);
        assert_code(&out, 0);
    }

    /// Opens the database directly.
    pub fn conn(&self) -> rusqlite::Connection {
        assert!(
            self.pg.is_none(),
            "this test reads the SQLite file directly; mark it sqlite_only!"
        );
        let conn = rusqlite::Connection::open(self.db_path()).expect("open database with rusqlite");
        conn.busy_timeout(Duration::from_secs(10))
            .expect("busy timeout");
        conn
    }

    /// Runs a query and returns every row as a list of JSON values.
    #[track_caller]
    pub fn sql(&self, query: &str) -> Vec<Vec<Value>> {
        if let Some(pg) = &self.pg {
            return pg.sql(query);
        }
        let conn = self.conn();
        let mut stmt = conn
            .prepare(query)
            .unwrap_or_else(|e| panic!("prepare {query:?}: {e}"));
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        let mut out = Vec::new();
        while let Some(row) = rows.next().expect("row") {
            let mut vals = Vec::with_capacity(n);
            for i in 0..n {
                vals.push(sql_value(row.get_ref(i).expect("column")));
            }
            out.push(vals);
        }
        out
    }

    /// The first column of the first row of a query.
    #[track_caller]
    pub fn sql_scalar(&self, query: &str) -> Value {
        self.sql(query)
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .unwrap_or_else(|| panic!("query returned nothing: {query:?}"))
    }

    /// Executes statements that change the database.
    #[track_caller]
    pub fn exec(&self, statements: &str) {
        if let Some(pg) = &self.pg {
            return pg.exec(statements);
        }
        self.conn()
            .execute_batch(statements)
            .unwrap_or_else(|e| panic!("execute {statements:?}: {e}"));
    }

    /// Names of the tables of the database.
    pub fn tables(&self) -> Vec<String> {
        if self.pg.is_some() {
            return self
                .sql("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
                .into_iter()
                .filter_map(|r| r.first().and_then(|v| v.as_str().map(str::to_owned)))
                .collect();
        }
        self.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .into_iter()
            .filter_map(|r| r.first().and_then(|v| v.as_str().map(str::to_owned)))
            .collect()
    }

    /// Column names of a table.
    pub fn columns(&self, table: &str) -> Vec<String> {
        let query = match self.pg {
            Some(_) => format!(
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
            ),
            None => format!("SELECT name FROM pragma_table_info('{table}')"),
        };
        self.sql(&query)
            .into_iter()
            .filter_map(|r| r.first().and_then(|v| v.as_str().map(str::to_owned)))
            .collect()
    }

    /// The table holding the accounts (the one with a `username` column,
    /// preferring `users` / `accounts`).
    pub fn users_table(&self) -> String {
        let with_username: Vec<String> = self
            .tables()
            .into_iter()
            .filter(|t| self.columns(t).iter().any(|c| c == "username"))
            .collect();
        for pref in ["users", "accounts", "account", "user"] {
            if with_username.iter().any(|t| t == pref) {
                return pref.to_owned();
            }
        }
        with_username
            .into_iter()
            .next()
            .expect("a table with a username column")
    }

    /// The store's schema version: SQLite's `user_version`, or the
    /// version in PostgreSQL's `keyward_meta`.
    pub fn schema_version(&self) -> i64 {
        let v = match self.pg {
            Some(_) => {
                self.sql_scalar("SELECT value FROM keyward_meta WHERE key = 'schema_version'")
            }
            None => self.sql_scalar("PRAGMA user_version"),
        };
        v.as_i64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            .expect("a schema version")
    }

    /// Undo schema version 7 (operator sessions), as a store written by
    /// the keyward before it would be: the next command must migrate it.
    pub fn downgrade_to_schema_6(&self) {
        match self.pg {
            Some(_) => self.exec(
                "DROP TABLE operator_session;
                 UPDATE keyward_meta SET value = '6' WHERE key = 'schema_version'",
            ),
            None => self.exec("DROP TABLE operator_session; PRAGMA user_version = 6;"),
        }
    }

    /// Undo schema versions 7 and 6 (account expiry), as a store written by
    /// the keyward before them would be: the next command must migrate it.
    pub fn downgrade_to_schema_5(&self) {
        self.downgrade_to_schema_6();
        match self.pg {
            Some(_) => self.exec(
                "ALTER TABLE account DROP COLUMN expires_at;
                 UPDATE keyward_meta SET value = '5' WHERE key = 'schema_version'",
            ),
            None => {
                self.exec("ALTER TABLE account DROP COLUMN expires_at; PRAGMA user_version = 5;")
            }
        }
    }

    /// Every row of every table except the audit log, as sorted text: two
    /// equal snapshots mean a command changed nothing.
    pub fn snapshot(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("user_version={}\n", self.schema_version()));
        for t in self.tables() {
            // keyward_meta is PostgreSQL's header: its version is above.
            if t.contains("audit") || t == "keyward_meta" {
                continue;
            }
            let mut rows: Vec<String> = self
                .sql(&format!("SELECT * FROM \"{t}\""))
                .into_iter()
                .map(|r| Value::from(r).to_string())
                .collect();
            rows.sort();
            out.push_str(&format!("== {t}\n"));
            for r in rows {
                out.push_str(&r);
                out.push('\n');
            }
        }
        out
    }

    /// Bytes of the database file and its -wal file (when present).
    pub fn file_bytes(&self) -> (Vec<u8>, Option<Vec<u8>>) {
        let db = std::fs::read(self.db_path()).expect("read database file");
        let wal = std::fs::read(self.wal_path()).ok();
        (db, wal)
    }

    /// The stored password hash of an account: the `$argon2...` text in the
    /// account's row, or else in a row of another table that refers to it.
    #[track_caller]
    pub fn password_hash(&self, username: &str) -> String {
        let users = self.users_table();
        let cols = self.columns(&users);
        for c in &cols {
            if c.contains("password") || c.contains("hash") {
                let v = self.sql_scalar(&format!(
                    "SELECT \"{c}\" FROM \"{users}\" WHERE username = '{username}'"
                ));
                if let Some(s) = v.as_str()
                    && s.starts_with("$argon2")
                {
                    return s.to_owned();
                }
            }
        }
        panic!("no password hash column found in {users} ({cols:?})")
    }

    /// Copies the account `template` `n` times with the usernames
    /// `{prefix}00001`...: many accounts without paying for Argon2 each time.
    #[track_caller]
    pub fn clone_user_rows(&self, template: &str, prefix: &str, n: usize) {
        let users = self.users_table();
        if self.pg.is_some() {
            let cols: Vec<String> = self
                .columns(&users)
                .into_iter()
                .filter(|c| c != "id")
                .collect();
            let exprs: Vec<String> = cols
                .iter()
                .map(|c| match c.as_str() {
                    "username" => format!("'{prefix}' || lpad(n.i::text, 5, '0')"),
                    c => format!("t.\"{c}\""),
                })
                .collect();
            let quoted: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
            self.exec(&format!(
                "INSERT INTO \"{users}\" ({}) SELECT {} FROM \"{users}\" AS t, generate_series(1, {n}) AS n(i) \
                 WHERE t.username = '{template}';",
                quoted.join(", "),
                exprs.join(", ")
            ));
            return;
        }
        let info = self.sql(&format!(
            "SELECT name, type, pk FROM pragma_table_info('{users}')"
        ));
        let mut cols = Vec::new();
        let mut exprs = Vec::new();
        for r in info {
            let name = r[0].as_str().unwrap_or_default().to_owned();
            let ty = r[1].as_str().unwrap_or_default().to_uppercase();
            let pk = r[2].as_i64().unwrap_or(0);
            if pk > 0 && ty.contains("INT") {
                continue; // rowid alias: let SQLite number the copies
            }
            let expr = if name == "username" {
                format!("'{prefix}' || printf('%05d', n.i)")
            } else {
                format!("t.\"{name}\"")
            };
            cols.push(format!("\"{name}\""));
            exprs.push(expr);
        }
        self.exec(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
             INSERT INTO \"{users}\" ({}) SELECT {} FROM \"{users}\" AS t, n WHERE t.username = '{template}';",
            cols.join(", "),
            exprs.join(", ")
        ));
    }
}

/// Every key of the policy with its default, as `policy show --json` prints it.
pub fn default_policy() -> Value {
    serde_json::json!({
        "min-length": 6,
        "max-length": 12,
        "require-letter": true,
        "require-digit": true,
        "require-special": true,
        "special-chars": "!@#$%^&*()",
        "history": 12,
        "lockout-threshold": 3,
        "lockout-minutes": 0,
        "reject-username": true,
        "max-age-days": 0,
        "totp-issuer": "keyward",
        "2fa-roles": "supervisor,admin,support",
        "require-operator": false,
        "session-minutes": 15,
    })
}

/// The account fields of SPEC 7 that scripts rely on.
pub const ACCOUNT_FIELDS: &[&str] = &[
    "username",
    "name",
    "role",
    "status",
    "facilities",
    "failed_attempts",
    "must_change_password",
    "terms_pending",
    "twofa_enrolled",
    "created_at",
    "last_sign_in_at",
    // SPEC 12
    "lock_reason",
    "locked_until",
    "questions_set",
];

/// Asserts that `v` is an account object with every SPEC 7 field, of the right type.
#[track_caller]
pub fn assert_account(v: &Value) {
    for f in ACCOUNT_FIELDS {
        assert!(v.get(*f).is_some(), "account object lacks {f:?}: {v}");
    }
    assert!(v["username"].is_string(), "username: {v}");
    assert!(v["name"].is_string() || v["name"].is_null(), "name: {v}");
    assert!(
        ["user", "supervisor", "admin", "support"].contains(&v["role"].as_str().unwrap_or("")),
        "role: {v}"
    );
    assert!(
        ["active", "locked", "disabled"].contains(&v["status"].as_str().unwrap_or("")),
        "status: {v}"
    );
    assert!(v["facilities"].is_array(), "facilities: {v}");
    assert!(v["failed_attempts"].is_u64(), "failed_attempts: {v}");
    assert!(
        v["must_change_password"].is_boolean(),
        "must_change_password: {v}"
    );
    assert!(v["terms_pending"].is_boolean(), "terms_pending: {v}");
    assert!(v["twofa_enrolled"].is_boolean(), "twofa_enrolled: {v}");
    assert!(v["questions_set"].is_boolean(), "questions_set: {v}");
    assert!(v["created_at"].is_string(), "created_at: {v}");
    assert!(
        v["last_sign_in_at"].is_string() || v["last_sign_in_at"].is_null(),
        "last_sign_in_at: {v}"
    );
}

/// Facility codes of an account object, sorted.
pub fn facilities_of(v: &Value) -> Vec<String> {
    let mut f: Vec<String> = v["facilities"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    f.sort();
    f
}
