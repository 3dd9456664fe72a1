//! Triggers: telegrams and events fire when their conditions hold; flags and chances.

use bevy::prelude::*;

use crate::cables::{Sent, Traffic, send_telegram};
use crate::calendar::{Agenda, Calendar};
use crate::effects::{SetFlag, apply_all};
use crate::governments::GovernmentStances;
use crate::requests::Requests;
use crate::rng::WorldRng;
use crate::saved::SavedApp;
use crate::scenario::format::VoteResult;
use crate::scenario::{Moment, Station, Trigger};
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, SimSet};
use crate::votes::VoteLog;

/// The scenario's flags, by [`crate::scenario::FlagId`].
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Flags(pub Vec<bool>);

/// The outcome of each `Chance` trigger, drawn once when the game starts.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Chances(pub Vec<bool>);

/// Which events have happened.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Happened(pub Vec<bool>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Flags>()
        .init_resource::<Chances>()
        .init_resource::<Happened>()
        .init_resource::<Watching>()
        .saved_resource::<Flags>("flags")
        .saved_resource::<Chances>("chances")
        .saved_resource::<Happened>("happened")
        // What waits on which date or flag is derived from the flags and what has happened.
        .after_restore(rewatch)
        .add_observer(set_flags)
        .add_systems(Update, fire.in_set(SimSet::Triggers));
}

/// Draws every chance, sizes the flags, and puts every dated trigger on the agenda.
pub fn draw_chances(world: &mut World) {
    let scenario = world.resource::<ActiveScenario>().clone();
    let draws: Vec<bool> = {
        let mut rng = world.resource_mut::<WorldRng>();
        scenario.chances.iter().map(|p| rng.chance(*p)).collect()
    };
    world.insert_resource(Chances(draws));
    world.insert_resource(Flags(vec![false; scenario.flags.len()]));
    world.insert_resource(Happened(vec![false; scenario.events.len()]));
    let mut moments = Vec::new();
    for t in scenario.telegrams.iter().filter_map(|t| t.trigger.as_ref()) {
        t.moments(&mut moments);
    }
    for e in &scenario.events {
        e.trigger.moments(&mut moments);
    }
    let mut agenda = world.resource_mut::<Agenda>();
    moments.into_iter().for_each(|m| agenda.add(m));
    rewatch(world);
}

/// Rebuilds the index of waiting triggers; after the world is replaced (a save restored).
pub fn rewatch(world: &mut World) {
    let scenario = world.resource::<ActiveScenario>().clone();
    let flags = scenario.flags.len();
    world.insert_resource(Watching {
        telegrams: Watch::new(scenario.telegrams.iter().map(|t| t.trigger.as_ref()), flags),
        events: Watch::new(scenario.events.iter().map(|e| Some(&e.trigger)), flags),
        due: Vec::new(),
    });
}

/// Which triggers may hold now, so that a tick tests those and not every trigger of the
/// scenario: a bare date cannot hold before it comes, a bare flag while it is down, and once
/// either holds it fires in that tick. Any other trigger is tested every tick. Derived from the
/// scenario and the world, so it is not saved.
#[derive(Resource, Default)]
pub struct Watching {
    telegrams: Watch,
    events: Watch,
    /// Scratch: the indices to test this tick.
    due: Vec<u32>,
}

#[derive(Default)]
struct Watch {
    /// Bare `At` triggers by moment; those before `next_dated` have come.
    dated: Vec<(Moment, u32)>,
    next_dated: usize,
    /// Bare `Flag` triggers by flag, and whether the flag has been seen up.
    flagged: Vec<Vec<u32>>,
    flag_seen: Vec<bool>,
    /// Every other trigger.
    other: Vec<u32>,
}

impl Watch {
    fn new<'a>(triggers: impl Iterator<Item = Option<&'a Trigger>>, flags: usize) -> Watch {
        let mut watch = Watch {
            flagged: vec![Vec::new(); flags],
            flag_seen: vec![false; flags],
            ..Watch::default()
        };
        for (i, t) in triggers.enumerate() {
            let i = i as u32;
            match t {
                None => {}
                Some(Trigger::At(m)) => watch.dated.push((*m, i)),
                Some(Trigger::Flag(f)) => watch.flagged[f.index()].push(i),
                Some(_) => watch.other.push(i),
            }
        }
        watch.dated.sort_unstable();
        watch
    }

    /// Puts into `due`, in index order, every trigger that may hold at `now`.
    fn due(&mut self, now: Moment, flags: &Flags, due: &mut Vec<u32>) {
        due.clear();
        due.extend_from_slice(&self.other);
        while let Some((m, i)) = self.dated.get(self.next_dated)
            && *m <= now
        {
            due.push(*i);
            self.next_dated += 1;
        }
        for (f, up) in flags.0.iter().enumerate() {
            if *up && !self.flag_seen[f] {
                self.flag_seen[f] = true;
                due.extend_from_slice(&self.flagged[f]);
            }
        }
        due.sort_unstable();
    }
}

/// What a trigger can see of the world.
struct View<'a> {
    calendar: &'a Calendar,
    flags: &'a Flags,
    chances: &'a Chances,
    stances: &'a GovernmentStances<'a, 'a>,
    requests: &'a Requests,
    votes: &'a VoteLog,
}

impl View<'_> {
    fn holds(&self, t: &Trigger) -> bool {
        match t {
            Trigger::At(m) => self.calendar.now >= *m,
            Trigger::Flag(f) => self.flags.0[f.index()],
            Trigger::StanceAbove {
                government,
                issue,
                value,
            } => self.stances.get(*government, *issue) >= *value,
            Trigger::StanceBelow {
                government,
                issue,
                value,
            } => self.stances.get(*government, *issue) < *value,
            Trigger::Replied {
                telegram,
                request,
                from,
            } => self.replied(*telegram, *request, *from),
            Trigger::NoReply {
                telegram,
                request,
                from,
                by,
            } => self.calendar.now >= *by && !self.replied(*telegram, *request, *from),
            Trigger::Vote { vote, result } => self
                .votes
                .0
                .iter()
                .any(|r| r.vote == *vote && r.passed == (*result == VoteResult::Passed)),
            Trigger::Chance(c) => self.chances.0[c.index()],
            Trigger::All(ts) => ts.iter().all(|t| self.holds(t)),
            Trigger::Any(ts) => ts.iter().any(|t| self.holds(t)),
            Trigger::Not(t) => !self.holds(t),
        }
    }

    fn replied(
        &self,
        telegram: crate::scenario::TelegramId,
        request: usize,
        from: Option<crate::scenario::PostId>,
    ) -> bool {
        self.requests.replies.iter().any(|r| {
            r.telegram == telegram
                && r.request == request
                && from.is_none_or(|p| r.from == Station::Post(p))
                && !matches!(
                    r.answer,
                    crate::requests::Answer::Estimate {
                        probability: None,
                        ..
                    }
                )
        })
    }
}

fn fire(
    calendar: Res<Calendar>,
    scenario: Res<ActiveScenario>,
    flags: Res<Flags>,
    chances: Res<Chances>,
    stances: GovernmentStances,
    requests: Res<Requests>,
    votes: Res<VoteLog>,
    mut traffic: ResMut<Traffic>,
    mut happened: ResMut<Happened>,
    mut sent: MessageWriter<Sent>,
    mut transcript: ResMut<Transcript>,
    mut watching: ResMut<Watching>,
    mut commands: Commands,
) {
    let view = View {
        calendar: &calendar,
        flags: &flags,
        chances: &chances,
        stances: &stances,
        requests: &requests,
        votes: &votes,
    };
    let now = calendar.now;
    let Watching {
        telegrams,
        events,
        due,
    } = &mut *watching;
    telegrams.due(now, &flags, due);
    for &i in due.iter() {
        let (i, t) = (i as usize, &scenario.telegrams[i as usize]);
        if traffic.sent_telegrams[i] {
            continue;
        }
        if t.trigger.as_ref().is_some_and(|tr| view.holds(tr)) {
            traffic.sent_telegrams[i] = true;
            sent.write(Sent(send_telegram(
                &scenario,
                crate::scenario::TelegramId(i as u32),
                now,
            )));
        }
    }
    events.due(now, &flags, due);
    for &i in due.iter() {
        let (i, e) = (i as usize, &scenario.events[i as usize]);
        if happened.0[i] || !view.holds(&e.trigger) {
            continue;
        }
        happened.0[i] = true;
        transcript.push(Entry::News {
            at: now,
            event: crate::scenario::EventId(i as u32),
        });
        apply_all(&mut commands, &e.effects, &e.headline);
    }
}

fn set_flags(on: On<SetFlag>, mut flags: ResMut<Flags>) {
    let SetFlag { flag, on } = *on.event();
    flags.0[flag.index()] = on;
}
