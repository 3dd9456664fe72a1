//! A batch's counts, kept as the runs end: the same size for ten runs or ten million.

use super::{RunResult, cast_index};
use crate::scenario::Scenario;

/// What the runs came to so far: counts only, whatever the number of runs.
#[derive(Clone, Debug)]
pub struct Tally {
    pub(super) runs: u64,
    pub(super) endings: Vec<u64>,
    pub(super) held: Vec<u64>,
    pub(super) passed: Vec<u64>,
    /// Per vote, per government, per cast (in the order of [`super::CASTS`]).
    pub(super) casts: Vec<Vec<[u64; 5]>>,
    pub(super) refused: u64,
    /// The lowest-numbered run that refused a command, and what it refused.
    pub(super) first_refused: Option<(u64, String)>,
}

impl Tally {
    pub fn new(scenario: &Scenario) -> Tally {
        Tally {
            runs: 0,
            endings: vec![0; scenario.endings.len()],
            held: vec![0; scenario.votes.len()],
            passed: vec![0; scenario.votes.len()],
            casts: vec![vec![[0; 5]; scenario.governments.len()]; scenario.votes.len()],
            refused: 0,
            first_refused: None,
        }
    }

    /// Counts run `index`.
    pub fn add(mut self, index: u64, r: RunResult) -> Tally {
        self.runs += 1;
        if let Some(e) = r.ending {
            self.endings[e.index()] += 1;
        }
        for held_vote in &r.votes {
            let v = held_vote.vote.index();
            self.held[v] += 1;
            self.passed[v] += u64::from(held_vote.passed);
            for (g, c) in &held_vote.casts {
                self.casts[v][g.index()][cast_index(*c)] += 1;
            }
        }
        if let Some(why) = r.refused {
            self.refused += 1;
            self.first_refused = earliest(self.first_refused.take(), Some((index, why)));
        }
        self
    }

    /// The counts of two sets of runs together.
    pub fn merge(mut self, other: Tally) -> Tally {
        self.runs += other.runs;
        let add = |a: &mut [u64], b: &[u64]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.endings, &other.endings);
        add(&mut self.held, &other.held);
        add(&mut self.passed, &other.passed);
        for (mine, theirs) in self.casts.iter_mut().zip(&other.casts) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                add(m, t);
            }
        }
        self.refused += other.refused;
        self.first_refused = earliest(self.first_refused, other.first_refused);
        self
    }
}

fn earliest(a: Option<(u64, String)>, b: Option<(u64, String)>) -> Option<(u64, String)> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}
