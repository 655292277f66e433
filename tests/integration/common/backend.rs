//! Which store the suite runs against. By default each test gets a SQLite
//! file; with `KEYWARD_TEST_BACKEND=postgres` it gets a fresh database on
//! the server `KEYWARD_TEST_PG` names (a role with CREATEDB; its password
//! in `PGPASSFILE`, as `.ci/pg-cluster` writes them), dropped at the end.

use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::Value;

/// Whether this run of the suite is on PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var_os("KEYWARD_TEST_BACKEND").is_some_and(|v| v == "postgres")
}

/// Skip the rest of a test that is about SQLite files (paths, modes, WAL,
/// pages) when the suite runs on PostgreSQL, saying so.
#[macro_export]
macro_rules! sqlite_only {
    ($why:literal) => {
        if $crate::common::on_postgres() {
            eprintln!("not on PostgreSQL: {}", $why);
            return;
        }
    };
}

/// One test's database on the server.
pub struct PgDb {
    /// The URL keyward is given (no password: it reads PGPASSFILE).
    pub url: String,
    pub name: String,
}

fn base() -> String {
    std::env::var("KEYWARD_TEST_PG")
        .expect("KEYWARD_TEST_PG must name the test server when KEYWARD_TEST_BACKEND=postgres")
}

/// A client on `url`, with the password from PGPASSFILE.
pub fn pg_client(url: &str) -> postgres::Client {
    let mut config: postgres::Config = url.parse().expect("a valid KEYWARD_TEST_PG");
    if let Some(pw) = pgpass_password(config.get_user().unwrap_or_default()) {
        config.password(pw);
    }
    config
        .connect(postgres::NoTls)
        .unwrap_or_else(|e| panic!("connect to the test server {url}: {e}"))
}

/// The password of `user` in PGPASSFILE (the test cluster writes one line).
fn pgpass_password(user: &str) -> Option<String> {
    let text = std::fs::read_to_string(std::env::var_os("PGPASSFILE")?).ok()?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.splitn(5, ':').collect();
        (f.len() == 5 && (f[3] == user || f[3] == "*")).then(|| f[4].to_string())
    })
}

static NEXT: AtomicU32 = AtomicU32::new(0);

impl PgDb {
    pub fn create() -> PgDb {
        let name = format!(
            "kw_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = pg_client(&base());
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("CREATE DATABASE {name}"),
        ] {
            admin
                .batch_execute(&sql)
                .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
        }
        let url = match base().rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("KEYWARD_TEST_PG must end in /DATABASE"),
        };
        PgDb { url, name }
    }

    /// Rows of a query on this database, as JSON values (booleans as 0 and
    /// 1, as SQLite gives them, so one assertion serves both stores).
    pub fn sql(&self, query: &str) -> Vec<Vec<Value>> {
        use postgres::types::Type;
        let mut c = pg_client(&self.url);
        let rows = c
            .query(query, &[])
            .unwrap_or_else(|e| panic!("query {query:?}: {e:?}"));
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| match *r.columns()[i].type_() {
                        Type::BOOL => json(r.get::<_, Option<bool>>(i).map(i64::from)),
                        Type::INT8 => json(r.get::<_, Option<i64>>(i)),
                        Type::INT4 => json(r.get::<_, Option<i32>>(i)),
                        Type::INT2 => json(r.get::<_, Option<i16>>(i)),
                        Type::FLOAT8 => json(r.get::<_, Option<f64>>(i)),
                        _ => json(r.get::<_, Option<String>>(i)),
                    })
                    .collect()
            })
            .collect()
    }

    pub fn exec(&self, statements: &str) {
        pg_client(&self.url)
            .batch_execute(statements)
            .unwrap_or_else(|e| panic!("execute {statements:?}: {e:?}"));
    }
}

fn json<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let mut admin = pg_client(&base());
        let _ = admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

/// The advisory lock keyward's PostgreSQL write transactions take
/// (src/store/postgres/conn.rs: "keyward\0" as an i64).
pub const PG_WRITE_LOCK: i64 = 0x6b65_7977_6172_6400;

/// keyward's write lock, held by the test in an open transaction: SQLite's
/// `BEGIN IMMEDIATE`, or PostgreSQL's advisory lock. Statements run inside
/// that transaction, and [`Held::commit`] releases it.
// One per test, held briefly: boxing the larger variant buys nothing.
#[allow(clippy::large_enum_variant)]
pub enum Held {
    Sqlite(rusqlite::Connection),
    Postgres {
        client: postgres::Client,
        /// Another session, to look at who waits for the lock.
        watcher: postgres::Client,
    },
}

impl super::TestEnv {
    /// Take keyward's write lock, as a writer on another host would.
    pub fn hold_write_lock(&self) -> Held {
        match &self.pg {
            Some(pg) => {
                let mut client = pg_client(&pg.url);
                client
                    .batch_execute(&format!(
                        "BEGIN; SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})"
                    ))
                    .expect("take the write lock");
                Held::Postgres {
                    client,
                    watcher: pg_client(&pg.url),
                }
            }
            None => {
                let conn = self.conn();
                conn.execute_batch("BEGIN IMMEDIATE")
                    .expect("take the write lock");
                Held::Sqlite(conn)
            }
        }
    }
}

impl super::TestEnv {
    /// Whether some session holds keyward's write lock on the test database.
    pub fn pg_writer_active(&self) -> bool {
        let pg = self.pg.as_ref().expect("a PostgreSQL suite");
        pg.sql(&format!(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted \
             AND objid = {} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            PG_WRITE_LOCK & 0xffff_ffff
        ))[0][0]
            .as_i64()
            .is_some_and(|n| n > 0)
    }
}

impl Held {
    /// Run statements inside the held transaction.
    #[track_caller]
    pub fn exec(&mut self, sql: &str) {
        match self {
            Held::Sqlite(c) => c.execute_batch(sql),
            Held::Postgres { client, .. } => {
                return client
                    .batch_execute(sql)
                    .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
            }
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Wait until `n` other sessions are queued for the lock. On PostgreSQL
    /// this is proved from `pg_locks`; SQLite shows no waiters, so there the
    /// wait is a pause that only makes the queued path likely.
    #[track_caller]
    pub fn wait_for_waiters(&mut self, n: i64, pause: std::time::Duration) {
        match self {
            Held::Sqlite(_) => std::thread::sleep(pause),
            Held::Postgres { watcher, .. } => {
                for _ in 0..3000 {
                    let waiting: i64 = watcher
                        .query_one(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted \
                             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                            &[],
                        )
                        .and_then(|r| r.try_get(0))
                        .expect("read pg_locks");
                    if waiting >= n {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                panic!("{n} writers never queued for the write lock");
            }
        }
    }

    /// Commit and release the lock.
    pub fn commit(self) {
        match self {
            Held::Sqlite(c) => c.execute_batch("COMMIT").expect("commit"),
            Held::Postgres { mut client, .. } => client.batch_execute("COMMIT").expect("commit"),
        }
    }

    /// Roll back and release the lock.
    pub fn rollback(self) {
        match self {
            Held::Sqlite(c) => c.execute_batch("ROLLBACK").expect("rollback"),
            Held::Postgres { mut client, .. } => {
                client.batch_execute("ROLLBACK").expect("rollback")
            }
        }
    }
}
