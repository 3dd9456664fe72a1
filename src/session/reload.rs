//! Hot reload: a changed scenario replaces the running one, replayed from the start with the
//! same seed and commands; one that does not validate, or no longer accepts the commands,
//! leaves the last good version running.

use std::path::Path;

use super::{Session, replay};
use crate::command::{CommandError, CommandLog};
use crate::scenario::{Diagnostic, Loaded};

/// What came of a reload.
#[derive(Debug)]
pub enum Reload {
    /// The new version runs, with this many commands replayed.
    Reloaded { commands: usize },
    /// The new version does not validate; the last good version goes on.
    Invalid(Vec<Diagnostic>),
    /// The new version refuses a command of the game (1-based); the last good version goes on.
    Refused { index: usize, error: CommandError },
}

impl Session {
    /// Reloads the scenario as it was named (a path, or a mod's name).
    pub fn reload(&mut self) -> Reload {
        let loaded = self.loader.load(&self.source);
        self.replace(loaded)
    }

    /// Reloads the scenario from a file or folder (the window watches a shipped scenario's
    /// source file when run from the repository).
    pub fn reload_from(&mut self, path: &Path) -> Reload {
        let loaded = self.loader.load_file(path);
        self.replace(loaded)
    }

    fn replace(&mut self, loaded: Result<Loaded, Vec<Diagnostic>>) -> Reload {
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(diags) => return Reload::Invalid(diags),
        };
        let commands = self.world().resource::<CommandLog>().0.clone();
        let count = commands.len();
        match replay(
            loaded.scenario,
            self.game.setup(),
            self.game.people().clone(),
            commands,
        ) {
            Ok(game) => {
                self.game = game;
                Reload::Reloaded { commands: count }
            }
            Err((index, error)) => Reload::Refused { index, error },
        }
    }
}
