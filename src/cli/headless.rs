//! Headless runs: `simulate`, and the setup shared by every way of playing.

use std::path::{Path, PathBuf};

use crate::command::{Command, Step};
use crate::game::Game;
use crate::save::{Save, write_save};
use crate::scenario::Moment;
use crate::scenario::{Loaded, Scenario};
use crate::sim::Setup;

use super::load_scenario;

/// Resolves `--as`, or the scenario's default role.
pub fn setup_for(
    scenario: &Scenario,
    seed: u64,
    role: Option<&str>,
    mode: Mode,
) -> Result<Setup, String> {
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

/// Who plays the player's role in a headless run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The player's commands (and the requests' defaults where there are none).
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

/// Reads a command file: a RON list of `(at: "...", do: ...)`.
pub fn read_commands(path: &Path) -> Result<Vec<Command>, String> {
    let file = path.display().to_string();
    let text = crate::scenario::load::read_text(path).map_err(|d| d.to_string())?;
    ron::Options::default()
        .from_str::<Vec<Command>>(&text)
        .map_err(|e| {
            format!(
                "{file}:{}:{}: error: {}",
                e.span.start.line, e.span.start.col, e.code
            )
        })
}

/// The commands of `--commands FILE`, or none.
pub fn commands_from(path: Option<&Path>) -> Result<Vec<Command>, String> {
    Ok(path.map(read_commands).transpose()?.unwrap_or_default())
}

/// `simulate`'s arguments.
#[derive(clap::Args, Debug, Default)]
pub struct SimulateArgs {
    /// A shipped scenario name (deptcirtel-47) or a file path; with --load, the save's.
    #[arg(required_unless_present = "load")]
    pub scenario: Option<String>,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// A RON file with a list of dated commands for the player.
    #[arg(long)]
    pub commands: Option<PathBuf>,
    /// Play the player's role by the same rules as the non-player missions.
    #[arg(long)]
    pub auto: bool,
    /// Follow the record: documented votes, and the decisions really taken.
    #[arg(long, conflicts_with_all = ["commands", "auto"])]
    pub historical: bool,
    /// The role: a post id (caracas) or `department`. Default: the scenario's.
    #[arg(long = "as")]
    pub role: Option<String>,
    /// Stop on this date (at the morning's office opening) instead of running to the end.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Save the game where the run stops.
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Continue a saved game; the transcript printed starts from the beginning of the game.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["scenario", "role", "historical"])]
    pub load: Option<PathBuf>,
    /// With --load: if the scenario changed since the save, replay its commands on the new version.
    #[arg(long)]
    pub replay_on_change: bool,
    /// Allow the instructor's commands (Instruct(...)) in the --commands file.
    #[arg(long)]
    pub instructor: bool,
}

/// `simulate`: a headless run from the start or from a save, to the end or to `--until`;
/// the transcript, and the debrief when the game is over.
pub fn simulate(args: &SimulateArgs) -> Result<String, String> {
    let (mut game, source) = match &args.load {
        Some(path) => super::load_game(path, args.replay_on_change)?,
        None => {
            let source = args.scenario.clone().unwrap_or_default();
            let loaded = load_scenario(&source)?;
            let setup = setup_for(
                &loaded.scenario,
                args.seed,
                args.role.as_deref(),
                Mode::of(args.auto, args.historical),
            )?;
            (Game::new(loaded.scenario, setup), source)
        }
    };
    let commands = commands_from(args.commands.as_deref())?;
    let commands = super::instructed(commands, args.instructor)?;
    let until = args
        .until
        .as_deref()
        .map(|d| Moment::parse(d).map(|m| next_morning(game.scenario(), m)))
        .transpose()?;
    for (i, command) in commands.into_iter().enumerate() {
        if until.is_some_and(|u| command.at > u) {
            break;
        }
        let at = command.at;
        game.play_scripted(command)
            .map_err(|e| format!("command {} (at {at}): {e}", i + 1))?;
    }
    match until {
        Some(u) if !game.is_over() => {
            if u > game.now() {
                game.advance(Step::Until(u))?;
            }
        }
        _ => game.finish(),
    }
    if let Some(path) = &args.save {
        write_save(path, &Save::of(&game, &source)).map_err(|e| e.to_string())?;
    }
    Ok(story(&game))
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

/// The transcript from the start, and the debrief once the game is over.
pub fn story(game: &Game) -> String {
    let mut out = crate::report::render_transcript(game.world());
    if game.is_over() {
        out.push('\n');
        out.push_str(&crate::debrief::full_text(game.world()));
    }
    out
}

/// A whole run from the start with a list of commands: what the golden tests pin.
pub fn headless(
    scenario: &str,
    seed: u64,
    commands: Option<&Path>,
    mode: Mode,
    role: Option<&str>,
) -> Result<String, String> {
    let loaded = load_scenario(scenario)?;
    let setup = setup_for(&loaded.scenario, seed, role, mode)?;
    let commands = commands_from(commands)?;
    run_headless(&loaded, setup, commands)
}

/// Plays the commands in order, then lets time run to the end.
pub fn run_headless(
    loaded: &Loaded,
    setup: Setup,
    commands: Vec<Command>,
) -> Result<String, String> {
    let mut game = Game::new(loaded.scenario.clone(), setup);
    for (i, command) in commands.into_iter().enumerate() {
        let at = command.at;
        game.play_scripted(command)
            .map_err(|e| format!("command {} (at {at}): {e}", i + 1))?;
    }
    game.finish();
    Ok(story(&game))
}
