//! The calendar: game time moves only when the player (or the run) asks it to, from one stop
//! to the next: each morning, and each moment something is due.

use std::collections::BTreeSet;

use bevy::prelude::*;

use crate::scenario::Moment;
use crate::sim::{ActiveScenario, SimSet};

#[derive(Resource, Debug)]
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

/// Moments at which something is due: the clock stops at each.
#[derive(Resource, Default, Debug)]
pub struct Agenda(BTreeSet<Moment>);

impl Agenda {
    pub fn add(&mut self, at: Moment) {
        self.0.insert(at);
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Agenda>()
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
    mut calendar: ResMut<Calendar>,
    mut agenda: ResMut<Agenda>,
    scenario: Res<ActiveScenario>,
) {
    calendar.moved = false;
    calendar.new_day = false;
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
    let next_due = agenda.0.iter().find(|m| **m > now).copied();
    let stop = [Some(limit), Some(morning), next_due]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(limit);
    calendar.new_day = stop.date() != now.date();
    calendar.now = stop;
    calendar.moved = true;
    agenda.0.retain(|m| *m > stop);
    if stop >= limit {
        calendar.until = None;
    }
}
