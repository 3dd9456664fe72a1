//! `play`: the window, or the game in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use demarche::session::{GameError, Session, Start, read_commands};
use demarche::shipped::{DEFAULT, Loader};
use demarche::views::View;

#[derive(clap::Args, Debug, Default)]
pub struct PlayArgs {
    /// A shipped scenario name or a file path. Default: deptcirtel-47.
    pub scenario: Option<String>,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The role: a post id (caracas) or `department`. Default: the scenario's.
    #[arg(long = "as")]
    pub role: Option<String>,
    /// Play in the terminal (stdin/stdout).
    #[arg(long)]
    pub text: bool,
    /// Continue a saved game (its scenario, seed and role come from the save).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["scenario", "role"])]
    pub load: Option<PathBuf>,
    /// With --load: if the scenario changed since the save, replay its commands on the new version.
    #[arg(long)]
    pub replay_on_change: bool,
    /// Window: save a PNG of the window after `--frames` frames, then exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Window: frames to render before the screenshot.
    #[arg(long, default_value_t = 30)]
    pub frames: u32,
    /// Dated commands to apply before play starts (RON, as for `simulate`).
    #[arg(long)]
    pub commands: Option<PathBuf>,
    /// Window: the screen to open on.
    #[arg(long, value_parser = view_names().try_map(|s| s.parse::<View>()))]
    pub view: Option<View>,
    /// The instructor's view: the true stances and hidden variables, and commands to inject a
    /// telegram, pause, and move a stance (each logged in the transcript).
    #[arg(long)]
    pub instructor: bool,
}

/// The names `--view` takes, listed in `--help`.
fn view_names() -> PossibleValuesParser {
    PossibleValuesParser::new(View::NAMES.map(|(name, _)| name))
}

#[cfg(feature = "gui")]
pub fn window(loader: &Loader, args: PlayArgs) -> ExitCode {
    use demarche::ui::WindowOptions;
    demarche::ui::run(WindowOptions {
        scenario: args
            .scenario
            .or(args.load.as_ref().map(|_| DEFAULT.to_string())),
        seed: args.seed.max(1),
        role: args.role,
        commands: args.commands,
        view: args.view,
        screenshot: args.screenshot,
        frames: args.frames.max(3),
        load: args.load,
        instructor: args.instructor,
        loader: loader.clone(),
    })
}

#[cfg(not(feature = "gui"))]
pub fn window(_: &Loader, _: PlayArgs) -> ExitCode {
    eprintln!(
        "demarche: this build has no game window (built without the `gui` feature); play in the terminal with `demarche play --text`"
    );
    ExitCode::from(2)
}

/// The game in the terminal, on stdin and stdout.
pub fn terminal(loader: &Loader, args: &PlayArgs) -> ExitCode {
    let mut session = match start(loader, args) {
        Ok(session) => session,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let stdin = std::io::stdin();
    match demarche::text::run(&mut session, stdin.lock(), std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The game to play: a saved one, or a new one, with any scripted commands applied.
fn start(loader: &Loader, args: &PlayArgs) -> Result<Session, String> {
    let mut session = match &args.load {
        Some(path) => Session::load(loader, path, args.replay_on_change, args.instructor),
        None => Session::start(
            loader,
            &Start {
                scenario: args.scenario.clone().unwrap_or_else(|| DEFAULT.to_string()),
                seed: args.seed,
                role: args.role.clone(),
                instructor: args.instructor,
                ..Start::new("")
            },
        ),
    }
    .map_err(worded)?;
    if let Some(path) = &args.commands {
        let commands = read_commands(path).map_err(worded)?;
        session.script(commands).map_err(worded)?;
    }
    Ok(session)
}

/// An error as `play` says it: a bad role or a refused command is marked as an error (the
/// others already say what they are).
fn worded(e: GameError) -> String {
    match e {
        GameError::Role(_) | GameError::Script { .. } => format!("error: {e}"),
        e => e.to_string(),
    }
}
