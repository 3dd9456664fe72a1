//! Votes: called by effects, cast from each government's true stance, counted under the
//! body's rule; a vote that reveals stances scores the estimates made about them.

pub mod count;
pub mod rules;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::effects::{CallVote, apply_all};
use crate::governments::GovernmentStances;
use crate::requests::Requests;
use crate::saved::SavedApp;
use crate::scenario::format::RecordedCast;
use crate::scenario::{GovId, Moment, PositionIx, RequestIx, Station, TelegramId, VoteId};
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

/// An estimate scored against the truth once a vote revealed it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Score {
    pub from: Station,
    pub telegram: TelegramId,
    pub request: RequestIx,
    pub government: GovId,
    pub chosen: PositionIx,
    pub truth: PositionIx,
    pub probability: f64,
    pub by_player: bool,
    /// The vote that revealed it (saves before 0.3 did not record it).
    #[serde(default)]
    pub vote: Option<VoteId>,
    /// The ballot the estimate's position stands for in that vote.
    #[serde(default)]
    pub expected: Option<Cast>,
    /// The ballot the government cast.
    #[serde(default)]
    pub cast: Option<Cast>,
}

/// The stances on the vote's issue that cast `cast`, from the vote's lines; none for the
/// absent and the excluded, whose ballot says nothing of where they stand.
pub fn cast_range(
    vote: &crate::scenario::Vote,
    issue: &crate::scenario::Issue,
    cast: Cast,
) -> Option<(f64, f64)> {
    match cast {
        Cast::Yes => Some((vote.yes_from.max(issue.min), issue.max)),
        Cast::Abstain => Some((vote.abstain_from, vote.yes_from)),
        Cast::No => Some((issue.min, vote.abstain_from.min(issue.max))),
        Cast::Absent | Cast::Excluded => None,
    }
}

/// The ballot a position stands for under a vote's lines: the one that most of its band
/// would cast. "Would oppose" is a vote against a resolution whose yes line is above it.
pub fn expected_cast(
    vote: &crate::scenario::Vote,
    issue: &crate::scenario::Issue,
    position: PositionIx,
) -> Cast {
    let band = &issue.positions[position];
    let share = |cast: Cast| {
        cast_range(vote, issue, cast)
            .map(|(lo, hi)| (hi.min(band.to) - lo.max(band.from)).max(0.0))
            .unwrap_or(0.0)
    };
    // Ties go to the first: yes, then no, then abstention.
    [Cast::Yes, Cast::No, Cast::Abstain]
        .into_iter()
        .rev()
        .max_by(|a, b| share(*a).total_cmp(&share(*b)))
        .unwrap_or(Cast::Abstain)
}

/// "a vote for", "an abstention": what a cast means, in a sentence about an estimate.
pub fn cast_phrase(cast: Cast) -> &'static str {
    match cast {
        Cast::Yes => "a vote for",
        Cast::No => "a vote against",
        Cast::Abstain => "an abstention on",
        Cast::Absent => "absence from",
        Cast::Excluded => "exclusion from",
    }
}

/// "voted yes", "abstained": what a government did.
pub fn cast_verb(cast: Cast) -> &'static str {
    match cast {
        Cast::Yes => "voted yes",
        Cast::No => "voted no",
        Cast::Abstain => "abstained",
        Cast::Absent => "was absent",
        Cast::Excluded => "was excluded",
    }
}

impl Score {
    /// How the request is cited: "DEPTCIRTEL 47, paragraph (A)".
    pub fn request_name(&self, s: &crate::scenario::Scenario) -> String {
        s.telegram(self.telegram).request_cited(self.request)
    }

    /// The estimate and what the ballot made of it, in a sentence:
    /// `Venezuela: "would oppose" at 70%, that is a vote against the Declaration of San
    /// José; Venezuela voted yes: wrong`.
    pub fn sentence(&self, s: &crate::scenario::Scenario) -> String {
        let Some(issue) = self.issue(s) else {
            return String::new();
        };
        let country = &s.government(self.government).country;
        let said = &issue.positions[self.chosen].label;
        let verdict = if self.right() { "right" } else { "wrong" };
        match (self.vote, self.expected, self.cast) {
            (Some(v), Some(expected), Some(cast)) => format!(
                "{country}: \"{said}\" at {:.0}%, that is {} \"{}\"; {country} {}: {verdict}",
                self.probability * 100.0,
                cast_phrase(expected),
                s.vote(v).title,
                cast_verb(cast),
            ),
            _ => format!(
                "{country}: \"{said}\" at {:.0}%; the vote showed \"{}\": {verdict}",
                self.probability * 100.0,
                issue.positions[self.truth].label
            ),
        }
    }

    /// The issue the scored estimate was about.
    pub fn issue<'s>(
        &self,
        s: &'s crate::scenario::Scenario,
    ) -> Option<&'s crate::scenario::Issue> {
        match &s.telegram(self.telegram).requests[self.request].kind {
            crate::scenario::RequestKind::Estimate { issue, .. } => Some(s.issue(*issue)),
            _ => None,
        }
    }

    /// Right when the ballot cast is the one the estimate stood for.
    pub fn right(&self) -> bool {
        match (self.expected, self.cast) {
            (Some(expected), Some(cast)) => expected == cast,
            _ => self.chosen == self.truth,
        }
    }

    /// The Brier score of the probability given: 0 is perfect, 0.25 is what "50%" earns.
    pub fn brier(&self) -> f64 {
        let outcome = if self.right() { 1.0 } else { 0.0 };
        let miss = self.probability - outcome;
        miss * miss
    }
}

#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Scores(pub Vec<Score>);

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
                let stance = scenario
                    .issue(vote.issue)
                    .clamp(stances.get(*g, vote.issue) + linked);
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
                            because(&drivers.of(*g, vote.issue), vote, *g)
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
            score(&scenario, &requests, id, &ballots, &mut scores);
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

/// Scores every estimate on the vote's issue, about a government that cast a ballot, that
/// this vote has not scored yet: each estimate is scored by every vote that reveals it.
fn score(
    scenario: &crate::scenario::Scenario,
    requests: &Requests,
    vote: VoteId,
    ballots: &[Ballot],
    scores: &mut Scores,
) {
    let v = scenario.vote(vote);
    for reply in &requests.replies {
        // Defaults carry no probability, so there is nothing to score.
        let Some(crate::requests::Reported {
            post,
            issue: asked,
            position,
            probability: Some(probability),
        }) = reply.estimate(scenario)
        else {
            continue;
        };
        let government = scenario.mission(post).host;
        let already = scores.0.iter().any(|s| {
            s.from == reply.from
                && s.telegram == reply.telegram
                && s.request == reply.request
                && s.vote == Some(vote)
        });
        let Some(ballot) = ballots.iter().find(|b| {
            b.government == government && matches!(b.cast, Cast::Yes | Cast::No | Cast::Abstain)
        }) else {
            continue;
        };
        if asked != v.issue || already {
            continue;
        }
        let issue = scenario.issue(v.issue);
        scores.0.push(Score {
            from: reply.from,
            telegram: reply.telegram,
            request: reply.request,
            government,
            chosen: position,
            truth: issue.position_of(ballot.stance),
            probability,
            by_player: reply.by_player,
            vote: Some(vote),
            expected: Some(expected_cast(v, issue, position)),
            cast: Some(ballot.cast),
        });
    }
}

/// A ballot's reasons in words, largest first: the causes of the government's stance and
/// this vote's own linkage ("its own disposition -0.30, the Sixth Meeting's resolution
/// (passed) +0.35; in this vote: wants the meeting convoked +0.60").
fn because(
    drivers: &[(String, f64)],
    vote: &crate::scenario::Vote,
    government: crate::scenario::GovId,
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
    let linked: Vec<String> = vote
        .linkage_for(government)
        .map(|l| format!("{} {:+.2}", l.because, l.by))
        .collect();
    if out.is_empty() {
        out.push("nothing moved it".into());
    }
    let mut text = out.join(", ");
    if !linked.is_empty() {
        text.push_str(&format!("; in this vote: {}", linked.join(", ")));
    }
    text
}
