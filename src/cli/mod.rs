//! The command-line contract: `scenarios`, `validate`, `simulate`, `play`, `replay`.

mod batch;
mod debrief;
mod generate;
mod headless;
mod play;
mod saved;
mod scenarios;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

pub use headless::{
    Mode, SimulateArgs, commands_from, headless, read_commands, run_headless, setup_for, simulate,
    story,
};
pub use saved::{load_game, replay};
pub use scenarios::load_scenario;

use crate::shipped::DEFAULT;

/// The screens a window can open on (and the tabs of the playing screen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum View {
    Title,
    #[default]
    Reader,
    Composer,
    Dossier,
    Map,
    Debrief,
    /// The instructor's tab (with --instructor).
    Instructor,
}

#[derive(Parser, Debug)]
#[command(
    name = "demarche",
    version,
    about = "Diplomatic cable simulations: play Deptcirtel 47 and other crises of the inter-American system"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// Another folder of mods (scenario files, or folders with a scenario.ron), searched
    /// before the user's mods folder.
    #[arg(long, global = true, value_name = "PATH")]
    pub mods: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// List the shipped scenarios with their titles and dates.
    Scenarios,
    /// Check scenario files (or folders of them); print every problem as path:line:col.
    Validate {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `human` (path:line:col with the source line) or `json`.
        #[arg(long, value_enum, default_value_t)]
        format: scenarios::Format,
    },
    /// Write a small, valid, commented scenario to start from.
    New { path: PathBuf },
    /// Run a scenario headless to the end (or to --until); print the transcript and the debrief.
    Simulate(SimulateArgs),
    /// Play a scenario, in the window or the terminal.
    Play(PlayArgs),
    /// Write a saved game's debrief as a report (Markdown or HTML) with charts and cables.
    Debrief(debrief::DebriefArgs),
    /// Play a scenario many times from successive seeds; print how the runs ended and voted.
    Batch(batch::BatchArgs),
    /// Write a synthetic scenario of a given size, for the benchmarks (see docs/performance.md).
    Generate(generate::GenerateArgs),
    /// Re-run a save's command log from its seed and check that it reaches the same world.
    Replay {
        save: PathBuf,
        /// Replay even if the scenario has changed since the save.
        #[arg(long)]
        replay_on_change: bool,
    },
}

#[derive(Args, Debug)]
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
    #[arg(long, value_enum)]
    pub view: Option<View>,
    /// The instructor's view: the true stances and hidden variables, and commands to inject a
    /// telegram, pause, and move a stance (each logged in the transcript).
    #[arg(long)]
    pub instructor: bool,
}

/// Instructor commands in a command file need `--instructor`: a student's script cannot
/// move stances.
pub fn instructed(
    commands: Vec<crate::command::Command>,
    instructor: bool,
) -> Result<Vec<crate::command::Command>, String> {
    if !instructor
        && let Some((i, c)) = commands
            .iter()
            .enumerate()
            .find(|(_, c)| matches!(c.action, crate::command::Action::Instruct(_)))
    {
        return Err(format!(
            "error: command {} (at {}) is an instructor's command; run with --instructor",
            i + 1,
            c.at
        ));
    }
    Ok(commands)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::shipped::add_mod_dirs(cli.mods.clone());
    match cli.command {
        None => play::window(play::WindowArgs {
            seed: 1,
            ..Default::default()
        }),
        Some(Cmd::Scenarios) => scenarios::scenarios(),
        Some(Cmd::New { path }) => scenarios::new_scenario(&path),
        Some(Cmd::Validate { paths, format }) => scenarios::validate(&paths, format),
        Some(Cmd::Simulate(args)) => report(simulate(&args)),
        Some(Cmd::Debrief(args)) => report(debrief::debrief(&args)),
        Some(Cmd::Batch(args)) => report(batch::batch(&args)),
        Some(Cmd::Generate(args)) => report(generate::generate(&args)),
        Some(Cmd::Replay {
            save,
            replay_on_change,
        }) => match replay(&save, replay_on_change) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some(Cmd::Play(args)) if args.text => play::play(&args),
        Some(Cmd::Play(args)) => play::window(play::WindowArgs {
            scenario: args
                .scenario
                .or(args.load.as_ref().map(|_| DEFAULT.to_string())),
            seed: args.seed,
            role: args.role,
            screenshot: args.screenshot,
            frames: args.frames,
            commands: args.commands,
            view: args.view,
            load: args.load,
            instructor: args.instructor,
        }),
    }
}

fn report(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
