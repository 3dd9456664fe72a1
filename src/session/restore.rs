//! Continuing a saved game: its snapshot restored into a world of the same scenario, or its
//! command log replayed on a changed one.

use std::sync::Arc;

use super::error::RestoreError;
use crate::command::{Command, CommandError};
use crate::game::Game;
use crate::save::Save;
use crate::scenario::Scenario;
use crate::vocab::Setup;

/// The game a save holds. With a changed scenario the snapshot cannot be trusted:
/// `replay_on_change` replays the command log on the new version instead; otherwise the load
/// is refused with the reason.
pub(super) fn restore(
    save: Save,
    scenario: Arc<Scenario>,
    replay_on_change: bool,
) -> Result<Game, RestoreError> {
    if scenario.id != save.scenario.id {
        return Err(RestoreError::OtherScenario {
            saved: save.scenario.id.clone(),
            named: scenario.id.clone(),
        });
    }
    let setup = crate::save::setup_of(&save, &scenario).map_err(RestoreError::Role)?;
    if scenario.hash != save.scenario.hash {
        if !replay_on_change {
            return Err(RestoreError::Changed {
                id: save.scenario.id.clone(),
                then: save.scenario.hash.clone(),
                now: scenario.hash.clone(),
                commands: save.commands.len(),
            });
        }
        return replay(scenario, setup, save.commands)
            .map_err(|(index, error)| RestoreError::ReplayFails { index, error });
    }
    let mut game = Game::new(scenario, setup);
    game.restore(save.snapshot)
        .map_err(RestoreError::Snapshot)?;
    Ok(game)
}

/// Plays a command log from the start; on failure, the (1-based) number of the command and
/// why.
pub fn replay(
    scenario: Arc<Scenario>,
    setup: Setup,
    commands: Vec<Command>,
) -> Result<Game, (usize, CommandError)> {
    let mut game = Game::new(scenario, setup);
    for (i, command) in commands.into_iter().enumerate() {
        game.apply_logged(command).map_err(|e| (i + 1, e))?;
    }
    Ok(game)
}
