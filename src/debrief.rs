//! The debrief: how the game ended, the votes and the model's reasons, the estimates scored,
//! and what really happened. Built from the world as data; the views render it.

use std::fmt::Write;

use bevy::prelude::*;

use crate::endings::Outcome;
use crate::missions::{Calls, Post};
use crate::requests::{Answer, Requests};
use crate::scenario::{Role, Scenario};
use crate::sim::{ActiveScenario, Setup};
use crate::votes::{Cast, Score, Scores, VoteLog, VoteRecord};

/// Everything the debrief shows.
pub struct Debrief<'w> {
    pub scenario: &'w Scenario,
    pub setup: Setup,
    pub ending: Option<crate::scenario::EndingId>,
    pub votes: &'w [VoteRecord],
    pub scores: &'w [Score],
    /// Calls the player made (or ordered, as the Department).
    pub player_calls: Vec<String>,
    /// Estimates the player never sent, defaulted at the deadline.
    pub defaulted: usize,
}

impl<'w> Debrief<'w> {
    pub fn from_world(world: &'w World) -> Self {
        let scenario = &world.resource::<ActiveScenario>().0;
        let setup = *world.resource::<Setup>();
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
            votes: &world.resource::<VoteLog>().0,
            scores: &world.resource::<Scores>().0,
            player_calls,
            defaulted,
        }
    }

    pub fn player_scores(&self) -> impl Iterator<Item = &Score> {
        let me = self.setup.role.station();
        self.scores
            .iter()
            .filter(move |s| s.from == me && (s.by_player || self.setup.auto))
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

    pub fn render_text(&self) -> String {
        let s = self.scenario;
        let mut out = String::new();
        let _ = writeln!(out, "DEBRIEF: {}", s.title);
        let _ = writeln!(
            out,
            "Played as {} (seed {}{})",
            s.role_name(self.setup.role),
            self.setup.seed,
            if self.setup.auto {
                ", by the rules"
            } else {
                ""
            }
        );
        out.push('\n');
        if let Some(e) = self.ending {
            let ending = s.ending(e);
            let _ = writeln!(out, "Ending: {}", ending.title);
            let _ = writeln!(out, "{}", ending.debrief.trim());
            out.push('\n');
        }
        for record in self.votes {
            out.push_str(&render_vote(s, record));
            out.push('\n');
        }
        out.push_str(&self.render_estimates());
        if !self.player_calls.is_empty() {
            let _ = writeln!(out, "\nYour calls:");
            for c in &self.player_calls {
                let _ = writeln!(out, "  {c}");
            }
        }
        if let Some(e) = self.ending {
            let _ = writeln!(
                out,
                "\nWhat happened historically:\n{}",
                s.ending(e).history.trim()
            );
        }
        out
    }

    fn render_estimates(&self) -> String {
        let s = self.scenario;
        let mut out = String::from("Your estimates, scored against the truth the vote revealed:\n");
        let mine: Vec<&Score> = self.player_scores().collect();
        if mine.is_empty() {
            out.push_str("  (none scored: no estimate of yours was revealed by a vote)\n");
        }
        for score in &mine {
            let issue = match &s.telegram(score.telegram).requests[score.request].kind {
                crate::scenario::RequestKind::Estimate { issue, .. } => s.issue(*issue),
                _ => continue,
            };
            let _ = writeln!(
                out,
                "  {} ({}) on {}: you said \"{}\" at {:.0}%; the truth was \"{}\": {}; Brier {:.3}",
                s.telegram(score.telegram).id,
                s.telegram(score.telegram).requests[score.request].id,
                s.government(score.government).country,
                issue.positions[score.chosen].label,
                score.probability * 100.0,
                issue.positions[score.truth].label,
                if score.right() { "right" } else { "wrong" },
                score.brier()
            );
        }
        if let Some((mean, n, right)) = Self::mean_brier(mine.iter().copied()) {
            let _ = writeln!(
                out,
                "  Your Brier score: {mean:.3} over {n} estimate(s), {right} right (0 is perfect; a flat 50% earns 0.250)"
            );
        }
        if self.defaulted > 0 {
            let _ = writeln!(
                out,
                "  {} estimate(s) never sent; the Department assumed the default.",
                self.defaulted
            );
        }
        let me = self.setup.role.station();
        let others = self
            .scores
            .iter()
            .filter(|x| x.from != me || matches!(self.setup.role, Role::Department));
        if let Some((mean, n, right)) = Self::mean_brier(others) {
            let _ = writeln!(
                out,
                "  All other missions: Brier {mean:.3} over {n} estimates, {right} right."
            );
        }
        out
    }
}

/// The vote table: who voted how, and the model's reason.
pub fn render_vote(s: &Scenario, r: &VoteRecord) -> String {
    let vote = s.vote(r.vote);
    let t = r.tally;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Vote, {}: {}: {} {}-{}-{} ({} needed of {} entitled to vote; quorum {}, present {})",
        r.at.long_date(),
        vote.title,
        if r.passed { "PASSED" } else { "FAILED" },
        t.yes,
        t.no,
        t.abstain,
        r.verdict.needed,
        t.eligible,
        r.verdict.quorum,
        t.present
    );
    for b in &r.ballots {
        let cast = match b.cast {
            Cast::Yes => "yes",
            Cast::No => "no",
            Cast::Abstain => "abstain",
            Cast::Absent => "absent",
            Cast::Excluded => "excluded",
        };
        let _ = writeln!(
            out,
            "  {:<20} {:<9} {}",
            s.government(b.government).country,
            cast,
            b.reason
        );
    }
    out
}
