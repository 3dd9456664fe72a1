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
        .map(|(i, r)| super::requests::request(cx, logic, &at.then("requests").then(i), r))
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
