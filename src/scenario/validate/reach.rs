//! Whether each telegram and event can ever fire, the flags effects set, and citations.

use std::collections::BTreeSet;

use super::super::format::*;
use super::super::model::*;
use super::{Cx, Then, path};

/// Every flag that some effect sets or clears, in the order they first appear.
pub(super) fn flags_set(raw: &RawScenario) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |effects: &[RawEffect]| {
        for e in effects {
            if let RawEffect::SetFlag(f) | RawEffect::ClearFlag(f) = e
                && !out.contains(f)
            {
                out.push(f.clone());
            }
        }
    };
    for t in &raw.telegrams {
        add(&t.effects);
        for r in &t.requests {
            if let RawRequest::Decision { options, .. } = r {
                options.iter().for_each(|o| add(&o.effects));
            }
        }
    }
    raw.events.iter().for_each(|e| add(&e.effects));
    for v in &raw.votes {
        add(&v.on_pass);
        add(&v.on_fail);
    }
    out
}

/// Reports telegrams that nothing can ever send, and those whose trigger can never hold.
/// In a scenario that calls itself historical, every event should say where it comes from.
pub(super) fn citations(cx: &mut Cx, s: &Scenario) {
    if !s.historical {
        return;
    }
    for (i, e) in s.events.iter().enumerate() {
        if e.cite.is_empty() && e.provenance != Provenance::Invented {
            cx.warn(
                &path(&["events"]).then(i).then("id"),
                format!(
                    "event `{}` cites no source, in a scenario marked `historical`; expected `cite: [...]`, or `provenance: Invented`",
                    e.id
                ),
            );
        }
    }
}

pub(super) fn reachability(cx: &mut Cx, s: &Scenario) {
    let mut sent: BTreeSet<TelegramId> = BTreeSet::new();
    let mut called: BTreeSet<VoteId> = BTreeSet::new();
    let mut visit = |effects: &[Effect]| {
        for e in effects {
            match e {
                Effect::Send(t) | Effect::Schedule { telegram: t, .. } => {
                    sent.insert(*t);
                }
                Effect::CallVote(v) => {
                    called.insert(*v);
                }
                // Named so that an effect that sends or calls something must be added above.
                Effect::MoveStance { .. }
                | Effect::SetFlag(_)
                | Effect::ClearFlag(_)
                | Effect::Rapport { .. }
                | Effect::End(_) => {}
            }
        }
    };
    for t in &s.telegrams {
        visit(&t.effects);
        for r in &t.requests {
            if let RequestKind::Decision { options, .. } = &r.kind {
                options.iter().for_each(|o| visit(&o.effects));
            }
        }
    }
    s.events.iter().for_each(|e| visit(&e.effects));
    s.votes.iter().for_each(|v| {
        visit(&v.on_pass);
        visit(&v.on_fail);
    });
    for (i, t) in s.telegrams.iter().enumerate() {
        let at = path(&["telegrams"]).then(i);
        match &t.trigger {
            None if !sent.contains(&TelegramId(i as u32)) => cx.error(
                &at.then("id"),
                format!(
                    "telegram `{}` can never be sent: it has no trigger and no `Send` or `Schedule` effect names it; expected a `trigger`",
                    t.id
                ),
            ),
            Some(trigger) => {
                if let Some(why) = never(trigger, s, &called) {
                    cx.error(
                        &at.then("trigger"),
                        format!("telegram `{}` can never be sent: {why}", t.id),
                    );
                }
            }
            None => {}
        }
    }
    for (i, e) in s.events.iter().enumerate() {
        if let Some(why) = never(&e.trigger, s, &called) {
            cx.error(
                &path(&["events"]).then(i).then("trigger"),
                format!("event `{}` can never happen: {why}", e.id),
            );
        }
    }
}

/// Why a trigger can never hold, if it cannot.
fn never(t: &Trigger, s: &Scenario, called: &BTreeSet<VoteId>) -> Option<String> {
    match t {
        Trigger::At(m) if *m > s.end => Some(format!("{m} is after the period ends")),
        Trigger::Vote { vote, .. } if !called.contains(vote) => Some(format!(
            "vote `{}` is never called by a `CallVote` effect",
            s.vote(*vote).id
        )),
        Trigger::Chance(c) if s.chances[c.index()] <= 0.0 => Some("its chance is 0".into()),
        Trigger::All(ts) => ts.iter().find_map(|t| never(t, s, called)),
        Trigger::Any(ts) => {
            let reasons: Vec<String> = ts.iter().filter_map(|t| never(t, s, called)).collect();
            (reasons.len() == ts.len() && !ts.is_empty()).then(|| reasons.join("; and "))
        }
        _ => None,
    }
}
