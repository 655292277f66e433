//! The committed completions/ and man/ must match what the clap definitions
//! generate; regenerate with `cargo run -- generate-assets .`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[test]
fn completions_and_man_pages_are_fresh() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected = keyward::cli::assets::render()?;
    let mut stale = Vec::new();
    for (rel, bytes) in &expected {
        match std::fs::read(root.join(rel)) {
            Ok(on_disk) if &on_disk == bytes => {}
            _ => stale.push(rel.display().to_string()),
        }
    }
    let wanted: BTreeSet<PathBuf> = expected.iter().map(|(p, _)| p.clone()).collect();
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir))? {
            let rel = Path::new(dir).join(entry?.file_name());
            if !wanted.contains(&rel) {
                stale.push(format!("{} (no longer generated)", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {stale:?}; run `cargo run -- generate-assets .` and commit"
    );
    Ok(())
}

#[test]
fn every_shell_and_every_subcommand_has_a_file() -> Result<(), Box<dyn std::error::Error>> {
    let names: Vec<String> = keyward::cli::assets::render()?
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    for f in [
        "completions/keyward.bash",
        "completions/_keyward",
        "completions/keyward.fish",
        "completions/_keyward.ps1",
        "completions/keyward.elv",
        "man/keyward.1",
        "man/keyward-user-reset-password.1",
        "man/keyward-facility-rename.1",
        "man/keyward-policy-set.1",
        "man/keyward-init.1",
    ] {
        assert!(names.iter().any(|n| n == f), "{f} missing from {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.contains("generate-assets")),
        "hidden command leaked"
    );
    Ok(())
}

#[test]
fn only_pages_of_command_groups_list_subcommands() -> Result<(), Box<dyn std::error::Error>> {
    let man = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let group = std::fs::read_to_string(man.join("keyward-session.1"))?;
    assert!(group.contains(".SH SUBCOMMANDS"));
    let leaf = std::fs::read_to_string(man.join("keyward-session-end.1"))?;
    assert!(!leaf.contains(".SH SUBCOMMANDS"), "{leaf}");
    Ok(())
}

#[test]
fn the_man_page_documents_every_exit_code() -> Result<(), Box<dyn std::error::Error>> {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("man/keyward.1"))?;
    assert!(page.contains("EXIT STATUS"));
    for code in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "65"] {
        assert!(
            page.contains(&format!(".TP\n{code}\n")),
            "exit code {code} missing"
        );
    }
    Ok(())
}
