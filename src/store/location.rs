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
    pub tls: Tls,
}

/// libpq's `sslmode`, of which the `postgres` crate's parser knows only
/// disable, prefer and require; keyward reads the two verifying modes itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    /// The server's certificate must chain to a trusted root.
    VerifyCa,
    /// As `VerifyCa`, and it must name the host connected to.
    VerifyFull,
}

/// How the connection is encrypted and the server recognised.
#[derive(Clone, Debug)]
pub struct Tls {
    pub mode: SslMode,
    /// `sslrootcert`: the trusted roots; else `~/.postgresql/root.crt`
    /// when it exists, else the system's.
    pub root: Option<PathBuf>,
}

impl SslMode {
    fn parse(raw: &str) -> Option<SslMode> {
        Some(match raw {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    /// What the `postgres` crate is told: whether TLS is tried and required.
    fn for_crate(self) -> postgres::config::SslMode {
        match self {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Allow | SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        }
    }
}

/// Take `sslmode` and `sslrootcert` out of the URI's query (the crate's
/// parser refuses verify-ca and verify-full and ignores sslrootcert).
fn split_tls(text: &str) -> Result<(String, Tls), Failure> {
    // libpq's environment, where the URI says nothing.
    let mut tls = Tls {
        mode: match std::env::var("PGSSLMODE") {
            Ok(v) if !v.is_empty() => SslMode::parse(&v).ok_or_else(|| {
                Failure::usage(format!(
                    "PGSSLMODE={v} is not a libpq sslmode; use disable, allow, prefer, require, verify-ca or verify-full"
                ))
            })?,
            _ => SslMode::Prefer,
        },
        root: std::env::var_os("PGSSLROOTCERT")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from),
    };
    let Some((base, query)) = text.split_once('?') else {
        return Ok((text.to_string(), tls));
    };
    let mut rest = Vec::new();
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("sslmode", v)) => {
                let v = percent_decode(v);
                tls.mode = SslMode::parse(&v).ok_or_else(|| {
                    Failure::usage(format!(
                        "sslmode={v} is not a libpq sslmode; use disable, allow, prefer, require, verify-ca or verify-full"
                    ))
                })?;
            }
            Some(("sslrootcert", v)) => tls.root = Some(PathBuf::from(percent_decode(v))),
            _ => rest.push(pair),
        }
    }
    let text = if rest.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", rest.join("&"))
    };
    Ok((text, tls))
}

/// `%XX` escapes of a URI query value (a path may hold them).
fn percent_decode(v: &str) -> String {
    percent_encoding::percent_decode_str(v)
        .decode_utf8_lossy()
        .into_owned()
}

/// What a user, host or database name must escape to be read back as the
/// same URI part, and to keep a message on one line: controls, space and
/// every delimiter of a URI.
const SHOWN: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'@')
    .add(b'[')
    .add(b']')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

fn escaped(part: &str) -> percent_encoding::PercentEncode<'_> {
    percent_encoding::utf8_percent_encode(part, SHOWN)
}

impl Server {
    /// The URI without any password, for messages: every TCP host with
    /// its port (IPv6 in brackets), socket folders as `?host=`.
    pub fn shown(&self) -> String {
        let c = &self.config;
        let user = c
            .get_user()
            .map(|u| format!("{}@", escaped(u)))
            .unwrap_or_default();
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
                Host::Tcp(h) => tcp.push(format!("{}{port}", escaped(h))),
                Host::Unix(p) => sockets.push(format!(
                    "host={}",
                    escaped(&p.to_string_lossy())
                        .to_string()
                        .replace("%2F", "/")
                )),
            }
        }
        let db = escaped(c.get_dbname().unwrap_or_default());
        let query = if sockets.is_empty() {
            String::new()
        } else {
            format!("?{}", sockets.join("&"))
        };
        format!("postgresql://{user}{}/{db}{query}", tcp.join(","))
    }
}

/// Whether `raw` names a PostgreSQL server rather than a file.
pub fn is_url(raw: &str) -> bool {
    raw.starts_with("postgres://") || raw.starts_with("postgresql://")
}

impl Location {
    /// Read `raw`; `from_argv` when it came from `--db` rather than the
    /// environment (a password there is a usage error, exit 2).
    pub fn parse(raw: PathBuf, from_argv: bool) -> Result<Location, Failure> {
        let Some(text) = raw.to_str().filter(|t| is_url(t)) else {
            return Ok(Location::File(raw));
        };
        let (text, tls) = split_tls(text)?;
        let mut config = postgres::Config::from_str(&text).map_err(|e| {
            // The parser's message never repeats the URI.
            Failure::usage(format!(
                "--db / KEYWARD_DB is not a valid PostgreSQL URI ({e}); write postgresql://USER@HOST:PORT/DATABASE"
            ))
        })?;
        config.ssl_mode(tls.mode.for_crate());
        let server = Box::new(Server { config, tls });
        if from_argv && server.config.get_password().is_some() {
            return Err(Failure::usage(format!(
                "{}: a password on the command line can be read by every user of this machine; \
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
            // A name with a delimiter or a line break is shown as the URI
            // that names it, on one line.
            (
                "postgresql://a%40b@h/x%0Ay%2Fz?host=/run/p%20g",
                "postgresql://a%40b@h:5432/x%0Ay%2Fz?host=/run/p%20g",
            ),
        ] {
            match parse(url, false) {
                Ok(Location::Server(s)) => assert_eq!(s.shown(), shown, "{url}"),
                _ => panic!("{url} is a server"),
            }
        }
    }

    #[test]
    fn the_verifying_sslmodes_and_the_root_are_read_by_keyward() {
        let url = "postgresql://kw@db.example/keyward?sslmode=verify-full&sslrootcert=/etc/ssl/my%20ca.pem&application_name=x";
        let Ok(Location::Server(s)) = parse(url, true) else {
            panic!("{url} is a server");
        };
        assert_eq!(s.tls.mode, SslMode::VerifyFull);
        assert_eq!(s.tls.root, Some(PathBuf::from("/etc/ssl/my ca.pem")));
        assert_eq!(s.config.get_ssl_mode(), postgres::config::SslMode::Require);
        assert_eq!(s.config.get_application_name(), Some("x"));
        let Ok(Location::Server(s)) = parse("postgresql://kw@h/d", true) else {
            panic!("a server");
        };
        assert_eq!(s.tls.mode, SslMode::Prefer, "libpq's default");
        let Err(e) = parse("postgresql://kw@h/d?sslmode=verify", true) else {
            panic!("an unknown sslmode must be refused");
        };
        assert_eq!(e.exit, crate::Exit::Usage);
        assert!(e.to_string().contains("verify-full"), "{e}");
    }

    #[test]
    fn a_malformed_uri_is_a_usage_error() {
        let Err(e) = parse("postgres://kw@db.example:notaport/keyward", false) else {
            panic!("a bad port must be refused");
        };
        assert_eq!(e.exit, crate::Exit::Usage);
    }
}
