//! Scoring: what ballot a reported position stands for, and each estimate scored by every
//! vote that reveals it, by the ballot really cast.

use bevy::prelude::*;

use super::{Ballot, Cast};
use crate::requests::Requests;
use crate::scenario::{GovId, PositionIx, RequestIx, Station, TelegramId, VoteId};

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

/// Scores every estimate on the vote's issue, about a government that cast a ballot, that
/// this vote has not scored yet: each estimate is scored by every vote that reveals it.
pub(super) fn score(
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
