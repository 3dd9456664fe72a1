//! The counterfactual: the same scenario and seed re-run with the historical choices, set
//! beside the player's run: the endings, the votes ballot by ballot, and where the two runs
//! first part.

use bevy::prelude::*;

use crate::game::Game;
use crate::governments::StanceHistory;
use crate::report::render_entry;
use crate::scenario::{EndingId, GovId, IssueId, Moment, VoteId};
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, Setup};
use crate::votes::{Cast, VoteLog, VoteRecord};

/// The player's run beside the record's.
pub struct Counterfactual {
    pub ending: Option<EndingId>,
    pub votes: Vec<VoteBeside>,
    /// The first line where the two transcripts differ.
    pub parted: Option<Parting>,
    /// The player's commands given before the runs parted (or all, if they never did).
    pub commands_before: Vec<String>,
    /// The first day a government's true stance differs between the runs.
    pub stances_parted: Option<StanceParting>,
}

pub struct VoteBeside {
    pub vote: VoteId,
    pub yours: Option<VoteRecord>,
    pub record: Option<VoteRecord>,
    /// Governments that voted differently, with the model's reason in each run.
    pub differ: Vec<BallotBeside>,
}

impl VoteBeside {
    /// "passed 20–1–0", or "not held": how the vote went in one run.
    pub fn outcome(r: Option<&VoteRecord>) -> String {
        match r {
            Some(r) => format!(
                "{} {}–{}–{}",
                if r.passed { "passed" } else { "failed" },
                r.tally.yes,
                r.tally.no,
                r.tally.abstain
            ),
            None => "not held".into(),
        }
    }
}

pub struct BallotBeside {
    pub government: GovId,
    pub yours: Cast,
    pub yours_reason: String,
    pub record: Cast,
    pub record_reason: String,
}

pub struct Parting {
    pub at: Moment,
    pub yours: String,
    pub record: String,
}

pub struct StanceParting {
    pub at: Moment,
    pub issue: IssueId,
    /// The governments whose stance differs most, largest gap first: (yours, the record's).
    pub governments: Vec<(GovId, f64, f64)>,
}

impl Counterfactual {
    /// Re-runs the game with the historical choices and compares. `None` when the game was
    /// itself played by the record.
    pub fn run(world: &World) -> Option<Counterfactual> {
        let setup = *world.resource::<Setup>();
        if setup.historical {
            return None;
        }
        let scenario = world.resource::<ActiveScenario>().0.clone();
        let mut record = Game::new(
            scenario,
            Setup {
                auto: true,
                historical: true,
                ..setup
            },
        );
        record.finish();
        Some(Self::between(world, record.world()))
    }

    fn between(yours: &World, record: &World) -> Counterfactual {
        let s = &yours.resource::<ActiveScenario>().0;
        let (log_y, log_r) = (yours.resource::<VoteLog>(), record.resource::<VoteLog>());
        let votes = (0..s.votes.len() as u32)
            .map(VoteId)
            .filter_map(|v| {
                let y = log_y.0.iter().find(|r| r.vote == v).cloned();
                let r = log_r.0.iter().find(|r| r.vote == v).cloned();
                if y.is_none() && r.is_none() {
                    return None;
                }
                let differ = match (&y, &r) {
                    (Some(y), Some(r)) => y
                        .ballots
                        .iter()
                        .filter_map(|a| {
                            let b = r.ballots.iter().find(|b| b.government == a.government)?;
                            (a.cast != b.cast).then(|| BallotBeside {
                                government: a.government,
                                yours: a.cast,
                                yours_reason: a.reason.clone(),
                                record: b.cast,
                                record_reason: b.reason.clone(),
                            })
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                Some(VoteBeside {
                    vote: v,
                    yours: y,
                    record: r,
                    differ,
                })
            })
            .collect();
        let parted = parting(yours, record);
        let commands_before = yours
            .resource::<Transcript>()
            .0
            .iter()
            .filter_map(|e| match e {
                Entry::Command { at, summary, .. } | Entry::Instructor { at, summary }
                    if parted.as_ref().is_none_or(|p| *at <= p.at) =>
                {
                    Some(format!("{at}  {summary}"))
                }
                _ => None,
            })
            .collect();
        Counterfactual {
            ending: record.resource::<crate::endings::Outcome>().0,
            votes,
            parted,
            commands_before,
            stances_parted: stance_parting(yours, record),
        }
    }
}

/// The first transcript line that differs, with its date.
fn parting(yours: &World, record: &World) -> Option<Parting> {
    let lines = |w: &World| -> Vec<(Moment, String)> {
        w.resource::<Transcript>()
            .0
            .iter()
            .flat_map(|e| {
                let at = entry_moment(e);
                comparable(w, e)
                    .lines()
                    .map(|l| (at, l.trim_end().to_string()))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let (y, r) = (lines(yours), lines(record));
    let n = y.iter().zip(&r).take_while(|(a, b)| a == b).count();
    if n == y.len() && n == r.len() {
        return None;
    }
    let nothing = "(nothing more)".to_string();
    let (at, _) = y.get(n).or(r.get(n))?;
    Some(Parting {
        at: *at,
        yours: y.get(n).map(undated).unwrap_or(nothing.clone()),
        record: r.get(n).map(undated).unwrap_or(nothing),
    })
}

/// An entry as the two runs are compared: a vote by its tally and ballots, not the reasons
/// (the record's ballots are cast "as the record has it", which is not a difference).
fn comparable(w: &World, e: &Entry) -> String {
    let Entry::Vote { at, record } = e else {
        return render_entry(w, e, crate::report::Sight::Record);
    };
    let s = &w.resource::<ActiveScenario>().0;
    let r = &w.resource::<VoteLog>().0[*record];
    let mut out = format!(
        "{at}  VOTE      {}: {} {}-{}-{}\n",
        s.vote(r.vote).title,
        if r.passed { "PASSED" } else { "FAILED" },
        r.tally.yes,
        r.tally.no,
        r.tally.abstain
    );
    for b in &r.ballots {
        out.push_str(&format!(
            "  {}: {}\n",
            s.government(b.government).country,
            super::cast_word(b.cast)
        ));
    }
    out
}

/// A transcript line without the date it starts with (the parting gives each its own).
fn undated((at, line): &(Moment, String)) -> String {
    let date = at.to_string();
    let line = line.trim();
    line.strip_prefix(date.as_str())
        .unwrap_or(line)
        .trim()
        .to_string()
}

fn entry_moment(e: &Entry) -> Moment {
    match e {
        Entry::News { at, .. }
        | Entry::Sent { at, .. }
        | Entry::Delivered { at, .. }
        | Entry::Command { at, .. }
        | Entry::Instructor { at, .. }
        | Entry::Demarche { at, .. }
        | Entry::Decision { at, .. }
        | Entry::Defaulted { at, .. }
        | Entry::Due { at, .. }
        | Entry::Vote { at, .. }
        | Entry::Ended { at, .. } => *at,
    }
}

/// The first recorded day on which some true stance differs by more than a hair.
fn stance_parting(yours: &World, record: &World) -> Option<StanceParting> {
    const HAIR: f64 = 0.005;
    let (hy, hr) = (
        yours.resource::<StanceHistory>(),
        record.resource::<StanceHistory>(),
    );
    for ((at, y), (at_r, r)) in hy.0.iter().zip(&hr.0) {
        if at != at_r {
            break;
        }
        let issues = y.first().map_or(0, |g| g.len());
        for i in 0..issues {
            let mut gaps: Vec<(GovId, f64, f64)> = y
                .iter()
                .zip(r)
                .enumerate()
                .filter(|(_, (a, b))| (a[i] - b[i]).abs() > HAIR)
                .map(|(g, (a, b))| (GovId(g as u32), a[i], b[i]))
                .collect();
            if !gaps.is_empty() {
                gaps.sort_by(|a, b| (b.1 - b.2).abs().total_cmp(&(a.1 - a.2).abs()));
                gaps.truncate(5);
                return Some(StanceParting {
                    at: *at,
                    issue: IssueId(i as u32),
                    governments: gaps,
                });
            }
        }
    }
    None
}
