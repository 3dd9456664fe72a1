//! The debrief: the ending, the votes with the model's reasons, the estimates scored, the
//! stances over time, and what happened historically.

use bevy_egui::egui;
use egui_plot::{Line, Plot, PlotPoint, PlotPoints, Text};

use super::desk::Desk;
use super::theme::position_colour;
use crate::debrief::compare::VoteBeside;
use crate::debrief::{Counterfactual, Debrief, cast_word};
use crate::governments::StanceHistory;
use crate::votes::Cast;

pub fn show(ui: &mut egui::Ui, session: &mut Desk) {
    // The record re-run is a whole game: run it once, when the debrief is first shown.
    if session.counterfactual.is_none() && session.game.is_over() {
        session.counterfactual = Some(Counterfactual::run(session.game.world()));
    }
    let world = session.game.world();
    let issue = &mut session.issue;
    let cf = session.counterfactual.as_ref().and_then(Option::as_ref);
    let d = Debrief::from_world(world);
    let s = d.scenario;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(e) = d.ending {
                let ending = s.ending(e);
                ui.heading(&ending.title);
                ui.label(&ending.debrief);
            } else {
                ui.heading("The game is not over yet");
            }
            ui.add_space(8.0);
            estimates(ui, &d);
            ui.add_space(8.0);
            chart(ui, issue, world, &d);
            for record in d.votes {
                let vote = s.vote(record.vote);
                let t = record.tally;
                ui.add_space(8.0);
                ui.label(
                    egui::RichText::new(format!(
                        "{} — {}: {} {}–{}–{} ({} needed of {}; quorum {})",
                        record.at.long_date(),
                        vote.title,
                        if record.passed { "PASSED" } else { "FAILED" },
                        t.yes,
                        t.no,
                        t.abstain,
                        record.verdict.needed,
                        t.eligible,
                        record.verdict.quorum
                    ))
                    .strong(),
                );
                egui::CollapsingHeader::new("Who voted how, and why")
                    .id_salt(record.vote.0)
                    .show(ui, |ui| {
                        egui::Grid::new(("ballots", record.vote.0))
                            .striped(true)
                            .show(ui, |ui| {
                                for b in &record.ballots {
                                    ui.label(&s.government(b.government).country);
                                    let (text, colour) = match b.cast {
                                        Cast::Yes => ("yes", egui::Color32::LIGHT_GREEN),
                                        Cast::No => ("no", egui::Color32::LIGHT_RED),
                                        Cast::Abstain => ("abstain", egui::Color32::YELLOW),
                                        Cast::Absent => ("absent", egui::Color32::GRAY),
                                        Cast::Excluded => ("excluded", egui::Color32::GRAY),
                                    };
                                    ui.colored_label(colour, text);
                                    match d.recorded(record, b.government) {
                                        Some(c) if c == b.cast => ui.weak("as in the record"),
                                        Some(c) => ui.colored_label(
                                            egui::Color32::LIGHT_YELLOW,
                                            format!("record: {}", cast_word(c)),
                                        ),
                                        None => ui.weak(""),
                                    };
                                    ui.label(&b.reason);
                                    ui.end_row();
                                }
                            });
                    });
            }
            ui.add_space(8.0);
            egui::CollapsingHeader::new(format!("Timeline ({} entries)", d.timeline.len()))
                .show(ui, |ui| timeline(ui, &d));
            if let Some(cf) = cf {
                egui::CollapsingHeader::new("Your run beside the record")
                    .default_open(true)
                    .show(ui, |ui| beside(ui, &d, cf));
            }
            if let Some(e) = d.ending {
                ui.add_space(8.0);
                ui.label(egui::RichText::new("What happened historically").strong());
                ui.label(&s.ending(e).history);
            }
            teaching(ui, &d);
        });
}

fn timeline(ui: &mut egui::Ui, d: &Debrief) {
    egui::Grid::new("timeline").striped(true).show(ui, |ui| {
        for l in &d.timeline {
            let text = |t: &str| {
                if l.mine {
                    egui::RichText::new(t).strong()
                } else {
                    egui::RichText::new(t)
                }
            };
            ui.label(text(&l.at.to_string()));
            ui.label(text(l.kind.label()));
            ui.label(text(&l.text));
            ui.end_row();
        }
    });
}

/// The record re-run beside the player's run: the votes, and where the runs part.
fn beside(ui: &mut egui::Ui, d: &Debrief, cf: &Counterfactual) {
    let s = d.scenario;
    if let Some(e) = cf.ending {
        ui.label(format!("Ending by the record: {}", s.ending(e).title));
    }
    for v in &cf.votes {
        ui.label(format!(
            "{}: yours {}; the record's {}",
            s.vote(v.vote).title,
            VoteBeside::outcome(v.yours.as_ref()),
            VoteBeside::outcome(v.record.as_ref())
        ));
        for b in &v.differ {
            ui.weak(format!(
                "    {}: {} in your run ({}); {} in the record",
                s.government(b.government).country,
                cast_word(b.yours),
                b.yours_reason,
                cast_word(b.record)
            ));
        }
    }
    match &cf.parted {
        None => {
            ui.label("The two runs never part: you played the record.");
        }
        Some(p) => {
            ui.label(format!("The runs first part on {}:", p.at));
            ui.label(format!("    yours:  {}", p.yours));
            ui.label(format!("    record: {}", p.record));
        }
    }
    if let Some(sp) = &cf.stances_parted {
        ui.label(format!(
            "True stances on {} first differ on {}: {}",
            s.issue(sp.issue).topic,
            sp.at,
            sp.governments
                .iter()
                .map(|(g, y, r)| format!("{} {y:+.2} (record {r:+.2})", s.government(*g).country))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if !cf.commands_before.is_empty() {
        ui.label("What you did up to then:");
        for c in &cf.commands_before {
            ui.weak(format!("    {c}"));
        }
    }
}

fn teaching(ui: &mut egui::Ui, d: &Debrief) {
    let s = d.scenario;
    for (title, items) in [
        ("Learning objectives", &s.objectives),
        ("For discussion", &s.questions),
    ] {
        if items.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        ui.label(egui::RichText::new(title).strong());
        for (i, item) in items.iter().enumerate() {
            ui.label(format!("{}. {item}", i + 1));
        }
    }
}

fn estimates(ui: &mut egui::Ui, d: &Debrief) {
    let s = d.scenario;
    ui.label(egui::RichText::new("Your estimates, scored").strong());
    let mine: Vec<_> = d.player_scores().collect();
    if mine.is_empty() {
        ui.weak("No estimate of yours was revealed by a vote.");
    }
    for score in &mine {
        ui.label(format!(
            "{}: {} (Brier {:.3})",
            score.request_name(s),
            score.sentence(s),
            score.brier()
        ));
    }
    if let Some((mean, n, right)) = Debrief::mean_brier(mine.iter().copied()) {
        ui.label(
            egui::RichText::new(format!(
                "Your Brier score {mean:.3} over {n}, {right} right"
            ))
            .strong(),
        );
        ui.weak("0 is perfect; a flat 50% earns 0.250.");
    }
    let bands = d.calibration();
    if !bands.is_empty() {
        ui.label(egui::RichText::new("Calibration").strong());
        egui::Grid::new("calibration").striped(true).show(ui, |ui| {
            for h in ["you said", "estimates", "right", "hit rate"] {
                ui.label(egui::RichText::new(h).strong());
            }
            ui.end_row();
            for b in &bands {
                ui.label(format!("{}–{}%", b.from, b.to()));
                ui.label(b.count.to_string());
                ui.label(b.right.to_string());
                ui.label(format!("{:.0}%", b.hit_rate() * 100.0));
                ui.end_row();
            }
        });
        ui.weak("A well-calibrated reporter who says 70% is right about 7 times in 10.");
    }
    let me = d.setup.role.station();
    if let Some((mean, n, right)) = Debrief::mean_brier(d.scores.iter().filter(|x| x.from != me)) {
        ui.label(format!(
            "The other missions: Brier {mean:.3} over {n}, {right} right."
        ));
    }
}

/// The true stances over time on the chosen issue: one line per government.
fn chart(
    ui: &mut egui::Ui,
    chosen: &mut crate::scenario::IssueId,
    world: &bevy::prelude::World,
    d: &Debrief,
) {
    let s = d.scenario;
    egui::ComboBox::from_label("Stances over time")
        .selected_text(&s.issue(*chosen).topic)
        .show_ui(ui, |ui| {
            for (i, issue) in s.issues.iter().enumerate() {
                ui.selectable_value(chosen, crate::scenario::IssueId(i as u32), &issue.topic);
            }
        });
    let history = world.resource::<StanceHistory>();
    let issue = chosen.index();
    let start = s.start;
    let def = &s.issues[issue];
    let host = match d.setup.role {
        crate::scenario::Role::Post(p) => Some(s.mission(p).host.index()),
        crate::scenario::Role::Department => None,
    };
    ui.weak(format!("Each line is a government's true stance (top: {}; bottom: {}), coloured by where it ended; yours is white.", def.high, def.low));
    Plot::new("stances")
        .height(320.0)
        .include_y(def.min)
        .include_y(def.max)
        .include_x(0.0)
        .x_axis_label(format!("days from {}", start.long_date()))
        .y_axis_label("stance")
        .show(ui, |plot| {
            for (g, gov) in s.governments.iter().enumerate() {
                let series: Vec<[f64; 2]> = history
                    .0
                    .iter()
                    .map(|(at, stances)| {
                        let days = at.0.duration_since(start.0).as_secs_f64() / 86_400.0;
                        [days, stances[g][issue]]
                    })
                    .collect();
                let Some(last) = series.last().copied() else {
                    continue;
                };
                let colour = if host == Some(g) {
                    egui::Color32::WHITE
                } else {
                    position_colour(def.position_of(last[1]), def.positions.len())
                };
                let width = if host == Some(g) { 3.0 } else { 1.5 };
                plot.line(
                    Line::new(&gov.country, PlotPoints::from(series))
                        .color(colour)
                        .width(width),
                );
                plot.text(
                    Text::new(
                        &gov.country,
                        PlotPoint::new(last[0], last[1]),
                        egui::RichText::new(&gov.country).small(),
                    )
                    .anchor(egui::Align2::LEFT_CENTER)
                    .color(colour),
                );
            }
        });
}
