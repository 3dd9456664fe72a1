//! What can go wrong in starting, loading, scripting or checking a game, as data; each
//! view prints it as it is worded here.

use std::fmt;
use std::path::PathBuf;

use crate::command::CommandError;
use crate::save::SaveError;
use crate::scenario::{Diagnostic, Moment, RoleError};

#[derive(Debug, thiserror::Error)]
pub enum GameError {
    /// The scenario does not load: every problem, one per line.
    #[error("{}", Lines(.0))]
    Scenario(Vec<Diagnostic>),
    /// The role named is not one of the scenario's.
    #[error("{0}")]
    Role(#[from] RoleError),
    #[error(transparent)]
    Save(#[from] SaveError),
    /// A save's scenario no longer loads.
    #[error("{}: the save's scenario `{scenario}` cannot be loaded:\n{}", .path.display(), Lines(.diagnostics))]
    SaveScenario {
        path: PathBuf,
        scenario: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// A save that cannot be continued.
    #[error("{}: {reason}", .path.display())]
    Restore { path: PathBuf, reason: RestoreError },
    /// A command file that does not read.
    #[error("{file}:{line}:{col}: error: {message}")]
    CommandFile {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// A scripted command the game refused.
    #[error("command {index} (at {at}): {error}")]
    Script {
        index: usize,
        at: Moment,
        error: CommandError,
    },
    /// An instructor's command in the script of a game without the instructor.
    #[error("error: command {index} (at {at}) is an instructor's command; run with --instructor")]
    InstructorScript { index: usize, at: Moment },
    /// A date that does not read.
    #[error("{0}")]
    Date(String),
    /// Time could not run as asked.
    #[error("{0}")]
    Command(#[from] CommandError),
    /// `replay` of a save of a scenario that has changed since.
    #[error(
        "{}: the scenario `{id}` has changed since the save; replaying would not test this game (use --replay-on-change to try anyway)",
        .path.display()
    )]
    ReplayOfChanged { path: PathBuf, id: String },
    /// `replay`: the replay refused a command of the log.
    #[error("the runs part at {what}: the replay refuses it: {error}")]
    ReplayRefuses { what: String, error: CommandError },
    /// `replay`: the replay's transcript differs from the save's.
    #[error(
        "the runs part at {what}: transcript entry {entry} differs\n  saved:  {saved}\n  replay: {replayed}"
    )]
    ReplayParts {
        what: String,
        entry: usize,
        saved: String,
        replayed: String,
    },
    /// `replay`: the transcripts agree, the hidden state does not.
    #[error(
        "the replay of all {commands} commands reaches a different world than the save's snapshot (the transcripts agree; the hidden state does not: {part}){}",
        .engine.as_ref().map(|e| format!("; the save was written by Démarche {e} and this is {}, whose draws may differ in the last digits", env!("CARGO_PKG_VERSION"))).unwrap_or_default()
    )]
    ReplayHidden {
        commands: usize,
        /// Where the two worlds part.
        part: String,
        /// The engine that wrote the save, when it is not this one.
        engine: Option<String>,
    },
    #[error("no data directory to save in")]
    NoDataDir,
    /// A file the game was asked to write.
    #[error("{}: cannot write: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
    /// A report whose charts could not be drawn.
    #[error("the report cannot be written: {0}")]
    Report(String),
}

/// Why a save cannot be continued.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("this save is of scenario `{saved}`, not `{named}`")]
    OtherScenario { saved: String, named: String },
    #[error("{0}")]
    Role(#[from] RoleError),
    #[error(
        "the scenario `{id}` has changed since this game was saved (fingerprint {then} then, {now} now); its saved world may not fit the new version. Load with --replay-on-change to replay the {commands} saved commands on the new version"
    )]
    Changed {
        id: String,
        then: String,
        now: String,
        commands: usize,
    },
    #[error("the changed scenario cannot replay this game: command {index} fails: {error}")]
    ReplayFails { index: usize, error: CommandError },
    #[error("{0}")]
    Snapshot(String),
    #[error(
        "the save was written by Démarche {0}, a later version than this one ({ours}); expected a save of this version or an earlier one",
        ours = env!("CARGO_PKG_VERSION")
    )]
    NewerEngine(String),
    /// The save contradicts itself: edited or damaged, and refused rather than trusted.
    #[error("the save has been edited or damaged: {0}; expected a save as Démarche wrote it")]
    Disagrees(String),
}

/// Diagnostics one per line.
struct Lines<'a>(&'a [Diagnostic]);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}
