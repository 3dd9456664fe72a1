//! The command-line contract: `scenarios`, `validate`, `new`, `simulate`, `play`, `debrief`,
//! `batch`, `generate`, `replay`, `serve`. Each parses its arguments, calls the front door, and prints.

mod batch;
mod debrief;
mod generate;
mod play;
mod scenarios;
mod serve;
mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use demarche::shipped::Loader;

#[derive(Parser, Debug)]
#[command(
    name = "demarche",
    version,
    about = "Diplomatic cable simulations: play Deptcirtel 47 and other crises of the inter-American system"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    /// Another folder of mods (scenario files, or folders with a scenario.ron), searched
    /// before the user's mods folder.
    #[arg(long, global = true, value_name = "PATH")]
    mods: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
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
    Simulate(simulate::SimulateArgs),
    /// Play a scenario, in the window or the terminal.
    Play(play::PlayArgs),
    /// Write a saved game's debrief as a report (Markdown or HTML) with charts and cables.
    Debrief(debrief::DebriefArgs),
    /// Play a scenario many times from successive seeds; print how the runs ended and voted.
    Batch(batch::BatchArgs),
    /// Write a synthetic scenario of a given size, for the benchmarks (see docs/performance.md).
    Generate(generate::GenerateArgs),
    /// Run a class: one shared world in the browser, each student a post, the instructor
    /// at the console.
    Serve(serve::ServeArgs),
    /// Re-run a save's command log from its seed and check that it reaches the same world.
    Replay {
        save: PathBuf,
        /// Replay even if the scenario has changed since the save.
        #[arg(long)]
        replay_on_change: bool,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let loader = Loader::new(cli.mods);
    match cli.command {
        None => play::window(&loader, play::PlayArgs::default()),
        Some(Cmd::Scenarios) => scenarios::scenarios(&loader),
        Some(Cmd::New { path }) => scenarios::new_scenario(&path),
        Some(Cmd::Validate { paths, format }) => scenarios::validate(&loader, &paths, format),
        Some(Cmd::Simulate(args)) => print(args.into_run().run(&loader)),
        Some(Cmd::Debrief(args)) => print(debrief::debrief(&loader, &args)),
        Some(Cmd::Batch(args)) => print(batch::batch(&loader, &args)),
        Some(Cmd::Generate(args)) => print(generate::generate(&args)),
        Some(Cmd::Replay {
            save,
            replay_on_change,
        }) => print(
            demarche::session::check_replay(&loader, &save, replay_on_change).map(|s| s + "\n"),
        ),
        Some(Cmd::Serve(args)) => serve::serve(&loader, args),
        Some(Cmd::Play(args)) if args.text => play::terminal(&loader, &args),
        Some(Cmd::Play(args)) => play::window(&loader, args),
    }
}

/// Prints what a command returned, or its error on stderr with a failing exit code.
fn print<E: std::fmt::Display>(result: Result<String, E>) -> ExitCode {
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
