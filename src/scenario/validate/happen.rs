//! What can ever happen in a scenario, found by following effects from what can start on its
//! own: votes that call each other in a circle (an error: the game would never leave that
//! moment), and votes, telegrams, events and endings that nothing can ever bring about
//! (warnings; an error when no ending but the clock's can ever be reached).

use super::super::model::*;
use super::{Cx, Then, path};

/// What can happen, as far as validation can tell without playing.
struct Possible {
    telegrams: Vec<bool>,
    events: Vec<bool>,
    votes: Vec<bool>,
    flags: Vec<bool>,
    endings: Vec<bool>,
}

/// Something whose effects follow once it can happen.
#[derive(Clone, Copy)]
enum Item {
    Telegram(usize),
    Event(usize),
    Vote(usize),
}

/// What a trigger can wait on, other than the clock and the stances.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Dep {
    Flag(usize),
    Vote(usize),
    Telegram(usize),
}

impl Possible {
    /// Follows effects from what can start on its own, each item once: a worklist, with the
    /// triggers indexed by what they wait on, so that a long chain of triggers (even one
    /// written backwards) costs no more than the scenario's size.
    fn of(s: &Scenario) -> Possible {
        let mut p = Possible {
            telegrams: vec![false; s.telegrams.len()],
            events: vec![false; s.events.len()],
            votes: vec![false; s.votes.len()],
            flags: vec![false; s.flags.len()],
            endings: vec![false; s.endings.len()],
        };
        if let Some(e) = p.endings.get_mut(s.period_end.index()) {
            *e = true;
        }
        let triggered: Vec<(Item, &Trigger)> = (s.telegrams.iter().enumerate())
            .filter_map(|(i, t)| t.trigger.as_ref().map(|tr| (Item::Telegram(i), tr)))
            .chain(
                s.events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (Item::Event(i), &e.trigger)),
            )
            .collect();
        let mut waiting: std::collections::HashMap<Dep, Vec<usize>> = Default::default();
        for (k, (_, trigger)) in triggered.iter().enumerate() {
            let mut deps = Vec::new();
            deps_of(trigger, &mut deps);
            for d in deps {
                waiting.entry(d).or_default().push(k);
            }
        }
        let mut work: Vec<Item> = Vec::new();
        let mut fresh: Vec<Dep> = Vec::new();
        let check = |p: &mut Possible, k: usize, work: &mut Vec<Item>, fresh: &mut Vec<Dep>| {
            let (item, trigger) = triggered[k];
            if !p.is(item) && p.can_hold(trigger, s) {
                p.mark(item, work, fresh);
            }
        };
        for k in 0..triggered.len() {
            check(&mut p, k, &mut work, &mut fresh);
        }
        loop {
            if let Some(dep) = fresh.pop() {
                for &k in waiting.get(&dep).into_iter().flatten() {
                    check(&mut p, k, &mut work, &mut fresh);
                }
            } else if let Some(item) = work.pop() {
                let effects: Vec<&[Effect]> = match item {
                    Item::Telegram(i) => {
                        let t = &s.telegrams[i];
                        let options = t.requests.iter().flat_map(|r| match &r.kind {
                            RequestKind::Decision { options, .. } => options.as_slice(),
                            _ => &[],
                        });
                        std::iter::once(t.effects.as_slice())
                            .chain(options.map(|o| o.effects.as_slice()))
                            .collect()
                    }
                    Item::Event(i) => vec![&s.events[i].effects],
                    Item::Vote(i) => vec![&s.votes[i].on_pass, &s.votes[i].on_fail],
                };
                for list in effects {
                    p.follow(list, &mut work, &mut fresh);
                }
            } else {
                return p;
            }
        }
    }

    fn is(&self, item: Item) -> bool {
        match item {
            Item::Telegram(i) => seen(&self.telegrams, i),
            Item::Event(i) => seen(&self.events, i),
            Item::Vote(i) => seen(&self.votes, i),
        }
    }

    /// Marks an item as possible, once: its effects are to follow, and what waits on it may
    /// now hold.
    fn mark(&mut self, item: Item, work: &mut Vec<Item>, fresh: &mut Vec<Dep>) {
        let (list, i, dep) = match item {
            Item::Telegram(i) => (&mut self.telegrams, i, Some(Dep::Telegram(i))),
            Item::Event(i) => (&mut self.events, i, None),
            Item::Vote(i) => (&mut self.votes, i, Some(Dep::Vote(i))),
        };
        if let Some(x) = list.get_mut(i)
            && !*x
        {
            *x = true;
            work.push(item);
            fresh.extend(dep);
        }
    }

    /// Marks what `effects` bring about.
    fn follow(&mut self, effects: &[Effect], work: &mut Vec<Item>, fresh: &mut Vec<Dep>) {
        for e in effects {
            match e {
                Effect::Send(t) | Effect::Schedule { telegram: t, .. } => {
                    self.mark(Item::Telegram(t.index()), work, fresh)
                }
                Effect::CallVote(v) => self.mark(Item::Vote(v.index()), work, fresh),
                Effect::SetFlag(f) => {
                    if let Some(x) = self.flags.get_mut(f.index())
                        && !*x
                    {
                        *x = true;
                        fresh.push(Dep::Flag(f.index()));
                    }
                }
                Effect::End(e) => {
                    if let Some(x) = self.endings.get_mut(e.index()) {
                        *x = true;
                    }
                }
                Effect::MoveStance { .. } | Effect::ClearFlag(_) | Effect::Rapport { .. } => {}
            }
        }
    }

    /// Whether a trigger could hold, given what can happen so far. Stances and `Not` are
    /// taken to be possible: only playing can tell.
    fn can_hold(&self, t: &Trigger, s: &Scenario) -> bool {
        match t {
            Trigger::At(m) => *m <= s.end,
            Trigger::Flag(f) => seen(&self.flags, f.index()),
            Trigger::StanceAbove { .. } | Trigger::StanceBelow { .. } | Trigger::Not(_) => true,
            Trigger::Replied { telegram, .. } => seen(&self.telegrams, telegram.index()),
            Trigger::NoReply { telegram, by, .. } => {
                seen(&self.telegrams, telegram.index()) && *by <= s.end
            }
            Trigger::Vote { vote, .. } => seen(&self.votes, vote.index()),
            Trigger::Chance(c) => s.chances.get(c.index()).is_some_and(|p| *p > 0.0),
            Trigger::All(ts) => ts.iter().all(|t| self.can_hold(t, s)),
            Trigger::Any(ts) => ts.iter().any(|t| self.can_hold(t, s)),
        }
    }
}

/// What a trigger waits on, besides the clock and the stances.
fn deps_of(t: &Trigger, out: &mut Vec<Dep>) {
    match t {
        Trigger::Flag(f) => out.push(Dep::Flag(f.index())),
        Trigger::Vote { vote, .. } => out.push(Dep::Vote(vote.index())),
        Trigger::Replied { telegram, .. } | Trigger::NoReply { telegram, .. } => {
            out.push(Dep::Telegram(telegram.index()))
        }
        Trigger::All(ts) | Trigger::Any(ts) => ts.iter().for_each(|t| deps_of(t, out)),
        Trigger::Not(t) => deps_of(t, out),
        Trigger::At(_)
        | Trigger::StanceAbove { .. }
        | Trigger::StanceBelow { .. }
        | Trigger::Chance(_) => {}
    }
}

/// Whether item `i` can happen (an id left unresolved by an error elsewhere cannot).
fn seen(items: &[bool], i: usize) -> bool {
    items.get(i).copied().unwrap_or(false)
}

pub(super) fn check(cx: &mut Cx, s: &Scenario) {
    cycles(cx, s);
    // With errors already found, what "can never happen" is mostly their echo.
    if cx.has_errors() {
        return;
    }
    let p = Possible::of(s);
    for (i, t) in s.telegrams.iter().enumerate() {
        // One that has no trigger and no sender is already an error (see `reach`).
        if !p.telegrams[i] && t.trigger.is_some() {
            cx.warn(
                &path(&["telegrams"]).then(i).then("trigger"),
                format!(
                    "telegram `{}` can never be sent: its trigger waits on flags, votes or replies that nothing in the scenario brings about",
                    t.id
                ),
            );
        }
    }
    for (i, e) in s.events.iter().enumerate() {
        if !p.events[i] {
            cx.warn(
                &path(&["events"]).then(i).then("trigger"),
                format!(
                    "event `{}` can never happen: its trigger waits on flags, votes or replies that nothing in the scenario brings about",
                    e.id
                ),
            );
        }
    }
    for (i, v) in s.votes.iter().enumerate() {
        if !p.votes[i] {
            cx.warn(
                &path(&["votes"]).then(i).then("id"),
                format!(
                    "vote `{}` is never held: no event, telegram, decision or vote that can happen calls it with `CallVote`",
                    v.id
                ),
            );
        }
    }
    let mut reachable = 0;
    for (i, e) in s.endings.iter().enumerate() {
        if i == s.period_end.index() {
            continue;
        }
        if p.endings[i] {
            reachable += 1;
        } else {
            cx.warn(
                &path(&["endings"]).then(i).then("id"),
                format!(
                    "ending `{}` can never be reached: no `End` effect that can happen names it",
                    e.id
                ),
            );
        }
    }
    // A scenario whose only ending is the clock's is time-boxed on purpose; one that names
    // endings of its own and can reach none of them would always just run out of time.
    if reachable == 0 && s.endings.len() > 1 {
        cx.error(
            &path(&["endings"]),
            "the scenario can only end by running out of time: no `End` effect that can happen names an ending; expected an event, decision or vote that ends the game",
        );
    }
}

/// Votes that call each other, or themselves, with `CallVote` in their results: each call
/// holds the vote again at once, so such a circle never lets the clock move.
fn cycles(cx: &mut Cx, s: &Scenario) {
    let calls = |v: &Vote| -> Vec<usize> {
        v.on_pass
            .iter()
            .chain(&v.on_fail)
            .filter_map(|e| match e {
                Effect::CallVote(w) => Some(w.index()),
                _ => None,
            })
            .collect()
    };
    let graph: Vec<Vec<usize>> = s.votes.iter().map(calls).collect();
    let mut reported = vec![false; s.votes.len()];
    for start in 0..s.votes.len() {
        if reported[start] {
            continue;
        }
        if let Some(circle) = circle_from(&graph, start) {
            let names: Vec<String> = circle
                .iter()
                .chain(std::iter::once(&start))
                .map(|v| format!("`{}`", s.votes[*v].id))
                .collect();
            for v in &circle {
                reported[*v] = true;
            }
            cx.error(
                &path(&["votes"]).then(start).then("id"),
                format!(
                    "vote {} calls itself again at once through `CallVote` ({}); the game would never leave that moment. Expected a vote that is held once, or a later vote sent by a telegram or event",
                    names[0],
                    names.join(" → ")
                ),
            );
        }
    }
}

/// A path of calls from `start` back to `start`, if there is one (breadth-first: the shortest).
fn circle_from(graph: &[Vec<usize>], start: usize) -> Option<Vec<usize>> {
    let mut came_from: Vec<Option<usize>> = vec![None; graph.len()];
    let mut queue = std::collections::VecDeque::from([start]);
    let mut seen = vec![false; graph.len()];
    while let Some(v) = queue.pop_front() {
        for &w in &graph[v] {
            if w == start {
                let mut path = vec![v];
                let mut at = v;
                while let Some(prev) = came_from[at] {
                    path.push(prev);
                    at = prev;
                }
                path.reverse();
                return Some(path);
            }
            if w < graph.len() && !seen[w] {
                seen[w] = true;
                came_from[w] = Some(v);
                queue.push_back(w);
            }
        }
    }
    None
}
