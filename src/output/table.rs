//! Human tables (comfy-table). Scripts should use `--json` instead.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::view::{AccountView, FacilityView};

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t
}

fn or_dash(v: Option<&str>) -> String {
    v.unwrap_or("-").to_string()
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub fn accounts(items: &[AccountView]) -> Table {
    let mut t = table();
    t.set_header([
        "USERNAME",
        "NAME",
        "ROLE",
        "STATUS",
        "FACILITIES",
        "FAILED",
        "PENDING",
        "LAST SIGN-IN",
    ]);
    for a in items {
        t.add_row([
            a.username.clone(),
            or_dash(a.name.as_deref()),
            a.role.to_string(),
            a.status.to_string(),
            a.facilities.join(","),
            a.failed_attempts.to_string(),
            pending(a),
            or_dash(a.last_sign_in_at.as_deref()),
        ]);
    }
    t
}

fn pending(a: &AccountView) -> String {
    let mut p = Vec::new();
    if a.terms_pending {
        p.push("terms");
    }
    if a.must_change_password {
        p.push("password");
    }
    if p.is_empty() {
        "-".into()
    } else {
        p.join(",")
    }
}

/// One account as a two-column field/value table.
pub fn account(a: &AccountView) -> Table {
    let mut t = table();
    let lock = match (&a.locked_at, a.lock_reason, &a.locked_until) {
        (Some(at), Some(why), Some(until)) => format!("{why} since {at}, until {until}"),
        (Some(at), Some(why), None) => format!("{why} since {at}"),
        _ => "-".into(),
    };
    let rows: [(&str, String); 14] = [
        ("username", a.username.clone()),
        ("name", or_dash(a.name.as_deref())),
        ("role", a.role.to_string()),
        ("status", a.status.to_string()),
        ("lock", lock),
        (
            "facilities",
            if a.facilities.is_empty() {
                "-".into()
            } else {
                a.facilities.join(", ")
            },
        ),
        ("failed attempts", a.failed_attempts.to_string()),
        (
            "must change password",
            yes_no(a.must_change_password).into(),
        ),
        ("terms pending", yes_no(a.terms_pending).into()),
        (
            "two-factor",
            if a.twofa_enrolled {
                "enrolled"
            } else {
                "not enrolled"
            }
            .into(),
        ),
        (
            "security questions",
            if a.questions_set { "set" } else { "not set" }.into(),
        ),
        ("created", a.created_at.clone()),
        ("password changed", a.password_changed_at.clone()),
        ("last sign-in", or_dash(a.last_sign_in_at.as_deref())),
    ];
    for (k, v) in rows {
        t.add_row([k.to_string(), v]);
    }
    t
}

pub fn facilities(items: &[FacilityView]) -> Table {
    let mut t = table();
    t.set_header(["CODE", "NAME", "ACCOUNTS"]);
    for f in items {
        t.add_row([f.code.clone(), f.name.clone(), f.accounts.to_string()]);
    }
    t
}

/// Rows of (key, value, default) for `policy show`.
pub fn policy(rows: &[(&str, String, String, &str)]) -> Table {
    let mut t = table();
    t.set_header(["KEY", "VALUE", "DEFAULT", "MEANING"]);
    for (k, v, d, about) in rows {
        t.add_row([k.to_string(), v.clone(), d.clone(), about.to_string()]);
    }
    t
}

/// Any list with a header, for small listings (terms versions, questions).
pub fn rows<const N: usize>(header: &[&str], items: &[[String; N]]) -> Table {
    let mut t = table();
    t.set_header(header.to_vec());
    for row in items {
        t.add_row(row.to_vec());
    }
    t
}
