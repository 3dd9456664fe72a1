//! Dossiers: a government as its mission knows it: leaders, the estimated stance with its
//! uncertainty, rapport, the calls made and the reports sent. Never the truth.

use bevy_egui::egui;

use super::desk::Desk;
use super::theme::position_colour;
use crate::missions::{Calls, Rapport};
use crate::requests::Requests;
use crate::scenario::{Issue, PostId, Role, Station};
use crate::stations::Stations;
use crate::views;

pub fn show(ui: &mut egui::Ui, session: &mut Desk) {
    let is_department = session.game.setup().role == Role::Department;
    let world = session.game.world();
    let s = views::scenario(world);
    if is_department || session.dossier.is_none() {
        let current = session
            .dossier
            .map(|p| s.mission(p).city.clone())
            .unwrap_or_else(|| "choose a post".into());
        let posts: Vec<(PostId, String)> = (0..s.missions.len())
            .map(|i| (PostId(i as u32), s.missions[i].city.clone()))
            .collect();
        egui::ComboBox::from_label("Post")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (p, city) in posts {
                    ui.selectable_value(&mut session.dossier, Some(p), city);
                }
            });
    }
    let Some(post) = session.dossier else { return };
    let world = session.game.world();
    let s = views::scenario(world);
    let mission = s.mission(post);
    let gov = s.government(mission.host);
    let entity = world.resource::<Stations>().entity(Station::Post(post));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(format!("{} — capital {}", gov.country, gov.capital));
            ui.label(format!(
                "{} {}, AmEmbassy {}",
                mission.title, mission.chief, mission.city
            ));
            if let Some(r) = world.get::<Rapport>(entity) {
                ui.horizontal(|ui| {
                    ui.label("Rapport with the government");
                    ui.add(
                        egui::ProgressBar::new(r.0 as f32)
                            .desired_width(200.0)
                            .text(format!("{:.0}/100", r.0 * 100.0)),
                    );
                });
            }
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Leaders").strong());
            let now = session.game.now();
            let standing = world
                .resource::<crate::missions::Standings>()
                .0
                .get(post.index());
            for (ix, l) in gov.leaders.iter().enumerate() {
                let with = standing
                    .and_then(|s| s.get(ix))
                    .map(|r| format!(" — standing {:.0}/100", r * 100.0))
                    .unwrap_or_default();
                if l.in_office(now) {
                    ui.label(format!("{} {}{with}", l.title, l.name));
                } else {
                    ui.weak(format!("{} {} (not in office now)", l.title, l.name));
                }
            }
            ui.add_space(6.0);
            let own = session.game.setup().role == Role::Post(post);
            if own {
                ui.label(egui::RichText::new("The mission's estimates (not the truth)").strong());
                if let Some(estimates) = views::estimates(world, post) {
                    for (i, issue) in s.issues.iter().enumerate() {
                        let e = estimates[i];
                        ui.label(format!(
                            "On {}: probably “{}”",
                            issue.topic,
                            issue.positions[issue.position_of(e.mean)].label,
                        ));
                        estimate_bar(ui, issue, e.mean, e.sd);
                    }
                }
            }
            if !gov.notes.is_empty() {
                ui.add_space(6.0);
                ui.label(egui::RichText::new("Background").strong());
                ui.label(&gov.notes);
            }
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Reports to the Department").strong());
            let mut any = false;
            for r in &world.resource::<Requests>().replies {
                if let Some(e) = r.estimate(s).filter(|e| e.post == post) {
                    any = true;
                    let p = e
                        .probability
                        .map(|p| format!("{:.0}%", p * 100.0))
                        .unwrap_or_else(|| "no reply; default assumed".into());
                    ui.label(format!(
                        "{}  {} — {p}",
                        r.at,
                        s.issue(e.issue).positions[e.position].label
                    ));
                }
            }
            if !any {
                ui.weak("none yet");
            }
            if let Some(calls) = world.get::<Calls>(entity)
                && !calls.0.is_empty()
            {
                ui.add_space(6.0);
                ui.label(egui::RichText::new("Calls").strong());
                for c in &calls.0 {
                    ui.label(format!("{}  saw {}", c.at, c.leader));
                    if !c.said.is_empty() {
                        ui.weak(&c.said);
                    }
                    if let Some(asks) = &c.asks {
                        ui.weak(format!("He asked {asks}."));
                    }
                }
            }
        });
}

/// The issue's scale in its positions' colours, the estimate's band (± one standard
/// deviation) and its centre.
fn estimate_bar(ui: &mut egui::Ui, issue: &Issue, mean: f64, sd: f64) {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(520.0), 26.0),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let x =
        |v: f64| rect.left() + ((v - issue.min) / (issue.max - issue.min)) as f32 * rect.width();
    let n = issue.positions.len();
    for (i, p) in issue.positions.iter().enumerate() {
        let r = egui::Rect::from_x_y_ranges(
            x(p.from)..=x(p.to),
            rect.top() + 6.0..=rect.bottom() - 6.0,
        );
        painter.rect_filled(r, 0.0, position_colour(i, n).gamma_multiply(0.6));
    }
    let band = egui::Rect::from_x_y_ranges(
        x((mean - sd).max(issue.min))..=x((mean + sd).min(issue.max)),
        rect.top() + 2.0..=rect.bottom() - 2.0,
    );
    painter.rect_stroke(
        band,
        2.0,
        egui::Stroke::new(2.0, egui::Color32::WHITE),
        egui::StrokeKind::Inside,
    );
    painter.line_segment(
        [
            egui::pos2(x(mean), rect.top()),
            egui::pos2(x(mean), rect.bottom()),
        ],
        egui::Stroke::new(3.0, egui::Color32::WHITE),
    );
    response.on_hover_text(format!("left: {}; right: {}", issue.low, issue.high));
}
