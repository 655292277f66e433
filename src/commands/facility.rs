//! `keyward facility add|list|show|rename|remove`.

use anyhow::Result;
use serde::Serialize;

use super::session::Access;
use super::{Ctx, input};
use crate::cli::{FacilityCmd, FacilityRename};
use crate::domain::names::{FacilityCode, display_name};
use crate::domain::scope::Action;
use crate::error::Failure;
use crate::output::table;
use crate::output::view::FacilityView;
use crate::store::facilities::{self, Facility};
use crate::store::{Store, Tx};

pub fn run(ctx: &Ctx, cmd: FacilityCmd) -> Result<()> {
    let access = if matches!(cmd, FacilityCmd::List | FacilityCmd::Show { .. }) {
        Access::Read
    } else {
        Access::Do(&Action::ManageFacilities)
    };
    let mut db = ctx.session(access)?.db;
    match cmd {
        FacilityCmd::Add { code, name } => add(ctx, &mut db, &code, name.as_deref()),
        FacilityCmd::List => list(ctx, &db),
        FacilityCmd::Show { code } => {
            let f = find(db.read(), &code)?;
            show(ctx, &f)
        }
        FacilityCmd::Rename(args) => rename(ctx, &mut db, args),
        FacilityCmd::Remove { code, force } => remove(ctx, &mut db, &code, force),
    }
}

/// A facility by code, or exit 7 naming the fix.
pub fn find(conn: Tx<'_>, code: &str) -> Result<Facility> {
    let code = FacilityCode::parse(code)?;
    facilities::find(conn, code.as_str())?.ok_or_else(|| {
        Failure::not_found(format!(
            "no facility `{code}`; see `keyward facility list` or add it with `keyward facility add {code}`"
        ))
        .into()
    })
}

fn show(ctx: &Ctx, f: &Facility) -> Result<()> {
    let view = FacilityView::from(f);
    ctx.out
        .emit(&view, table::facilities(std::slice::from_ref(&view)))?;
    Ok(())
}

fn add(ctx: &Ctx, db: &mut Store, code: &str, name: Option<&str>) -> Result<()> {
    let code = FacilityCode::parse(code)?;
    let name = display_name("facility name", name.unwrap_or(code.as_str()))?;
    let added = ctx.change(db, &Action::ManageFacilities, |c| -> Result<Facility> {
        let tx = c.tx;
        if let Some(existing) = facilities::find(tx, code.as_str())? {
            return Err(
                Failure::exists(format!("facility `{}` already exists", existing.code)).into(),
            );
        }
        facilities::insert(tx, code.as_str(), &name, ctx.now())?;
        ctx.audit(
            tx,
            "facility.add",
            None,
            Some(code.as_str()),
            serde_json::json!({"name": name}),
        )?;
        find(tx, code.as_str())
    })?;
    show(ctx, &added)
}

fn list(ctx: &Ctx, db: &Store) -> Result<()> {
    let views: Vec<FacilityView> = facilities::list(db.read())?
        .iter()
        .map(FacilityView::from)
        .collect();
    if ctx.out.json {
        ctx.out.json(&views)?;
    } else if views.is_empty() {
        ctx.out
            .text("No facilities yet; add one with `keyward facility add CODE --name NAME`.")?;
    } else {
        ctx.out.text(table::facilities(&views))?;
    }
    Ok(())
}

fn rename(ctx: &Ctx, db: &mut Store, args: FacilityRename) -> Result<()> {
    let new_code = args
        .code_to
        .as_deref()
        .map(FacilityCode::parse)
        .transpose()?;
    let new_name = args
        .new_name
        .as_deref()
        .or(args.name.as_deref())
        .map(|n| display_name("facility name", n))
        .transpose()?;
    let renamed = ctx.change(db, &Action::ManageFacilities, |c| -> Result<Facility> {
        let tx = c.tx;let f = find(tx, &args.code)?;
        let code = new_code
            .as_ref()
            .map_or(f.code.as_str(), FacilityCode::as_str);
        if let Some(other) = facilities::find(tx, code)?.filter(|o| o.id != f.id) {
            return Err(
                Failure::exists(format!("facility `{}` already exists", other.code)).into(),
            );
        }
        let name = new_name.as_deref().unwrap_or(&f.name);
        facilities::update(tx, f.id, code, name)?;
        let details = serde_json::json!({"from": {"code": f.code, "name": f.name}, "to": {"code": code, "name": name}});
        ctx.audit(tx, "facility.rename", None, Some(code), details)?;
        find(tx, code)
    })?;
    show(ctx, &renamed)
}

#[derive(Serialize)]
struct Removed {
    code: String,
    removed: bool,
    unassigned: usize,
}

fn remove(ctx: &Ctx, db: &mut Store, code: &str, force: bool) -> Result<()> {
    let f = find(db.read(), code)?;
    refuse_if_assigned(&f, force)?;
    input::confirm(ctx.yes, &format!("remove facility {} ({})", f.code, f.name))?;
    let unassigned = ctx.change(db, &Action::ManageFacilities, |c| -> Result<usize> {
        let tx = c.tx;
        let f = find(tx, code)?;
        refuse_if_assigned(&f, force)?;
        let unassigned = facilities::remove(tx, f.id)?;
        ctx.audit(
            tx,
            "facility.remove",
            None,
            Some(&f.code),
            serde_json::json!({"unassigned": unassigned}),
        )?;
        Ok(unassigned)
    })?;
    let doc = Removed {
        code: f.code.clone(),
        removed: true,
        unassigned,
    };
    let mut human = format!("Removed facility {}.", f.code);
    if unassigned > 0 {
        human.push_str(&format!(
            " {unassigned} account(s) were unassigned from it."
        ));
    }
    ctx.out.emit(&doc, human)?;
    Ok(())
}

fn refuse_if_assigned(f: &Facility, force: bool) -> Result<()> {
    if f.accounts > 0 && !force {
        return Err(Failure::refused(format!(
            "facility `{}` still has {} account(s) assigned; unassign them, or pass --force to unassign them and remove it (the accounts are kept)",
            f.code, f.accounts
        ))
        .into());
    }
    Ok(())
}
