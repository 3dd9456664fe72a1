//! The calendar: game time moves only when the player (or the run) asks it to, from one stop
//! to the next: each morning, and each moment something is due.

use std::collections::BTreeSet;

use bevy::prelude::*;

use crate::saved::SavedApp;
use crate::scenario::Moment;
use crate::transcript::Transcript;
use crate::vocab::{ActiveScenario, SimSet};

#[derive(Resource, Debug, serde::Serialize, serde::Deserialize)]
pub struct Calendar {
    pub now: Moment,
    /// How far time should run; `None` when it stands still.
    pub until: Option<Until>,
    /// The clock moved in this tick.
    pub moved: bool,
    /// This tick is the first of a new day.
    pub new_day: bool,
}

/// Where a request to move time stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Until {
    /// Run to this moment.
    Moment(Moment),
    /// Run until a cable reaches the player.
    NextCable,
}

/// How long the transcript was when the clock last looked. Time moves only when the
/// previous tick added nothing: every consequence of a moment (a vote's effects, a flag that
/// fires a telegram) lands at that moment, however the run is split into commands. That is
/// what lets a saved and reloaded game tell the same story as one played straight through.
#[derive(Resource, Default, Debug)]
pub struct Settle {
    seen: usize,
}

impl Settle {
    /// Whether the last tick changed nothing.
    pub fn settled(&self, transcript: &Transcript) -> bool {
        transcript.0.len() == self.seen
    }
}

/// Moments at which something is due: the clock stops at each.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Agenda(BTreeSet<Moment>);

impl Agenda {
    pub fn add(&mut self, at: Moment) {
        self.0.insert(at);
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Agenda>()
        .init_resource::<Settle>()
        .saved_resource::<Calendar>("calendar")
        .saved_resource::<Agenda>("agenda")
        .add_systems(Startup, start_clock)
        .add_systems(Update, advance.in_set(SimSet::Calendar));
}

fn start_clock(mut commands: Commands, scenario: Res<ActiveScenario>) {
    commands.insert_resource(Calendar {
        now: scenario.start,
        until: None,
        moved: false,
        new_day: false,
    });
}

/// Moves the clock to the next stop: the next morning's office hours, the next agenda item,
/// or the end of the requested run, whichever comes first.
fn advance(
    mut settle: ResMut<Settle>,
    transcript: Res<Transcript>,
    mut calendar: ResMut<Calendar>,
    mut agenda: ResMut<Agenda>,
    scenario: Res<ActiveScenario>,
) {
    calendar.moved = false;
    calendar.new_day = false;
    let settled = settle.settled(&transcript);
    settle.seen = transcript.0.len();
    if !settled {
        return;
    }
    let Some(until) = calendar.until else {
        return;
    };
    let limit = match until {
        Until::Moment(m) => m.min(scenario.end),
        Until::NextCable => scenario.end,
    };
    let now = calendar.now;
    if now >= limit {
        calendar.until = None;
        return;
    }
    let opens = scenario.model.office_opens;
    let morning = if now.hour() < opens {
        now.at_hour(opens)
    } else {
        now.plus_days(1).at_hour(opens)
    };
    let next_due = agenda
        .0
        .range((std::ops::Bound::Excluded(now), std::ops::Bound::Unbounded))
        .next()
        .copied();
    let stop = [Some(limit), Some(morning), next_due]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(limit);
    calendar.new_day = stop.date() != now.date();
    calendar.now = stop;
    calendar.moved = true;
    // The agenda is sorted: what has come is at its front.
    while agenda.0.first().is_some_and(|m| *m <= stop) {
        agenda.0.pop_first();
    }
    if stop >= limit {
        calendar.until = None;
    }
}
