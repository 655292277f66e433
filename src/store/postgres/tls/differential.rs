//! The TLS connector against the one it replaces (postgres-openssl over
//! openssl's `SslConnector`), on the test server (`KEYWARD_TEST_PG`, its CA
//! in `KEYWARD_TEST_PG_CA`, as `.ci/pg-cluster` sets them; its certificate
//! names `localhost` only). For every mode, host and root file, both must
//! connect or both must refuse; where they connect, SCRAM with channel
//! binding required proves the `tls-server-end-point` hash (the server
//! checks it), and both sessions are encrypted.

use std::path::{Path, PathBuf};

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use postgres::config::ChannelBinding;
use postgres_openssl::MakeTlsConnector;

use super::{Check, Tls};
use crate::store::postgres::pgpass;

/// The reference: the connector as store/postgres/mod.rs built it before.
fn reference(check: Check, root: Option<&Path>) -> MakeTlsConnector {
    let mut b = SslConnector::builder(SslMethod::tls_client()).expect("builder");
    if check == Check::Nothing {
        b.set_verify(SslVerifyMode::NONE);
    } else {
        if let Some(root) = root {
            b.set_ca_file(root).expect("CA file");
        }
        b.set_verify(SslVerifyMode::PEER);
    }
    let mut c = MakeTlsConnector::new(b.build());
    let full = check == Check::ChainAndHost;
    c.set_callback(move |config, _| {
        config.set_verify_hostname(full);
        Ok(())
    });
    c
}

/// Whether the session is encrypted, or why the connection failed.
fn outcome(r: Result<postgres::Client, postgres::Error>) -> Result<bool, String> {
    let mut client = r.map_err(|e| format!("{e:?}"))?;
    let row = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .map_err(|e| e.to_string())?;
    Ok(row.get(0))
}

#[test]
fn both_connectors_accept_and_refuse_the_same_servers() {
    let (Ok(url), Ok(ca)) = (
        std::env::var("KEYWARD_TEST_PG"),
        std::env::var("KEYWARD_TEST_PG_CA"),
    ) else {
        eprintln!("skipped: KEYWARD_TEST_PG and KEYWARD_TEST_PG_CA name no test server");
        return;
    };
    let ca = PathBuf::from(ca);
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/server_other_ca.pem");
    let base: postgres::Config = url.parse().expect("KEYWARD_TEST_PG");
    let port = base.get_ports().first().copied().unwrap_or(5432);
    let user = base.get_user().expect("a user").to_string();
    let db = base.get_dbname().unwrap_or("postgres").to_string();
    let cases: [(&str, Check, Option<&Path>, bool); 7] = [
        ("localhost", Check::ChainAndHost, Some(&ca), true),
        ("127.0.0.1", Check::ChainAndHost, Some(&ca), false),
        ("127.0.0.1", Check::Chain, Some(&ca), true),
        ("localhost", Check::Chain, Some(&other), false),
        ("localhost", Check::ChainAndHost, Some(&other), false),
        ("localhost", Check::ChainAndHost, None, false),
        ("127.0.0.1", Check::Nothing, None, true),
    ];
    for (host, check, root, connects) in cases {
        let want = pgpass::Want {
            host,
            port,
            database: &db,
            user: &user,
        };
        let secret = pgpass::find(&want).expect("the test role's password in PGPASSFILE");
        let mut config = postgres::Config::new();
        config
            .host(host)
            .port(port)
            .user(&user)
            .dbname(&db)
            .password(secret.expose())
            .ssl_mode(postgres::config::SslMode::Require)
            .channel_binding(ChannelBinding::Require);
        let ours = outcome(config.connect(Tls::new(check, root).expect("context")));
        let theirs = outcome(config.connect(reference(check, root)));
        let case = format!("{host} {check:?} {root:?}");
        assert_eq!(ours.is_ok(), connects, "{case}: ours {ours:?}");
        assert_eq!(theirs.is_ok(), connects, "{case}: reference {theirs:?}");
        if connects {
            assert_eq!(ours, Ok(true), "{case}: not encrypted");
            assert_eq!(theirs, Ok(true), "{case}");
        } else {
            let refused = |r: &Result<bool, String>| {
                r.as_ref()
                    .err()
                    .is_some_and(|e| e.contains("certificate verify failed"))
            };
            assert!(
                refused(&ours) && refused(&theirs),
                "{case}: {ours:?} / {theirs:?}"
            );
        }
    }
}
