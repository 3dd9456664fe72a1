//! The instructor's tab (`play --instructor`): the true stances beside each mission's
//! estimate, the hidden variables, and the instructor's commands. Each command goes to the
//! game like the player's, and the transcript logs it as the instructor's.

use bevy_egui::egui;

use super::desk::Desk;
use super::theme::position_colour;
use crate::command::Action;
use crate::instructor::{Hidden, Instruct};
use crate::scenario::IssueId;

/// The instructor's form: what to inject, which stance to move, and where to.
#[derive(Default)]
pub struct InstructorForm {
    pub telegram: Option<String>,
    pub government: usize,
    pub issue: usize,
    pub to: f64,
}

pub fn show(ui: &mut egui::Ui, session: &mut Desk) {
    let hidden = Hidden::of(session.game.world());
    let over = session.game.is_over();
    ui.heading("Instructor");
    ui.weak("Only the instructor sees this tab. Every command here is logged in the transcript as the instructor's.");
    ui.add_space(6.0);
    ui.add_enabled_ui(!over, |ui| {
        commands(ui, session, &hidden);
    });
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| truth(ui, session, &hidden));
}

fn commands(ui: &mut egui::Ui, session: &mut Desk, hidden: &Hidden) {
    ui.horizontal(|ui| {
        let (label, order) = if hidden.paused {
            ("Resume the game", Instruct::Resume)
        } else {
            ("Pause the game", Instruct::Pause)
        };
        if ui.button(label).clicked() {
            session.running = None;
            session.command(Action::Instruct(order));
        }
        if hidden.paused {
            ui.colored_label(
                egui::Color32::YELLOW,
                "Paused: time cannot run until you resume.",
            );
        }
    });
    ui.horizontal(|ui| {
        let form = &mut session.instructor_form;
        if form
            .telegram
            .as_ref()
            .is_none_or(|t| !hidden.unsent.contains(t))
        {
            form.telegram = hidden.unsent.first().cloned();
        }
        egui::ComboBox::from_label("telegram")
            .selected_text(form.telegram.clone().unwrap_or_else(|| "(all sent)".into()))
            .show_ui(ui, |ui| {
                for t in &hidden.unsent {
                    ui.selectable_value(&mut form.telegram, Some(t.clone()), t);
                }
            });
        if ui
            .add_enabled(form.telegram.is_some(), egui::Button::new("Inject now"))
            .clicked()
            && let Some(telegram) = form.telegram.clone()
        {
            session.command(Action::Instruct(Instruct::Inject { telegram }));
        }
    });
    let s = session.game.scenario().clone();
    ui.horizontal(|ui| {
        let form = &mut session.instructor_form;
        egui::ComboBox::from_id_salt("gov")
            .selected_text(&s.governments[form.government].country)
            .show_ui(ui, |ui| {
                for (g, gov) in s.governments.iter().enumerate() {
                    ui.selectable_value(&mut form.government, g, &gov.country);
                }
            });
        egui::ComboBox::from_id_salt("issue")
            .selected_text(&s.issues[form.issue].id)
            .show_ui(ui, |ui| {
                for (i, issue) in s.issues.iter().enumerate() {
                    ui.selectable_value(&mut form.issue, i, &issue.id);
                }
            });
        let def = &s.issues[form.issue];
        ui.add(egui::Slider::new(&mut form.to, def.min..=def.max).step_by(0.05));
        if ui.button("Move the stance").clicked() {
            let order = Instruct::MoveStance {
                government: s.governments[form.government].id.clone(),
                issue: def.id.clone(),
                to: form.to,
            };
            session.command(Action::Instruct(order));
        }
    });
}

fn truth(ui: &mut egui::Ui, session: &Desk, hidden: &Hidden) {
    let s = session.game.scenario();
    ui.label(egui::RichText::new("True stances, and each mission's estimate of its host").strong());
    egui::Grid::new("truth").striped(true).show(ui, |ui| {
        ui.label("");
        for issue in &s.issues {
            ui.label(egui::RichText::new(&issue.id).strong());
        }
        ui.label(egui::RichText::new("rapport").strong());
        ui.end_row();
        for g in &hidden.governments {
            ui.label(&s.government(g.government).country);
            for (i, stance) in g.stances.iter().enumerate() {
                let def = s.issue(IssueId(i as u32));
                let colour = position_colour(def.position_of(*stance), def.positions.len());
                let est = g
                    .mission
                    .as_ref()
                    .and_then(|(_, e, _)| e.get(i))
                    .map(|e| format!("  est {:+.2} ± {:.2}", e.mean, e.sd))
                    .unwrap_or_default();
                ui.colored_label(colour, format!("{stance:+.2}{est}"));
            }
            match &g.mission {
                Some((_, _, r)) => ui.label(format!("{:.0}/100", r * 100.0)),
                None => ui.weak("-"),
            };
            ui.end_row();
        }
    });
    if !hidden.flags.is_empty() {
        ui.add_space(6.0);
        let set: Vec<&str> = hidden
            .flags
            .iter()
            .filter(|(_, on)| *on)
            .map(|(f, _)| f.as_str())
            .collect();
        ui.label(format!(
            "Flags set: {}",
            if set.is_empty() {
                "none".into()
            } else {
                set.join(", ")
            }
        ));
    }
    for (i, (p, drawn)) in hidden.chances.iter().enumerate() {
        ui.label(format!(
            "Chance {} (p = {p:.2}): drawn {}",
            i + 1,
            if *drawn { "yes" } else { "no" }
        ));
    }
}
