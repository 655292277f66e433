//! Human tables (comfy-table). Scripts should use `--json` instead.

use comfy_table::{
    ColumnConstraint, ContentArrangement, Table, Width, presets::UTF8_FULL_CONDENSED,
};

use super::view::{AccountView, FacilityView};

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    let width = width(t.width());
    t.set_width(width);
    t
}

/// The width a table must fit: the terminal's, else `COLUMNS` (as shells
/// set it), else 80.
fn width(terminal: Option<u16>) -> u16 {
    terminal
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|w| *w >= 20)
        .unwrap_or(80)
}

/// A table of `header` and `rows` that fits the width with no word broken:
/// while the longest words of the shown columns would not fit side by side,
/// the columns of `drop_first` are left out, in that order (as gh does on a
/// narrow terminal); what remains wraps between words.
fn grid(header: &[&str], rows: Vec<Vec<String>>, drop_first: &[usize]) -> Table {
    grid_with(header, rows, drop_first, None)
}

/// The narrowest a flexible column is planned at (see [`grid_with`]).
const FLEX_MIN: usize = 16;

/// As [`grid`], with one column (`flex`, e.g. audit details) that takes
/// what the others leave, at least [`FLEX_MIN`]: it wraps, and may split a
/// word longer than that, so that the others keep their words whole.
fn grid_with(
    header: &[&str],
    rows: Vec<Vec<String>>,
    drop_first: &[usize],
    flex: Option<usize>,
) -> Table {
    let mut t = table();
    let limit = usize::from(t.width().unwrap_or(80));
    let longest = |c: usize| {
        std::iter::once(header[c])
            .chain(rows.iter().map(|r| r[c].as_str()))
            .flat_map(str::split_whitespace)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let planned = |c: usize| {
        if flex == Some(c) {
            longest(c).min(FLEX_MIN)
        } else {
            longest(c)
        }
    };
    // Each column takes its text plus "│ " and " "; one more "│" ends a row.
    let need = |cols: &[usize]| cols.iter().map(|&c| planned(c) + 3).sum::<usize>() + 1;
    let mut shown: Vec<usize> = (0..header.len()).collect();
    for c in drop_first {
        if need(&shown) <= limit {
            break;
        }
        shown.retain(|s| s != c);
    }
    t.set_header(shown.iter().map(|&c| header[c]));
    for r in &rows {
        t.add_row(shown.iter().map(|&c| r[c].clone()));
    }
    // When the words fit side by side, no column narrower than its longest
    // word: the dynamic arrangement would otherwise give one column's room
    // to another and split a word that fits. When they cannot (a word
    // longer than the room left), comfy-table splits what it must.
    let fits = need(&shown) <= limit;
    for (i, &c) in shown
        .iter()
        .enumerate()
        .filter(|(_, c)| fits && flex != Some(**c))
    {
        let word = u16::try_from(longest(c) + 2).unwrap_or(u16::MAX);
        if let Some(column) = t.column_mut(i) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(word)));
        }
    }
    t
}

fn or_dash(v: Option<&str>) -> String {
    v.unwrap_or("-").to_string()
}

/// An expiry as people read it: the last day the account signs in, and
/// the instant it expires (`expires_at`, the next midnight UTC).
fn expires(at: Option<&str>) -> String {
    let Some(at) = at else {
        return "never".into();
    };
    match at.parse::<jiff::Timestamp>() {
        Ok(t) => {
            let last = (t - jiff::SignedDuration::from_secs(1))
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date();
            format!("after {last} (expired from {at})")
        }
        Err(_) => at.to_string(),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub fn accounts(items: &[AccountView]) -> Table {
    let header = [
        "USERNAME",
        "NAME",
        "ROLE",
        "STATUS",
        "FACILITIES",
        "FAILED",
        "PENDING",
        "LAST SIGN-IN",
    ];
    let rows = items
        .iter()
        .map(|a| {
            vec![
                a.username.clone(),
                or_dash(a.name.as_deref()),
                a.role.to_string(),
                a.status.to_string(),
                a.facilities.join(", "),
                a.failed_attempts.to_string(),
                pending(a),
                or_dash(a.last_sign_in_at.as_deref()),
            ]
        })
        .collect();
    // USERNAME, ROLE and STATUS stay.
    grid(&header, rows, &[7, 5, 6, 4, 1])
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
        p.join(", ")
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
    let rows: [(&str, String); 15] = [
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
        ("expires", expires(a.expires_at.as_deref())),
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
    let rows = items
        .iter()
        .map(|f| vec![f.code.clone(), f.name.clone(), f.accounts.to_string()])
        .collect();
    grid(&["CODE", "NAME", "ACCOUNTS"], rows, &[2])
}

/// Rows of (key, value, default, meaning) for `policy show`.
pub fn policy(rows: &[(&str, String, String, &str)]) -> Table {
    let rows = rows
        .iter()
        .map(|(k, v, d, about)| vec![k.to_string(), v.clone(), d.clone(), about.to_string()])
        .collect();
    grid(&["KEY", "VALUE", "DEFAULT", "MEANING"], rows, &[2, 3])
}

/// Any list with a header (terms versions, questions); the
/// columns of `drop_first` give way first on a narrow terminal.
pub fn rows<const N: usize>(header: &[&str], items: &[[String; N]], drop_first: &[usize]) -> Table {
    grid(
        header,
        items.iter().map(|r| r.to_vec()).collect(),
        drop_first,
    )
}

/// `audit list`: ID gives way first, then ACTOR; DETAILS takes the room
/// the others leave.
pub fn audit(items: &[[String; 6]]) -> Table {
    grid_with(
        &["ID", "TIME", "ACTOR", "ACTION", "TARGET", "DETAILS"],
        items.iter().map(|r| r.to_vec()).collect(),
        &[0, 2],
        Some(5),
    )
}

/// JSON on one line with a space after each `,` and `:`, so that a table
/// can wrap it between values instead of inside one.
pub fn spaced_json(v: &serde_json::Value) -> String {
    struct Spaced;
    impl serde_json::ser::Formatter for Spaced {
        fn begin_array_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            if first { Ok(()) } else { w.write_all(b", ") }
        }
        fn begin_object_key<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            if first { Ok(()) } else { w.write_all(b", ") }
        }
        fn begin_object_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
        ) -> std::io::Result<()> {
            w.write_all(b": ")
        }
    }
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Spaced);
    match serde::Serialize::serialize(v, &mut ser) {
        Ok(()) => String::from_utf8(out).unwrap_or_else(|_| v.to_string()),
        Err(_) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_json_reads_back_as_the_same_value() {
        let v = serde_json::json!({"a": [1, "x,y", {"b": null}], "c": "p:q"});
        let s = spaced_json(&v);
        assert_eq!(s, r#"{"a": [1, "x,y", {"b": null}], "c": "p:q"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).ok(), Some(v));
    }

    #[test]
    fn the_width_is_the_terminals_else_columns_else_80() {
        assert_eq!(width(Some(132)), 132);
        assert_eq!(width(Some(10)), 80);
    }
}
