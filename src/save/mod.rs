//! Save files: the scenario's identity, the seed, the command log and a snapshot of the world
//! (what each domain registered, [`crate::saved`]), in RON a person can read. Written
//! atomically; a bad file is reported, never overwritten.

mod autosave;
mod file;

pub use crate::saved::Snapshot;
pub use autosave::{KEEP, autosave, autosave_dir, autosaves_in, latest, latest_in};
pub use file::{SaveError, read_save, write_save};

use serde::{Deserialize, Serialize};

use bevy::prelude::World;

use crate::command::{Command, CommandLog};
use crate::scenario::{Moment, RoleError, Scenario};
use crate::vocab::{ActiveScenario, People, Setup};

/// The format this build writes. Older formats are named when refused.
pub const SAVE_FORMAT: u32 = 1;

/// A saved game.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Save")]
pub struct Save {
    /// Marks a Démarche save, so a foreign file is told apart from a damaged one.
    pub game: String,
    pub format: u32,
    /// The engine version that wrote it.
    pub engine: String,
    pub scenario: ScenarioRef,
    pub seed: u64,
    /// A post id, or `department`.
    pub role: String,
    pub auto: bool,
    pub historical: bool,
    /// In a class, every role people play (post ids, `department`); empty for one player.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// The game date when it was saved.
    pub at: Moment,
    /// Every command given, in order: with the scenario and seed, the whole game.
    pub commands: Vec<Command>,
    /// The world at `at`, for loading without replaying.
    pub snapshot: Snapshot,
}

/// Which scenario, and which version of its text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ScenarioRef {
    pub id: String,
    /// How it was named when the game began: a shipped name or a path.
    pub source: String,
    pub hash: String,
}

pub const MAGIC: &str = "Démarche saved game";

impl Save {
    /// The save of a game's world; `source` is how its scenario was named.
    pub fn of(world: &World, source: &str) -> Save {
        let s: &Scenario = world.resource::<ActiveScenario>();
        let setup = *world.resource::<Setup>();
        let people = world.resource::<People>();
        let people = if *people == People::of(&setup) {
            Vec::new()
        } else {
            people.0.iter().map(|r| s.role_id(*r)).collect()
        };
        let snapshot = Snapshot::capture(world);
        Save {
            game: MAGIC.into(),
            format: SAVE_FORMAT,
            engine: env!("CARGO_PKG_VERSION").into(),
            scenario: ScenarioRef {
                id: s.id.clone(),
                source: source.into(),
                hash: s.hash.clone(),
            },
            seed: setup.seed,
            role: s.role_id(setup.role),
            auto: setup.auto,
            historical: setup.historical,
            people,
            at: world.resource::<crate::calendar::Calendar>().now,
            commands: world.resource::<CommandLog>().0.clone(),
            snapshot,
        }
    }
}

/// The setup a save was made with, checked against the scenario.
pub fn setup_of(save: &Save, scenario: &Scenario) -> Result<Setup, RoleError> {
    Ok(Setup {
        seed: save.seed,
        role: scenario.role_by_name(&save.role)?,
        auto: save.auto,
        historical: save.historical,
    })
}

/// The roles people play in a saved game: a class's, or the one player's.
pub fn people_of(save: &Save, scenario: &Scenario, setup: &Setup) -> Result<People, RoleError> {
    if save.people.is_empty() {
        return Ok(People::of(setup));
    }
    let roles: Result<Vec<_>, _> = save
        .people
        .iter()
        .map(|r| scenario.role_by_name(r))
        .collect();
    Ok(People(roles?))
}

impl std::fmt::Debug for Save {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Save")
            .field("scenario", &self.scenario)
            .field("seed", &self.seed)
            .field("role", &self.role)
            .field("at", &self.at)
            .field("commands", &self.commands.len())
            .finish_non_exhaustive()
    }
}
