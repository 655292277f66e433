//! Who may do what to whom (SPEC 2 and 8). The local operating-system user
//! without `--as` and a `support` account may do everything; an `admin` manages
//! only `user` and `supervisor` accounts that share at least one facility with
//! them, and hands out only facilities they hold; `user` and `supervisor` have
//! no administrative commands. No I/O: the caller loads the operator's and the
//! target's role and facility ids, asks [`check`], and exits 6 on a refusal.
//!
//! ```text
//!   operator ─ Os / support ───────────────────────────────────────────► allowed
//!      │
//!      ├─ facilities, policy, terms, audit, sessions ──────────────────► SupportOnly
//!      ├─ user / supervisor ───────────────────────────────────────────► NotAdministrator
//!      │ admin
//!      ├─ create: role above supervisor / no facility / one not held ──► refused
//!      │ (every other action acts on an existing account)
//!      ├─ target is the admin themselves ───────────────────────────────► OwnAccount
//!      ├─ target admin/support, or no facility shared ──────────────────► OutOfScope
//!      ├─ assign / unassign a facility the admin does not hold ────────► refused
//!      ├─ set-role above supervisor ────────────────────────────────────► RoleTooHigh
//!      └─ otherwise ────────────────────────────────────────────────────► allowed
//! ```

use std::fmt;

use super::account::Role;

/// Who runs the command: decides how much power it has (SPEC 8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operator {
    /// The local operating-system user acting without `--as`: whoever can
    /// write the database file has full power, like root with `useradd`.
    Os,
    /// A keyward account acting with `--as`, authenticated, with the ids of
    /// the facilities it holds; the role scope of SPEC 2 applies.
    Account { role: Role, facilities: Vec<i64> },
}

/// The existing account an action is on, as far as scope needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    pub role: Role,
    /// Ids of the facilities the target holds now.
    pub facilities: &'a [i64],
    /// Whether the target is the operator's own account: an admin may not
    /// raise, re-scope or unlock themselves.
    pub is_self: bool,
}

/// What the operator asks to do; each variant is one scope rule, not one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `user show`, and each row of `user list` (see [`visible`]).
    ViewAccount,
    /// `user add` / a row of `user import`: a new account with this role and
    /// these facility ids. Has no target.
    CreateAccount { role: Role, facilities: Vec<i64> },
    /// Anything else done to an existing account: disable, enable, lock,
    /// unlock, reset-password, remove, 2FA enrol/reset/backup-codes.
    ChangeAccount,
    /// `user assign`: add these facility ids to the target.
    Assign { facilities: Vec<i64> },
    /// `user unassign`: remove these facility ids from the target.
    Unassign { facilities: Vec<i64> },
    /// `user set-role`: give the target this role.
    SetRole { to: Role },
    /// `facility add|rename|remove`.
    ManageFacilities,
    /// `policy set`.
    ManagePolicy,
    /// Publishing terms of use.
    ManageTerms,
    /// `audit list|verify`.
    ViewAudit,
    /// `2fa enroll|confirm|reset|backup-codes`: anyone may manage their own
    /// second factor; another account's as [`Action::ChangeAccount`].
    ManageTwofa,
    /// `2fa status`: one's own, or another account's as [`Action::ViewAccount`].
    ViewTwofa,
    /// `user import` as a whole: an admin or support may run one; each row is
    /// then checked as the account creation or change it is.
    Import,
    /// `session revoke`: end another operator's sessions.
    RevokeSessions,
}

/// The parts of keyward only support (or the OS user) may touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reserved {
    Facilities,
    Policy,
    Terms,
    Audit,
    Sessions,
}

impl fmt::Display for Reserved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reserved::Facilities => "add, rename or remove facilities",
            Reserved::Policy => "change the policy",
            Reserved::Terms => "publish the terms",
            Reserved::Audit => "read the audit log",
            Reserved::Sessions => "end other operators' sessions",
        })
    }
}

/// Why an operator may not do an action (exit 6). Each message names what is
/// refused and why, so the person knows whom to ask.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// A `user` or `supervisor` acting with `--as` on an administrative command.
    #[error(
        "a {0} account may not run administrative commands; only admin and support accounts may"
    )]
    NotAdministrator(Role),
    /// Any account but support on facilities, policy, terms, the audit log
    /// or other operators' sessions.
    #[error("{who} may not {part}; ask support", who = with_article(*.0), part = .1)]
    SupportOnly(Role, Reserved),
    /// An admin on their own account.
    #[error(
        "an admin may not administer their own account; use the self-service commands or ask support"
    )]
    OwnAccount,
    /// An admin on an admin or support account, or on one sharing none of
    /// their facilities. One message for both, so that a refusal does not
    /// tell an admin the role of an account outside their facilities.
    #[error("an admin may act only on user and supervisor accounts of their own facilities")]
    OutOfScope,
    /// An admin creating an account, or setting a role, above supervisor.
    #[error("an admin may give only the user or supervisor role, not {0}; ask support")]
    RoleTooHigh(Role),
    /// An admin creating an account without a facility: it would be outside
    /// every admin's scope at once.
    #[error("an admin must give a new account at least one of their own facilities")]
    NoFacility,
    /// An admin creating an account in facilities they do not hold (the ids).
    #[error("an admin may give a new account only facilities they hold themselves; ask support")]
    CreateOutside(Vec<i64>),
    /// An admin assigning facilities they do not hold (the ids).
    #[error("an admin may assign only facilities they hold themselves; ask support")]
    AssignOutside(Vec<i64>),
    /// An admin unassigning facilities they do not hold (the ids).
    #[error("an admin may unassign only facilities they hold themselves; ask support")]
    UnassignOutside(Vec<i64>),
    /// The caller passed no target for an action on an existing account: a
    /// bug, refused rather than guessed.
    #[error("this action needs the account it acts on")]
    MissingTarget,
}

/// Whether `op` may do `action` to `target` (SPEC 2, 8). `target` is the
/// existing account acted on; it is ignored for actions that have none
/// (create, facilities, policy, terms, audit).
/// The part of keyward `action` touches that only support may, if any.
fn reserved(action: &Action) -> Option<Reserved> {
    match action {
        Action::ManageFacilities => Some(Reserved::Facilities),
        Action::ManagePolicy => Some(Reserved::Policy),
        Action::ManageTerms => Some(Reserved::Terms),
        Action::ViewAudit => Some(Reserved::Audit),
        Action::RevokeSessions => Some(Reserved::Sessions),
        Action::ViewAccount
        | Action::CreateAccount { .. }
        | Action::ChangeAccount
        | Action::Assign { .. }
        | Action::Unassign { .. }
        | Action::SetRole { .. }
        | Action::ManageTwofa
        | Action::ViewTwofa
        | Action::Import => None,
    }
}

/// A role as a sentence names it: "an admin", "a user".
fn with_article(role: Role) -> String {
    match role {
        Role::Admin => "an admin".to_string(),
        other => format!("a {other}"),
    }
}

pub fn check(
    op: &Operator,
    action: &Action,
    target: Option<&Target<'_>>,
) -> Result<(), ScopeError> {
    let own = target.is_some_and(|t| t.is_self);
    if own && matches!(action, Action::ManageTwofa | Action::ViewTwofa) {
        return Ok(());
    }
    let held = match op {
        Operator::Os => return Ok(()),
        Operator::Account { role, facilities } => match (role, reserved(action)) {
            (Role::Support, _) => return Ok(()),
            (_, Some(part)) => return Err(ScopeError::SupportOnly(*role, part)),
            (Role::User | Role::Supervisor, None) => {
                return Err(ScopeError::NotAdministrator(*role));
            }
            (Role::Admin, None) => facilities.as_slice(),
        },
    };
    match action {
        Action::ManageFacilities
        | Action::ManagePolicy
        | Action::ManageTerms
        | Action::ViewAudit
        | Action::RevokeSessions => {
            reserved(action).map_or(Ok(()), |p| Err(ScopeError::SupportOnly(Role::Admin, p)))
        }
        Action::CreateAccount { role, facilities } => {
            if !manageable(*role) {
                return Err(ScopeError::RoleTooHigh(*role));
            }
            if facilities.is_empty() {
                return Err(ScopeError::NoFacility);
            }
            not_held(held, facilities).map_or(Ok(()), |ids| Err(ScopeError::CreateOutside(ids)))
        }
        Action::Import => Ok(()),
        Action::ViewAccount
        | Action::ViewTwofa
        | Action::ManageTwofa
        | Action::ChangeAccount
        | Action::Assign { .. }
        | Action::Unassign { .. }
        | Action::SetRole { .. } => {
            let target = target.ok_or(ScopeError::MissingTarget)?;
            admin_reaches(held, target)?;
            match action {
                Action::Assign { facilities } => not_held(held, facilities)
                    .map_or(Ok(()), |ids| Err(ScopeError::AssignOutside(ids))),
                Action::Unassign { facilities } => not_held(held, facilities)
                    .map_or(Ok(()), |ids| Err(ScopeError::UnassignOutside(ids))),
                Action::SetRole { to } if !manageable(*to) => Err(ScopeError::RoleTooHigh(*to)),
                _ => Ok(()),
            }
        }
    }
}

/// Whether `op` sees `target` in `user list`: the same rule as
/// [`Action::ViewAccount`], so a list never shows what `user show` refuses.
pub fn visible(op: &Operator, target: &Target<'_>) -> bool {
    check(op, &Action::ViewAccount, Some(target)).is_ok()
}

/// The roles an admin manages and may hand out.
fn manageable(role: Role) -> bool {
    matches!(role, Role::User | Role::Supervisor)
}

/// Whether an admin holding `held` may act on `target` at all.
fn admin_reaches(held: &[i64], target: &Target<'_>) -> Result<(), ScopeError> {
    if target.is_self {
        return Err(ScopeError::OwnAccount);
    }
    if !manageable(target.role) || !target.facilities.iter().any(|f| held.contains(f)) {
        return Err(ScopeError::OutOfScope);
    }
    Ok(())
}

/// The ids of `wanted` not in `held`, or `None` when all are held.
fn not_held(held: &[i64], wanted: &[i64]) -> Option<Vec<i64>> {
    let missing: Vec<i64> = wanted
        .iter()
        .copied()
        .filter(|f| !held.contains(f))
        .collect();
    (!missing.is_empty()).then_some(missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::{Admin, Supervisor, Support, User};

    /// The operator account holds facilities 1 and 2.
    const HELD: [i64; 2] = [1, 2];
    /// A target sharing facility 2 with the operator, or sharing none.
    const SHARED: [i64; 2] = [2, 3];
    const APART: [i64; 1] = [3];

    fn op(role: Role) -> Operator {
        Operator::Account {
            role,
            facilities: HELD.to_vec(),
        }
    }

    fn target(role: Role, shared: bool) -> Target<'static> {
        Target {
            role,
            facilities: if shared { &SHARED } else { &APART },
            is_self: false,
        }
    }

    /// Actions on an existing account, one column each in `ON_ACCOUNTS`:
    /// view, change, assign, unassign, set-role. Facilities and roles within
    /// the admin's reach, so only the operator and target decide.
    fn targeted() -> [Action; 5] {
        [
            Action::ViewAccount,
            Action::ChangeAccount,
            Action::Assign {
                facilities: vec![1],
            },
            Action::Unassign {
                facilities: vec![2],
            },
            Action::SetRole { to: Supervisor },
        ]
    }

    /// Actions without a target, one column each in `WITHOUT_TARGET`: create,
    /// facilities, policy, terms, audit.
    fn untargeted() -> [Action; 6] {
        [
            Action::CreateAccount {
                role: User,
                facilities: vec![1],
            },
            Action::ManageFacilities,
            Action::ManagePolicy,
            Action::ManageTerms,
            Action::ViewAudit,
            Action::RevokeSessions,
        ]
    }

    /// operator × target role × shares a facility → `targeted()` allowed
    /// (`y`) or refused (`.`), columns: view change assign unassign set-role.
    const ON_ACCOUNTS: &[(Role, Role, bool, &str)] = &[
        (User, User, true, "....."),
        (User, User, false, "....."),
        (User, Supervisor, true, "....."),
        (User, Supervisor, false, "....."),
        (User, Admin, true, "....."),
        (User, Admin, false, "....."),
        (User, Support, true, "....."),
        (User, Support, false, "....."),
        (Supervisor, User, true, "....."),
        (Supervisor, User, false, "....."),
        (Supervisor, Supervisor, true, "....."),
        (Supervisor, Supervisor, false, "....."),
        (Supervisor, Admin, true, "....."),
        (Supervisor, Admin, false, "....."),
        (Supervisor, Support, true, "....."),
        (Supervisor, Support, false, "....."),
        (Admin, User, true, "yyyyy"),
        (Admin, User, false, "....."),
        (Admin, Supervisor, true, "yyyyy"),
        (Admin, Supervisor, false, "....."),
        (Admin, Admin, true, "....."),
        (Admin, Admin, false, "....."),
        (Admin, Support, true, "....."),
        (Admin, Support, false, "....."),
        (Support, User, true, "yyyyy"),
        (Support, User, false, "yyyyy"),
        (Support, Supervisor, true, "yyyyy"),
        (Support, Supervisor, false, "yyyyy"),
        (Support, Admin, true, "yyyyy"),
        (Support, Admin, false, "yyyyy"),
        (Support, Support, true, "yyyyy"),
        (Support, Support, false, "yyyyy"),
    ];

    /// operator → `untargeted()` allowed or refused, columns: create
    /// facilities policy terms audit revoke-sessions.
    const WITHOUT_TARGET: &[(Role, &str)] = &[
        (User, "......"),
        (Supervisor, "......"),
        (Admin, "y....."),
        (Support, "yyyyyy"),
    ];

    fn expect(op: &Operator, action: &Action, target: Option<&Target<'_>>, want: u8, row: &str) {
        let got = check(op, action, target);
        assert_eq!(got.is_ok(), want == b'y', "{row} {action:?}: {got:?}");
    }

    #[test]
    fn the_table_of_operators_targets_and_actions() {
        for &(op_role, target_role, shared, want) in ON_ACCOUNTS {
            let o = op(op_role);
            let t = target(target_role, shared);
            let row = format!("{op_role} on {target_role} (shared: {shared})");
            assert_eq!(want.len(), targeted().len(), "{row}");
            for (action, w) in targeted().iter().zip(want.bytes()) {
                expect(&o, action, Some(&t), w, &row);
            }
            assert_eq!(visible(&o, &t), want.as_bytes()[0] == b'y', "{row} visible");
        }
        for &(op_role, want) in WITHOUT_TARGET {
            let o = op(op_role);
            let row = format!("{op_role}");
            assert_eq!(want.len(), untargeted().len(), "{row}");
            for (action, w) in untargeted().iter().zip(want.bytes()) {
                expect(&o, action, None, w, &row);
            }
        }
    }

    /// Every action, with edge cases an admin is refused, on every target.
    fn everything() -> Vec<Action> {
        let mut all = targeted().to_vec();
        all.extend(untargeted());
        all.extend([
            Action::CreateAccount {
                role: Support,
                facilities: vec![],
            },
            Action::Assign {
                facilities: vec![9],
            },
            Action::Unassign {
                facilities: vec![9],
            },
            Action::SetRole { to: Support },
        ]);
        all
    }

    #[test]
    fn os_and_support_may_do_everything() {
        let support_without_facilities = Operator::Account {
            role: Support,
            facilities: vec![],
        };
        for o in [Operator::Os, op(Support), support_without_facilities] {
            for action in everything() {
                assert_eq!(check(&o, &action, None), Ok(()), "{o:?} {action:?}");
                for role in Role::ALL {
                    for shared in [true, false] {
                        for is_self in [true, false] {
                            let t = Target {
                                is_self,
                                ..target(role, shared)
                            };
                            assert_eq!(check(&o, &action, Some(&t)), Ok(()), "{o:?} {action:?}");
                            assert!(visible(&o, &t));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn users_and_supervisors_have_no_administrative_action() {
        for role in [User, Supervisor] {
            for action in everything() {
                // What only support may do says so; the rest names the role.
                let expected = match reserved(&action) {
                    Some(part) => ScopeError::SupportOnly(role, part),
                    None => ScopeError::NotAdministrator(role),
                };
                assert_eq!(
                    check(&op(role), &action, Some(&target(User, true))),
                    Err(expected)
                );
            }
        }
    }

    #[test]
    fn an_admin_creates_only_users_and_supervisors() {
        for role in [User, Supervisor] {
            let a = Action::CreateAccount {
                role,
                facilities: vec![1, 2],
            };
            assert_eq!(check(&op(Admin), &a, None), Ok(()));
        }
        for role in [Admin, Support] {
            let a = Action::CreateAccount {
                role,
                facilities: vec![1],
            };
            assert_eq!(
                check(&op(Admin), &a, None),
                Err(ScopeError::RoleTooHigh(role))
            );
        }
    }

    #[test]
    fn an_admin_creates_only_within_their_facilities() {
        let none = Action::CreateAccount {
            role: User,
            facilities: vec![],
        };
        assert_eq!(check(&op(Admin), &none, None), Err(ScopeError::NoFacility));
        let partly = Action::CreateAccount {
            role: User,
            facilities: vec![1, 3, 4],
        };
        assert_eq!(
            check(&op(Admin), &partly, None),
            Err(ScopeError::CreateOutside(vec![3, 4]))
        );
    }

    #[test]
    fn an_admin_assigns_and_unassigns_only_facilities_they_hold() {
        let t = target(User, true);
        let assign = Action::Assign {
            facilities: vec![1, 5],
        };
        assert_eq!(
            check(&op(Admin), &assign, Some(&t)),
            Err(ScopeError::AssignOutside(vec![5]))
        );
        let unassign = Action::Unassign {
            facilities: vec![3],
        };
        assert_eq!(
            check(&op(Admin), &unassign, Some(&t)),
            Err(ScopeError::UnassignOutside(vec![3])),
            "facility 3 is the target's but not the admin's"
        );
        let both = Action::Unassign {
            facilities: vec![1, 2],
        };
        assert_eq!(check(&op(Admin), &both, Some(&t)), Ok(()));
    }

    #[test]
    fn an_admin_may_not_assign_into_an_account_outside_their_facilities() {
        let assign = Action::Assign {
            facilities: vec![1],
        };
        assert_eq!(
            check(&op(Admin), &assign, Some(&target(User, false))),
            Err(ScopeError::OutOfScope)
        );
    }

    #[test]
    fn an_admin_sets_only_user_or_supervisor() {
        let t = target(Supervisor, true);
        assert_eq!(
            check(&op(Admin), &Action::SetRole { to: User }, Some(&t)),
            Ok(())
        );
        for to in [Admin, Support] {
            assert_eq!(
                check(&op(Admin), &Action::SetRole { to }, Some(&t)),
                Err(ScopeError::RoleTooHigh(to))
            );
        }
    }

    #[test]
    fn an_admin_may_not_act_on_another_admin_or_support() {
        for role in [Admin, Support] {
            for action in targeted() {
                assert_eq!(
                    check(&op(Admin), &action, Some(&target(role, true))),
                    Err(ScopeError::OutOfScope),
                    "{role} {action:?}"
                );
            }
        }
    }

    #[test]
    fn an_admin_may_not_act_on_themselves() {
        let me = Target {
            role: Admin,
            facilities: &HELD,
            is_self: true,
        };
        for action in targeted() {
            assert_eq!(
                check(&op(Admin), &action, Some(&me)),
                Err(ScopeError::OwnAccount),
                "{action:?}"
            );
        }
        assert!(!visible(&op(Admin), &me));
    }

    #[test]
    fn an_admin_without_facilities_reaches_nobody() {
        let bare = Operator::Account {
            role: Admin,
            facilities: vec![],
        };
        assert!(!visible(&bare, &target(User, true)));
        let a = Action::CreateAccount {
            role: User,
            facilities: vec![1],
        };
        assert_eq!(
            check(&bare, &a, None),
            Err(ScopeError::CreateOutside(vec![1]))
        );
    }

    #[test]
    fn an_action_on_an_account_needs_the_account() {
        assert_eq!(
            check(&op(Admin), &Action::ChangeAccount, None),
            Err(ScopeError::MissingTarget)
        );
    }

    #[test]
    fn refusals_say_what_and_why() {
        assert_eq!(
            ScopeError::OutOfScope.to_string(),
            "an admin may act only on user and supervisor accounts of their own facilities"
        );
        assert_eq!(
            ScopeError::SupportOnly(Admin, Reserved::Policy).to_string(),
            "an admin may not change the policy; ask support"
        );
        assert_eq!(
            ScopeError::SupportOnly(User, Reserved::Sessions).to_string(),
            "a user may not end other operators' sessions; ask support"
        );
        assert_eq!(
            ScopeError::RoleTooHigh(Admin).to_string(),
            "an admin may give only the user or supervisor role, not admin; ask support"
        );
        assert!(
            ScopeError::NotAdministrator(Supervisor)
                .to_string()
                .starts_with("a supervisor account may not")
        );
    }

    #[test]
    fn second_factor_is_self_service_and_otherwise_a_change_of_the_account() {
        for role in [User, Supervisor, Admin, Support] {
            let own = Target {
                is_self: true,
                ..target(role, false)
            };
            for action in [Action::ManageTwofa, Action::ViewTwofa] {
                assert_eq!(check(&op(role), &action, Some(&own)), Ok(()), "{role}");
            }
            // Self-service covers the second factor only.
            if role == Admin {
                assert_eq!(
                    check(&op(role), &Action::ChangeAccount, Some(&own)),
                    Err(ScopeError::OwnAccount)
                );
            }
            for other in [User, Supervisor, Admin, Support] {
                for shared in [true, false] {
                    let t = target(other, shared);
                    assert_eq!(
                        check(&op(role), &Action::ManageTwofa, Some(&t)),
                        check(&op(role), &Action::ChangeAccount, Some(&t))
                    );
                    assert_eq!(
                        check(&op(role), &Action::ViewTwofa, Some(&t)),
                        check(&op(role), &Action::ViewAccount, Some(&t))
                    );
                }
            }
        }
    }

    #[test]
    fn an_import_needs_an_administrator_and_then_checks_each_row() {
        assert_eq!(check(&op(Admin), &Action::Import, None), Ok(()));
        assert_eq!(check(&op(Support), &Action::Import, None), Ok(()));
        assert_eq!(check(&Operator::Os, &Action::Import, None), Ok(()));
        assert_eq!(
            check(&op(Supervisor), &Action::Import, None),
            Err(ScopeError::NotAdministrator(Supervisor))
        );
    }
}
