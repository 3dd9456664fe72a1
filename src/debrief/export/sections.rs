//! The report's sections, each written once against [`Doc`] for Markdown and HTML alike.

use bevy::prelude::*;

use super::doc::{Doc, Row};
use super::{calibration_svg, stances_svg};
use crate::cables::render;
use crate::debrief::compare::VoteBeside;
use crate::debrief::{Counterfactual, Debrief, cast_word};
use crate::scenario::GovId;

pub(super) fn score(doc: &mut impl Doc, d: &Debrief) -> Result<(), String> {
    let s = d.scenario;
    doc.heading(2, "Your score");
    let mine: Vec<_> = d.player_scores().collect();
    match Debrief::mean_brier(mine.iter().copied()) {
        Some((mean, n, right)) => doc.para(&format!(
            "Brier score {mean:.3} over {n} estimate(s), {right} right. 0 is perfect; a flat 50% on every estimate earns 0.250."
        )),
        None => doc.para("No estimate of yours was revealed by a vote, so none is scored."),
    }
    if d.defaulted > 0 {
        doc.para(&format!(
            "{} estimate(s) were never sent; the Department assumed the default.",
            d.defaulted
        ));
    }
    let me = d.setup.role.station();
    if let Some((mean, n, right)) = Debrief::mean_brier(d.scores.iter().filter(|x| x.from != me)) {
        doc.para(&format!(
            "For comparison, the other missions: Brier {mean:.3} over {n} estimates, {right} right."
        ));
    }
    if !mine.is_empty() {
        let rows: Vec<Row> = mine
            .iter()
            .filter_map(|score| {
                let issue = score.issue(s)?;
                let (meant, ballot) = match (score.vote, score.expected, score.cast) {
                    (Some(v), Some(e), Some(c)) => (
                        format!("{} {}", crate::votes::cast_phrase(e), s.vote(v).title),
                        crate::votes::cast_verb(c).to_string(),
                    ),
                    _ => (String::new(), issue.positions[score.truth].label.clone()),
                };
                Some(Row::new(vec![
                    score.request_name(s),
                    s.government(score.government).country.clone(),
                    issue.positions[score.chosen].label.clone(),
                    format!("{:.0}%", score.probability * 100.0),
                    meant,
                    ballot,
                    if score.right() { "right" } else { "wrong" }.into(),
                    format!("{:.3}", score.brier()),
                ]))
            })
            .collect();
        doc.heading(3, "Your estimates");
        doc.table(
            &[
                "request",
                "government",
                "you said",
                "probability",
                "that is",
                "the ballot",
                "",
                "Brier",
            ],
            &rows,
        );
    }
    let bands = d.calibration();
    if !bands.is_empty() {
        doc.heading(3, "Calibration");
        doc.para("A well-calibrated reporter who says 70% is right about 7 times in 10.");
        let rows: Vec<Row> = bands
            .iter()
            .map(|b| {
                Row::new(vec![
                    format!("{}–{}%", b.from, b.to()),
                    b.count.to_string(),
                    b.right.to_string(),
                    format!("{:.0}%", b.hit_rate() * 100.0),
                    b.sentence(),
                ])
            })
            .collect();
        doc.table(&["you said", "estimates", "right", "hit rate", ""], &rows);
        doc.figure(
            "calibration",
            "Calibration: each dot is a band of your estimates; on the diagonal is perfect",
            &calibration_svg(&bands)?,
        );
    }
    Ok(())
}

pub(super) fn votes(doc: &mut impl Doc, d: &Debrief) {
    let s = d.scenario;
    doc.heading(2, "The votes");
    if d.votes.is_empty() {
        doc.para("No vote was held.");
    }
    for r in d.votes {
        let t = r.tally;
        doc.heading(
            3,
            &format!(
                "{}: {}: {} {}–{}–{}",
                r.at.long_date(),
                s.vote(r.vote).title,
                if r.passed { "passed" } else { "failed" },
                t.yes,
                t.no,
                t.abstain
            ),
        );
        doc.para(&format!(
            "{} votes needed of {} entitled to vote; quorum {}, present {}.",
            r.verdict.needed, t.eligible, r.verdict.quorum, t.present
        ));
        let host = match d.setup.role {
            crate::scenario::Role::Post(p) => Some(s.mission(p).host),
            crate::scenario::Role::Department => None,
        };
        let rows: Vec<Row> = r
            .ballots
            .iter()
            .map(|b| Row {
                cells: vec![
                    s.government(b.government).country.clone(),
                    cast_word(b.cast).into(),
                    format!("{:+.2}", b.stance),
                    d.recorded(r, b.government)
                        .map(|c| cast_word(c).to_string())
                        .unwrap_or_default(),
                    b.reason.clone(),
                ],
                strong: host == Some(b.government),
            })
            .collect();
        doc.table(
            &[
                "government",
                "vote",
                "true stance",
                "the record",
                "the model's reason",
            ],
            &rows,
        );
    }
}

pub(super) fn stances(doc: &mut impl Doc, d: &Debrief) -> Result<(), String> {
    let s = d.scenario;
    doc.heading(2, "The stances over time");
    let moments = d.stance_moments();
    for issue in d.charted_issues() {
        let def = s.issue(issue);
        doc.heading(3, &def.question);
        doc.figure(
            &format!("stances-{}", def.id),
            &format!(
                "True stances on {} ({} at {:+.1}, {} at {:+.1}); your host government in black",
                def.topic, def.low, def.min, def.high, def.max
            ),
            &stances_svg(d, issue)?,
        );
        let mut headers = vec!["government"];
        headers.extend(moments.iter().map(|(l, _)| l.as_str()));
        let rows: Vec<Row> = (0..s.governments.len() as u32)
            .map(GovId)
            .map(|g| {
                let mut cells = vec![s.government(g).country.clone()];
                cells.extend(moments.iter().map(|(_, at)| {
                    d.stance_at(g, issue, *at)
                        .map(|v| format!("{v:+.2}"))
                        .unwrap_or_default()
                }));
                Row::new(cells)
            })
            .collect();
        doc.table(&headers, &rows);
    }
    Ok(())
}

pub(super) fn counterfactual(doc: &mut impl Doc, d: &Debrief, cf: &Counterfactual) {
    let s = d.scenario;
    doc.heading(2, "Your run beside the record");
    doc.para("The same scenario and seed, re-run with every role following the record: the documented votes and the decisions really taken.");
    if let Some(e) = cf.ending {
        doc.para(&format!("Ending by the record: {}.", s.ending(e).title));
    }
    let rows: Vec<Row> = cf
        .votes
        .iter()
        .map(|v| {
            Row::new(vec![
                VoteBeside::outcome(v.yours.as_ref()),
                VoteBeside::outcome(v.record.as_ref()),
                s.vote(v.vote).title.clone(),
            ])
        })
        .collect();
    doc.table(&["your run", "the record", "vote"], &rows);
    for v in cf.votes.iter().filter(|v| !v.differ.is_empty()) {
        doc.para(&format!("Who voted otherwise on {}:", s.vote(v.vote).title));
        let items: Vec<String> = v
            .differ
            .iter()
            .map(|b| {
                format!(
                    "{}: {} in your run ({}); {} in the record",
                    s.government(b.government).country,
                    cast_word(b.yours),
                    b.yours_reason,
                    cast_word(b.record)
                )
            })
            .collect();
        doc.list(&items, false);
    }
    match &cf.parted {
        None => doc.para("The two runs never part: you played the record."),
        Some(p) => {
            doc.para(&format!("The runs first part on {}.", p.at));
            doc.list(
                &[
                    format!("In your run: {}", p.yours),
                    format!("In the record's: {}", p.record),
                ],
                false,
            );
        }
    }
    if let Some(sp) = &cf.stances_parted {
        let items: Vec<String> = sp
            .governments
            .iter()
            .map(|(g, y, r)| {
                format!(
                    "{}: {y:+.2} in your run, {r:+.2} in the record's",
                    s.government(*g).country
                )
            })
            .collect();
        doc.para(&format!(
            "The true stances on {} first differ on {}:",
            s.issue(sp.issue).topic,
            sp.at
        ));
        doc.list(&items, false);
    }
    if cf.commands_before.is_empty() {
        doc.para("You gave no command before the runs parted: the difference comes from the rules and from chance, not from you.");
    } else {
        doc.para("What you did up to then, where the record did otherwise or nothing:");
        doc.list(&cf.commands_before, false);
    }
}

pub(super) fn cables(doc: &mut impl Doc, world: &World, d: &Debrief) {
    let cables = d.player_cables(world);
    doc.heading(2, "Your cables");
    if cables.is_empty() {
        doc.para("You sent and received no cable.");
    }
    for (how, c) in cables {
        doc.heading(
            3,
            &format!("{} {} ({})", how, c.citation_name(), c.sent.long_date()),
        );
        doc.pre(&render(d.scenario, c));
    }
}
