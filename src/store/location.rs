//! Where the store is: a SQLite file, or a PostgreSQL server named by a
//! libpq URI (`postgres://` or `postgresql://`, SPEC 11). The URI is read by
//! the `postgres` crate's own parser; a password in it is accepted only
//! from the environment (`KEYWARD_DB`), never from argv, where every user of
//! the machine can read it in `ps`.

use std::path::PathBuf;
use std::str::FromStr;

use postgres::config::Host;

use crate::error::Failure;

/// A store's location, as `--db` or `KEYWARD_DB` names it.
pub enum Location {
    File(PathBuf),
    Server(Box<Server>),
}

/// A PostgreSQL server and database.
pub struct Server {
    pub config: postgres::Config,
}

impl Server {
    /// The URI without any password, for messages: every TCP host with
    /// its port (IPv6 in brackets), socket folders as `?host=`.
    pub fn shown(&self) -> String {
        let c = &self.config;
        let user = c.get_user().map(|u| format!("{u}@")).unwrap_or_default();
        let ports = c.get_ports();
        let mut tcp = Vec::new();
        let mut sockets = Vec::new();
        for (i, host) in c.get_hosts().iter().enumerate() {
            let port = ports
                .get(i)
                .or(ports.first())
                .map(|p| format!(":{p}"))
                .unwrap_or_default();
            match host {
                Host::Tcp(h) if h.contains(':') => tcp.push(format!("[{h}]{port}")),
                Host::Tcp(h) => tcp.push(format!("{h}{port}")),
                Host::Unix(p) => sockets.push(format!("host={}", p.display())),
            }
        }
        let db = c.get_dbname().unwrap_or_default();
        let query = if sockets.is_empty() {
            String::new()
        } else {
            format!("?{}", sockets.join("&"))
        };
        format!("postgresql://{user}{}/{db}{query}", tcp.join(","))
    }
}

fn is_url(raw: &str) -> bool {
    raw.starts_with("postgres://") || raw.starts_with("postgresql://")
}

impl Location {
    /// Read `raw`; `from_argv` when it came from `--db` rather than the
    /// environment (a password there is a usage error, exit 2).
    pub fn parse(raw: PathBuf, from_argv: bool) -> Result<Location, Failure> {
        let Some(text) = raw.to_str().filter(|t| is_url(t)) else {
            return Ok(Location::File(raw));
        };
        let config = postgres::Config::from_str(text).map_err(|e| {
            // The parser's message never repeats the URI.
            Failure::usage(format!(
                "--db / KEYWARD_DB is not a valid PostgreSQL URI ({e}); write postgresql://USER@HOST:PORT/DATABASE"
            ))
        })?;
        let server = Box::new(Server { config });
        if from_argv && server.config.get_password().is_some() {
            return Err(Failure::usage(format!(
                "--db {}: a password on the command line can be read by every user of this machine; \
                 put it in PGPASSFILE or ~/.pgpass (mode 0600), or in KEYWARD_DB in the environment",
                server.shown()
            )));
        }
        Ok(Location::Server(server))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str, from_argv: bool) -> Result<Location, Failure> {
        Location::parse(PathBuf::from(raw), from_argv)
    }

    #[test]
    fn paths_stay_paths_and_urls_become_servers() {
        assert!(matches!(
            parse("/var/lib/keyward.db", true),
            Ok(Location::File(_))
        ));
        assert!(matches!(parse("postgres.db", true), Ok(Location::File(_))));
        for url in [
            "postgres://kw@db.example:5433/keyward",
            "postgresql://kw@db.example/keyward?sslmode=require",
        ] {
            match parse(url, true) {
                Ok(Location::Server(s)) => {
                    assert!(
                        s.shown().starts_with("postgresql://kw@db.example"),
                        "{}",
                        s.shown()
                    );
                    assert!(s.shown().ends_with("/keyward"), "{}", s.shown());
                }
                _ => panic!("{url} is a server"),
            }
        }
    }

    #[test]
    fn a_password_on_argv_is_refused_without_being_repeated() {
        for url in [
            "postgres://kw:Hunter2pw@db.example/keyward",
            "postgresql://kw@db.example/keyward?password=Hunter2pw",
        ] {
            let Err(e) = parse(url, true) else {
                panic!("{url} must be refused from argv");
            };
            assert_eq!(e.exit, crate::Exit::Usage);
            assert!(!e.to_string().contains("Hunter2pw"), "{e}");
            assert!(e.to_string().contains("PGPASSFILE"), "{e}");
            assert!(
                matches!(parse(url, false), Ok(Location::Server(_))),
                "from the environment"
            );
        }
    }

    #[test]
    fn the_server_is_shown_as_it_was_meant() {
        for (url, shown) in [
            (
                "postgresql://u:pw@[::1]:5433/d",
                "postgresql://u@[::1]:5433/d",
            ),
            (
                "postgresql://u@h1:5432,h2:5433/d",
                "postgresql://u@h1:5432,h2:5433/d",
            ),
            (
                "postgresql://u@/db?host=/var/run/postgresql",
                "postgresql://u@/db?host=/var/run/postgresql",
            ),
        ] {
            match parse(url, false) {
                Ok(Location::Server(s)) => assert_eq!(s.shown(), shown, "{url}"),
                _ => panic!("{url} is a server"),
            }
        }
    }

    #[test]
    fn a_malformed_uri_is_a_usage_error() {
        let Err(e) = parse("postgres://kw@db.example:notaport/keyward", false) else {
            panic!("a bad port must be refused");
        };
        assert_eq!(e.exit, crate::Exit::Usage);
    }
}
