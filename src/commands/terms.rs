//! `keyward terms set|show|list|accept`.

use anyhow::{Context, Result};
use serde::Serialize;

use super::Ctx;
use super::session::Access;
use super::signin;
use crate::cli::TermsCmd;
use crate::domain::scope::Action;
use crate::domain::terms as rules;
use crate::error::Failure;
use crate::output::{table, timestamp};
use crate::store::Tx;
use crate::store::signin as rows;
use crate::store::terms::{self, Terms};

#[derive(Serialize)]
struct TermsView<'a> {
    version: i64,
    sha256: &'a str,
    created_at: String,
    accepted: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

fn view(t: &Terms, with_text: bool) -> TermsView<'_> {
    TermsView {
        version: t.version,
        sha256: &t.sha256,
        created_at: timestamp(t.created_at),
        accepted: t.accepted,
        text: with_text.then_some(t.text.as_str()),
    }
}

fn none_yet() -> anyhow::Error {
    Failure::not_found(
        "no terms have been published; publish them with `keyward terms set --file FILE`",
    )
    .into()
}

pub fn run(ctx: &Ctx, cmd: TermsCmd) -> Result<()> {
    if let TermsCmd::Accept {
        username,
        code_stdin,
        ..
    } = cmd
    {
        return accept(ctx, username, code_stdin);
    }
    let access = match cmd {
        TermsCmd::Set { .. } => Access::Do(&Action::ManageTerms),
        _ => Access::Read,
    };
    let mut db = ctx.session(access)?.db;
    match cmd {
        // Handled above: it authenticates before opening anything else.
        TermsCmd::Accept { .. } => {}
        TermsCmd::Set { file } => {
            let bytes = read_bounded(&file)?;
            let text = rules::parse(bytes)?;
            let sha = rules::sha256_hex(&text);
            let (t, created) = ctx.change(&mut db, &Action::ManageTerms, |c| {
                let tx = c.tx;
                if let Some(newest) = terms::newest(tx)?.filter(|n| n.sha256 == sha) {
                    return Ok((newest, false));
                }
                let version = terms::insert(tx, &text, &sha, ctx.now())?;
                let details = serde_json::json!({"version": version, "sha256": sha});
                c.audit("terms.publish", None, None, details)?;
                Ok((terms::get(tx, version)?.ok_or_else(none_yet)?, true))
            })?;
            let doc =
                serde_json::json!({"version": t.version, "sha256": t.sha256, "created": created});
            let human = if created {
                format!(
                    "Published terms version {} (sha256 {}); every account must accept it at its next sign-in.",
                    t.version, t.sha256
                )
            } else {
                format!(
                    "The text is the same as version {}; nothing published.",
                    t.version
                )
            };
            ctx.out.emit(&doc, human)?;
        }
        TermsCmd::Show {
            number,
            version_flag,
        } => {
            let version = number.or(version_flag);
            let t = match version {
                Some(v) => terms::get(db.read(), v)?.ok_or_else(|| {
                    Failure::not_found(format!("no terms version {v}; see `keyward terms list`"))
                })?,
                None => terms::newest(db.read())?.ok_or_else(none_yet)?,
            };
            let human = format!(
                "Terms version {} (published {}, sha256 {})\n\n{}",
                t.version,
                timestamp(t.created_at),
                t.sha256,
                t.text.trim_end()
            );
            ctx.out.emit(&view(&t, true), human)?;
        }
        TermsCmd::List => {
            let all = terms::list(db.read())?;
            let views: Vec<TermsView<'_>> = all.iter().map(|t| view(t, false)).collect();
            let rows: Vec<[String; 4]> = views
                .iter()
                .map(|v| {
                    [
                        v.version.to_string(),
                        v.created_at.clone(),
                        v.accepted.to_string(),
                        v.sha256.to_string(),
                    ]
                })
                .collect();
            if ctx.out.json {
                ctx.out.json(&views)?;
            } else if rows.is_empty() {
                ctx.out.text("No terms published yet.")?;
            } else {
                ctx.out.text(table::rows(
                    &["VERSION", "PUBLISHED", "ACCEPTED", "SHA-256"],
                    &rows,
                    &[3],
                ))?;
            }
        }
    }
    Ok(())
}

/// The file's bytes, reading at most one byte past the limit (so that
/// `--file /dev/zero` is refused instead of filling memory).
fn read_bounded(file: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| {
            f.take(rules::MAX_TERMS_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .with_context(|| format!("reading {}", file.display()))?;
    Ok(bytes)
}

/// `terms accept`: the account, fully authenticated, accepts the newest version.
fn accept(ctx: &Ctx, username: Option<String>, code_stdin: bool) -> Result<()> {
    let (mut db, rules, c) = signin::self_service(ctx, username, true, code_stdin)?;
    let version = ctx.own_change(&mut db, &rules, c.id, |tx| -> Result<i64> {
        let t = terms::newest(tx)?.ok_or_else(none_yet)?;
        record_acceptance(tx, ctx, &c, t.version)?;
        rows::reset_failures(tx, c.id)?;
        Ok(t.version)
    })?;
    let doc = serde_json::json!({"username": c.username, "version": version, "accepted_at": timestamp(ctx.now())});
    ctx.out.emit(
        &doc,
        format!("{} accepted terms version {version}.", c.username),
    )?;
    Ok(())
}

/// Inside the account's own write transaction ([`Ctx::own_change`], which
/// checked it is still admitted): it accepts terms `version`; the acceptance
/// and its audit row commit together.
pub(super) fn record_acceptance(
    tx: Tx<'_>,
    ctx: &Ctx,
    c: &crate::store::signin::Candidate,
    version: i64,
) -> Result<()> {
    terms::accept(tx, c.id, version, ctx.now())?;
    let details = serde_json::json!({"version": version});
    Ok(ctx.audit(tx, "terms.accept", Some(&c.username), None, details)?)
}
