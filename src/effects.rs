//! Effects: changes to the world named by the scenario. Each domain observes [`Apply`] and
//! carries out the effects that are its own.

use bevy::prelude::*;

use crate::scenario::Effect;

/// Carry out one effect now.
#[derive(Event, Clone, Debug)]
pub struct Apply(pub Effect);

/// Queues every effect of a list, in order.
pub fn apply_all(commands: &mut Commands, effects: &[Effect]) {
    for effect in effects {
        commands.trigger(Apply(effect.clone()));
    }
}
