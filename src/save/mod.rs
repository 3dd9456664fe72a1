//! Saves: the scenario's identity, the seed, the command log and a snapshot of the world,
//! in RON a person can read. Written atomically; a bad file is reported, never overwritten.

mod autosave;
mod file;
mod snapshot;

pub use autosave::{autosave, autosave_dir, latest};
pub use file::{SaveError, read_save, write_save};
pub use snapshot::Snapshot;

use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::game::Game;
use crate::scenario::{Moment, Role, Scenario};
use crate::sim::Setup;

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
    pub fn of(game: &Game, source: &str) -> Save {
        let s = game.scenario();
        let setup = game.setup();
        let snapshot = Snapshot::capture(game.world());
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
            role: match setup.role {
                Role::Post(p) => s.mission(p).id.clone(),
                Role::Department => "department".into(),
            },
            auto: setup.auto,
            historical: setup.historical,
            at: game.now(),
            commands: snapshot.commands.0.clone(),
            snapshot,
        }
    }

    /// The game this save holds. With a changed scenario the snapshot cannot be trusted:
    /// `replay_on_change` replays the command log on the new version instead; otherwise the
    /// load is refused with the reason.
    pub fn restore(
        self,
        scenario: std::sync::Arc<Scenario>,
        replay_on_change: bool,
    ) -> Result<Game, String> {
        if scenario.id != self.scenario.id {
            return Err(format!(
                "this save is of scenario `{}`, not `{}`",
                self.scenario.id, scenario.id
            ));
        }
        let setup = setup_of(&self, &scenario)?;
        if scenario.hash != self.scenario.hash {
            if !replay_on_change {
                return Err(format!(
                    "the scenario `{}` has changed since this game was saved (fingerprint {} then, {} now); \
                     its saved world may not fit the new version. Load with --replay-on-change to replay the \
                     {} saved commands on the new version",
                    self.scenario.id,
                    self.scenario.hash,
                    scenario.hash,
                    self.commands.len()
                ));
            }
            return replay(scenario, setup, self.commands).map_err(|(i, e)| {
                format!(
                    "the changed scenario cannot replay this game: command {} fails: {e}",
                    i + 1
                )
            });
        }
        let mut game = Game::new(scenario, setup);
        game.restore(self.snapshot)?;
        Ok(game)
    }
}

/// Plays a command log from the start; on failure, the index of the command and why.
pub fn replay(
    scenario: std::sync::Arc<Scenario>,
    setup: Setup,
    commands: Vec<Command>,
) -> Result<Game, (usize, String)> {
    let mut game = Game::new(scenario, setup);
    for (i, command) in commands.into_iter().enumerate() {
        game.apply_logged(command).map_err(|e| (i, e))?;
    }
    Ok(game)
}

/// The setup a save was made with, checked against the scenario.
pub fn setup_of(save: &Save, scenario: &Scenario) -> Result<Setup, String> {
    Ok(Setup {
        seed: save.seed,
        role: scenario.role_by_name(&save.role)?,
        auto: save.auto,
        historical: save.historical,
    })
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
