//! `simulate`'s arguments: a headless run from the start or from a save, to the end or to
//! `--until` (the run itself is the front door's [`demarche::session::Simulate`]).

use std::path::PathBuf;

use demarche::session::Simulate;

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

impl SimulateArgs {
    pub fn into_run(self) -> Simulate {
        Simulate {
            scenario: self.scenario,
            seed: self.seed,
            commands: self.commands,
            auto: self.auto,
            historical: self.historical,
            role: self.role,
            until: self.until,
            save: self.save,
            load: self.load,
            replay_on_change: self.replay_on_change,
            instructor: self.instructor,
        }
    }
}
