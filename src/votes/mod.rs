//! Votes: called by effects, cast from each government's true stance, counted under the
//! body's rule; a vote that reveals stances scores the estimates made about them.

pub mod count;
pub mod rules;
mod score;

pub use score::{Score, Scores, cast_phrase, cast_range, cast_verb, expected_cast};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::effects::{CallVote, apply_all};
use crate::governments::GovernmentStances;
use crate::requests::Requests;
use crate::saved::SavedApp;
use crate::scenario::format::RecordedCast;
use crate::scenario::{GovId, Moment, VoteId};
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, Setup, SimSet};
use rules::{Tally, Verdict, decide};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cast {
    Yes,
    No,
    Abstain,
    Absent,
    /// A party to the dispute, excluded from voting.
    Excluded,
}

impl From<RecordedCast> for Cast {
    fn from(c: RecordedCast) -> Self {
        match c {
            RecordedCast::Yes => Cast::Yes,
            RecordedCast::No => Cast::No,
            RecordedCast::Abstain => Cast::Abstain,
            RecordedCast::Absent => Cast::Absent,
        }
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Ballot {
    pub government: GovId,
    pub stance: f64,
    pub cast: Cast,
    /// The model's reason, in words.
    pub reason: String,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct VoteRecord {
    pub vote: VoteId,
    pub at: Moment,
    pub ballots: Vec<Ballot>,
    pub tally: Tally,
    pub verdict: Verdict,
    pub passed: bool,
}

/// Every vote held, in order.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct VoteLog(pub Vec<VoteRecord>);

/// Votes called and not yet counted.
#[derive(Resource, Default, Debug)]
struct Called(Vec<VoteId>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<VoteLog>()
        .init_resource::<Called>()
        .init_resource::<Scores>()
        .saved_resource::<VoteLog>("votes")
        .saved_resource::<Scores>("scores")
        .add_observer(call_vote)
        .add_systems(Update, count.in_set(SimSet::Votes));
}

fn call_vote(on: On<CallVote>, mut called: ResMut<Called>) {
    called.0.push(on.event().0);
}

fn count(
    mut called: ResMut<Called>,
    calendar: Res<Calendar>,
    scenario: Res<ActiveScenario>,
    stances: GovernmentStances,
    drivers: Res<crate::governments::Drivers>,
    instructed: Res<crate::governments::Instructed>,
    requests: Res<Requests>,
    setup: Res<Setup>,
    mut log: ResMut<VoteLog>,
    mut scores: ResMut<Scores>,
    mut transcript: ResMut<Transcript>,
    mut commands: Commands,
) {
    for id in std::mem::take(&mut called.0) {
        let vote = scenario.vote(id);
        let ballots: Vec<Ballot> = vote
            .members
            .iter()
            .map(|g| {
                // A vote's own linkage moves a government beside its stance on the issue.
                let linked: f64 = vote.linkage_for(*g).map(|l| l.by).sum();
                let minister = own_views(&scenario, vote, *g, instructed.get(*g), calendar.now);
                let stance = scenario
                    .issue(vote.issue)
                    .clamp(stances.get(*g, vote.issue) + linked + minister.unwrap_or(0.0));
                let recorded = vote.record.iter().find(|(r, _)| r == g).map(|(_, c)| *c);
                let (cast, reason) = if let (true, Some(recorded)) = (setup.historical, recorded) {
                    (
                        Cast::from(recorded),
                        "as the record has it (historical mode)".to_string(),
                    )
                } else if vote.parties.contains(g) {
                    (
                        Cast::Excluded,
                        "a party to the dispute (Rio Treaty Art. 18)".to_string(),
                    )
                } else if vote.absent.contains(g) {
                    (Cast::Absent, "not in the room".to_string())
                } else if stance >= vote.yes_from {
                    (
                        Cast::Yes,
                        format!(
                            "stance {stance:+.2} is at or above {:+.2}, the yes line",
                            vote.yes_from
                        ),
                    )
                } else if stance >= vote.abstain_from {
                    (
                        Cast::Abstain,
                        format!(
                            "stance {stance:+.2} is between {:+.2} and {:+.2}",
                            vote.abstain_from, vote.yes_from
                        ),
                    )
                } else {
                    (
                        Cast::No,
                        format!(
                            "stance {stance:+.2} is below {:+.2}, the abstention line",
                            vote.abstain_from
                        ),
                    )
                };
                let reason = match cast {
                    Cast::Yes | Cast::No | Cast::Abstain
                        if !setup.historical || recorded.is_none() =>
                    {
                        format!(
                            "{reason}; because of {}",
                            because(&drivers.of(*g, vote.issue), vote, *g, minister)
                        )
                    }
                    _ => reason,
                };
                Ballot {
                    government: *g,
                    stance,
                    cast,
                    reason,
                }
            })
            .collect();
        let n = |c: Cast| ballots.iter().filter(|b| b.cast == c).count() as u32;
        let tally = Tally {
            eligible: vote.members.len() as u32 - n(Cast::Excluded),
            present: n(Cast::Yes) + n(Cast::No) + n(Cast::Abstain),
            yes: n(Cast::Yes),
            no: n(Cast::No),
            abstain: n(Cast::Abstain),
        };
        let verdict = decide(vote.rule, vote.quorum, tally);
        if vote.reveals {
            score::score(&scenario, &requests, id, &ballots, &mut scores);
        }
        transcript.push(Entry::Vote {
            at: calendar.now,
            record: log.0.len(),
        });
        log.0.push(VoteRecord {
            vote: id,
            at: calendar.now,
            ballots,
            tally,
            verdict,
            passed: verdict.passed,
        });
        let (effects, outcome) = if verdict.passed {
            (&vote.on_pass, "passed")
        } else {
            (&vote.on_fail, "failed")
        };
        apply_all(
            &mut commands,
            effects,
            &format!("{} ({outcome})", vote.title),
        );
    }
}

/// A ballot's reasons in words, largest first: the causes of the government's stance and
/// this vote's own linkage ("its own disposition -0.30, the Sixth Meeting's resolution
/// (passed) +0.35; in this vote: wants the meeting convoked +0.60").
fn because(
    drivers: &[(String, f64)],
    vote: &crate::scenario::Vote,
    government: crate::scenario::GovId,
    minister: Option<f64>,
) -> String {
    // The four largest by name; the rest summed, so the reasons stay readable and add up.
    const NAMED: usize = 4;
    let moved: Vec<&(String, f64)> = drivers.iter().filter(|(_, by)| by.abs() >= 0.005).collect();
    let mut out: Vec<String> = moved
        .iter()
        .take(NAMED)
        .map(|(cause, by)| format!("{cause} {by:+.2}"))
        .collect();
    if moved.len() > NAMED {
        let rest: f64 = moved[NAMED..].iter().map(|(_, by)| by).sum();
        let n = moved.len() - NAMED;
        let causes = if n == 1 { "cause" } else { "causes" };
        out.push(format!("{n} smaller {causes} {rest:+.2}"));
    }
    let mut linked: Vec<String> = vote
        .linkage_for(government)
        .map(|l| format!("{} {:+.2}", l.because, l.by))
        .collect();
    if let Some(lean) = minister {
        linked.push(format!(
            "its Foreign Minister's own views, with no instructions from his President {lean:+.2}"
        ));
    }
    if out.is_empty() {
        out.push("nothing moved it".into());
    }
    let mut text = out.join(", ");
    if !linked.is_empty() {
        text.push_str(&format!("; in this vote: {}", linked.join(", ")));
    }
    text
}

/// At a meeting of Foreign Ministers, a Minister his President has not instructed votes his
/// own views: his lean on the issue, if he has one.
fn own_views(
    scenario: &crate::scenario::Scenario,
    vote: &crate::scenario::Vote,
    government: GovId,
    instructed: bool,
    now: Moment,
) -> Option<f64> {
    use crate::scenario::format::{Body, LeaderRole};
    if instructed || vote.body == Body::CouncilOfOas {
        return None;
    }
    scenario
        .government(government)
        .leaders
        .iter()
        .find(|l| l.role == LeaderRole::ForeignMinister && l.in_office(now))
        .map(|l| l.lean[vote.issue.index()])
        .filter(|lean| *lean != 0.0)
}
