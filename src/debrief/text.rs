//! The debrief as plain text: what `simulate` prints and the terminal shows at the end.

use std::fmt::Write;

use bevy::prelude::*;

use super::compare::VoteBeside;
use super::{Counterfactual, Debrief, cast_word};
use crate::report::vote_headline;
use crate::scenario::{Role, Scenario};
use crate::votes::{Score, VoteRecord};

/// The whole debrief of a game, the record re-run beside it.
pub fn full_text(world: &World) -> String {
    let cf = Counterfactual::run(world);
    Debrief::from_world(world).render_text(cf.as_ref())
}

/// The debrief of each of `roles`, the record re-run once for all of them (a class's).
pub fn texts_of(world: &World, roles: &[Role]) -> Vec<String> {
    let cf = Counterfactual::run(world);
    roles
        .iter()
        .map(|r| Debrief::of_role(world, *r).render_text(cf.as_ref()))
        .collect()
}

impl Debrief<'_> {
    pub fn render_text(&self, cf: Option<&Counterfactual>) -> String {
        let s = self.scenario;
        let mut out = String::new();
        let _ = writeln!(out, "DEBRIEF: {}", s.title);
        let _ = writeln!(
            out,
            "Played as {} (seed {}{})",
            s.role_name(self.setup.role),
            self.setup.seed,
            if self.setup.historical {
                ", by the record"
            } else if self.setup.auto {
                ", by the rules"
            } else {
                ""
            }
        );
        out.push('\n');
        match self.ending {
            Some(e) => {
                let ending = s.ending(e);
                let _ = writeln!(out, "Ending: {}", ending.title);
                let _ = writeln!(out, "{}", ending.debrief.trim());
            }
            None => {
                let _ = writeln!(out, "The game is not over: it stands at {}.", self.now);
            }
        }
        out.push_str("\nTimeline (* marks your own doing):\n");
        for l in &self.timeline {
            let _ = writeln!(
                out,
                "  {} {} {:<10} {}",
                l.at,
                if l.mine { '*' } else { ' ' },
                l.kind.label(),
                l.text
            );
        }
        out.push_str("\nThe votes, with the model's reasons and the record beside:\n");
        for record in self.votes {
            out.push_str(&self.render_vote_beside(record));
            out.push('\n');
        }
        out.push_str(&self.render_estimates());
        out.push_str(&self.render_stances());
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
        if let Some(cf) = cf {
            out.push_str(&render_counterfactual(s, cf));
        }
        out.push_str(&self.render_teaching());
        out
    }

    fn render_vote_beside(&self, r: &VoteRecord) -> String {
        let s = self.scenario;
        let mut out = vote_headline(s, r);
        let documented = !s.vote(r.vote).record.is_empty();
        for b in &r.ballots {
            let record = match self.recorded(r, b.government) {
                Some(c) if c == b.cast => "same".to_string(),
                Some(c) => format!("record: {}", cast_word(c)),
                None if documented => "record: -".to_string(),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "  {:<20} {:<9} {:+.2}  {:<16} {}",
                s.government(b.government).country,
                cast_word(b.cast),
                b.stance,
                record,
                b.reason
            );
        }
        out
    }

    fn render_estimates(&self) -> String {
        let s = self.scenario;
        let mut out = String::from("Your estimates, scored by the ballots cast:\n");
        let mine: Vec<&Score> = self.player_scores().collect();
        if mine.is_empty() {
            out.push_str("  (none scored: no estimate of yours was revealed by a vote)\n");
        }
        for score in &mine {
            let _ = writeln!(
                out,
                "  {}: {}; Brier {:.3}",
                score.request_name(s),
                score.sentence(s),
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
        let bands = self.calibration();
        if !bands.is_empty() {
            out.push_str(
                "\nCalibration (a well-calibrated reporter saying 70% is right 7 times in 10):\n",
            );
            for b in &bands {
                let _ = writeln!(out, "  {}", b.sentence());
            }
        }
        out
    }

    fn render_stances(&self) -> String {
        let s = self.scenario;
        let moments = self.stance_moments();
        let mut out = String::new();
        for issue in self.charted_issues() {
            let def = s.issue(issue);
            let _ = writeln!(
                out,
                "\nTrue stances on {} ({} {:+.1} to {} {:+.1}):",
                def.topic, def.low, def.min, def.high, def.max
            );
            let _ = write!(out, "  {:<20}", "");
            for (label, _) in &moments {
                let _ = write!(out, " {label:>7}");
            }
            out.push('\n');
            for (g, gov) in s.governments.iter().enumerate() {
                let _ = write!(out, "  {:<20}", gov.country);
                for (_, at) in &moments {
                    match self.stance_at(crate::scenario::GovId(g as u32), issue, *at) {
                        Some(v) => {
                            let _ = write!(out, " {v:>+7.2}");
                        }
                        None => out.push_str("       -"),
                    }
                }
                out.push('\n');
            }
        }
        out
    }

    fn render_teaching(&self) -> String {
        let s = self.scenario;
        let mut out = String::new();
        if !s.objectives.is_empty() {
            out.push_str("\nLearning objectives:\n");
            for (i, o) in s.objectives.iter().enumerate() {
                let _ = writeln!(out, "  {}. {o}", i + 1);
            }
        }
        if !s.questions.is_empty() {
            out.push_str("\nFor discussion:\n");
            for (i, q) in s.questions.iter().enumerate() {
                let _ = writeln!(out, "  {}. {q}", i + 1);
            }
        }
        out
    }
}

/// The record re-run beside the player's run.
fn render_counterfactual(s: &Scenario, cf: &Counterfactual) -> String {
    let mut out = String::from("\nThe record re-run (same seed, every role by the record):\n");
    if let Some(e) = cf.ending {
        let _ = writeln!(out, "  Ending by the record: {}", s.ending(e).title);
    }
    for v in &cf.votes {
        let _ = writeln!(
            out,
            "  {}: yours {}; the record's {}",
            s.vote(v.vote).title,
            VoteBeside::outcome(v.yours.as_ref()),
            VoteBeside::outcome(v.record.as_ref())
        );
        for b in &v.differ {
            let _ = writeln!(
                out,
                "    {}: {} in your run: {}; {} in the record's: {}",
                s.government(b.government).country,
                cast_word(b.yours),
                b.yours_reason,
                cast_word(b.record),
                b.record_reason
            );
        }
    }
    match &cf.parted {
        None => out.push_str("  The two runs never part: you played the record.\n"),
        Some(p) => {
            let _ = writeln!(
                out,
                "  The runs part on {}:\n    yours:  {}\n    record: {}",
                p.at, p.yours, p.record
            );
        }
    }
    if let Some(sp) = &cf.stances_parted {
        let _ = writeln!(
            out,
            "  True stances on {} first differ on {}:",
            s.issue(sp.issue).topic,
            sp.at
        );
        for (g, y, r) in &sp.governments {
            let _ = writeln!(
                out,
                "    {}: {y:+.2} in your run, {r:+.2} in the record's",
                s.government(*g).country
            );
        }
    }
    if cf.commands_before.is_empty() {
        out.push_str("  You gave no command before then: the difference is the rules' and chance's, not yours.\n");
    } else {
        out.push_str("  What you did up to then (the record did otherwise or nothing):\n");
        for c in &cf.commands_before {
            let _ = writeln!(out, "    {c}");
        }
    }
    out
}
