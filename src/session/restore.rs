//! Continuing a saved game: its command log replayed from its seed, and its snapshot checked
//! against the world that reaches (so an edited save is refused, never trusted); or, on a
//! changed scenario, the log replayed on the new version.

use std::sync::Arc;

use super::error::RestoreError;
use crate::command::{Command, CommandError};
use crate::game::Game;
use crate::save::Save;
use crate::scenario::Scenario;
use crate::vocab::{People, Setup};

/// The game a save holds. With a changed scenario the snapshot cannot be compared:
/// `replay_on_change` replays the command log on the new version instead; otherwise the load
/// is refused with the reason.
pub(super) fn restore(
    save: Save,
    scenario: Arc<Scenario>,
    replay_on_change: bool,
) -> Result<Game, RestoreError> {
    if newer_engine(&save.engine).map_err(RestoreError::Disagrees)? {
        return Err(RestoreError::NewerEngine(save.engine.clone()));
    }
    if scenario.id != save.scenario.id {
        return Err(RestoreError::OtherScenario {
            saved: save.scenario.id.clone(),
            named: scenario.id.clone(),
        });
    }
    let setup = crate::save::setup_of(&save, &scenario).map_err(RestoreError::Role)?;
    let people = crate::save::people_of(&save, &scenario, &setup).map_err(RestoreError::Role)?;
    if scenario.hash != save.scenario.hash {
        if !replay_on_change {
            return Err(RestoreError::Changed {
                id: save.scenario.id.clone(),
                then: save.scenario.hash.clone(),
                now: scenario.hash.clone(),
                commands: save.commands.len(),
            });
        }
        return replay(scenario, setup, people, save.commands)
            .map_err(|(index, error)| RestoreError::ReplayFails { index, error });
    }
    // The command log, from the seed, is the game; the snapshot is checked against it and
    // never trusted on its own, so no edited or damaged value reaches the world.
    let at = save.at;
    let commands = save.commands.len();
    let game = replay(scenario, setup, people, save.commands).map_err(|(index, error)| {
        RestoreError::Disagrees(format!("command {index} of its log is refused: {error}"))
    })?;
    if game.now() != at {
        return Err(RestoreError::Disagrees(format!(
            "it says it was saved at {at}, but its {} {} {}",
            plural(commands, "command"),
            if commands == 1 { "reaches" } else { "reach" },
            game.now()
        )));
    }
    // A save from another engine version replays under this version's rules: its snapshot
    // is of that version's world and is not compared.
    if save.engine == env!("CARGO_PKG_VERSION") {
        let replayed = crate::saved::Snapshot::capture(game.world());
        if let Some(part) = save
            .snapshot
            .first_difference(&replayed)
            .map_err(RestoreError::Snapshot)?
        {
            return Err(RestoreError::Disagrees(format!(
                "its saved world is not the one its {} {} from seed {}: {part}",
                plural(commands, "command"),
                if commands == 1 { "reaches" } else { "reach" },
                setup.seed
            )));
        }
    }
    Ok(game)
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Whether a save's engine version is later than this one (its rules and state may be
/// beyond what this version knows); an engine that is no version at all is damage.
pub fn newer_engine(engine: &str) -> Result<bool, String> {
    let parse = |v: &str| -> Option<Vec<u64>> {
        let core = v.split(['-', '+']).next()?;
        let parts: Option<Vec<u64>> = core.split('.').map(|p| p.parse().ok()).collect();
        parts.filter(|p| p.len() == 3)
    };
    let ours = parse(env!("CARGO_PKG_VERSION")).unwrap_or_default();
    parse(engine).map(|theirs| theirs > ours).ok_or_else(|| {
        format!("its engine version `{engine}` is not a version (expected one such as 0.3.0)")
    })
}

/// Plays a command log from the start; on failure, the (1-based) number of the command and
/// why.
pub fn replay(
    scenario: Arc<Scenario>,
    setup: Setup,
    people: People,
    commands: Vec<Command>,
) -> Result<Game, (usize, CommandError)> {
    let mut game = Game::with_people(scenario, setup, people);
    for (i, command) in commands.into_iter().enumerate() {
        game.apply_logged(command).map_err(|e| (i + 1, e))?;
    }
    Ok(game)
}
