//! Telegrams: their addressees, references and requests.

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::logic::Logic;
use super::world::cites;
use super::{Cx, Then, path};

pub(super) fn telegrams(cx: &mut Cx, logic: &mut Logic, raw: &RawScenario) -> Vec<Telegram> {
    raw.telegrams
        .iter()
        .enumerate()
        .map(|(i, t)| telegram(cx, logic, raw, &path(&["telegrams"]).then(i), t))
        .collect()
}

fn telegram(
    cx: &mut Cx,
    logic: &mut Logic,
    raw: &RawScenario,
    at: &[Seg],
    t: &RawTelegram,
) -> Telegram {
    let n = logic.n;
    let from = match &t.from {
        RawSender::Department => Station::Department,
        RawSender::Post(p) => {
            Station::Post(PostId(n.missions.resolve(cx, &at.then("from").then(0), p)))
        }
        RawSender::Actor(a) => {
            Station::Actor(ActorId(n.actors.resolve(cx, &at.then("from").then(0), a)))
        }
    };
    if t.to.is_empty() {
        cx.error(
            &at.then("to"),
            "the telegram has no addressees; expected at least one in `to`",
        );
    }
    let to = stations(cx, logic, raw, &at.then("to"), &t.to);
    let repeated = stations(cx, logic, raw, &at.then("repeated"), &t.repeated);
    let info = stations(cx, logic, raw, &at.then("info"), &t.info);
    let refs = t
        .refs
        .iter()
        .enumerate()
        .map(|(i, r)| match r {
            RawReference::Telegram(id) => Reference::Telegram(TelegramId(n.telegrams.resolve_as(
                cx,
                &at.then("refs").then(i).then(0),
                id,
                "(a reference names a telegram of this scenario; use `External(\"...\")` for others)",
            ))),
            RawReference::External(s) => Reference::External(s.clone()),
        })
        .collect();
    let requests = t
        .requests
        .iter()
        .enumerate()
        .map(|(i, r)| request(cx, logic, &at.then("requests").then(i), r))
        .collect::<Vec<_>>();
    for (i, r) in requests.iter().enumerate() {
        if requests[..i].iter().any(|o| o.id == r.id) {
            cx.error(
                &at.then("requests").then(i),
                format!(
                    "duplicate request id `{}`; expected each paragraph letter once",
                    r.id
                ),
            );
        }
    }
    let decides = t
        .requests
        .iter()
        .any(|r| matches!(r, RawRequest::Decision { .. }));
    if decides && to.iter().any(|s| *s != Station::Department) {
        cx.error(
            &at.then("to"),
            "a telegram with a `Decision` request goes to the Department alone; expected `to: [Department]`",
        );
    }
    Telegram {
        id: t.id.clone(),
        series: t.series,
        number: t.number,
        kind: t.kind,
        precedence: t.precedence,
        classification: t.classification,
        captions: t.captions.clone(),
        from,
        signed: t.signed.clone(),
        to,
        repeated,
        info,
        to_caption: caption(raw, &t.to),
        refs,
        subject: t.subject.clone(),
        body: t.body.clone(),
        file: t.file.clone(),
        cite: cites(cx, n, at, &t.cite),
        provenance: t.provenance,
        trigger: t
            .trigger
            .as_ref()
            .map(|tr| logic.trigger(cx, &at.then("trigger").then(Seg::Unwrap), tr)),
        requests,
        effects: logic.effects(cx, &at.then("effects"), &t.effects),
    }
}

/// Expands addressee sets into stations, without duplicates, in the order written.
fn stations(
    cx: &mut Cx,
    logic: &Logic,
    raw: &RawScenario,
    at: &[Seg],
    sets: &[RawAddressees],
) -> Vec<Station> {
    let n = logic.n;
    let mut out = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        let here = at.then(i);
        let except = |cx: &mut Cx, except: &[String]| -> Vec<u32> {
            except
                .iter()
                .enumerate()
                .map(|(j, p)| n.missions.resolve(cx, &here.then("except").then(j), p))
                .collect()
        };
        match set {
            RawAddressees::Department => out.push(Station::Department),
            RawAddressees::Post(p) => out.push(Station::Post(PostId(n.missions.resolve(
                cx,
                &here.then(0),
                p,
            )))),
            RawAddressees::Actor(a) => out.push(Station::Actor(ActorId(n.actors.resolve(
                cx,
                &here.then(0),
                a,
            )))),
            RawAddressees::Bureau { id, except: ex } => {
                n.bureaus.resolve(cx, &here.then("id"), id);
                let ex = except(cx, ex);
                for (m, mission) in raw.missions.iter().enumerate() {
                    if mission.bureau.as_deref() == Some(id) && !ex.contains(&(m as u32)) {
                        out.push(Station::Post(PostId(m as u32)));
                    }
                }
            }
            RawAddressees::AllPosts { except: ex } => {
                let ex = except(cx, ex);
                for m in 0..raw.missions.len() as u32 {
                    if !ex.contains(&m) {
                        out.push(Station::Post(PostId(m)));
                    }
                }
            }
        }
    }
    let mut seen = Vec::new();
    out.retain(|s| {
        let new = !seen.contains(s);
        seen.push(*s);
        new
    });
    out
}

/// The addressee line as the Department wrote it: `ALL ARA POSTS EXCEPT HAVANA`.
fn caption(raw: &RawScenario, sets: &[RawAddressees]) -> String {
    let city = |id: &str| {
        raw.missions
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.city.to_uppercase())
            .unwrap_or_else(|| id.to_uppercase())
    };
    let except = |ex: &[String]| {
        if ex.is_empty() {
            String::new()
        } else {
            format!(
                " EXCEPT {}",
                ex.iter().map(|e| city(e)).collect::<Vec<_>>().join(", ")
            )
        }
    };
    sets.iter()
        .map(|set| match set {
            RawAddressees::Department => "SECSTATE WASHDC".to_string(),
            RawAddressees::Post(p) => format!("AMEMBASSY {}", city(p)),
            RawAddressees::Actor(a) => raw
                .actors
                .iter()
                .find(|x| &x.id == a)
                .map(|x| x.address.clone())
                .unwrap_or_else(|| a.to_uppercase()),
            RawAddressees::Bureau { id, except: ex } => {
                format!("ALL {} POSTS{}", id.to_uppercase(), except(ex))
            }
            RawAddressees::AllPosts { except: ex } => format!("ALL DIPLOMATIC POSTS{}", except(ex)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn request(cx: &mut Cx, logic: &mut Logic, at: &[Seg], r: &RawRequest) -> Request {
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
                    if o.weight < 0.0 {
                        cx.error(
                            &here.then("weight"),
                            format!("the weight is {}; expected 0 or more", o.weight),
                        );
                    }
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
