//! The Department's count of a coming vote, made from what the posts reported: each
//! government's latest estimate, the ballot its position stands for, and how far the post's
//! confidence and its record so far deserve belief.

use super::rules::votes_needed;
use super::{Cast, Scores, expected_cast};
use crate::requests::Requests;
use crate::scenario::{GovId, Scenario, Station, VoteId};

/// A report this confident, from a post not yet caught out, is counted firm.
pub const FIRM: f64 = 0.7;

/// How the Department counts a vote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Count {
    /// Yes votes it counts on: reported yes, with confidence, by posts with a good record.
    pub firm: Vec<GovId>,
    /// Reported yes, but with doubt (or by a post whose estimates have been wrong).
    pub doubtful: Vec<GovId>,
    /// Reported to vote no or abstain.
    pub against: Vec<GovId>,
    /// Members with no report: no mission, or none has answered.
    pub unreported: Vec<GovId>,
    /// Yes votes the rule needs.
    pub needed: u32,
}

impl Count {
    pub fn enough(&self) -> bool {
        self.firm.len() as u32 >= self.needed
    }

    /// "DEPARTMENT COUNTS 12 FIRM, 4 DOUBTFUL, 3 AGAINST OF 14 NEEDED", as an instruction
    /// would put it.
    pub fn telegraphese(&self) -> String {
        format!(
            "DEPARTMENT COUNTS {} FIRM, {} DOUBTFUL, {} AGAINST OR ABSTAINING, {} UNREPORTED, OF {} NEEDED",
            self.firm.len(),
            self.doubtful.len(),
            self.against.len(),
            self.unreported.len(),
            self.needed
        )
    }
}

/// The count of `vote` from the replies so far. The United States and any member without a
/// mission are the Department's own to count: firm.
pub fn count(scenario: &Scenario, requests: &Requests, scores: &Scores, vote: VoteId) -> Count {
    let v = scenario.vote(vote);
    let eligible = v.members.iter().filter(|g| !v.parties.contains(g)).count() as u32;
    let mut out = Count {
        needed: votes_needed(v.rule, eligible, eligible),
        ..Count::default()
    };
    for g in v
        .members
        .iter()
        .filter(|g| !v.parties.contains(g) && !v.absent.contains(g))
    {
        let Some(post) = scenario.missions.iter().position(|m| m.host == *g) else {
            out.firm.push(*g);
            continue;
        };
        let station = Station::Post(crate::scenario::PostId(post as u32));
        let latest = requests
            .replies
            .iter()
            .rev()
            .filter_map(|r| r.estimate(scenario).filter(|e| e.issue == v.issue))
            .find(|e| Station::Post(e.post) == station);
        let Some(report) = latest else {
            out.unreported.push(*g);
            continue;
        };
        let issue = scenario.issue(v.issue);
        let caught_out = scores.0.iter().any(|s| s.from == station && !s.right());
        match expected_cast(v, issue, report.position) {
            Cast::Yes if report.probability.unwrap_or(0.0) >= FIRM && !caught_out => {
                out.firm.push(*g)
            }
            Cast::Yes => out.doubtful.push(*g),
            _ => out.against.push(*g),
        }
    }
    out
}
