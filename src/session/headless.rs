//! Headless runs through the front door: `simulate` (to the end, or to a date and saved),
//! a whole run with a list of commands (what the golden tests pin), and `replay`'s check of
//! a save's command log.

use std::path::{Path, PathBuf};

use super::{GameError, Mode, Session, Start, commands_from};
use crate::game::Game;
use crate::save::{Snapshot, read_save};
use crate::scenario::{Moment, Scenario};
use crate::shipped::Loader;
use crate::transcript::{Entry, Transcript};

/// A headless run: what `simulate` is asked.
#[derive(Clone, Debug, Default)]
pub struct Simulate {
    /// A shipped scenario name or a path; unused with `load`.
    pub scenario: Option<String>,
    pub seed: u64,
    /// A command file for the player.
    pub commands: Option<PathBuf>,
    pub auto: bool,
    pub historical: bool,
    /// A post id or `department`; the scenario's default if `None`.
    pub role: Option<String>,
    /// Stop on this date (at the morning's office opening) instead of running to the end.
    pub until: Option<String>,
    /// Save the game where the run stops.
    pub save: Option<PathBuf>,
    /// Continue a saved game; the transcript printed starts from the beginning of the game.
    pub load: Option<PathBuf>,
    pub replay_on_change: bool,
    /// The instructor's commands are allowed in the command file.
    pub instructor: bool,
}

impl Simulate {
    /// Runs it; returns the transcript, and the debrief when the game is over.
    pub fn run(&self, loader: &Loader) -> Result<String, GameError> {
        let mut session = match &self.load {
            Some(path) => Session::load(loader, path, self.replay_on_change, self.instructor)?,
            None => Session::start(
                loader,
                &Start {
                    scenario: self.scenario.clone().unwrap_or_default(),
                    seed: self.seed,
                    role: self.role.clone(),
                    mode: Mode::of(self.auto, self.historical),
                    instructor: self.instructor,
                },
            )?,
        };
        let commands = commands_from(self.commands.as_deref())?;
        let until = self
            .until
            .as_deref()
            .map(|d| {
                Moment::parse(d)
                    .map(|m| next_morning(session.scenario(), m))
                    .map_err(GameError::Date)
            })
            .transpose()?;
        session.script_until(commands, until)?;
        match until {
            Some(u) if !session.game().is_over() => {
                session.run_until(u)?;
            }
            _ => session.finish(),
        }
        if let Some(path) = &self.save {
            session.save_to(path)?;
        }
        Ok(session.story())
    }
}

/// The first office opening at or after `m`: a moment at which every run stops, so a game
/// saved there and continued tells the same story as one played straight through.
fn next_morning(scenario: &Scenario, m: Moment) -> Moment {
    let opens = scenario.model.office_opens;
    let morning = m.at_hour(opens);
    if morning >= m {
        morning
    } else {
        morning.plus_days(1)
    }
}

/// A whole run from the start with a command file: what the golden tests pin.
pub fn headless(
    loader: &Loader,
    scenario: &str,
    seed: u64,
    commands: Option<&Path>,
    mode: Mode,
    role: Option<&str>,
) -> Result<String, GameError> {
    Simulate {
        scenario: Some(scenario.to_string()),
        seed,
        commands: commands.map(Path::to_path_buf),
        auto: mode != Mode::Player,
        historical: mode == Mode::Historical,
        role: role.map(String::from),
        ..Simulate::default()
    }
    .run(loader)
}

/// Replays a save's commands from its seed; a summary when the replay reaches the saved
/// world, else the first command where the two runs part.
pub fn check_replay(
    loader: &Loader,
    path: &Path,
    replay_on_change: bool,
) -> Result<String, GameError> {
    let save = read_save(path)?;
    let scenario = super::load(loader, &save.scenario.source)?.scenario;
    if scenario.hash != save.scenario.hash && !replay_on_change {
        return Err(GameError::ReplayOfChanged {
            path: path.to_path_buf(),
            id: save.scenario.id.clone(),
        });
    }
    let setup = crate::save::setup_of(&save, &scenario)?;
    let people = crate::save::people_of(&save, &scenario, &setup)?;
    let unfit = |e: String| GameError::Restore {
        path: path.to_path_buf(),
        reason: super::error::RestoreError::Snapshot(e),
    };
    let transcript: Transcript = save.snapshot.field("transcript").map_err(unfit)?;
    let saved: Vec<String> = transcript.0.iter().map(entry_text).collect();
    let mut game = Game::with_people(scenario, setup, people);
    for (i, command) in save.commands.iter().enumerate() {
        let what = format!(
            "command {} ({} at {})",
            i + 1,
            command.action.kind(),
            command.at
        );
        game.apply_logged(command.clone())
            .map_err(|error| GameError::ReplayRefuses {
                what: what.clone(),
                error,
            })?;
        let ours: Vec<String> = game
            .world()
            .resource::<Transcript>()
            .0
            .iter()
            .map(entry_text)
            .collect();
        if let Some(k) = (0..ours.len()).find(|k| saved.get(*k) != Some(&ours[*k])) {
            return Err(GameError::ReplayParts {
                what,
                entry: k + 1,
                saved: saved.get(k).cloned().unwrap_or_else(|| "(nothing)".into()),
                replayed: ours[k].clone(),
            });
        }
    }
    // The save's snapshot is compared with the replay's, value by value (never restored:
    // an edited value must not reach a world).
    let replayed = Snapshot::capture(game.world());
    if let Some(part) = save.snapshot.first_difference(&replayed).map_err(unfit)? {
        return Err(GameError::ReplayHidden {
            commands: save.commands.len(),
            part,
            engine: (save.engine != env!("CARGO_PKG_VERSION")).then(|| save.engine.clone()),
        });
    }
    Ok(format!(
        "{}: the replay of {} commands from seed {} reaches the saved world ({} transcript entries, {})",
        path.display(),
        save.commands.len(),
        save.seed,
        saved.len(),
        save.at
    ))
}

fn entry_text(e: &Entry) -> String {
    ron::to_string(e).unwrap_or_default()
}
