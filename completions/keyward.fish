# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_keyward_global_optspecs
    string join \n db= json y/yes as= as-password-file= as-code-file= h/help V/version
end

function __fish_keyward_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_keyward_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_keyward_using_subcommand
    set -l cmd (__fish_keyward_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c keyward -n "__fish_keyward_needs_command" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_needs_command" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_needs_command" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_needs_command" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_needs_command" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_needs_command" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_needs_command" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "init" -d 'Create the database and its first support account'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "facility" -d 'Manage facilities (sites that accounts belong to)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "user" -d 'Manage accounts'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "policy" -d 'Show or change the password and lockout policy'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "login" -d 'Sign in interactively: password, then any required action (terms, new password)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "auth" -d 'Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "passwd" -d 'Change an account\'s own password (current password, then the new one)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "terms" -d 'Publish, show and accept the terms of use'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "questions" -d 'Security questions used by forgot-password'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "2fa" -d 'Two-factor authentication: enrol an authenticator app, backup codes'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "session" -d 'Operator sessions: sign in once with --as, then run commands without the password'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "audit" -d 'Read and verify the tamper-evident audit log'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "db" -d 'Back up the database and check its integrity'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "forgot-password" -d 'Reset a forgotten password by answering the account\'s security questions (needs a terminal)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "recover" -d 'Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "generate-assets" -d 'Write completions and man pages generated from these definitions'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand init" -l admin -d 'Username of the first account (role support)' -r
complete -c keyward -n "__fish_keyward_using_subcommand init" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand init" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand init" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand init" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand init" -l password-stdin -d 'Read the password from the first line of stdin instead of prompting'
complete -c keyward -n "__fish_keyward_using_subcommand init" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand init" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand init" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -f -a "add" -d 'Add a facility'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -f -a "list" -d 'List facilities with how many accounts each has'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -f -a "show" -d 'Show one facility'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -f -a "rename" -d 'Change a facility\'s display name or code'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -f -a "remove" -d 'Remove a facility (refused while accounts are assigned, unless --force)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and not __fish_seen_subcommand_from add list show rename remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -l name -d 'Display name [default: the code]' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l name -d 'New display name' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l code -d 'New code (accounts keep their assignment)' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -l force -d 'Unassign its accounts first (the accounts are kept)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a facility'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from help" -f -a "list" -d 'List facilities with how many accounts each has'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one facility'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Change a facility\'s display name or code'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a facility (refused while accounts are assigned, unless --force)'
complete -c keyward -n "__fish_keyward_using_subcommand facility; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "add" -d 'Create an account; without --password-stdin a temporary password is generated and shown once'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "list" -d 'List accounts'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "show" -d 'Show one account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "assign" -d 'Add facilities to an account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "unassign" -d 'Remove facilities from an account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "set-name" -d 'Set or clear (with "") an account\'s display name'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "set-expiry" -d 'Set the last day (UTC) an account may sign in, or remove it with `never`'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "rename" -d 'Give an account a new username; its password, facilities, 2FA and history follow it'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "set-role" -d 'Change an account\'s role'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "disable" -d 'Disable an account: it cannot sign in until enabled'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "enable" -d 'Enable a disabled account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "lock" -d 'Lock an account (reason: admin) until it is unlocked'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "unlock" -d 'Clear the lock and failure count; the account must accept the terms and change its password'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "reset-failures" -d 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator\'s lock stays)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "reset-password" -d 'Set a new temporary password (shown once) that must be changed at the next sign-in'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "remove" -d 'Remove an account for good'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "import" -d 'Create (or update) many accounts from a CSV file, all or nothing'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "export" -d 'Write accounts as CSV or JSON that `user import` reads back; no secrets'
complete -c keyward -n "__fish_keyward_using_subcommand user; and not __fish_seen_subcommand_from add list show assign unassign set-name set-expiry rename set-role disable enable lock unlock reset-failures reset-password remove import export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l role -d 'Role of the account' -r -f -a "user\t''
supervisor\t''
admin\t''
support\t''"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l facility -d 'Facility code; repeat or separate with commas' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l name -d 'Display name' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l expires -d 'The last day (UTC) the account may sign in; after it the account is expired' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l facility -d 'Only accounts assigned to this facility' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l role -d 'Only accounts with this role' -r -f -a "user\t''
supervisor\t''
admin\t''
support\t''"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l status -d 'Only accounts with this status' -r -f -a "active\t''
locked\t''
disabled\t''
expired\t''"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l search -d 'Only accounts whose username or display name contains TEXT (any case)' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l twofa -d 'Only accounts with (enrolled) or without (none) two-factor authentication' -r -f -a "enrolled\t'Enrolled'
none\t'Not enrolled'"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l limit -d 'At most N accounts, the first by username' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l pending -d 'Only accounts with terms to accept or a password to change'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -l facility -d 'Facility code; repeat or separate with commas' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from assign" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -l facility -d 'Facility code; repeat or separate with commas' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unassign" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-name" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-expiry" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -l role -d 'New role (same as the positional ROLE)' -r -f -a "user\t''
supervisor\t''
admin\t''
support\t''"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from set-role" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from lock" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-failures" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l password-stdin -d 'Read the new password from the first line of stdin instead of generating one'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from reset-password" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l format -d 'What the file is written in' -r -f -a "csv\t'A header, then one row per account (as `user export` writes it)'
json\t'The JSON array of account objects `user export --format json` writes'"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l on-conflict -d 'What to do with a username that already has an account' -r -f -a "fail\t'Report each existing username as a bad row; nothing is written (exit 8)'
skip\t'Leave existing accounts as they are and count them as skipped'
update\t'Set name, role and facilities of existing accounts from the file; a password or hash, when given, replaces theirs'"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l credentials-out -d 'Write generated passwords to this new file (mode 0600; never overwritten)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l dry-run -d 'Check the file and report what would happen, without writing or hashing'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l create-facilities -d 'Create facilities that do not exist yet (named after their code)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l facility -d 'Only accounts assigned to this facility' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l format -d 'Output format [default: csv, or json with --json]' -r -f -a "csv\t'The header and columns `user import` reads'
json\t'A list of account objects, as `user list --json`, but `status` is the stored state that import restores (never `expired`; `expires_at` carries it)'"
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Create an account; without --password-stdin a temporary password is generated and shown once'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List accounts'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Add facilities to an account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "unassign" -d 'Remove facilities from an account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "set-name" -d 'Set or clear (with "") an account\'s display name'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "set-expiry" -d 'Set the last day (UTC) an account may sign in, or remove it with `never`'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Give an account a new username; its password, facilities, 2FA and history follow it'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "set-role" -d 'Change an account\'s role'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable an account: it cannot sign in until enabled'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a disabled account'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "lock" -d 'Lock an account (reason: admin) until it is unlocked'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Clear the lock and failure count; the account must accept the terms and change its password'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "reset-failures" -d 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator\'s lock stays)'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "reset-password" -d 'Set a new temporary password (shown once) that must be changed at the next sign-in'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an account for good'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create (or update) many accounts from a CSV file, all or nothing'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write accounts as CSV or JSON that `user import` reads back; no secrets'
complete -c keyward -n "__fish_keyward_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show every policy key with its value and default'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change policy keys; all are validated first, then written together'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every policy key with its value and default'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change policy keys; all are validated first, then written together'
complete -c keyward -n "__fish_keyward_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand login" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand login" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand login" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand login" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand login" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand login" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand login" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand login" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l password-stdin -d 'Read the password from the first line of stdin (required)'
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l code-stdin -d 'Read the second-factor code (TOTP or backup code) of an enrolled account from the line after the password'
complete -c keyward -n "__fish_keyward_using_subcommand auth" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand auth" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand auth" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand auth" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l password-stdin -d 'Read two lines from stdin: the current password, then the new one'
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l code-stdin -d 'Also read the second-factor code (TOTP or backup code) from stdin, on the line after the current password'
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand passwd" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -f -a "set" -d 'Publish a new version of the terms from a UTF-8 text file; every account must accept it'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -f -a "show" -d 'Print the newest terms (or one version)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -f -a "list" -d 'List every version with its SHA-256 and how many accounts accepted it'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -f -a "accept" -d 'Accept the newest terms for an account, authenticated by its password on stdin'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and not __fish_seen_subcommand_from set show list accept help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -l file -d 'The terms text' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -l version -d 'Version to show (same as the positional VERSION)' -r
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l password-stdin -d 'Read the account\'s password from the first line of stdin'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l code-stdin -d 'Read the second-factor code (TOTP or backup code) from the line after the password'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from accept" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from help" -f -a "set" -d 'Publish a new version of the terms from a UTF-8 text file; every account must accept it'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the newest terms (or one version)'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every version with its SHA-256 and how many accounts accepted it'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept the newest terms for an account, authenticated by its password on stdin'
complete -c keyward -n "__fish_keyward_using_subcommand terms; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -f -a "list" -d 'List the security questions an account can choose from'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -f -a "set" -d 'Choose and answer security questions (replaces earlier answers)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -f -a "clear" -d 'Remove an account\'s answers (an administrator in scope): it must set new ones before forgot-password works again'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and not __fish_seen_subcommand_from list set clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l password-stdin -d 'Read from stdin instead of prompting: the password on line 1, then one `QUESTION=answer` line per question (see `keyward questions list`)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l code-stdin -d 'Read the second-factor code (TOTP or backup code) from the line after the password'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the security questions an account can choose from'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from help" -f -a "set" -d 'Choose and answer security questions (replaces earlier answers)'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove an account\'s answers (an administrator in scope): it must set new ones before forgot-password works again'
complete -c keyward -n "__fish_keyward_using_subcommand questions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -f -a "enroll" -d 'Enrol an authenticator app: QR code, secret, then a code from the app'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -f -a "confirm" -d 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -f -a "status" -d 'Show whether an account is enrolled and how many backup codes are left'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -f -a "reset" -d 'Remove an account\'s two-factor enrolment and backup codes'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -f -a "backup-codes" -d 'Replace an account\'s backup codes (the old ones stop working)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and not __fish_seen_subcommand_from enroll confirm status reset backup-codes help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l png -d 'Also write the QR code as a PNG image (created 0600, never overwritten)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l svg -d 'Also write the QR code as an SVG image (created 0600, never overwritten)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l invert -d 'Draw the QR code for a light terminal background'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l replace -d 'Replace an existing enrolment (the old one works until the new one is confirmed)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from enroll" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l code-stdin -d 'Read the 6-digit code the app shows now from stdin (one line) instead of asking on a terminal'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -l regenerate -d 'Make 10 new codes and print them once'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from backup-codes" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "enroll" -d 'Enrol an authenticator app: QR code, secret, then a code from the app'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "confirm" -d 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show whether an account is enrolled and how many backup codes are left'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove an account\'s two-factor enrolment and backup codes'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "backup-codes" -d 'Replace an account\'s backup codes (the old ones stop working)'
complete -c keyward -n "__fish_keyward_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -f -a "start" -d 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -f -a "end" -d 'End the --as operator\'s session on this store and remove its token file (no password needed; nothing to end is not an error)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -f -a "list" -d 'List the open sessions: every operator\'s for support (and the OS user), one\'s own for others (listing with --as counts as using the session)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -f -a "revoke" -d 'End every open session of an operator at once (support only)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and not __fish_seen_subcommand_from start end list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from end" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "start" -d 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "end" -d 'End the --as operator\'s session on this store and remove its token file (no password needed; nothing to end is not an error)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the open sessions: every operator\'s for support (and the OS user), one\'s own for others (listing with --as counts as using the session)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'End every open session of an operator at once (support only)'
complete -c keyward -n "__fish_keyward_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -f -a "list" -d 'Show audit rows, oldest first (the newest --limit that match)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -f -a "verify" -d 'Check the hash chain; exit 1 naming the first row that does not match'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l user -d 'Only rows about this account' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l action -d 'Only this action, or a group of them (`signin` matches `signin.failed`, ...)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l since -d 'Only rows at or after this time (RFC 3339, or a date YYYY-MM-DD in UTC)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l limit -d 'At most this many rows' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show audit rows, oldest first (the newest --limit that match)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the hash chain; exit 1 naming the first row that does not match'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -f -a "backup" -d 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -f -a "copy" -d 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -f -a "check" -d 'Check the store\'s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and not __fish_seen_subcommand_from backup copy check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -l to -d 'The new store: a file path or a postgresql:// URL' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from copy" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check the store\'s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)'
complete -c keyward -n "__fish_keyward_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand forgot-password" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand recover" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand recover" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand recover" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand recover" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand recover" -l password-stdin -d 'Read the new password from stdin instead of generating one (generated: shown once)'
complete -c keyward -n "__fish_keyward_using_subcommand recover" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand recover" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand recover" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand recover" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -l db -d 'Database file, or a postgresql:// URL (no password on the command line: PGPASSFILE or ~/.pgpass) [default: $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -l as -d 'Act as this keyward account: it signs in first, and its role and facilities limit what the command may do' -r
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -l as-password-file -d 'Read the operator\'s password from the first line of this file instead of a hidden prompt' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -l as-code-file -d 'Read the operator\'s second-factor code (TOTP or backup code) from the first line of this file (`-`: stdin)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -l json -d 'Print one JSON document on stdout (errors as JSON on stderr)'
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -s y -l yes -d 'Answer yes to confirmations (required for destructive commands without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -s h -l help -d 'Print help'
complete -c keyward -n "__fish_keyward_using_subcommand generate-assets" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "init" -d 'Create the database and its first support account'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "facility" -d 'Manage facilities (sites that accounts belong to)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "user" -d 'Manage accounts'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "policy" -d 'Show or change the password and lockout policy'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "login" -d 'Sign in interactively: password, then any required action (terms, new password)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "auth" -d 'Check a password for scripts and other programs (exit 0 ok, 3 failed, 4 locked/disabled/expired, 5 action required; 65 when stdin holds no usable password)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "passwd" -d 'Change an account\'s own password (current password, then the new one)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "terms" -d 'Publish, show and accept the terms of use'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "questions" -d 'Security questions used by forgot-password'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "2fa" -d 'Two-factor authentication: enrol an authenticator app, backup codes'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "session" -d 'Operator sessions: sign in once with --as, then run commands without the password'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "audit" -d 'Read and verify the tamper-evident audit log'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "db" -d 'Back up the database and check its integrity'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "forgot-password" -d 'Reset a forgotten password by answering the account\'s security questions (needs a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "recover" -d 'Break glass: unlock a support account and give it a new password, as the OS user who can write the database (works without --as, even with require-operator=true)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "generate-assets" -d 'Write completions and man pages generated from these definitions'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from init facility user policy login auth passwd terms questions 2fa session audit db forgot-password recover generate-assets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from facility" -f -a "add" -d 'Add a facility'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from facility" -f -a "list" -d 'List facilities with how many accounts each has'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from facility" -f -a "show" -d 'Show one facility'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from facility" -f -a "rename" -d 'Change a facility\'s display name or code'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from facility" -f -a "remove" -d 'Remove a facility (refused while accounts are assigned, unless --force)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Create an account; without --password-stdin a temporary password is generated and shown once'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List accounts'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one account'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "assign" -d 'Add facilities to an account'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "unassign" -d 'Remove facilities from an account'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "set-name" -d 'Set or clear (with "") an account\'s display name'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "set-expiry" -d 'Set the last day (UTC) an account may sign in, or remove it with `never`'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "rename" -d 'Give an account a new username; its password, facilities, 2FA and history follow it'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "set-role" -d 'Change an account\'s role'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "disable" -d 'Disable an account: it cannot sign in until enabled'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "enable" -d 'Enable a disabled account'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "lock" -d 'Lock an account (reason: admin) until it is unlocked'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "unlock" -d 'Clear the lock and failure count; the account must accept the terms and change its password'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "reset-failures" -d 'Clear the failure count and a lock that failed sign-ins set, forcing nothing (an administrator\'s lock stays)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "reset-password" -d 'Set a new temporary password (shown once) that must be changed at the next sign-in'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "remove" -d 'Remove an account for good'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "import" -d 'Create (or update) many accounts from a CSV file, all or nothing'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "export" -d 'Write accounts as CSV or JSON that `user import` reads back; no secrets'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show every policy key with its value and default'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change policy keys; all are validated first, then written together'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from terms" -f -a "set" -d 'Publish a new version of the terms from a UTF-8 text file; every account must accept it'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from terms" -f -a "show" -d 'Print the newest terms (or one version)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from terms" -f -a "list" -d 'List every version with its SHA-256 and how many accounts accepted it'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from terms" -f -a "accept" -d 'Accept the newest terms for an account, authenticated by its password on stdin'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from questions" -f -a "list" -d 'List the security questions an account can choose from'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from questions" -f -a "set" -d 'Choose and answer security questions (replaces earlier answers)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from questions" -f -a "clear" -d 'Remove an account\'s answers (an administrator in scope): it must set new ones before forgot-password works again'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "enroll" -d 'Enrol an authenticator app: QR code, secret, then a code from the app'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "confirm" -d 'Finish an enrolment started with `2fa enroll --json` (prints the backup codes)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "status" -d 'Show whether an account is enrolled and how many backup codes are left'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "reset" -d 'Remove an account\'s two-factor enrolment and backup codes'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "backup-codes" -d 'Replace an account\'s backup codes (the old ones stop working)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "start" -d 'Sign the --as operator in once (password, then second factor) and open a session: later commands with the same --as on this store run without asking'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "end" -d 'End the --as operator\'s session on this store and remove its token file (no password needed; nothing to end is not an error)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "list" -d 'List the open sessions: every operator\'s for support (and the OS user), one\'s own for others (listing with --as counts as using the session)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "revoke" -d 'End every open session of an operator at once (support only)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "list" -d 'Show audit rows, oldest first (the newest --limit that match)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check the hash chain; exit 1 naming the first row that does not match'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "backup" -d 'Copy the database to a new SQLite file (mode 0600, never overwritten) while others keep using it'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "copy" -d 'Copy the whole store into a new, empty store of either kind (a file or a PostgreSQL database)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "check" -d 'Check the store\'s integrity, foreign keys and the audit hash chain (exit 1 naming the first problem)'
