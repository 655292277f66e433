//! `--db` / `KEYWARD_DB` naming a PostgreSQL server (SPEC 11, issue 13):
//! a password never comes from argv.

use crate::common::*;

const WITH_PASSWORD: &str = "postgres://kw:Hunter2pw@db.example/keyward";

#[test]
fn a_db_url_with_a_password_on_the_command_line_is_a_usage_error() {
    let env = TestEnv::new();
    for args in [
        vec!["--db", WITH_PASSWORD, "user", "list"],
        vec!["--json", "user", "list", "--db", WITH_PASSWORD],
        vec!["--db", WITH_PASSWORD, "init", "--admin", "root"],
    ] {
        let out = env
            .cmd()
            .env_remove("KEYWARD_DB")
            .args(&args)
            .output()
            .expect("run keyward");
        assert_code(&out, 2);
        let err = stderr(&out);
        assert!(
            err.contains("PGPASSFILE") && err.contains("~/.pgpass"),
            "{err}"
        );
        assert!(
            !err.contains("Hunter2pw"),
            "the password is repeated: {err}"
        );
        assert!(!stdout(&out).contains("Hunter2pw"));
    }
    assert!(!env.db_path().exists(), "nothing was created");
}

#[test]
fn the_same_url_from_the_environment_is_not_a_usage_error() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("KEYWARD_DB", WITH_PASSWORD)
        .args(["user", "list"])
        .output()
        .expect("run keyward");
    let err = stderr(&out);
    assert_ne!(code(&out), 2, "{err}");
    assert!(!err.contains("Hunter2pw"), "{err}");
    assert!(
        err.contains("postgresql://kw@db.example"),
        "names the server: {err}"
    );
}
