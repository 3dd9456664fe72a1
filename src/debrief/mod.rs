//! The debrief: how the game ended, the votes and the model's reasons beside the record, a
//! timeline, the estimates scored and calibrated, the stances over time, the record re-run
//! beside the player's run, and the scenario's teaching material. Built from the world as
//! data; the terminal, the window and the exported report render it.

pub mod calibration;
pub mod compare;
pub mod export;
mod text;
pub mod timeline;

use bevy::prelude::*;

use crate::endings::Outcome;
use crate::governments::StanceHistory;
use crate::missions::{Calls, Post};
use crate::requests::{Answer, Requests};
use crate::scenario::{GovId, IssueId, Moment, Scenario};
use crate::vocab::{ActiveScenario, Setup};
use crate::votes::{Cast, Score, Scores, VoteLog, VoteRecord};

pub use crate::report::{cast_word, render_vote};
pub use compare::Counterfactual;
pub use text::{full_text, texts_of};

/// Everything the debrief shows.
pub struct Debrief<'w> {
    pub scenario: &'w Scenario,
    pub setup: Setup,
    pub ending: Option<crate::scenario::EndingId>,
    /// Where the clock stands: the end, or where an unfinished game was left.
    pub now: Moment,
    pub votes: &'w [VoteRecord],
    pub scores: &'w [Score],
    pub history: &'w StanceHistory,
    pub timeline: Vec<timeline::Line>,
    /// Calls the player made (or ordered, as the Department).
    pub player_calls: Vec<String>,
    /// Estimates the player never sent, defaulted at the deadline.
    pub defaulted: usize,
}

impl<'w> Debrief<'w> {
    pub fn from_world(world: &'w World) -> Self {
        Self::of_role(world, world.resource::<Setup>().role)
    }

    /// The debrief of one role of the game: in a class, each student's post.
    pub fn of_role(world: &'w World, role: crate::scenario::Role) -> Self {
        let scenario = &world.resource::<ActiveScenario>().0;
        let setup = Setup {
            role,
            ..*world.resource::<Setup>()
        };
        let mut player_calls = Vec::new();
        if let Some(mut q) = world.try_query::<(&Post, &Calls)>() {
            for (post, calls) in q.iter(world) {
                for c in calls.0.iter().filter(|c| c.by_player) {
                    player_calls.push(format!(
                        "{}: {} saw {}",
                        c.at,
                        scenario.mission(post.0).chief,
                        c.leader
                    ));
                }
            }
        }
        player_calls.sort();
        let requests = world.resource::<Requests>();
        let defaulted = requests
            .replies
            .iter()
            .filter(|r| {
                r.from == setup.role.station()
                    && matches!(
                        r.answer,
                        Answer::Estimate {
                            probability: None,
                            ..
                        }
                    )
            })
            .count();
        Debrief {
            scenario,
            setup,
            ending: world.resource::<Outcome>().0,
            now: world.resource::<crate::calendar::Calendar>().now,
            votes: &world.resource::<VoteLog>().0,
            scores: &world.resource::<Scores>().0,
            history: world.resource::<StanceHistory>(),
            timeline: timeline::timeline_of(world, role),
            player_calls,
            defaulted,
        }
    }

    /// The estimates of the player's role that a vote scored (by the rules, in `--auto`).
    pub fn player_scores(&self) -> impl Iterator<Item = &Score> {
        let me = self.setup.role.station();
        self.scores
            .iter()
            .filter(move |s| s.from == me && (s.by_player || self.setup.auto))
    }

    /// The player's estimates by band of stated probability.
    pub fn calibration(&self) -> Vec<calibration::Band> {
        calibration::bands(self.player_scores())
    }

    /// The mean Brier score of a set of scores.
    pub fn mean_brier<'a>(scores: impl Iterator<Item = &'a Score>) -> Option<(f64, usize, usize)> {
        let (mut sum, mut n, mut right) = (0.0, 0, 0);
        for s in scores {
            sum += s.brier();
            n += 1;
            right += s.right() as usize;
        }
        (n > 0).then(|| (sum / n as f64, n, right))
    }

    /// The issues the stances chart and table follow: those put to a vote, else the first.
    pub fn charted_issues(&self) -> Vec<IssueId> {
        let mut issues: Vec<IssueId> = Vec::new();
        for v in &self.scenario.votes {
            if !issues.contains(&v.issue) {
                issues.push(v.issue);
            }
        }
        if issues.is_empty() && !self.scenario.issues.is_empty() {
            issues.push(IssueId(0));
        }
        issues
    }

    /// The moments the stances table shows: the start, each vote, and now.
    pub fn stance_moments(&self) -> Vec<(String, Moment)> {
        let mut out = vec![("start".to_string(), self.scenario.start)];
        for r in self.votes {
            let label = r.at.0.strftime("%-d %b").to_string();
            if out.iter().all(|(_, m)| m.date() != r.at.date()) {
                out.push((label, r.at));
            }
        }
        if out.iter().all(|(_, m)| *m != self.now) {
            out.push((
                if self.ending.is_some() { "end" } else { "now" }.into(),
                self.now,
            ));
        }
        out
    }

    /// A government's true stance as last recorded at or before `at`.
    pub fn stance_at(&self, g: GovId, issue: IssueId, at: Moment) -> Option<f64> {
        self.history
            .0
            .iter()
            .take_while(|(m, _)| *m <= at)
            .last()
            .map(|(_, s)| s[g.index()][issue.index()])
    }

    /// How a government voted in the record, where the scenario documents it.
    pub fn recorded(&self, record: &VoteRecord, g: GovId) -> Option<Cast> {
        self.scenario
            .vote(record.vote)
            .record
            .iter()
            .find(|(r, _)| *r == g)
            .map(|(_, c)| Cast::from(*c))
    }

    /// The cables the player's station sent or received, in order.
    pub fn player_cables<'a>(
        &self,
        world: &'a World,
    ) -> Vec<(&'static str, &'a crate::cables::Cable)> {
        let me = self.setup.role.station();
        let archive = world.resource::<crate::cables::Archive>();
        let mut out = Vec::new();
        for e in &world.resource::<crate::transcript::Transcript>().0 {
            match e {
                crate::transcript::Entry::Sent { cable, .. } if archive.get(*cable).from == me => {
                    out.push(("sent", archive.get(*cable)));
                }
                crate::transcript::Entry::Delivered { cable, to, .. } if to.contains(&me) => {
                    out.push(("received", archive.get(*cable)));
                }
                _ => {}
            }
        }
        out
    }
}
