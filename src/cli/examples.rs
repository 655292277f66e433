//! The EXAMPLES section of every man page: command lines and what they do.
//! A test parses each line with the real command-line definition, so an
//! example cannot name a flag or subcommand that does not exist.

/// One example: a shell line (the `keyward ...` part is what the test
/// parses; a `printf ... |` before it or a `> FILE` after it is shell) and
/// what it does.
pub type Example = (&'static str, &'static str);

/// The examples of the man page of `page` (e.g. `keyward-user-unlock`).
pub fn for_page(page: &str) -> &'static [Example] {
    match page {
        "keyward" => &[
            (
                "keyward init --admin root",
                "create the database and its first support account",
            ),
            (
                "keyward user add alice --facility DAL01",
                "an account, its temporary password shown once",
            ),
            (
                "keyward --as amy --as-password-file amy.pw user unlock bob",
                "act as amy, within her scope",
            ),
        ],
        "keyward-init" => &[
            (
                "keyward init --admin root",
                "create the default database; asks for the password twice",
            ),
            (
                "printf '%s\\n' \"$PW\" | keyward init --admin root --password-stdin",
                "from a script",
            ),
            (
                "keyward --db postgresql://keyward@db.example.org/keyward init --admin root",
                "the schema in an empty server database",
            ),
        ],
        "keyward-recover" => &[
            (
                "keyward recover root",
                "unlock a support account, new password shown once",
            ),
            (
                "printf '%s\\n' \"$PW\" | keyward recover root --password-stdin",
                "with a chosen password",
            ),
        ],
        "keyward-auth" => &[
            (
                "printf '%s\\n' \"$PW\" | keyward auth alice --password-stdin --json",
                "exit 0 ok, 3 failed, 4 locked, disabled or expired, 5 action required",
            ),
            (
                "printf '%s\\n%s\\n' \"$PW\" \"$CODE\" | keyward auth sam --password-stdin --code-stdin",
                "with the second factor",
            ),
        ],
        "keyward-login" => &[(
            "keyward login alice",
            "sign in; accept terms and change the password when required",
        )],
        "keyward-passwd" => &[
            ("keyward passwd alice", "change a password at the prompts"),
            (
                "printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | keyward passwd alice --password-stdin",
                "from a script",
            ),
        ],
        "keyward-forgot-password" => &[(
            "keyward forgot-password alice",
            "answer the security questions, then choose a new password",
        )],
        "keyward-facility-add" => &[(
            "keyward facility add DAL01 --name \"Dallas North\"",
            "a facility",
        )],
        "keyward-facility" => &[
            (
                "keyward facility add DAL01 --name \"Dallas North\"",
                "a facility",
            ),
            (
                "keyward facility list",
                "every facility and its number of accounts",
            ),
        ],
        "keyward-facility-list" => &[(
            "keyward facility list",
            "every facility and its number of accounts",
        )],
        "keyward-facility-show" => &[("keyward facility show DAL01", "one facility")],
        "keyward-facility-rename" => &[
            (
                "keyward facility rename DAL01 \"Dallas North Unit\"",
                "a new name",
            ),
            ("keyward facility rename DAL01 --code DAL02", "a new code"),
        ],
        "keyward-facility-remove" => &[(
            "keyward facility remove DAL01 --yes",
            "refused while accounts are assigned, unless --force",
        )],
        "keyward-user" | "keyward-user-add" => &[
            (
                "keyward user add alice --role supervisor --facility DAL01 --name \"Alice Park\"",
                "temporary password shown once",
            ),
            (
                "printf '%s\\n' \"$PW\" | keyward user add bob --facility DAL01,HOU02 --password-stdin",
                "a chosen password",
            ),
        ],
        "keyward-user-list" => &[
            (
                "keyward user list --facility DAL01 --status locked",
                "locked accounts of one facility",
            ),
            (
                "keyward user list --search smith --pending --twofa none --limit 20",
                "by name, with pending actions, without 2FA",
            ),
        ],
        "keyward-user-show" => &[("keyward --json user show alice", "one account as JSON")],
        "keyward-user-assign" => &[(
            "keyward user assign alice --facility HOU02",
            "add a facility",
        )],
        "keyward-user-unassign" => &[(
            "keyward user unassign alice --facility DAL01",
            "remove a facility",
        )],
        "keyward-user-set-role" => &[("keyward user set-role alice admin", "a new role")],
        "keyward-user-set-name" => &[
            (
                "keyward user set-name alice \"Alice Smith\"",
                "a display name",
            ),
            ("keyward user set-name alice \"\"", "clear it"),
        ],
        "keyward-user-set-expiry" => &[
            (
                "keyward user set-expiry alice 2027-06-30",
                "alice signs in through 30 June 2027 (UTC), then is expired",
            ),
            ("keyward user set-expiry alice never", "remove the expiry"),
        ],
        "keyward-user-rename" => &[(
            "keyward user rename alice alice.smith",
            "the same account under a new username",
        )],
        "keyward-user-disable" => &[("keyward user disable bob", "no sign-in until enabled")],
        "keyward-user-enable" => &[("keyward user enable bob", "sign-in allowed again")],
        "keyward-user-lock" => &[("keyward user lock bob", "an administrator's lock")],
        "keyward-user-unlock" => &[(
            "keyward user unlock bob",
            "lift the lock; terms and a new password are then required",
        )],
        "keyward-user-reset-failures" => &[(
            "keyward user reset-failures bob",
            "clear failures and their lock, force nothing",
        )],
        "keyward-user-reset-password" => &[
            (
                "keyward user reset-password bob",
                "a temporary password, shown once",
            ),
            (
                "printf '%s\\n' \"$PW\" | keyward user reset-password bob --password-stdin",
                "a chosen one",
            ),
        ],
        "keyward-user-remove" => &[("keyward user remove bob --yes", "remove for good")],
        "keyward-user-import" => &[
            (
                "keyward user import staff.csv --dry-run",
                "check every row, write nothing",
            ),
            (
                "keyward user import staff.csv --credentials-out creds.csv",
                "generated passwords to a new 0600 file",
            ),
            (
                "keyward user import --format json all.json --on-conflict update",
                "the JSON export reads back",
            ),
        ],
        "keyward-user-export" => &[
            (
                "keyward user export --facility DAL01 > dal01.csv",
                "no secrets, with status",
            ),
            (
                "keyward user export --format json > all.json",
                "account objects",
            ),
        ],
        "keyward-policy" | "keyward-policy-show" => {
            &[("keyward policy show", "every key and its value")]
        }
        "keyward-policy-set" => &[(
            "keyward policy set min-length=8 lockout-threshold=5",
            "change keys",
        )],
        "keyward-terms" | "keyward-terms-set" => &[(
            "keyward terms set --file terms.txt",
            "publish a new version",
        )],
        "keyward-terms-show" => &[("keyward terms show", "the current version")],
        "keyward-terms-list" => &[("keyward terms list", "every version")],
        "keyward-terms-accept" => &[(
            "printf '%s\\n' \"$PW\" | keyward terms accept alice --password-stdin",
            "accept the current version",
        )],
        "keyward-questions" | "keyward-questions-list" => {
            &[("keyward questions list", "the catalogue")]
        }
        "keyward-questions-set" => &[(
            "keyward questions set alice",
            "choose and answer them at the prompts",
        )],
        "keyward-questions-clear" => &[(
            "keyward questions clear alice",
            "remove the answers (an administrator)",
        )],
        "keyward-2fa" | "keyward-2fa-enroll" => &[
            (
                "keyward 2fa enroll sam",
                "QR code in the terminal, then a code from the app",
            ),
            (
                "keyward 2fa enroll sam --png qr.png",
                "also write the QR code to a new 0600 file",
            ),
        ],
        "keyward-2fa-confirm" => &[(
            "printf '%s\\n' \"$CODE\" | keyward 2fa confirm sam --code-stdin",
            "finish enrolment; backup codes shown once",
        )],
        "keyward-2fa-status" => &[(
            "keyward 2fa status sam",
            "enrolled or not, backup codes left",
        )],
        "keyward-2fa-backup-codes" => &[(
            "keyward 2fa backup-codes sam --regenerate",
            "ten new codes, the old ones void",
        )],
        "keyward-2fa-reset" => &[("keyward 2fa reset sam --yes", "remove the second factor")],
        "keyward-session" | "keyward-session-start" => &[
            (
                "keyward --as amy session start",
                "sign amy in once (password, then her code); later commands with --as amy run in the session without asking",
            ),
            (
                "keyward --as amy --as-password-file amy.pw --as-code-file - session start",
                "from a script, the code on stdin",
            ),
        ],
        "keyward-session-end" => &[(
            "keyward --as amy session end",
            "end amy's session on this store and remove its file",
        )],
        "keyward-session-list" => &[(
            "keyward --as root --json session list",
            "every open session, for a support account",
        )],
        "keyward-session-revoke" => &[(
            "keyward --as root session revoke amy",
            "end all of amy's sessions at once",
        )],
        "keyward-audit" | "keyward-audit-list" => &[(
            "keyward audit list --user bob --action signin --since 2026-11-01",
            "sign-in rows of one account",
        )],
        "keyward-audit-verify" => &[(
            "keyward audit verify",
            "check the hash chain; prints the head hash",
        )],
        "keyward-db" | "keyward-db-check" => &[(
            "keyward db check",
            "integrity, references and the audit chain",
        )],
        "keyward-db-backup" => &[(
            "keyward db backup /backups/keyward.db",
            "a consistent copy in a new 0600 file",
        )],
        "keyward-db-copy" => &[(
            "keyward db copy --to postgresql://keyward@db.example.org/keyward",
            "the whole store into an empty one",
        )],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::for_page;
    use crate::cli::Cli;

    /// The words of the `keyward ...` part of a line, quotes removed.
    fn words(line: &str) -> Vec<String> {
        let start = line.find("keyward ").expect("a keyward command");
        let cmd = line[start..].split(" > ").next().unwrap_or_default();
        let (mut out, mut word, mut quote) = (Vec::new(), String::new(), None);
        let mut pending = false;
        for c in cmd.chars() {
            match (quote, c) {
                (None, '"' | '\'') => (quote, pending) = (Some(c), true),
                (Some(q), c) if c == q => quote = None,
                (None, ' ') => {
                    if pending || !word.is_empty() {
                        out.push(std::mem::take(&mut word));
                    }
                    pending = false;
                }
                (_, c) => word.push(c),
            }
        }
        if pending || !word.is_empty() {
            out.push(word);
        }
        out
    }

    fn pages(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        let name = format!("{prefix}{}", cmd.get_name());
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            if sub.get_name() != "help" {
                pages(sub, &format!("{name}-"), out);
            }
        }
        out.push(name);
    }

    #[test]
    fn every_page_has_examples_that_parse() {
        let mut all = Vec::new();
        pages(&Cli::command(), "", &mut all);
        assert!(all.len() > 50, "{all:?}");
        for page in all {
            let examples = for_page(&page);
            assert!(!examples.is_empty(), "{page} has no examples");
            for (line, what) in examples {
                assert!(!what.is_empty(), "{page}: {line}");
                let args = words(line);
                if let Err(e) = Cli::try_parse_from(&args) {
                    panic!("{page}: `{line}` does not parse: {e}");
                }
                // The example runs the page's own command.
                let path: Vec<&str> = page.split('-').skip(1).collect();
                let joined = args.join(" ");
                let own = path.is_empty()
                    || path.iter().all(|p| args.iter().any(|a| a.contains(p)))
                    || joined.contains(&path.join(" "))
                    || joined.contains(&path.join("-"));
                assert!(own, "{page}: `{line}` runs another command");
            }
        }
    }
}
