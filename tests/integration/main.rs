//! The integration tests: one binary (as ripgrep does), one module per
//! area, each running the `keyward` binary as a black box through `common`.

#[macro_use]
mod common;

mod change_races;
mod code_input;
mod completion;
mod concurrency_crash;
mod export_db;
mod facility;
mod generated;
mod hash_upgrade;
mod import_bad_rows;
mod import_batches;
mod import_credentials;
mod import_modes;
mod import_roundtrip;
mod init;
mod interactive;
mod ops_audit;
mod ops_operator;
mod ops_scope;
mod output;
mod passwords;
mod policy;
mod questions_clear;
mod review_fixes;
mod second_factor_required;
mod server;
mod sessions;
mod sessions_end;
mod sessions_pty;
mod sessions_refused;
mod signin_auth;
mod signin_forgot_pty;
mod signin_login_pty;
mod signin_passwd;
mod signin_questions;
mod signin_races;
mod signin_terms;
mod store;
mod store_copy;
mod store_location;
mod twofa_enroll;
mod twofa_pty;
mod twofa_qr;
mod twofa_secrets;
mod twofa_signin;
mod user;
mod user_expiry;
mod user_list;
mod user_names;
mod user_reset_failures;
mod user_show;
