//! `keyward generate-assets DIR` (hidden): write completions/ and man/.

use anyhow::{Context, Result};
use std::path::Path;

use super::Ctx;
use crate::cli::assets;

pub fn write(ctx: &Ctx, out: &Path) -> Result<()> {
    let files = assets::render()?;
    for (rel, bytes) in &files {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    ctx.out.text(format!(
        "wrote {} files under {}",
        files.len(),
        out.display()
    ))?;
    Ok(())
}
