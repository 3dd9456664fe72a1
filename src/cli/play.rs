//! `play`: the window, or the game in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::game::Game;

use super::{Mode, PlayArgs, View, load_scenario, read_commands, setup_for};
use crate::shipped::DEFAULT;

/// What the window is asked to do.
#[derive(Default)]
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
pub(super) struct WindowArgs {
    pub scenario: Option<String>,
    pub seed: u64,
    pub role: Option<String>,
    pub screenshot: Option<PathBuf>,
    pub frames: u32,
    pub commands: Option<PathBuf>,
    pub view: Option<View>,
    pub load: Option<PathBuf>,
    pub instructor: bool,
}

#[cfg(feature = "gui")]
pub(super) fn window(args: WindowArgs) -> ExitCode {
    crate::ui::run(crate::ui::WindowOptions {
        scenario: args.scenario,
        seed: args.seed.max(1),
        role: args.role,
        commands: args.commands,
        view: args.view,
        screenshot: args.screenshot,
        frames: args.frames.max(3),
        load: args.load,
        instructor: args.instructor,
    })
}

#[cfg(not(feature = "gui"))]
pub(super) fn window(_: WindowArgs) -> ExitCode {
    eprintln!(
        "demarche: this build has no game window (built without the `gui` feature); play in the terminal with `demarche play --text`"
    );
    ExitCode::from(2)
}

pub(super) fn play(args: &PlayArgs) -> ExitCode {
    match start(args) {
        Ok((game, source)) => {
            let stdin = std::io::stdin();
            match crate::text::run_as(
                game,
                &source,
                stdin.lock(),
                std::io::stdout(),
                args.instructor,
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The game to play: a saved one, or a new one, with any scripted commands applied.
fn start(args: &PlayArgs) -> Result<(Game, String), String> {
    let (mut game, source) = match &args.load {
        Some(path) => super::load_game(path, args.replay_on_change)?,
        None => {
            let source = args.scenario.clone().unwrap_or_else(|| DEFAULT.to_string());
            let loaded = load_scenario(&source)?;
            let setup = setup_for(
                &loaded.scenario,
                args.seed,
                args.role.as_deref(),
                Mode::Player,
            )
            .map_err(|e| format!("error: {e}"))?;
            (Game::new(loaded.scenario, setup), source)
        }
    };
    if let Some(path) = &args.commands {
        for command in super::instructed(read_commands(path)?, args.instructor)? {
            game.play_scripted(command)
                .map_err(|e| format!("error: {e}"))?;
        }
    }
    Ok((game, source))
}
