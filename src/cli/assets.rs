//! Completions and man pages rendered from the clap definitions, in memory.
//! `keyward generate-assets` writes them; a test compares them with the
//! committed copies so they cannot go stale.

use clap::CommandFactory;
use clap_complete::Shell;
use std::path::PathBuf;

use super::{Cli, EXIT_CODES_HELP};

/// Every generated file: path relative to the repository root, and contents.
pub fn render() -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        let mut cmd = Cli::command();
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "keyward", &mut buf);
        let name = match shell {
            Shell::Bash => "keyward.bash",
            Shell::Zsh => "_keyward",
            Shell::Fish => "keyward.fish",
            Shell::PowerShell => "_keyward.ps1",
            _ => "keyward.elv",
        };
        files.push((PathBuf::from("completions").join(name), buf));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        man_pages(sub, &mut files)?;
    }
    files.push((PathBuf::from("man/keyward.1"), top_page(cmd)?));
    files.sort();
    Ok(files)
}

/// The page for `keyward` itself, with the FILES section only it has.
fn top_page(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    page(cmd, b".SH FILES\n.TP\n$XDG_DATA_HOME/keyward/keyward.db\nthe default database (mode 0600); \\-\\-db or KEYWARD_DB choose another\n")
}

/// One page: clap's sections, then EXAMPLES (`super::examples`) and EXIT
/// STATUS (SPEC 7), then `extra`.
fn page(cmd: clap::Command, extra: &[u8]) -> std::io::Result<Vec<u8>> {
    // A leaf command would get an empty SUBCOMMANDS heading.
    let has_subcommands = cmd
        .get_subcommands()
        .any(|s| !s.is_hide_set() && s.get_name() != "help");
    let man = clap_mangen::Man::new(cmd);
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    if has_subcommands {
        man.render_subcommands_section(&mut buf)?;
    }
    let name = man.get_filename();
    let name = name.trim_end_matches(".1");
    buf.extend_from_slice(b".SH EXAMPLES\n");
    for (line, what) in super::examples::for_page(name) {
        buf.extend_from_slice(format!(".TP\n{}\n{}\n", roff(line), roff(what)).as_bytes());
    }
    buf.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for line in EXIT_CODES_HELP.lines().skip(1) {
        if let Some((code, meaning)) = line.trim().split_once(' ') {
            buf.extend_from_slice(format!(".TP\n{code}\n{}\n", roff(meaning.trim())).as_bytes());
        }
    }
    buf.extend_from_slice(extra);
    man.render_version_section(&mut buf)?;
    Ok(buf)
}

/// Text as roff shows it literally: backslashes and dashes escaped, and a
/// leading dot or quote kept from being read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// One page for the command and one for each visible subcommand, recursively.
fn man_pages(cmd: clap::Command, files: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        man_pages(sub, files)?;
    }
    let name = clap_mangen::Man::new(cmd.clone()).get_filename();
    files.push((PathBuf::from("man").join(name), page(cmd, b"")?));
    Ok(())
}
