//! Batch what-if runs: many seeded games of one scenario, side by side on every core, and the
//! distribution of what came of them.
//!
//! Run `i` of a batch from seed `S` is the game `simulate --seed S+i` would play, so any run
//! can be replayed alone. Each game is counted into a [`Tally`] as it ends, so a batch's memory
//! does not grow with its runs; counts add up in any order, and the first refused run is the
//! lowest-numbered, so the same scenario, seed and number of runs give the same report however
//! many jobs ran them.

use std::sync::Arc;

use serde::Serialize;

use crate::command::Command;
use crate::endings::Outcome;
use crate::game::Game;
use crate::scenario::{EndingId, GovId, Scenario, VoteId};
use crate::session::Session;
use crate::shipped::Loader;
use crate::vocab::Setup;
use crate::votes::{Cast, VoteLog};

mod tally;
pub use tally::Tally;

/// What to run: the setup of run 0 (its seed is the first), how many runs, and the player's
/// commands, given in every run (the instructor's among them only with `instructor`).
#[derive(Clone, Debug)]
pub struct Plan {
    pub setup: Setup,
    pub runs: u64,
    pub commands: Vec<Command>,
    pub instructor: bool,
}

impl Plan {
    /// The plan of `runs` games started as `start` says, each given `commands`; the
    /// scenario it plays.
    pub fn new(
        loader: &Loader,
        start: &crate::session::Start,
        runs: u64,
        commands: Vec<Command>,
    ) -> Result<(Arc<Scenario>, Plan), BatchError> {
        let loaded = crate::session::load(loader, &start.scenario)?;
        let setup = crate::session::setup_for(
            &loaded.scenario,
            start.seed,
            start.role.as_deref(),
            start.mode,
        )?;
        let commands = crate::session::instructed(commands, start.instructor)?;
        let plan = Plan {
            setup,
            runs,
            commands,
            instructor: start.instructor,
        };
        Ok((loaded.scenario, plan))
    }
}

/// What one game came to.
#[derive(Clone, Debug)]
pub struct RunResult {
    pub ending: Option<EndingId>,
    /// Each vote held, in order.
    pub votes: Vec<HeldVote>,
    /// The first of the player's commands that the game refused, if any.
    pub refused: Option<String>,
}

/// A vote as one run held it.
#[derive(Clone, Debug)]
pub struct HeldVote {
    pub vote: VoteId,
    pub passed: bool,
    pub casts: Vec<(GovId, Cast)>,
}

/// Plays one game of the plan to its end.
pub fn run_one(scenario: &Arc<Scenario>, plan: &Plan, index: u64) -> RunResult {
    let setup = Setup {
        seed: plan.setup.seed + index,
        ..plan.setup
    };
    let mut game = Session::of(
        Game::new(scenario.clone(), setup),
        &scenario.id,
        &Loader::default(),
        plan.instructor,
    );
    let mut refused = None;
    for (i, command) in plan.commands.iter().enumerate() {
        let at = command.at;
        if let Err(e) = game.play_scripted(command.clone())
            && refused.is_none()
        {
            refused = Some(format!("command {} (at {at}): {e}", i + 1));
        }
    }
    game.finish();
    let world = game.world();
    RunResult {
        ending: world.resource::<Outcome>().0,
        votes: world
            .resource::<VoteLog>()
            .0
            .iter()
            .map(|r| HeldVote {
                vote: r.vote,
                passed: r.passed,
                casts: r.ballots.iter().map(|b| (b.government, b.cast)).collect(),
            })
            .collect(),
        refused,
    }
}

/// Why a batch could not run. (A layer above the front door: a batch is many sessions.)
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error(transparent)]
    Game(#[from] crate::session::GameError),
    #[error("cannot start the worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// A summary that could not be written as JSON.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "--seed {seed} with --runs {runs} would need seeds past {max}, the largest; expected --seed at most {most}",
        max = u64::MAX,
        most = u64::MAX - (runs - 1)
    )]
    Seeds { seed: u64, runs: u64 },
}

/// Runs the plan on `jobs` threads (0: one per core), calling `tick` after each game.
pub fn run(
    scenario: &Arc<Scenario>,
    plan: &Plan,
    jobs: usize,
    tick: &(dyn Fn() + Sync),
) -> Result<Tally, BatchError> {
    use rayon::prelude::*;
    if plan
        .setup
        .seed
        .checked_add(plan.runs.saturating_sub(1))
        .is_none()
    {
        return Err(BatchError::Seeds {
            seed: plan.setup.seed,
            runs: plan.runs,
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("batch-{i}"))
        .build()?;
    Ok(pool.install(|| {
        (0..plan.runs)
            .into_par_iter()
            .fold(
                || Tally::new(scenario),
                |tally, i| {
                    let result = run_one(scenario, plan, i);
                    tick();
                    tally.add(i, result)
                },
            )
            .reduce(|| Tally::new(scenario), Tally::merge)
    }))
}

/// A share of the runs with its 95% confidence interval (Wilson's score interval, which stays
/// inside [0, 1] and behaves at 0% and 100%).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Share {
    pub count: u64,
    pub of: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Share {
    pub fn new(count: u64, of: u64) -> Share {
        if of == 0 {
            return Share {
                count,
                of,
                share: 0.0,
                low: 0.0,
                high: 0.0,
            };
        }
        const Z: f64 = 1.959_963_984_540_054;
        let n = of as f64;
        let p = count as f64 / n;
        let z2 = Z * Z;
        let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
        let half = Z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
        Share {
            count,
            of,
            share: p,
            low: (centre - half).max(0.0),
            high: (centre + half).min(1.0),
        }
    }
}

/// How the runs ended and voted.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub scenario: String,
    pub title: String,
    pub runs: u64,
    pub first_seed: u64,
    pub mode: String,
    pub endings: Vec<EndingShare>,
    pub votes: Vec<VoteShares>,
    /// Runs in which the game refused one of the player's commands.
    pub refused: RefusedCommands,
}

#[derive(Clone, Debug, Serialize)]
pub struct EndingShare {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub share: Share,
}

#[derive(Clone, Debug, Serialize)]
pub struct VoteShares {
    pub id: String,
    pub title: String,
    /// Runs in which the vote was held.
    pub held: Share,
    /// Of those, runs in which it passed.
    pub passed: Share,
    pub governments: Vec<GovernmentCasts>,
}

/// One government's casts in one vote, as shares of the times the vote was held.
#[derive(Clone, Debug, Serialize)]
pub struct GovernmentCasts {
    pub id: String,
    pub country: String,
    pub yes: Share,
    pub no: Share,
    pub abstain: Share,
    pub absent: Share,
    pub excluded: Share,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct RefusedCommands {
    pub runs: u64,
    /// The first such run, its seed, and what was refused.
    pub first: Option<String>,
}

/// The casts in the order the report gives them.
pub const CASTS: [Cast; 5] = [
    Cast::Yes,
    Cast::No,
    Cast::Abstain,
    Cast::Absent,
    Cast::Excluded,
];

fn cast_index(c: Cast) -> usize {
    CASTS.iter().position(|x| *x == c).unwrap_or(0)
}

impl Summary {
    /// Gathers the runs, in run order.
    pub fn of(scenario: &Scenario, plan: &Plan, mode: &str, tally: &Tally) -> Summary {
        let Tally {
            runs,
            endings,
            held,
            passed,
            casts,
            ..
        } = tally;
        let runs = *runs;
        let refused = RefusedCommands {
            runs: tally.refused,
            first: tally.first_refused.as_ref().map(|(i, why)| {
                let seed = plan.setup.seed + i;
                format!("run {} (seed {seed}): {why}", i + 1)
            }),
        };
        Summary {
            scenario: scenario.id.clone(),
            title: scenario.title.clone(),
            runs,
            first_seed: plan.setup.seed,
            mode: mode.to_string(),
            endings: scenario
                .endings
                .iter()
                .zip(endings)
                .map(|(e, n)| EndingShare {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    share: Share::new(*n, runs),
                })
                .collect(),
            votes: scenario
                .votes
                .iter()
                .enumerate()
                .map(|(v, vote)| VoteShares {
                    id: vote.id.clone(),
                    title: vote.title.clone(),
                    held: Share::new(held[v], runs),
                    passed: Share::new(passed[v], held[v]),
                    governments: scenario
                        .governments
                        .iter()
                        .enumerate()
                        .filter(|(g, _)| casts[v][*g].iter().sum::<u64>() > 0)
                        .map(|(g, gov)| {
                            let c = casts[v][g];
                            let share = |k: usize| Share::new(c[k], held[v]);
                            GovernmentCasts {
                                id: gov.id.clone(),
                                country: gov.country.clone(),
                                yes: share(0),
                                no: share(1),
                                abstain: share(2),
                                absent: share(3),
                                excluded: share(4),
                            }
                        })
                        .collect(),
                })
                .collect(),
            refused,
        }
    }
}
