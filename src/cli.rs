//! The command-line contract: `scenarios`, `validate`, `simulate`, `play`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::command::Command;
use crate::game::Game;
use crate::scenario::{Diagnostic, Loaded, Scenario, load_file};
use crate::shipped::{self, DEFAULT, SHIPPED};
use crate::sim::Setup;

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
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// List the shipped scenarios with their titles and dates.
    Scenarios,
    /// Check scenario files (or folders of them); print every problem as path:line:col.
    Validate {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Run a scenario headless to the end; print the transcript and the debrief.
    Simulate {
        /// A shipped scenario name (deptcirtel-47) or a file path.
        scenario: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A RON file with a list of dated commands for the player.
        #[arg(long)]
        commands: Option<PathBuf>,
        /// Play the player's role by the same rules as the non-player missions.
        #[arg(long)]
        auto: bool,
        /// Follow the record: documented votes, and the decisions really taken.
        #[arg(long, conflicts_with_all = ["commands", "auto"])]
        historical: bool,
        /// The role: a post id (caracas) or `department`. Default: the scenario's.
        #[arg(long = "as")]
        role: Option<String>,
    },
    /// Play a scenario.
    Play {
        /// A shipped scenario name or a file path. Default: deptcirtel-47.
        scenario: Option<String>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long = "as")]
        role: Option<String>,
        /// Play in the terminal (stdin/stdout).
        #[arg(long)]
        text: bool,
        /// Window: save a PNG of the window after `--frames` frames, then exit.
        #[arg(long, value_name = "PATH")]
        screenshot: Option<PathBuf>,
        /// Window: frames to render before the screenshot.
        #[arg(long, default_value_t = 30)]
        frames: u32,
        /// Dated commands to apply before play starts (RON, as for `simulate`).
        #[arg(long)]
        commands: Option<PathBuf>,
        /// Window: the screen to open on.
        #[arg(long, value_enum)]
        view: Option<View>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => window(WindowArgs::default()),
        Some(Cmd::Scenarios) => scenarios(),
        Some(Cmd::Validate { paths }) => validate(&paths),
        Some(Cmd::Simulate {
            scenario,
            seed,
            commands,
            auto,
            historical,
            role,
        }) => match simulate(
            &scenario,
            seed,
            commands.as_deref(),
            Mode::of(auto, historical),
            role.as_deref(),
        ) {
            Ok(out) => {
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some(Cmd::Play {
            scenario,
            seed,
            role,
            text: true,
            commands,
            ..
        }) => play(
            scenario.as_deref().unwrap_or(DEFAULT),
            seed,
            role.as_deref(),
            commands.as_deref(),
        ),
        Some(Cmd::Play {
            scenario,
            seed,
            role,
            text: false,
            screenshot,
            frames,
            commands,
            view,
        }) => window(WindowArgs {
            scenario,
            seed,
            role,
            screenshot,
            frames,
            commands,
            view,
        }),
    }
}

fn scenarios() -> ExitCode {
    for s in SHIPPED {
        match shipped::load(s.name) {
            Ok(l) => println!(
                "{:<20} {} ({} to {})",
                s.name,
                l.scenario.title,
                l.scenario.start.long_date(),
                l.scenario.end.long_date()
            ),
            Err(_) => println!(
                "{:<20} (does not validate: run `demarche validate {}`)",
                s.name, s.file
            ),
        }
    }
    ExitCode::SUCCESS
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|dir| {
                    dir.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            if found.is_empty() {
                print_diagnostics(&[Diagnostic::file_error(
                    &path.display().to_string(),
                    "this folder holds no .ron scenario files",
                )]);
                return ExitCode::FAILURE;
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut ok = true;
    for file in files {
        match load_file(&file) {
            Ok(loaded) => {
                print_diagnostics(&loaded.warnings);
                println!("{}: ok: {}", file.display(), loaded.scenario.title);
            }
            Err(diags) => {
                ok = false;
                print_diagnostics(&diags);
                let errors = diags
                    .iter()
                    .filter(|d| d.severity == crate::scenario::Severity::Error)
                    .count();
                eprintln!("{}: {errors} error(s)", file.display());
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Loads a scenario by name or path, printing the diagnostics if it does not validate.
pub fn load_scenario(name: &str) -> Result<Loaded, String> {
    shipped::load(name).map_err(|diags| {
        diags
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

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

/// The whole headless run as text: the transcript, then the debrief.
pub fn simulate(
    scenario: &str,
    seed: u64,
    commands: Option<&Path>,
    mode: Mode,
    role: Option<&str>,
) -> Result<String, String> {
    let loaded = load_scenario(scenario)?;
    let setup = setup_for(&loaded.scenario, seed, role, mode)?;
    let commands = commands.map(read_commands).transpose()?.unwrap_or_default();
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
    let mut out = crate::report::render_transcript(game.world());
    out.push('\n');
    out.push_str(&crate::debrief::Debrief::from_world(game.world()).render_text());
    Ok(out)
}

/// What the window is asked to do.
#[derive(Default)]
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
struct WindowArgs {
    scenario: Option<String>,
    seed: u64,
    role: Option<String>,
    screenshot: Option<PathBuf>,
    frames: u32,
    commands: Option<PathBuf>,
    view: Option<View>,
}

#[cfg(feature = "gui")]
fn window(args: WindowArgs) -> ExitCode {
    crate::ui::run(crate::ui::WindowOptions {
        scenario: args.scenario,
        seed: args.seed.max(1),
        role: args.role,
        commands: args.commands,
        view: args.view,
        screenshot: args.screenshot,
        frames: args.frames.max(3),
    })
}

#[cfg(not(feature = "gui"))]
fn window(_: WindowArgs) -> ExitCode {
    eprintln!(
        "demarche: this build has no game window (built without the `gui` feature); play in the terminal with `demarche play --text`"
    );
    ExitCode::from(2)
}

fn play(scenario: &str, seed: u64, role: Option<&str>, commands: Option<&Path>) -> ExitCode {
    let loaded = match load_scenario(scenario) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let setup = match setup_for(&loaded.scenario, seed, role, Mode::Player) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut game = Game::new(loaded.scenario.clone(), setup);
    if let Some(path) = commands {
        let scripted = match read_commands(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        for command in scripted {
            if let Err(e) = game.play_scripted(command) {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let stdin = std::io::stdin();
    match crate::text::run(game, stdin.lock(), std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
