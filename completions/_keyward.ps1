
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'keyward' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'keyward'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'keyward' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the database and its first support account')
            [CompletionResult]::new('facility', 'facility', [CompletionResultType]::ParameterValue, 'Manage facilities (sites that accounts belong to)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage accounts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show or change the password and lockout policy')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in interactively: password, then any required action (terms, new password)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change an account''s own password (current password, then the new one)')
            [CompletionResult]::new('terms', 'terms', [CompletionResultType]::ParameterValue, 'Publish, show and accept the terms of use')
            [CompletionResult]::new('questions', 'questions', [CompletionResultType]::ParameterValue, 'Security questions used by forgot-password')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'Two-factor authentication: enrol an authenticator app, backup codes')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Operator sessions: sign in once with --as, then run commands without the password')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read and verify the tamper-evident audit log')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Back up the database and check its integrity')
            [CompletionResult]::new('forgot-password', 'forgot-password', [CompletionResultType]::ParameterValue, 'Reset a forgotten password by answering the account''s security questions (needs a terminal)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write completions and man pages generated from these definitions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;init' {
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Username of the first account (role support)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin instead of prompting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;facility' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a facility')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List facilities with how many accounts each has')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one facility')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Change a facility''s display name or code')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a facility (refused while accounts are assigned, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;facility;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name [default: the code]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;facility;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;facility;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;facility;rename' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New display name')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'New code (accounts keep their assignment)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;facility;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Unassign its accounts first (the accounts are kept)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;facility;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a facility')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List facilities with how many accounts each has')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one facility')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Change a facility''s display name or code')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a facility (refused while accounts are assigned, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;facility;help;add' {
            break
        }
        'keyward;facility;help;list' {
            break
        }
        'keyward;facility;help;show' {
            break
        }
        'keyward;facility;help;rename' {
            break
        }
        'keyward;facility;help;remove' {
            break
        }
        'keyward;facility;help;help' {
            break
        }
        'keyward;user' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; without --password-stdin a temporary password is generated and shown once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Add facilities to an account')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Remove facilities from an account')
            [CompletionResult]::new('set-name', 'set-name', [CompletionResultType]::ParameterValue, 'Set or clear (with "") an account''s display name')
            [CompletionResult]::new('set-expiry', 'set-expiry', [CompletionResultType]::ParameterValue, 'Set the last day (UTC) an account may sign in, or remove it with `never`')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give an account a new username; its password, facilities, 2FA and history follow it')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change an account''s role')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an account: it cannot sign in until enabled')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled account')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock an account (reason: admin) until it is unlocked')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Clear the lock and failure count; the account must accept the terms and change its password')
            [CompletionResult]::new('reset-failures', 'reset-failures', [CompletionResultType]::ParameterValue, 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator''s lock stays)')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Set a new temporary password (shown once) that must be changed at the next sign-in')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an account for good')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create (or update) many accounts from a CSV file, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write accounts as CSV or JSON that `user import` reads back; no secrets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;user;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role of the account')
            [CompletionResult]::new('--facility', '--facility', [CompletionResultType]::ParameterName, 'Facility code; repeat or separate with commas')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'The last day (UTC) the account may sign in; after it the account is expired')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;list' {
            [CompletionResult]::new('--facility', '--facility', [CompletionResultType]::ParameterName, 'Only accounts assigned to this facility')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only accounts with this role')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only accounts with this status')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only accounts whose username or display name contains TEXT (any case)')
            [CompletionResult]::new('--twofa', '--twofa', [CompletionResultType]::ParameterName, 'Only accounts with (enrolled) or without (none) two-factor authentication')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N accounts, the first by username')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Only accounts with terms to accept or a password to change')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;assign' {
            [CompletionResult]::new('--facility', '--facility', [CompletionResultType]::ParameterName, 'Facility code; repeat or separate with commas')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;unassign' {
            [CompletionResult]::new('--facility', '--facility', [CompletionResultType]::ParameterName, 'Facility code; repeat or separate with commas')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;set-name' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;set-expiry' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;rename' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;set-role' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'New role (same as the positional ROLE)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;disable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;enable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;lock' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;unlock' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;reset-failures' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;reset-password' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from the first line of stdin instead of generating one')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What the file is written in')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'What to do with a username that already has an account')
            [CompletionResult]::new('--credentials-out', '--credentials-out', [CompletionResultType]::ParameterName, 'Write generated passwords to this new file (mode 0600; never overwritten)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the file and report what would happen, without writing or hashing')
            [CompletionResult]::new('--create-facilities', '--create-facilities', [CompletionResultType]::ParameterName, 'Create facilities that do not exist yet (named after their code)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;export' {
            [CompletionResult]::new('--facility', '--facility', [CompletionResultType]::ParameterName, 'Only accounts assigned to this facility')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: csv, or json with --json]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; without --password-stdin a temporary password is generated and shown once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Add facilities to an account')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Remove facilities from an account')
            [CompletionResult]::new('set-name', 'set-name', [CompletionResultType]::ParameterValue, 'Set or clear (with "") an account''s display name')
            [CompletionResult]::new('set-expiry', 'set-expiry', [CompletionResultType]::ParameterValue, 'Set the last day (UTC) an account may sign in, or remove it with `never`')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give an account a new username; its password, facilities, 2FA and history follow it')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change an account''s role')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an account: it cannot sign in until enabled')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled account')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock an account (reason: admin) until it is unlocked')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Clear the lock and failure count; the account must accept the terms and change its password')
            [CompletionResult]::new('reset-failures', 'reset-failures', [CompletionResultType]::ParameterValue, 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator''s lock stays)')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Set a new temporary password (shown once) that must be changed at the next sign-in')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an account for good')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create (or update) many accounts from a CSV file, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write accounts as CSV or JSON that `user import` reads back; no secrets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;user;help;add' {
            break
        }
        'keyward;user;help;list' {
            break
        }
        'keyward;user;help;show' {
            break
        }
        'keyward;user;help;assign' {
            break
        }
        'keyward;user;help;unassign' {
            break
        }
        'keyward;user;help;set-name' {
            break
        }
        'keyward;user;help;set-expiry' {
            break
        }
        'keyward;user;help;rename' {
            break
        }
        'keyward;user;help;set-role' {
            break
        }
        'keyward;user;help;disable' {
            break
        }
        'keyward;user;help;enable' {
            break
        }
        'keyward;user;help;lock' {
            break
        }
        'keyward;user;help;unlock' {
            break
        }
        'keyward;user;help;reset-failures' {
            break
        }
        'keyward;user;help;reset-password' {
            break
        }
        'keyward;user;help;remove' {
            break
        }
        'keyward;user;help;import' {
            break
        }
        'keyward;user;help;export' {
            break
        }
        'keyward;user;help;help' {
            break
        }
        'keyward;policy' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every policy key with its value and default')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change policy keys; all are validated first, then written together')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;policy;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;policy;set' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every policy key with its value and default')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change policy keys; all are validated first, then written together')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;policy;help;show' {
            break
        }
        'keyward;policy;help;set' {
            break
        }
        'keyward;policy;help;help' {
            break
        }
        'keyward;login' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;auth' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin (required)')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the second-factor code (TOTP or backup code) of an enrolled account from the line after the password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;passwd' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read two lines from stdin: the current password, then the new one')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Also read the second-factor code (TOTP or backup code) from stdin, on the line after the current password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;terms' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Publish a new version of the terms from a UTF-8 text file; every account must accept it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the newest terms (or one version)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every version with its SHA-256 and how many accounts accepted it')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept the newest terms for an account, authenticated by its password on stdin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;terms;set' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The terms text')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;terms;show' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Version to show (same as the positional VERSION)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'keyward;terms;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;terms;accept' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the account''s password from the first line of stdin')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the second-factor code (TOTP or backup code) from the line after the password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;terms;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Publish a new version of the terms from a UTF-8 text file; every account must accept it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the newest terms (or one version)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every version with its SHA-256 and how many accounts accepted it')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept the newest terms for an account, authenticated by its password on stdin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;terms;help;set' {
            break
        }
        'keyward;terms;help;show' {
            break
        }
        'keyward;terms;help;list' {
            break
        }
        'keyward;terms;help;accept' {
            break
        }
        'keyward;terms;help;help' {
            break
        }
        'keyward;questions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the security questions an account can choose from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Choose and answer security questions (replaces earlier answers)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove an account''s answers (an administrator in scope): it must set new ones before forgot-password works again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;questions;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;questions;set' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read from stdin instead of prompting: the password on line 1, then one `QUESTION=answer` line per question (see `keyward questions list`)')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the second-factor code (TOTP or backup code) from the line after the password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;questions;clear' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;questions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the security questions an account can choose from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Choose and answer security questions (replaces earlier answers)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove an account''s answers (an administrator in scope): it must set new ones before forgot-password works again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;questions;help;list' {
            break
        }
        'keyward;questions;help;set' {
            break
        }
        'keyward;questions;help;clear' {
            break
        }
        'keyward;questions;help;help' {
            break
        }
        'keyward;2fa' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enrol an authenticator app: QR code, secret, then a code from the app')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether an account is enrolled and how many backup codes are left')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Remove an account''s two-factor enrolment and backup codes')
            [CompletionResult]::new('backup-codes', 'backup-codes', [CompletionResultType]::ParameterValue, 'Replace an account''s backup codes (the old ones stop working)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;2fa;enroll' {
            [CompletionResult]::new('--png', '--png', [CompletionResultType]::ParameterName, 'Also write the QR code as a PNG image (created 0600, never overwritten)')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'Also write the QR code as an SVG image (created 0600, never overwritten)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--invert', '--invert', [CompletionResultType]::ParameterName, 'Draw the QR code for a light terminal background')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace an existing enrolment (the old one works until the new one is confirmed)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;2fa;confirm' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the 6-digit code the app shows now from stdin (one line) instead of asking on a terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;2fa;status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;2fa;reset' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;2fa;backup-codes' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--regenerate', '--regenerate', [CompletionResultType]::ParameterName, 'Make 10 new codes and print them once')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;2fa;help' {
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enrol an authenticator app: QR code, secret, then a code from the app')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether an account is enrolled and how many backup codes are left')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Remove an account''s two-factor enrolment and backup codes')
            [CompletionResult]::new('backup-codes', 'backup-codes', [CompletionResultType]::ParameterValue, 'Replace an account''s backup codes (the old ones stop working)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;2fa;help;enroll' {
            break
        }
        'keyward;2fa;help;confirm' {
            break
        }
        'keyward;2fa;help;status' {
            break
        }
        'keyward;2fa;help;reset' {
            break
        }
        'keyward;2fa;help;backup-codes' {
            break
        }
        'keyward;2fa;help;help' {
            break
        }
        'keyward;session' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End the --as operator''s session on this store and remove its token file (no password needed; nothing to end is not an error)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the open sessions: every operator''s for support (and the OS user), one''s own for others (listing with --as counts as using the session)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every open session of an operator at once (support only)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;session;start' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;session;end' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;session;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;session;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;session;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End the --as operator''s session on this store and remove its token file (no password needed; nothing to end is not an error)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the open sessions: every operator''s for support (and the OS user), one''s own for others (listing with --as counts as using the session)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every open session of an operator at once (support only)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;session;help;start' {
            break
        }
        'keyward;session;help;end' {
            break
        }
        'keyward;session;help;list' {
            break
        }
        'keyward;session;help;revoke' {
            break
        }
        'keyward;session;help;help' {
            break
        }
        'keyward;audit' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show audit rows, oldest first (the newest --limit that match)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain; exit 1 naming the first row that does not match')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;audit;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only rows about this account')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only this action, or a group of them (`signin` matches `signin.failed`, ...)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only rows at or after this time (RFC 3339, or a date YYYY-MM-DD in UTC)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many rows')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;verify' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show audit rows, oldest first (the newest --limit that match)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain; exit 1 naming the first row that does not match')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;audit;help;list' {
            break
        }
        'keyward;audit;help;verify' {
            break
        }
        'keyward;audit;help;help' {
            break
        }
        'keyward;db' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the store''s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;db;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;db;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new store: a file path or a postgresql:// URL')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;db;check' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;db;help' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the store''s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;db;help;backup' {
            break
        }
        'keyward;db;help;copy' {
            break
        }
        'keyward;db;help;check' {
            break
        }
        'keyward;db;help;help' {
            break
        }
        'keyward;forgot-password' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;recover' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from stdin instead of generating one (generated: shown once)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;generate-assets' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do')
            [CompletionResult]::new('--as-password-file', '--as-password-file', [CompletionResultType]::ParameterName, 'Read the operator''s password from the first line of this file instead of a hidden prompt')
            [CompletionResult]::new('--as-code-file', '--as-code-file', [CompletionResultType]::ParameterName, 'Read the operator''s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the database and its first support account')
            [CompletionResult]::new('facility', 'facility', [CompletionResultType]::ParameterValue, 'Manage facilities (sites that accounts belong to)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage accounts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show or change the password and lockout policy')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in interactively: password, then any required action (terms, new password)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change an account''s own password (current password, then the new one)')
            [CompletionResult]::new('terms', 'terms', [CompletionResultType]::ParameterValue, 'Publish, show and accept the terms of use')
            [CompletionResult]::new('questions', 'questions', [CompletionResultType]::ParameterValue, 'Security questions used by forgot-password')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'Two-factor authentication: enrol an authenticator app, backup codes')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Operator sessions: sign in once with --as, then run commands without the password')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read and verify the tamper-evident audit log')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Back up the database and check its integrity')
            [CompletionResult]::new('forgot-password', 'forgot-password', [CompletionResultType]::ParameterValue, 'Reset a forgotten password by answering the account''s security questions (needs a terminal)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write completions and man pages generated from these definitions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;help;init' {
            break
        }
        'keyward;help;facility' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a facility')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List facilities with how many accounts each has')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one facility')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Change a facility''s display name or code')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a facility (refused while accounts are assigned, unless --force)')
            break
        }
        'keyward;help;facility;add' {
            break
        }
        'keyward;help;facility;list' {
            break
        }
        'keyward;help;facility;show' {
            break
        }
        'keyward;help;facility;rename' {
            break
        }
        'keyward;help;facility;remove' {
            break
        }
        'keyward;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; without --password-stdin a temporary password is generated and shown once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Add facilities to an account')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Remove facilities from an account')
            [CompletionResult]::new('set-name', 'set-name', [CompletionResultType]::ParameterValue, 'Set or clear (with "") an account''s display name')
            [CompletionResult]::new('set-expiry', 'set-expiry', [CompletionResultType]::ParameterValue, 'Set the last day (UTC) an account may sign in, or remove it with `never`')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give an account a new username; its password, facilities, 2FA and history follow it')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change an account''s role')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an account: it cannot sign in until enabled')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled account')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock an account (reason: admin) until it is unlocked')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Clear the lock and failure count; the account must accept the terms and change its password')
            [CompletionResult]::new('reset-failures', 'reset-failures', [CompletionResultType]::ParameterValue, 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator''s lock stays)')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Set a new temporary password (shown once) that must be changed at the next sign-in')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an account for good')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create (or update) many accounts from a CSV file, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write accounts as CSV or JSON that `user import` reads back; no secrets')
            break
        }
        'keyward;help;user;add' {
            break
        }
        'keyward;help;user;list' {
            break
        }
        'keyward;help;user;show' {
            break
        }
        'keyward;help;user;assign' {
            break
        }
        'keyward;help;user;unassign' {
            break
        }
        'keyward;help;user;set-name' {
            break
        }
        'keyward;help;user;set-expiry' {
            break
        }
        'keyward;help;user;rename' {
            break
        }
        'keyward;help;user;set-role' {
            break
        }
        'keyward;help;user;disable' {
            break
        }
        'keyward;help;user;enable' {
            break
        }
        'keyward;help;user;lock' {
            break
        }
        'keyward;help;user;unlock' {
            break
        }
        'keyward;help;user;reset-failures' {
            break
        }
        'keyward;help;user;reset-password' {
            break
        }
        'keyward;help;user;remove' {
            break
        }
        'keyward;help;user;import' {
            break
        }
        'keyward;help;user;export' {
            break
        }
        'keyward;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every policy key with its value and default')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change policy keys; all are validated first, then written together')
            break
        }
        'keyward;help;policy;show' {
            break
        }
        'keyward;help;policy;set' {
            break
        }
        'keyward;help;login' {
            break
        }
        'keyward;help;auth' {
            break
        }
        'keyward;help;passwd' {
            break
        }
        'keyward;help;terms' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Publish a new version of the terms from a UTF-8 text file; every account must accept it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the newest terms (or one version)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every version with its SHA-256 and how many accounts accepted it')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept the newest terms for an account, authenticated by its password on stdin')
            break
        }
        'keyward;help;terms;set' {
            break
        }
        'keyward;help;terms;show' {
            break
        }
        'keyward;help;terms;list' {
            break
        }
        'keyward;help;terms;accept' {
            break
        }
        'keyward;help;questions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the security questions an account can choose from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Choose and answer security questions (replaces earlier answers)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove an account''s answers (an administrator in scope): it must set new ones before forgot-password works again')
            break
        }
        'keyward;help;questions;list' {
            break
        }
        'keyward;help;questions;set' {
            break
        }
        'keyward;help;questions;clear' {
            break
        }
        'keyward;help;2fa' {
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enrol an authenticator app: QR code, secret, then a code from the app')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether an account is enrolled and how many backup codes are left')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Remove an account''s two-factor enrolment and backup codes')
            [CompletionResult]::new('backup-codes', 'backup-codes', [CompletionResultType]::ParameterValue, 'Replace an account''s backup codes (the old ones stop working)')
            break
        }
        'keyward;help;2fa;enroll' {
            break
        }
        'keyward;help;2fa;confirm' {
            break
        }
        'keyward;help;2fa;status' {
            break
        }
        'keyward;help;2fa;reset' {
            break
        }
        'keyward;help;2fa;backup-codes' {
            break
        }
        'keyward;help;session' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End the --as operator''s session on this store and remove its token file (no password needed; nothing to end is not an error)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the open sessions: every operator''s for support (and the OS user), one''s own for others (listing with --as counts as using the session)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every open session of an operator at once (support only)')
            break
        }
        'keyward;help;session;start' {
            break
        }
        'keyward;help;session;end' {
            break
        }
        'keyward;help;session;list' {
            break
        }
        'keyward;help;session;revoke' {
            break
        }
        'keyward;help;audit' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show audit rows, oldest first (the newest --limit that match)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain; exit 1 naming the first row that does not match')
            break
        }
        'keyward;help;audit;list' {
            break
        }
        'keyward;help;audit;verify' {
            break
        }
        'keyward;help;db' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the store''s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)')
            break
        }
        'keyward;help;db;backup' {
            break
        }
        'keyward;help;db;copy' {
            break
        }
        'keyward;help;db;check' {
            break
        }
        'keyward;help;forgot-password' {
            break
        }
        'keyward;help;recover' {
            break
        }
        'keyward;help;generate-assets' {
            break
        }
        'keyward;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
