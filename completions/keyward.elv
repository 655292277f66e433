
use builtin;
use str;

set edit:completion:arg-completer[keyward] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'keyward'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'keyward'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the database and its first support account'
            cand facility 'Manage facilities (sites that accounts belong to)'
            cand user 'Manage accounts'
            cand policy 'Show or change the password and lockout policy'
            cand login 'Sign in interactively: password, then any required action (terms, new password)'
            cand auth 'Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)'
            cand passwd 'Change an account''s own password (current password, then the new one)'
            cand terms 'Publish, show and accept the terms of use'
            cand questions 'Security questions used by forgot-password'
            cand 2fa 'Two-factor authentication: enrol an authenticator app, backup codes'
            cand session 'Operator sessions: sign in once with --as, then run commands without the password'
            cand audit 'Read and verify the tamper-evident audit log'
            cand db 'Back up the database and check its integrity'
            cand forgot-password 'Reset a forgotten password by answering the account''s security questions (needs a terminal)'
            cand recover 'Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)'
            cand generate-assets 'Write completions and man pages generated from these definitions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;init'= {
            cand --admin 'Username of the first account (role support)'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read the password from the first line of stdin instead of prompting'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;facility'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a facility'
            cand list 'List facilities with how many accounts each has'
            cand show 'Show one facility'
            cand rename 'Change a facility''s display name or code'
            cand remove 'Remove a facility (refused while accounts are assigned, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;facility;add'= {
            cand --name 'Display name [default: the code]'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;facility;list'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;facility;show'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;facility;rename'= {
            cand --name 'New display name'
            cand --code 'New code (accounts keep their assignment)'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;facility;remove'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --force 'Unassign its accounts first (the accounts are kept)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;facility;help'= {
            cand add 'Add a facility'
            cand list 'List facilities with how many accounts each has'
            cand show 'Show one facility'
            cand rename 'Change a facility''s display name or code'
            cand remove 'Remove a facility (refused while accounts are assigned, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;facility;help;add'= {
        }
        &'keyward;facility;help;list'= {
        }
        &'keyward;facility;help;show'= {
        }
        &'keyward;facility;help;rename'= {
        }
        &'keyward;facility;help;remove'= {
        }
        &'keyward;facility;help;help'= {
        }
        &'keyward;user'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Create an account; without --password-stdin a temporary password is generated and shown once'
            cand list 'List accounts'
            cand show 'Show one account'
            cand assign 'Add facilities to an account'
            cand unassign 'Remove facilities from an account'
            cand set-name 'Set or clear (with "") an account''s display name'
            cand set-expiry 'Set the last day (UTC) an account may sign in, or remove it with `never`'
            cand rename 'Give an account a new username; its password, facilities, 2FA and history follow it'
            cand set-role 'Change an account''s role'
            cand disable 'Disable an account: it cannot sign in until enabled'
            cand enable 'Enable a disabled account'
            cand lock 'Lock an account (reason: admin) until it is unlocked'
            cand unlock 'Clear the lock and failure count; the account must accept the terms and change its password'
            cand reset-failures 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator''s lock stays)'
            cand reset-password 'Set a new temporary password (shown once) that must be changed at the next sign-in'
            cand remove 'Remove an account for good'
            cand import 'Create (or update) many accounts from a CSV file, all or nothing'
            cand export 'Write accounts as CSV or JSON that `user import` reads back; no secrets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;user;add'= {
            cand --role 'Role of the account'
            cand --facility 'Facility code; repeat or separate with commas'
            cand --name 'Display name'
            cand --expires 'The last day (UTC) the account may sign in; after it the account is expired'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;list'= {
            cand --facility 'Only accounts assigned to this facility'
            cand --role 'Only accounts with this role'
            cand --status 'Only accounts with this status'
            cand --search 'Only accounts whose username or display name contains TEXT (any case)'
            cand --twofa 'Only accounts with (enrolled) or without (none) two-factor authentication'
            cand --limit 'At most N accounts, the first by username'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --pending 'Only accounts with terms to accept or a password to change'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;show'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;assign'= {
            cand --facility 'Facility code; repeat or separate with commas'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;unassign'= {
            cand --facility 'Facility code; repeat or separate with commas'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;set-name'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;set-expiry'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;rename'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;set-role'= {
            cand --role 'New role (same as the positional ROLE)'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;disable'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;enable'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;lock'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;unlock'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;reset-failures'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;reset-password'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read the new password from the first line of stdin instead of generating one'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;remove'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;import'= {
            cand --format 'What the file is written in'
            cand --on-conflict 'What to do with a username that already has an account'
            cand --credentials-out 'Write generated passwords to this new file (mode 0600; never overwritten)'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --dry-run 'Check the file and report what would happen, without writing or hashing'
            cand --create-facilities 'Create facilities that do not exist yet (named after their code)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;export'= {
            cand --facility 'Only accounts assigned to this facility'
            cand --format 'Output format [default: csv, or json with --json]'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;user;help'= {
            cand add 'Create an account; without --password-stdin a temporary password is generated and shown once'
            cand list 'List accounts'
            cand show 'Show one account'
            cand assign 'Add facilities to an account'
            cand unassign 'Remove facilities from an account'
            cand set-name 'Set or clear (with "") an account''s display name'
            cand set-expiry 'Set the last day (UTC) an account may sign in, or remove it with `never`'
            cand rename 'Give an account a new username; its password, facilities, 2FA and history follow it'
            cand set-role 'Change an account''s role'
            cand disable 'Disable an account: it cannot sign in until enabled'
            cand enable 'Enable a disabled account'
            cand lock 'Lock an account (reason: admin) until it is unlocked'
            cand unlock 'Clear the lock and failure count; the account must accept the terms and change its password'
            cand reset-failures 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator''s lock stays)'
            cand reset-password 'Set a new temporary password (shown once) that must be changed at the next sign-in'
            cand remove 'Remove an account for good'
            cand import 'Create (or update) many accounts from a CSV file, all or nothing'
            cand export 'Write accounts as CSV or JSON that `user import` reads back; no secrets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;user;help;add'= {
        }
        &'keyward;user;help;list'= {
        }
        &'keyward;user;help;show'= {
        }
        &'keyward;user;help;assign'= {
        }
        &'keyward;user;help;unassign'= {
        }
        &'keyward;user;help;set-name'= {
        }
        &'keyward;user;help;set-expiry'= {
        }
        &'keyward;user;help;rename'= {
        }
        &'keyward;user;help;set-role'= {
        }
        &'keyward;user;help;disable'= {
        }
        &'keyward;user;help;enable'= {
        }
        &'keyward;user;help;lock'= {
        }
        &'keyward;user;help;unlock'= {
        }
        &'keyward;user;help;reset-failures'= {
        }
        &'keyward;user;help;reset-password'= {
        }
        &'keyward;user;help;remove'= {
        }
        &'keyward;user;help;import'= {
        }
        &'keyward;user;help;export'= {
        }
        &'keyward;user;help;help'= {
        }
        &'keyward;policy'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show every policy key with its value and default'
            cand set 'Change policy keys; all are validated first, then written together'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;policy;show'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;policy;set'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;policy;help'= {
            cand show 'Show every policy key with its value and default'
            cand set 'Change policy keys; all are validated first, then written together'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;policy;help;show'= {
        }
        &'keyward;policy;help;set'= {
        }
        &'keyward;policy;help;help'= {
        }
        &'keyward;login'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;auth'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read the password from the first line of stdin (required)'
            cand --code-stdin 'Read the second-factor code (TOTP or backup code) of an enrolled account from the line after the password'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;passwd'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read two lines from stdin: the current password, then the new one'
            cand --code-stdin 'Also read the second-factor code (TOTP or backup code) from stdin, on the line after the current password'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;terms'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Publish a new version of the terms from a UTF-8 text file; every account must accept it'
            cand show 'Print the newest terms (or one version)'
            cand list 'List every version with its SHA-256 and how many accounts accepted it'
            cand accept 'Accept the newest terms for an account, authenticated by its password on stdin'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;terms;set'= {
            cand --file 'The terms text'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;terms;show'= {
            cand --version 'Version to show (same as the positional VERSION)'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'keyward;terms;list'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;terms;accept'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read the account''s password from the first line of stdin'
            cand --code-stdin 'Read the second-factor code (TOTP or backup code) from the line after the password'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;terms;help'= {
            cand set 'Publish a new version of the terms from a UTF-8 text file; every account must accept it'
            cand show 'Print the newest terms (or one version)'
            cand list 'List every version with its SHA-256 and how many accounts accepted it'
            cand accept 'Accept the newest terms for an account, authenticated by its password on stdin'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;terms;help;set'= {
        }
        &'keyward;terms;help;show'= {
        }
        &'keyward;terms;help;list'= {
        }
        &'keyward;terms;help;accept'= {
        }
        &'keyward;terms;help;help'= {
        }
        &'keyward;questions'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the security questions an account can choose from'
            cand set 'Choose and answer security questions (replaces earlier answers)'
            cand clear 'Remove an account''s answers (an administrator in scope): it must set new ones before forgot-password works again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;questions;list'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;questions;set'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read from stdin instead of prompting: the password on line 1, then one `QUESTION=answer` line per question (see `keyward questions list`)'
            cand --code-stdin 'Read the second-factor code (TOTP or backup code) from the line after the password'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;questions;clear'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;questions;help'= {
            cand list 'List the security questions an account can choose from'
            cand set 'Choose and answer security questions (replaces earlier answers)'
            cand clear 'Remove an account''s answers (an administrator in scope): it must set new ones before forgot-password works again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;questions;help;list'= {
        }
        &'keyward;questions;help;set'= {
        }
        &'keyward;questions;help;clear'= {
        }
        &'keyward;questions;help;help'= {
        }
        &'keyward;2fa'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enroll 'Enrol an authenticator app: QR code, secret, then a code from the app'
            cand confirm 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)'
            cand status 'Show whether an account is enrolled and how many backup codes are left'
            cand reset 'Remove an account''s two-factor enrolment and backup codes'
            cand backup-codes 'Replace an account''s backup codes (the old ones stop working)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;2fa;enroll'= {
            cand --png 'Also write the QR code as a PNG image (created 0600, never overwritten)'
            cand --svg 'Also write the QR code as an SVG image (created 0600, never overwritten)'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --invert 'Draw the QR code for a light terminal background'
            cand --replace 'Replace an existing enrolment (the old one works until the new one is confirmed)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;2fa;confirm'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --code-stdin 'Read the 6-digit code the app shows now from stdin (one line) instead of asking on a terminal'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;2fa;status'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;2fa;reset'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;2fa;backup-codes'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --regenerate 'Make 10 new codes and print them once'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;2fa;help'= {
            cand enroll 'Enrol an authenticator app: QR code, secret, then a code from the app'
            cand confirm 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)'
            cand status 'Show whether an account is enrolled and how many backup codes are left'
            cand reset 'Remove an account''s two-factor enrolment and backup codes'
            cand backup-codes 'Replace an account''s backup codes (the old ones stop working)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;2fa;help;enroll'= {
        }
        &'keyward;2fa;help;confirm'= {
        }
        &'keyward;2fa;help;status'= {
        }
        &'keyward;2fa;help;reset'= {
        }
        &'keyward;2fa;help;backup-codes'= {
        }
        &'keyward;2fa;help;help'= {
        }
        &'keyward;session'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking'
            cand end 'End the --as operator''s session on this store and remove its token file (no password needed; nothing to end is not an error)'
            cand list 'List the open sessions: every operator''s for support (and the OS user), one''s own for others (listing with --as counts as using the session)'
            cand revoke 'End every open session of an operator at once (support only)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;session;start'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;session;end'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;session;list'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;session;revoke'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;session;help'= {
            cand start 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking'
            cand end 'End the --as operator''s session on this store and remove its token file (no password needed; nothing to end is not an error)'
            cand list 'List the open sessions: every operator''s for support (and the OS user), one''s own for others (listing with --as counts as using the session)'
            cand revoke 'End every open session of an operator at once (support only)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;session;help;start'= {
        }
        &'keyward;session;help;end'= {
        }
        &'keyward;session;help;list'= {
        }
        &'keyward;session;help;revoke'= {
        }
        &'keyward;session;help;help'= {
        }
        &'keyward;audit'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show audit rows, oldest first (the newest --limit that match)'
            cand verify 'Check the hash chain; exit 1 naming the first row that does not match'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;audit;list'= {
            cand --user 'Only rows about this account'
            cand --action 'Only this action, or a group of them (`signin` matches `signin.failed`, ...)'
            cand --since 'Only rows at or after this time (RFC 3339, or a date YYYY-MM-DD in UTC)'
            cand --limit 'At most this many rows'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;verify'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;help'= {
            cand list 'Show audit rows, oldest first (the newest --limit that match)'
            cand verify 'Check the hash chain; exit 1 naming the first row that does not match'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;audit;help;list'= {
        }
        &'keyward;audit;help;verify'= {
        }
        &'keyward;audit;help;help'= {
        }
        &'keyward;db'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backup 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it'
            cand copy 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)'
            cand check 'Check the store''s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;db;backup'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;db;copy'= {
            cand --to 'The new store: a file path or a postgresql:// URL'
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;db;check'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;db;help'= {
            cand backup 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it'
            cand copy 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)'
            cand check 'Check the store''s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;db;help;backup'= {
        }
        &'keyward;db;help;copy'= {
        }
        &'keyward;db;help;check'= {
        }
        &'keyward;db;help;help'= {
        }
        &'keyward;forgot-password'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;recover'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --password-stdin 'Read the new password from stdin instead of generating one (generated: shown once)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;generate-assets'= {
            cand --db 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]'
            cand --as 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do'
            cand --as-password-file 'Read the operator''s password from the first line of this file instead of a hidden prompt'
            cand --as-code-file 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)'
            cand --json 'Print one JSON document on stdout (errors as JSON on stderr)'
            cand -y 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive commands without a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;help'= {
            cand init 'Create the database and its first support account'
            cand facility 'Manage facilities (sites that accounts belong to)'
            cand user 'Manage accounts'
            cand policy 'Show or change the password and lockout policy'
            cand login 'Sign in interactively: password, then any required action (terms, new password)'
            cand auth 'Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)'
            cand passwd 'Change an account''s own password (current password, then the new one)'
            cand terms 'Publish, show and accept the terms of use'
            cand questions 'Security questions used by forgot-password'
            cand 2fa 'Two-factor authentication: enrol an authenticator app, backup codes'
            cand session 'Operator sessions: sign in once with --as, then run commands without the password'
            cand audit 'Read and verify the tamper-evident audit log'
            cand db 'Back up the database and check its integrity'
            cand forgot-password 'Reset a forgotten password by answering the account''s security questions (needs a terminal)'
            cand recover 'Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)'
            cand generate-assets 'Write completions and man pages generated from these definitions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;help;init'= {
        }
        &'keyward;help;facility'= {
            cand add 'Add a facility'
            cand list 'List facilities with how many accounts each has'
            cand show 'Show one facility'
            cand rename 'Change a facility''s display name or code'
            cand remove 'Remove a facility (refused while accounts are assigned, unless --force)'
        }
        &'keyward;help;facility;add'= {
        }
        &'keyward;help;facility;list'= {
        }
        &'keyward;help;facility;show'= {
        }
        &'keyward;help;facility;rename'= {
        }
        &'keyward;help;facility;remove'= {
        }
        &'keyward;help;user'= {
            cand add 'Create an account; without --password-stdin a temporary password is generated and shown once'
            cand list 'List accounts'
            cand show 'Show one account'
            cand assign 'Add facilities to an account'
            cand unassign 'Remove facilities from an account'
            cand set-name 'Set or clear (with "") an account''s display name'
            cand set-expiry 'Set the last day (UTC) an account may sign in, or remove it with `never`'
            cand rename 'Give an account a new username; its password, facilities, 2FA and history follow it'
            cand set-role 'Change an account''s role'
            cand disable 'Disable an account: it cannot sign in until enabled'
            cand enable 'Enable a disabled account'
            cand lock 'Lock an account (reason: admin) until it is unlocked'
            cand unlock 'Clear the lock and failure count; the account must accept the terms and change its password'
            cand reset-failures 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator''s lock stays)'
            cand reset-password 'Set a new temporary password (shown once) that must be changed at the next sign-in'
            cand remove 'Remove an account for good'
            cand import 'Create (or update) many accounts from a CSV file, all or nothing'
            cand export 'Write accounts as CSV or JSON that `user import` reads back; no secrets'
        }
        &'keyward;help;user;add'= {
        }
        &'keyward;help;user;list'= {
        }
        &'keyward;help;user;show'= {
        }
        &'keyward;help;user;assign'= {
        }
        &'keyward;help;user;unassign'= {
        }
        &'keyward;help;user;set-name'= {
        }
        &'keyward;help;user;set-expiry'= {
        }
        &'keyward;help;user;rename'= {
        }
        &'keyward;help;user;set-role'= {
        }
        &'keyward;help;user;disable'= {
        }
        &'keyward;help;user;enable'= {
        }
        &'keyward;help;user;lock'= {
        }
        &'keyward;help;user;unlock'= {
        }
        &'keyward;help;user;reset-failures'= {
        }
        &'keyward;help;user;reset-password'= {
        }
        &'keyward;help;user;remove'= {
        }
        &'keyward;help;user;import'= {
        }
        &'keyward;help;user;export'= {
        }
        &'keyward;help;policy'= {
            cand show 'Show every policy key with its value and default'
            cand set 'Change policy keys; all are validated first, then written together'
        }
        &'keyward;help;policy;show'= {
        }
        &'keyward;help;policy;set'= {
        }
        &'keyward;help;login'= {
        }
        &'keyward;help;auth'= {
        }
        &'keyward;help;passwd'= {
        }
        &'keyward;help;terms'= {
            cand set 'Publish a new version of the terms from a UTF-8 text file; every account must accept it'
            cand show 'Print the newest terms (or one version)'
            cand list 'List every version with its SHA-256 and how many accounts accepted it'
            cand accept 'Accept the newest terms for an account, authenticated by its password on stdin'
        }
        &'keyward;help;terms;set'= {
        }
        &'keyward;help;terms;show'= {
        }
        &'keyward;help;terms;list'= {
        }
        &'keyward;help;terms;accept'= {
        }
        &'keyward;help;questions'= {
            cand list 'List the security questions an account can choose from'
            cand set 'Choose and answer security questions (replaces earlier answers)'
            cand clear 'Remove an account''s answers (an administrator in scope): it must set new ones before forgot-password works again'
        }
        &'keyward;help;questions;list'= {
        }
        &'keyward;help;questions;set'= {
        }
        &'keyward;help;questions;clear'= {
        }
        &'keyward;help;2fa'= {
            cand enroll 'Enrol an authenticator app: QR code, secret, then a code from the app'
            cand confirm 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)'
            cand status 'Show whether an account is enrolled and how many backup codes are left'
            cand reset 'Remove an account''s two-factor enrolment and backup codes'
            cand backup-codes 'Replace an account''s backup codes (the old ones stop working)'
        }
        &'keyward;help;2fa;enroll'= {
        }
        &'keyward;help;2fa;confirm'= {
        }
        &'keyward;help;2fa;status'= {
        }
        &'keyward;help;2fa;reset'= {
        }
        &'keyward;help;2fa;backup-codes'= {
        }
        &'keyward;help;session'= {
            cand start 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking'
            cand end 'End the --as operator''s session on this store and remove its token file (no password needed; nothing to end is not an error)'
            cand list 'List the open sessions: every operator''s for support (and the OS user), one''s own for others (listing with --as counts as using the session)'
            cand revoke 'End every open session of an operator at once (support only)'
        }
        &'keyward;help;session;start'= {
        }
        &'keyward;help;session;end'= {
        }
        &'keyward;help;session;list'= {
        }
        &'keyward;help;session;revoke'= {
        }
        &'keyward;help;audit'= {
            cand list 'Show audit rows, oldest first (the newest --limit that match)'
            cand verify 'Check the hash chain; exit 1 naming the first row that does not match'
        }
        &'keyward;help;audit;list'= {
        }
        &'keyward;help;audit;verify'= {
        }
        &'keyward;help;db'= {
            cand backup 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it'
            cand copy 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)'
            cand check 'Check the store''s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)'
        }
        &'keyward;help;db;backup'= {
        }
        &'keyward;help;db;copy'= {
        }
        &'keyward;help;db;check'= {
        }
        &'keyward;help;forgot-password'= {
        }
        &'keyward;help;recover'= {
        }
        &'keyward;help;generate-assets'= {
        }
        &'keyward;help;help'= {
        }
    ]
    $completions[$command]
}
