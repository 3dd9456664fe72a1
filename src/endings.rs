//! Endings: the game ends when an effect says so, or when the period runs out.

use bevy::prelude::*;

use crate::calendar::Calendar;
use crate::effects::End;
use crate::saved::SavedApp;
use crate::scenario::EndingId;
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, Phase, SimSet};

/// How the game ended, once it has.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Outcome(pub Option<EndingId>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Outcome>()
        .saved_resource::<Outcome>("outcome")
        .after_restore(|world| {
            if world.resource::<Outcome>().0.is_some() {
                world.insert_resource(State::new(Phase::Ended));
            }
        })
        .add_observer(end)
        .add_systems(Update, close.in_set(SimSet::Endings));
}

/// The first ending reached is the one that counts.
fn end(on: On<End>, mut outcome: ResMut<Outcome>) {
    if outcome.0.is_none() {
        outcome.0 = Some(on.event().0);
    }
}

fn close(
    mut outcome: ResMut<Outcome>,
    mut calendar: ResMut<Calendar>,
    scenario: Res<ActiveScenario>,
    mut transcript: ResMut<Transcript>,
    mut phase: ResMut<NextState<Phase>>,
) {
    if outcome.0.is_none() && calendar.now >= scenario.end {
        outcome.0 = Some(scenario.period_end);
    }
    if let Some(ending) = outcome.0 {
        transcript.push(Entry::Ended {
            at: calendar.now,
            ending,
        });
        calendar.until = None;
        phase.set(Phase::Ended);
    }
}
