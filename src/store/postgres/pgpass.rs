//! The password of a PostgreSQL store from a libpq password file
//! (`PGPASSFILE`, else `~/.pgpass`), never from argv (SPEC 11).
//!
//! The format is libpq's: one `hostname:port:database:username:password`
//! per line, `*` in any of the first four fields matches anything, `\`
//! escapes `:` and `\` (an unescaped `:` ends the password), lines starting
//! with `#` are comments, the first match wins.
//! As libpq does, a file that its group or others can read is ignored.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::domain::secret::Secret;

/// What a connection is looked up by.
pub struct Want<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// The fields of one line, unescaped; `None` for a comment, a blank line or
/// one without five fields.
fn fields(line: &str) -> Option<[String; 5]> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut out: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if out.len() < 5 => out.push(String::new()),
            // As libpq: the password ends at an unescaped `:`.
            ':' => break,
            c => out.last_mut()?.push(c),
        }
    }
    out.try_into().ok()
}

fn matches(pattern: &str, value: &str) -> bool {
    pattern == "*" || pattern == value
}

/// The password for `want` in the text of a password file.
pub fn lookup(text: &str, want: &Want<'_>) -> Option<Secret> {
    let port = want.port.to_string();
    text.lines()
        .filter_map(fields)
        .find(|[host, p, db, user, _]| {
            // libpq: "localhost" also matches a connection over a socket.
            (matches(host, want.host) || (host == "localhost" && want.host.starts_with('/')))
                && matches(p, &port)
                && matches(db, want.database)
                && matches(user, want.user)
        })
        .map(|[.., password]| Secret::new(password))
}

/// The password file libpq would read: `PGPASSFILE`, else `~/.pgpass`.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os("PGPASSFILE") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass")),
    }
}

/// The password for `want` from the password file, if the file exists, is
/// private (no group or other permission bits, as libpq requires) and has a
/// matching line.
pub fn find(want: &Want<'_>) -> Option<Secret> {
    let path = path()?;
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    lookup(&text, want)
}

/// Why [`find`] found nothing: the file it read, and the reason
/// (missing, readable by others, or no matching line).
pub fn why_not(want: &Want<'_>) -> (String, String) {
    let Some(path) = path() else {
        return (
            "~/.pgpass".into(),
            " (neither PGPASSFILE nor HOME is set)".into(),
        );
    };
    let shown = path.display().to_string();
    let why = match std::fs::metadata(&path) {
        Err(_) => " (the file does not exist)".to_string(),
        Ok(m) if !m.is_file() => " (it is not a file)".to_string(),
        Ok(m) if m.permissions().mode() & 0o077 != 0 => {
            " (the file is ignored: group or others can read it; chmod 600 it)".to_string()
        }
        Ok(_) => format!(
            " (no line matches {}:{}:{}:{})",
            want.host, want.port, want.database, want.user
        ),
    };
    (shown, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn want<'a>(host: &'a str, port: u16, database: &'a str, user: &'a str) -> Want<'a> {
        Want {
            host,
            port,
            database,
            user,
        }
    }

    fn pw(s: Option<Secret>) -> Option<String> {
        s.map(|s| s.expose().to_string())
    }

    #[test]
    fn the_first_matching_line_wins_and_stars_match_anything() {
        let text = "# comment\n\
                    db1.example:5432:keyward:kw:first\n\
                    *:5432:keyward:kw:second\n\
                    *:*:*:*:any\n";
        assert_eq!(
            pw(lookup(text, &want("db1.example", 5432, "keyward", "kw"))),
            Some("first".into())
        );
        assert_eq!(
            pw(lookup(text, &want("db2.example", 5432, "keyward", "kw"))),
            Some("second".into())
        );
        assert_eq!(
            pw(lookup(text, &want("db2.example", 6543, "other", "bob"))),
            Some("any".into())
        );
        assert_eq!(
            lookup(
                "db1:5432:keyward:kw:x\n",
                &want("db1", 5433, "keyward", "kw")
            )
            .map(|_| ()),
            None
        );
    }

    #[test]
    fn backslashes_escape_colons_and_themselves() {
        let text = r"h\:1:5432:d:u:pa\:ss\\word:tail";
        assert_eq!(
            pw(lookup(text, &want("h:1", 5432, "d", "u"))),
            Some(r"pa:ss\word".into())
        );
    }

    #[test]
    fn short_lines_blank_lines_and_comments_match_nothing() {
        let text = "\n#*:*:*:*:commented\nh:5432:d:u\n";
        assert_eq!(lookup(text, &want("h", 5432, "d", "u")).map(|_| ()), None);
    }

    #[test]
    fn localhost_also_matches_a_socket_directory() {
        assert_eq!(
            pw(lookup(
                "localhost:5432:d:u:sock\n",
                &want("/run/postgresql", 5432, "d", "u")
            )),
            Some("sock".into())
        );
    }
}
