//! A telegram's requests: estimates, actions and decisions, each checked against the
//! issues, leaders, materials, options and votes it names.

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::logic::Logic;
use super::{Cx, Then};

pub(super) fn request(cx: &mut Cx, logic: &mut Logic, at: &[Seg], r: &RawRequest) -> Request {
    let n = logic.n;
    let (id, kind) = match r {
        RawRequest::Estimate {
            id,
            issue,
            positions,
            deadline,
            default,
            ..
        } => {
            cx.within_period(&at.then("deadline"), "the deadline", *deadline);
            let issue_id = IssueId(n.issues.resolve(cx, &at.then("issue"), issue));
            let known: Vec<String> = logic
                .issues
                .get(issue_id.index())
                .map(|i| i.positions.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default();
            let mut position = |here: &[Seg], name: &str| -> PositionIx {
                match known.iter().position(|k| k == name) {
                    Some(ix) => ix,
                    None => {
                        let hint = super::super::diagnostics::closest(
                            name,
                            known.iter().map(String::as_str),
                        )
                        .map(|near| format!("did you mean `{near}`?"))
                        .unwrap_or_else(|| format!("expected one of: {}", known.join(", ")));
                        cx.error(
                            here,
                            format!("`{name}` is not a position of issue `{issue}`; {hint}"),
                        );
                        0
                    }
                }
            };
            let mut allowed: Vec<PositionIx> = positions
                .iter()
                .enumerate()
                .map(|(i, p)| position(&at.then("positions").then(i), p))
                .collect();
            if allowed.is_empty() {
                allowed = (0..known.len()).collect();
            }
            let default = default
                .as_ref()
                .map(|d| position(&at.then("default").then(Seg::Unwrap), d));
            if let Some(d) = default
                && !allowed.contains(&d)
            {
                cx.error(
                    &at.then("default").then(Seg::Unwrap),
                    "the default is not among the request's `positions`; expected one of them",
                );
            }
            if default.is_none() {
                cx.warn(
                    at,
                    format!(
                        "estimate request `{id}` has no `default`; when no reply comes by the deadline the Department will have no estimate"
                    ),
                );
            }
            (
                id,
                RequestKind::Estimate {
                    issue: issue_id,
                    positions: allowed,
                    deadline: *deadline,
                    default,
                },
            )
        }
        RawRequest::Action {
            id,
            see,
            show,
            except,
            deadline,
        } => {
            if let Some(d) = deadline {
                cx.within_period(&at.then("deadline").then(Seg::Unwrap), "the deadline", *d);
            }
            let see = see
                .iter()
                .enumerate()
                .map(|(i, w)| whom(cx, logic, &at.then("see").then(i), w))
                .collect();
            let show = show
                .iter()
                .enumerate()
                .map(|(i, m)| MaterialId(n.materials.resolve(cx, &at.then("show").then(i), m)))
                .collect();
            let except = except
                .iter()
                .enumerate()
                .map(|(i, p)| PostId(n.missions.resolve(cx, &at.then("except").then(i), p)))
                .collect();
            (
                id,
                RequestKind::Action {
                    see,
                    show,
                    except,
                    deadline: *deadline,
                },
            )
        }
        RawRequest::Decision {
            id,
            question,
            options,
            deadline,
            default,
            counts,
        } => {
            cx.within_period(&at.then("deadline"), "the deadline", *deadline);
            if options.is_empty() {
                cx.error(
                    &at.then("options"),
                    "a decision with no options; expected at least two",
                );
            }
            let built: Vec<DecisionOption> = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let here = at.then("options").then(i);
                    cx.in_range(
                        &here.then("weight"),
                        "the weight",
                        o.weight,
                        0.0,
                        super::numbers::MAX_WEIGHT,
                    );
                    DecisionOption {
                        id: o.id.clone(),
                        label: o.label.clone(),
                        effects: logic.effects(cx, &here.then("effects"), &o.effects),
                        weight: o.weight,
                        historical: o.historical,
                    }
                })
                .collect();
            let default_ix = built.iter().position(|o| &o.id == default).unwrap_or_else(|| {
                let ids: Vec<&str> = built.iter().map(|o| o.id.as_str()).collect();
                cx.error(
                    &at.then("default"),
                    format!("`{default}` is not one of this decision's options; expected one of: {}", ids.join(", ")),
                );
                0
            });
            let counts = counts.as_ref().map(|c| {
                let here = at.then("counts").then(Seg::Unwrap);
                let option = |cx: &mut Cx, field: &str, name: &str| {
                    built.iter().position(|o| o.id == name).unwrap_or_else(|| {
                        let ids: Vec<&str> = built.iter().map(|o| o.id.as_str()).collect();
                        cx.error(
                            &here.then(field),
                            format!(
                                "`{name}` is not one of this decision's options; expected one of: {}",
                                ids.join(", ")
                            ),
                        );
                        0
                    })
                };
                Count {
                    vote: VoteId(n.votes.resolve(cx, &here.then("vote"), &c.vote)),
                    enough: option(cx, "enough", &c.enough),
                    short: option(cx, "short", &c.short),
                }
            });
            (
                id,
                RequestKind::Decision {
                    question: question.clone(),
                    options: built,
                    deadline: *deadline,
                    default: default_ix,
                    counts,
                },
            )
        }
    };
    let paragraph = match r {
        RawRequest::Estimate {
            paragraph: Some(p), ..
        } => p.trim().to_uppercase(),
        _ => format!("({})", id.to_uppercase()),
    };
    Request {
        id: id.clone(),
        paragraph,
        kind,
    }
}

fn whom(cx: &mut Cx, logic: &Logic, at: &[Seg], w: &RawWhom) -> Whom {
    match w {
        RawWhom::HeadOfState => Whom::HeadOfState,
        RawWhom::ForeignMinister => Whom::ForeignMinister,
        RawWhom::Military => Whom::Military,
        RawWhom::Leader(id) => match logic.n.leaders.iter().find(|(l, _, _)| l == id) {
            Some((_, g, ix)) => Whom::Leader(GovId(*g), *ix),
            None => {
                let hint = super::super::diagnostics::closest(
                    id,
                    logic.n.leaders.iter().map(|(l, _, _)| l.as_str()),
                )
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_else(|| "; expected the id of a leader of some government".into());
                cx.error(
                    &at.then(0),
                    format!("`{id}` is not a leader of this scenario{hint}"),
                );
                Whom::HeadOfState
            }
        },
    }
}
