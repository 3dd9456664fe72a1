//! The arithmetic of inter-American votes: majorities, two thirds, parties excluded, quorum.

use crate::scenario::format::{Quorum, Rule};

/// The count of a vote, and what the rules make of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    /// Members entitled to vote: all members less the parties to the dispute.
    pub eligible: u32,
    /// Entitled members present.
    pub present: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Verdict {
    /// Yes votes the decision needs.
    pub needed: u32,
    /// Members who must be present for a valid vote.
    pub quorum: u32,
    pub quorum_met: bool,
    pub passed: bool,
}

/// Yes votes needed under `rule` with `eligible` members entitled to vote (and, for a simple
/// majority, the votes actually cast).
pub fn votes_needed(rule: Rule, eligible: u32, cast_yes_no: u32) -> u32 {
    match rule {
        Rule::AbsoluteMajority => eligible / 2 + 1,
        // Two thirds, rounded up: 14 of 21, 13 of 19.
        Rule::TwoThirds => (2 * eligible).div_ceil(3),
        Rule::SimpleMajority => cast_yes_no / 2 + 1,
        Rule::Unanimity => eligible,
    }
}

/// Whether the tally carries under the rule and quorum.
pub fn decide(rule: Rule, quorum: Quorum, t: Tally) -> Verdict {
    let needed = votes_needed(rule, t.eligible, t.yes + t.no);
    let quorum = match quorum {
        // Rio Treaty Art. 19: at least as many present as votes needed.
        Quorum::VotesNeeded => votes_needed(rule, t.eligible, t.eligible),
        Quorum::Count(n) => n,
        Quorum::None => 0,
    };
    let quorum_met = t.present >= quorum;
    Verdict {
        needed,
        quorum,
        quorum_met,
        passed: quorum_met && t.yes >= needed && t.yes > 0,
    }
}
