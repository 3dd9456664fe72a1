//! The arithmetic of the Rio Treaty and the OAS Charter.

use demarche::scenario::format::{Quorum, Rule};
use demarche::votes::rules::{Tally, decide, votes_needed};

#[test]
fn votes_needed_table() {
    let table = [
        // rule, entitled to vote, votes needed
        (Rule::TwoThirds, 21, 14),
        (Rule::TwoThirds, 19, 13), // two parties excluded (Art. 18)
        (Rule::TwoThirds, 20, 14),
        (Rule::TwoThirds, 3, 2),
        (Rule::AbsoluteMajority, 21, 11),
        (Rule::AbsoluteMajority, 20, 11),
        (Rule::AbsoluteMajority, 19, 10),
        (Rule::Unanimity, 19, 19),
    ];
    for (rule, eligible, needed) in table {
        assert_eq!(
            votes_needed(rule, eligible, eligible),
            needed,
            "{rule:?} of {eligible}"
        );
    }
}

fn tally(eligible: u32, yes: u32, no: u32, abstain: u32) -> Tally {
    Tally {
        eligible,
        present: yes + no + abstain,
        yes,
        no,
        abstain,
    }
}

#[test]
fn punta_del_este_fourteen_is_exactly_two_thirds() {
    let v = decide(Rule::TwoThirds, Quorum::VotesNeeded, tally(21, 14, 1, 6));
    assert!(v.passed);
    let v = decide(Rule::TwoThirds, Quorum::VotesNeeded, tally(21, 13, 1, 7));
    assert!(!v.passed);
}

#[test]
fn parties_excluded_lower_the_bar() {
    let v = decide(Rule::TwoThirds, Quorum::VotesNeeded, tally(19, 13, 0, 6));
    assert_eq!((v.needed, v.quorum, v.passed), (13, 13, true));
}

#[test]
fn quorum_equal_to_the_votes_needed() {
    // 12 present of 19: fewer than the 13 votes a decision needs, so no valid vote.
    let t = Tally {
        eligible: 19,
        present: 12,
        yes: 12,
        no: 0,
        abstain: 0,
    };
    let v = decide(Rule::TwoThirds, Quorum::VotesNeeded, t);
    assert_eq!((v.quorum, v.quorum_met, v.passed), (13, false, false));
    let v = decide(Rule::TwoThirds, Quorum::Count(10), t);
    assert!(v.quorum_met && !v.passed, "12 yes is still short of 13");
}

#[test]
fn simple_majority_counts_only_votes_cast() {
    let v = decide(Rule::SimpleMajority, Quorum::None, tally(21, 5, 4, 12));
    assert!(v.passed);
    let v = decide(Rule::SimpleMajority, Quorum::None, tally(21, 4, 4, 13));
    assert!(!v.passed);
}
