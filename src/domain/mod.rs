//! Pure rules of keyward: no I/O, no SQL, no clock. Time and randomness come in
//! as arguments so that every rule is testable without sleeping.

pub mod account;
pub mod audit;
pub mod backup_codes;
pub mod import;
pub mod names;
pub mod password;
pub mod policy;
pub mod questions;
pub mod scope;
pub mod secret;
pub mod session;
pub mod signin;
pub mod terms;
pub mod totp;
