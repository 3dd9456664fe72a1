//! The front door: every way of playing (the terminal, the window, `simulate`, `batch`,
//! `replay`, `debrief`, the tests) starts, loads, commands, reloads and saves a game here, so
//! that each does it the same way. The views only word what it returns.

mod error;
mod headless;
mod reload;
mod restore;
mod script;
mod watch;

use std::path::{Path, PathBuf};

use bevy::prelude::World;

pub use error::GameError;
pub use headless::{Simulate, check_replay, headless};
pub use reload::Reload;
use restore::restore;
pub use restore::{newer_engine, replay};
pub use script::{commands_from, read_commands};
pub use watch::Watch;

use crate::command::{Action, Command, CommandError, Step};
use crate::game::Game;
use crate::save::{Save, SaveError};
use crate::scenario::{Loaded, Scenario};
use crate::shipped::Loader;
use crate::vocab::Setup;

/// Who plays the player's role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The player's commands (and the requests' defaults where there are none).
    #[default]
    Player,
    /// The rules that play the non-player missions.
    Auto,
    /// The record.
    Historical,
}

impl Mode {
    pub fn of(auto: bool, historical: bool) -> Mode {
        match (auto, historical) {
            (_, true) => Mode::Historical,
            (true, false) => Mode::Auto,
            (false, false) => Mode::Player,
        }
    }
}

/// What a new game is started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// A shipped name, a mod's name, or a path.
    pub scenario: String,
    pub seed: u64,
    /// A post id or `department`; `None` for the scenario's default.
    pub role: Option<String>,
    pub mode: Mode,
    /// The instructor's commands are open.
    pub instructor: bool,
}

impl Start {
    /// The scenario's default role, seed 1, played by the player.
    pub fn new(scenario: impl Into<String>) -> Start {
        Start {
            scenario: scenario.into(),
            seed: 1,
            role: None,
            mode: Mode::Player,
            instructor: false,
        }
    }
}

/// Resolves a role as a player names it, or the scenario's default.
pub fn setup_for(
    scenario: &Scenario,
    seed: u64,
    role: Option<&str>,
    mode: Mode,
) -> Result<Setup, GameError> {
    let role = match role {
        Some(name) => scenario.role_by_name(name)?,
        None => scenario.default_role,
    };
    Ok(Setup {
        seed,
        role,
        auto: mode != Mode::Player,
        historical: mode == Mode::Historical,
    })
}

/// A game in progress, with what every view needs around it: how its scenario was named and
/// where to reload it from, whether the instructor is at the controls, and the day of the
/// last autosave.
pub struct Session {
    game: Game,
    source: String,
    loader: Loader,
    instructor: bool,
    saved_day: jiff::civil::Date,
    /// Where autosaves and the quick save go (`None`: the OS names no data directory).
    data_dir: Option<PathBuf>,
}

impl Session {
    /// A new game.
    pub fn start(loader: &Loader, start: &Start) -> Result<Session, GameError> {
        let loaded = load(loader, &start.scenario)?;
        let setup = setup_for(
            &loaded.scenario,
            start.seed,
            start.role.as_deref(),
            start.mode,
        )?;
        let game = Game::new(loaded.scenario, setup);
        Ok(Session::of(game, &start.scenario, loader, start.instructor))
    }

    /// A saved game. A save of a scenario that has changed since is refused with the reason,
    /// or, with `replay_on_change`, its commands are replayed on the new version.
    pub fn load(
        loader: &Loader,
        path: &Path,
        replay_on_change: bool,
        instructor: bool,
    ) -> Result<Session, GameError> {
        let save = crate::save::read_save(path)?;
        let source = save.scenario.source.clone();
        let loaded = loader
            .load(&source)
            .map_err(|diagnostics| GameError::SaveScenario {
                path: path.to_path_buf(),
                scenario: source.clone(),
                diagnostics,
            })?;
        let game = restore(save, loaded.scenario, replay_on_change).map_err(|reason| {
            GameError::Restore {
                path: path.to_path_buf(),
                reason,
            }
        })?;
        Ok(Session::of(game, &source, loader, instructor))
    }

    /// A session around a game already built (a test's, a batch's).
    pub fn of(game: Game, source: &str, loader: &Loader, instructor: bool) -> Session {
        Session {
            saved_day: game.now().date(),
            game,
            source: source.to_string(),
            loader: loader.clone(),
            instructor,
            data_dir: crate::paths::data_dir(),
        }
    }

    /// Keeps autosaves and the quick save under `dir` instead of the user's data directory.
    pub fn keep_saves_in(&mut self, dir: PathBuf) {
        self.data_dir = Some(dir);
    }

    /// The folder this game's autosaves go to.
    pub fn autosave_dir(&self) -> Option<PathBuf> {
        let dir = self.data_dir.as_deref()?;
        Some(crate::save::autosaves_in(dir, &self.scenario().id))
    }

    pub fn game(&self) -> &Game {
        &self.game
    }

    pub fn world(&self) -> &World {
        self.game.world()
    }

    /// The game, to apply a logged command (a class resumed from its log).
    pub fn game_mut(&mut self) -> &mut Game {
        &mut self.game
    }

    pub fn scenario(&self) -> &Scenario {
        self.game.scenario()
    }

    pub fn setup(&self) -> Setup {
        self.game.setup()
    }

    pub fn now(&self) -> crate::scenario::Moment {
        self.game.now()
    }

    pub fn is_over(&self) -> bool {
        self.game.is_over()
    }

    /// How the scenario was named when the game began: a shipped name or a path.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn loader(&self) -> &Loader {
        &self.loader
    }

    /// Whether the instructor's commands are open.
    pub fn instructor(&self) -> bool {
        self.instructor
    }

    pub fn into_game(self) -> Game {
        self.game
    }

    /// Gives a command now; returns what it did, or why it was refused. The instructor's
    /// commands are refused unless the instructor is at the controls.
    pub fn command(&mut self, action: Action) -> Result<String, CommandError> {
        if matches!(action, Action::Instruct(_)) && !self.instructor {
            return Err(CommandError::InstructorOnly);
        }
        self.game.command(action)
    }

    /// Gives a command on behalf of someone in a class, for their role. Nobody in a class
    /// gives the instructor's commands by this way.
    pub fn command_by(
        &mut self,
        by: crate::command::By,
        action: Action,
    ) -> Result<String, CommandError> {
        if matches!(action, Action::Instruct(_)) {
            return Err(CommandError::InstructorOnly);
        }
        self.game.command_by(by, action)
    }

    /// Plays one scripted command at its date: time runs to it first.
    pub fn play_scripted(&mut self, command: Command) -> Result<String, CommandError> {
        if matches!(command.action, Action::Instruct(_)) && !self.instructor {
            return Err(CommandError::InstructorOnly);
        }
        self.game.play_scripted(command)
    }

    /// Lets time run.
    pub fn advance(&mut self, step: Step) -> Result<String, CommandError> {
        self.command(Action::Advance(step))
    }

    /// Plays scripted commands, each at its date. Instructor commands in a script need the
    /// instructor (a student's script cannot move stances); that is checked before any runs.
    pub fn script(&mut self, commands: Vec<Command>) -> Result<(), GameError> {
        self.script_until(commands, None)
    }

    /// As [`Session::script`], stopping before the first command dated after `until`.
    pub fn script_until(
        &mut self,
        commands: Vec<Command>,
        until: Option<crate::scenario::Moment>,
    ) -> Result<(), GameError> {
        let commands = instructed(commands, self.instructor)?;
        for (i, command) in commands.into_iter().enumerate() {
            if until.is_some_and(|u| command.at > u) {
                break;
            }
            let at = command.at;
            self.play_scripted(command)
                .map_err(|error| GameError::Script {
                    index: i + 1,
                    at,
                    error,
                })?;
        }
        Ok(())
    }

    /// Lets time run to `at`, through the player's stops (see [`Game::run_until`]).
    pub fn run_until(&mut self, at: crate::scenario::Moment) -> Result<(), CommandError> {
        self.game.run_until(at)
    }

    /// Lets time run to the end of the scenario.
    pub fn finish(&mut self) {
        self.game.finish();
    }

    /// The transcript from the start, and the debrief once the game is over.
    pub fn story(&self) -> String {
        story(&self.game)
    }

    /// The save of this game as it stands.
    pub fn save(&self) -> Save {
        Save::of(self.world(), &self.source)
    }

    /// Saves to `path`, atomically; a file there that is not a save of this format is never
    /// overwritten.
    pub fn save_to(&self, path: &Path) -> Result<(), SaveError> {
        crate::save::write_save(path, &self.save())
    }

    /// The name a save of this game gets when the player names none: `deptcirtel-47.save.ron`.
    pub fn save_file_name(&self) -> String {
        format!("{}.save.ron", self.scenario().id)
    }

    /// Where the window's quick save goes: beside the autosaves, one per scenario.
    pub fn quick_save_path(&self) -> Option<PathBuf> {
        self.autosave_dir()
            .map(|d| d.with_file_name(self.save_file_name()))
    }

    /// The office opening of a day: where "let time run to this date" stops.
    pub fn morning_of(&self, day: crate::scenario::Moment) -> crate::scenario::Moment {
        day.at_hour(self.scenario().model.office_opens)
    }

    /// Saves where the quick save lives; returns where.
    pub fn quick_save(&self) -> Result<PathBuf, GameError> {
        let path = self.quick_save_path().ok_or(GameError::NoDataDir)?;
        // The data directory is the program's own: made if missing (a path the player names
        // is never made; see `write_save`).
        let folder = crate::files::folder_of(&path);
        std::fs::create_dir_all(&folder).map_err(|e| SaveError::Unwritable {
            path: folder.display().to_string(),
            reason: e.to_string(),
        })?;
        self.save_to(&path)?;
        Ok(path)
    }

    /// One autosave each game day (the last few kept): call it after every command. Returns
    /// the path when it saved.
    pub fn autosave(&mut self) -> Result<Option<PathBuf>, GameError> {
        let day = self.game.now().date();
        if day == self.saved_day || self.game.is_over() {
            return Ok(None);
        }
        self.saved_day = day;
        let dir = self.autosave_dir().ok_or(GameError::NoDataDir)?;
        Ok(Some(crate::save::autosave(&self.save(), &dir)?))
    }
}

/// Loads a scenario by name, as a game error.
pub fn load(loader: &Loader, name: &str) -> Result<Loaded, GameError> {
    loader.load(name).map_err(GameError::Scenario)
}

/// The transcript from the start, and the debrief once the game is over.
pub fn story(game: &Game) -> String {
    let mut out = crate::report::render_transcript(game.world());
    if game.is_over() {
        out.push('\n');
        out.push_str(&crate::debrief::full_text(game.world()));
    }
    out
}

/// Instructor commands in a command file need the instructor: a student's script cannot
/// move stances.
pub fn instructed(commands: Vec<Command>, instructor: bool) -> Result<Vec<Command>, GameError> {
    if !instructor
        && let Some((i, c)) = commands
            .iter()
            .enumerate()
            .find(|(_, c)| matches!(c.action, Action::Instruct(_)))
    {
        return Err(GameError::InstructorScript {
            index: i + 1,
            at: c.at,
        });
    }
    Ok(commands)
}
