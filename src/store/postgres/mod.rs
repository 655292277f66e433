//! The PostgreSQL store (`conn` runs its statements, `tls` encrypts, `pgpass`
//! finds its password). Connecting: credentials from the environment or a
//! libpq password file, the server's version, and the schema, which
//! `keyward_meta` marks as keyward's and versions like SQLite's
//! `user_version`. A database that is not keyward's, or whose schema is
//! newer than this binary, is refused before anything is written.

use std::time::Duration;

use postgres::config::Host;

mod conn;
mod pgpass;
mod tls;

pub(in crate::store) use conn::Pg;

use crate::store::location::{Server, SslMode};
use crate::store::{Backend, OpenError, Store, Tx};
use tls::{Check, Tls};

/// The oldest server keyward runs on (SPEC 11).
const OLDEST_SERVER: i64 = 130_000;

/// PostgreSQL migrations by the version each produces. The first is the
/// whole schema at version 5, the same content as SQLite's 0001-0005.
/// Never edit or remove a shipped migration.
const MIGRATIONS: &[(i64, &str)] = &[
    (5, include_str!("../migrations/pg_0005_schema.sql")),
    (6, include_str!("../migrations/pg_0006_expiry.sql")),
    (
        7,
        include_str!("../migrations/pg_0007_operator_session.sql"),
    ),
];

/// The schema version this binary writes, the same on both stores.
const SCHEMA_VERSION: i64 = crate::store::sqlite::SCHEMA_VERSION;

/// What the database holds, read without changing it.
enum Found {
    Empty,
    Foreign,
    Keyward(i64),
}

impl Store {
    /// Open the keyward store on a server; never creates one.
    pub fn open_server(server: &Server) -> Result<Store, OpenError> {
        let pg = connect(server)?;
        let shown = server.shown();
        match found(&pg, &shown)? {
            Found::Empty => return Err(OpenError::NoServerStore(shown)),
            Found::Foreign => return Err(OpenError::ServerForeign(shown)),
            Found::Keyward(v) if v > SCHEMA_VERSION => {
                return Err(OpenError::ServerTooNew { shown, found: v });
            }
            Found::Keyward(v) if v < SCHEMA_VERSION => migrate(&pg, &shown)?,
            Found::Keyward(_) => {}
        }
        Ok(Store {
            backend: Backend::Postgres {
                pg: Box::new(pg),
                shown,
            },
        })
    }

    /// The store on `server` when it is keyward's at this binary's schema
    /// version; anything else is `None`. Nothing is migrated, so no lock
    /// is taken (shell completion).
    pub(in crate::store) fn peek_server(server: &Server) -> Option<Store> {
        let pg = connect(server).ok()?;
        let shown = server.shown();
        match found(&pg, &shown).ok()? {
            Found::Keyward(v) if v == SCHEMA_VERSION => Some(Store {
                backend: Backend::Postgres {
                    pg: Box::new(pg),
                    shown,
                },
            }),
            _ => None,
        }
    }

    /// Create the keyward store in an empty database on a server, with
    /// `seed` in the same transaction: a failure leaves the database empty.
    pub fn create_server<E>(
        server: &Server,
        seed: impl FnOnce(Tx<'_>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<OpenError> + From<crate::store::Error>,
    {
        create_in(server, true, seed)
    }

    /// As [`Store::create_server`] for a copy (`db copy --to`), which
    /// already holds its source's write lock: it does not wait for the
    /// destination's lock, which is the same one when both stores share a
    /// database, and would wait for ever.
    pub fn create_server_copy<E>(
        server: &Server,
        seed: impl FnOnce(Tx<'_>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<OpenError> + From<crate::store::Error>,
    {
        create_in(server, false, seed)
    }

    /// Refuse early when the database already holds tables (create checks
    /// again under the write lock).
    pub fn refuse_existing_server(server: &Server) -> Result<(), OpenError> {
        let pg = connect(server)?;
        let shown = server.shown();
        match found(&pg, &shown)? {
            Found::Empty => Ok(()),
            Found::Foreign => Err(OpenError::ServerNotEmpty(shown)),
            Found::Keyward(_) => Err(OpenError::ServerExists(shown)),
        }
    }
}

fn create_in<E>(
    server: &Server,
    wait: bool,
    seed: impl FnOnce(Tx<'_>) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<OpenError> + From<crate::store::Error>,
{
    {
        let pg = connect(server)?;
        let shown = server.shown();
        if wait {
            pg.begin_write().map_err(|e| cause(&shown, e))?;
        } else if !pg.begin_write_now().map_err(|e| cause(&shown, e))? {
            return Err(OpenError::ServerBusy(shown).into());
        }
        let made = (|| {
            // Read again under the write lock: two `init`s cannot both create.
            match found(&pg, &shown)? {
                Found::Empty => {}
                Found::Foreign => return Err(OpenError::ServerNotEmpty(shown.clone()).into()),
                Found::Keyward(_) => return Err(OpenError::ServerExists(shown.clone()).into()),
            }
            apply(&pg, &shown, 0)?;
            seed(Tx::postgres(&pg))
        })();
        match made {
            Ok(()) => pg.commit().map_err(|e| cause(&shown, e).into()),
            Err(e) => {
                let _ = pg.rollback();
                Err(e)
            }
        }
    }
}

fn cause(shown: &str, cause: crate::store::Error) -> OpenError {
    OpenError::Server {
        shown: shown.to_string(),
        cause,
    }
}

/// Connect with the configured settings, filling in what libpq would:
/// the user, the database, the host and the password.
fn connect(server: &Server) -> Result<Pg, OpenError> {
    let shown = server.shown();
    let mut config = server.config.clone();
    if config.get_user().is_none() {
        let user = std::env::var("PGUSER")
            .ok()
            .or_else(os_user)
            .unwrap_or_default();
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let db = std::env::var("PGDATABASE")
            .ok()
            .or_else(|| config.get_user().map(str::to_string))
            .unwrap_or_default();
        config.dbname(&db);
    }
    if config.get_hosts().is_empty() {
        match std::env::var("PGHOST") {
            Ok(h) if h.starts_with('/') => config.host_path(h),
            Ok(h) if !h.is_empty() => config.host(&h),
            _ => config.host_path("/var/run/postgresql"),
        };
    }
    if config.get_ports().is_empty()
        && let Some(port) = std::env::var("PGPORT").ok().and_then(|p| p.parse().ok())
    {
        config.port(port);
    }
    // A writer waits for the write lock as long as one waits on SQLite's
    // busy timeout, then gives up; a dead peer is noticed within minutes.
    config.options(&format!(
        "-c lock_timeout={}s {}",
        crate::store::sqlite::BUSY_TIMEOUT.as_secs(),
        config.get_options().unwrap_or_default()
    ));
    config.keepalives_idle(Duration::from_secs(60));
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    let mut missing_password = None;
    if config.get_password().is_none() {
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            _ => "localhost".to_string(),
        };
        let want = pgpass::Want {
            host: &host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            database: config.get_dbname().unwrap_or_default(),
            user: config.get_user().unwrap_or_default(),
        };
        match pgpass::find(&want) {
            Some(secret) => {
                config.password(secret.expose());
            }
            None => missing_password = Some(pgpass::why_not(&want)),
        }
    }
    if config.get_application_name().is_none() {
        config.application_name("keyward");
    }
    let client = match server.tls.mode {
        SslMode::Disable => config.connect(postgres::NoTls),
        _ => config.connect(tls_connector(server, &shown)?),
    }
    .map_err(|e| match missing_password {
        // The server asked for a password keyward did not have.
        Some((file, why)) if chain_mentions(&e, "password missing") => OpenError::NoPassword {
            shown: shown.clone(),
            user: config.get_user().unwrap_or_default().to_string(),
            file,
            why,
        },
        _ => connect_error(&shown, e),
    })?;
    let pg = Pg::new(client, shown.clone());
    let version: String = Tx::postgres(&pg)
        .one("SHOW server_version_num", crate::store::sql::args![], |r| {
            r.get(0)
        })
        .map_err(|e| cause(&shown, e))?;
    let number: i64 = version.trim().parse().unwrap_or(0);
    if number < OLDEST_SERVER {
        return Err(OpenError::ServerTooOld {
            shown,
            version: number,
        });
    }
    let encoding: String = Tx::postgres(&pg)
        .one("SHOW server_encoding", crate::store::sql::args![], |r| {
            r.get(0)
        })
        .map_err(|e| cause(&shown, e))?;
    if encoding != "UTF8" {
        return Err(OpenError::ServerEncoding { shown, encoding });
    }
    Ok(pg)
}

/// TLS as libpq's `sslmode` asks: verify-ca and verify-full check the
/// certificate against `sslrootcert` (else `~/.postgresql/root.crt`, else
/// the system's roots; `sslrootcert=system`: the system's roots, with
/// verify-full only, as libpq 16), verify-full also the host name. prefer
/// encrypts without checking who answers; so does require, unless a root
/// file is named or `~/.postgresql/root.crt` exists: then it checks the
/// chain as verify-ca, as libpq does.
fn tls_connector(server: &Server, shown: &str) -> Result<Tls, OpenError> {
    let failed = |cause: String| OpenError::Tls {
        shown: shown.to_string(),
        cause,
    };
    let named = server.tls.root.clone();
    let system = named.as_deref() == Some(std::path::Path::new("system"));
    if system && server.tls.mode != SslMode::VerifyFull {
        return Err(failed(
            "sslrootcert=system trusts every public CA, so it needs sslmode=verify-full".into(),
        ));
    }
    let default_root = std::env::var_os("HOME")
        .map(|h| std::path::Path::new(&h).join(".postgresql/root.crt"))
        .filter(|p| p.exists());
    let root = if system { None } else { named.or(default_root) };
    let check = match server.tls.mode {
        SslMode::VerifyFull => Check::ChainAndHost,
        SslMode::VerifyCa => Check::Chain,
        SslMode::Require if root.is_some() => Check::Chain,
        _ => Check::Nothing,
    };
    let root = root.filter(|_| check != Check::Nothing);
    if let Some(root) = &root
        && !root.is_file()
    {
        return Err(failed(format!(
            "sslrootcert {} is not a readable file",
            root.display()
        )));
    }
    Tls::new(check, root.as_deref()).map_err(|e| OpenError::Tls {
        shown: shown.to_string(),
        cause: match &root {
            Some(root) => format!("reading sslrootcert {}: {e}", root.display()),
            None => format!("TLS setup: {e}"),
        },
    })
}

fn os_user() -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map(|u| u.name)
}

/// A failed connection, told apart by what the person can fix.
fn connect_error(shown: &str, e: postgres::Error) -> OpenError {
    let shown = shown.to_string();
    match e.code().map(|c| c.code()) {
        // invalid_password, invalid_authorization_specification
        Some("28P01") | Some("28000") => OpenError::ServerCredentials(shown),
        // invalid_catalog_name: the database does not exist
        Some("3D000") => OpenError::NoServerDatabase(shown),
        _ if chain_mentions(&e, "certificate verify failed") => OpenError::Tls {
            shown,
            cause: "the server's certificate was not accepted: it is not signed by a root in \
                    sslrootcert, or (verify-full) it does not name this host"
                .to_string(),
        },
        _ => OpenError::Unreachable {
            shown,
            cause: e.to_string(),
        },
    }
}

fn chain_mentions(e: &dyn std::error::Error, what: &str) -> bool {
    let mut cause: Option<&dyn std::error::Error> = Some(e);
    while let Some(c) = cause {
        if c.to_string().contains(what) {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Whether the database is empty, keyward's (at which version) or not.
fn found(pg: &Pg, shown: &str) -> Result<Found, OpenError> {
    let tx = Tx::postgres(pg);
    let args = crate::store::sql::args![];
    let meta: bool = tx
        .one(
            "SELECT to_regclass('keyward_meta') IS NOT NULL",
            args,
            |r| r.get(0),
        )
        .map_err(|e| cause(shown, e))?;
    if !meta {
        let tables: i64 = tx
            .one(
                "SELECT (SELECT count(*) FROM pg_catalog.pg_class c
                    WHERE c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()))
                 + (SELECT count(*) FROM pg_catalog.pg_proc p
                    WHERE p.pronamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()))",
                args,
                |r| r.get(0),
            )
            .map_err(|e| cause(shown, e))?;
        return Ok(if tables == 0 {
            Found::Empty
        } else {
            Found::Foreign
        });
    }
    let pairs: Vec<(String, String)> = tx
        .all("SELECT key, value FROM keyward_meta", args, |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(|e| cause(shown, e))?;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    match (
        get("application"),
        get("schema_version").map(str::parse::<i64>),
    ) {
        // Version 5 is the first on PostgreSQL: anything lower is not ours.
        (Some("keyward"), Some(Ok(v))) if v >= 5 => Ok(Found::Keyward(v)),
        _ => Ok(Found::Foreign),
    }
}

/// Apply the migrations after `from` (inside the caller's transaction).
fn apply(pg: &Pg, shown: &str, from: i64) -> Result<(), OpenError> {
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > from) {
        pg.batch(sql).map_err(|e| cause(shown, e))?;
        pg.execute(
            "UPDATE keyward_meta SET value = ?1 WHERE key = 'schema_version'",
            &[&version.to_string()],
        )
        .map_err(|e| cause(shown, e))?;
    }
    Ok(())
}

/// Bring an older keyward schema up to this binary's, once, under the
/// write lock (concurrent openers wait and then find nothing to do).
fn migrate(pg: &Pg, shown: &str) -> Result<(), OpenError> {
    pg.begin_write().map_err(|e| cause(shown, e))?;
    let done = match found(pg, shown) {
        Ok(Found::Keyward(v)) if v < SCHEMA_VERSION => apply(pg, shown, v),
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    };
    match done {
        Ok(()) => pg.commit().map_err(|e| cause(shown, e)),
        Err(e) => {
            let _ = pg.rollback();
            Err(e)
        }
    }
}
