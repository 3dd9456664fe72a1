//! The playing screen: the calendar bar, the in-tray, and the tabs (reader, composer,
//! dossier, map, debrief). Keyboard: N next cable, D next day, R until a reply is due,
//! Space run/pause, 1–5 tabs, ↑/↓ the in-tray, +/- text size.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::desk::{Desk, Screen, View};
use super::title::{primary_ctx, root};
use super::{composer, debrief, dossier, instructor, map, reader, tray};
use crate::command::Step;
use crate::views;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        play_screen.run_if(in_state(Screen::Playing)),
    );
}

/// Opens the cable that most needs the player: the newest with an open request, else the
/// newest.
pub fn select_default_cable(session: &mut Desk) {
    let world = session.game.world();
    let rows = views::tray_rows(world);
    let pick = rows
        .iter()
        .find(|r| !views::open_requests_of(world, r.cable).is_empty())
        .or(rows.first())
        .map(|r| r.cable);
    if let Some(c) = pick {
        session.selected = Some(c);
        session.read.insert(c);
    }
}

fn play_screen(world: &mut World) {
    let Some(ctx) = primary_ctx(world) else {
        return;
    };
    let Some(mut session) = world.remove_non_send::<Desk>() else {
        return;
    };
    let shapes = world
        .get_resource::<map::MapData>()
        .and_then(|m| m.0.clone());
    keyboard(&ctx, &mut session);
    session.autosave();
    draw(&ctx, &mut session, shapes.as_deref());
    world.insert_non_send(session);
}

/// Lays out one frame of the playing screen: what `play_screen` does besides keys and
/// autosave. It needs only an egui context, so the benchmarks time it without a renderer.
pub fn draw(ctx: &egui::Context, session: &mut Desk, shapes: Option<&map::MapShapes>) {
    let mut root = root(ctx);
    egui::Panel::top("calendar").show(&mut root, |ui| calendar_bar(ui, session));
    egui::Panel::bottom("status").show(&mut root, |ui| status_line(ui, session));
    egui::Panel::left("tray")
        .resizable(true)
        .default_size(430.0)
        .show(&mut root, |ui| tray::show(ui, session));
    egui::CentralPanel::default().show(&mut root, |ui| {
        tabs(ui, session);
        ui.separator();
        match session.tab {
            View::Reader | View::Title => reader::show(ui, session),
            View::Composer => composer::show(ui, session),
            View::Dossier => dossier::show(ui, session),
            View::Map => map::show(ui, session, shapes),
            View::Debrief => debrief::show(ui, session),
            View::Instructor if session.instructor() => instructor::show(ui, session),
            View::Instructor => reader::show(ui, session),
        }
    });
}

fn tabs(ui: &mut egui::Ui, session: &mut Desk) {
    let over = session.game.is_over();
    ui.horizontal(|ui| {
        for (view, label) in [
            (View::Reader, "1 Cable"),
            (View::Composer, "2 Reply"),
            (View::Dossier, "3 Dossier"),
            (View::Map, "4 Map"),
            (View::Debrief, "5 Debrief"),
            (View::Instructor, "6 Instructor"),
        ] {
            if view == View::Instructor && !session.instructor() {
                continue;
            }
            let enabled = view != View::Debrief || over;
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::selectable(session.tab == view, label),
                )
                .clicked()
            {
                session.tab = view;
            }
        }
    });
}

fn calendar_bar(ui: &mut egui::Ui, session: &mut Desk) {
    let world = session.game.world();
    let s = views::scenario(world);
    let now = session.game.now();
    let deadline = views::next_deadline(world);
    let role = s.role_name(session.game.setup().role);
    let over = session.game.is_over();
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!("{}  {:02}:00", now.long_date(), now.hour()))
                .size(20.0)
                .strong(),
        );
        ui.separator();
        ui.label(role);
        ui.separator();
        if ui.button("Save (Ctrl+S)").clicked() {
            session.save();
        }
        ui.add_enabled_ui(!over, |ui| {
            if ui
                .button("Next cable (N)")
                .on_hover_text("Let time run until a cable reaches you")
                .clicked()
            {
                session.advance(Step::NextCable);
            }
            if ui.button("Next day (D)").clicked() {
                session.advance(Step::Day);
            }
            let due = ui
                .add_enabled(deadline.is_some(), egui::Button::new("Until reply due (R)"))
                .on_hover_text(
                    deadline
                        .map(|d| format!("The next deadline: {d}"))
                        .unwrap_or_default(),
                );
            if due.clicked()
                && let Some(d) = deadline
            {
                session.advance(Step::Until(d.plus_hours(-2).max(now)));
            }
            let label = if session.running.is_some() {
                "Pause (Space)"
            } else {
                "Run (Space)"
            };
            if ui.button(label).clicked() {
                session.running = if session.running.is_some() {
                    None
                } else {
                    Some(30)
                };
            }
            if let Some(every) = session.running.as_mut() {
                egui::ComboBox::from_id_salt("speed")
                    .selected_text(match *every {
                        60 => "slow",
                        30 => "normal",
                        _ => "fast",
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(every, 60, "slow");
                        ui.selectable_value(every, 30, "normal");
                        ui.selectable_value(every, 8, "fast");
                    });
            }
        });
    });
}

fn status_line(ui: &mut egui::Ui, session: &Desk) {
    match &session.status {
        Some(Ok(text)) => ui.label(text),
        Some(Err(e)) => ui.colored_label(egui::Color32::LIGHT_RED, e),
        None => ui.weak("N: next cable · D: next day · R: until a reply is due · Space: run/pause · 1–5: tabs · +/-: text size"),
    };
}

fn keyboard(ctx: &egui::Context, session: &mut Desk) {
    if ctx.input(|i| i.modifiers.command && i.key_pressed(egui::Key::S)) {
        session.save();
    }
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let pressed = |k: egui::Key| ctx.input(|i| i.key_pressed(k));
    let over = session.game.is_over();
    if !over {
        if pressed(egui::Key::N) {
            session.advance(Step::NextCable);
        }
        if pressed(egui::Key::D) {
            session.advance(Step::Day);
        }
        if pressed(egui::Key::R)
            && let Some(d) = views::next_deadline(session.game.world())
        {
            let now = session.game.now();
            session.advance(Step::Until(d.plus_hours(-2).max(now)));
        }
        if pressed(egui::Key::Space) {
            session.running = if session.running.is_some() {
                None
            } else {
                Some(30)
            };
        }
    }
    for (key, view) in [
        (egui::Key::Num1, View::Reader),
        (egui::Key::Num2, View::Composer),
        (egui::Key::Num3, View::Dossier),
        (egui::Key::Num4, View::Map),
        (egui::Key::Num5, View::Debrief),
        (egui::Key::Num6, View::Instructor),
    ] {
        if pressed(key)
            && (view != View::Debrief || over)
            && (view != View::Instructor || session.instructor())
        {
            session.tab = view;
        }
    }
    let up = pressed(egui::Key::ArrowUp);
    let down = pressed(egui::Key::ArrowDown);
    if up || down {
        let rows = tray::visible_rows(session);
        let at = rows.iter().position(|r| Some(r.cable) == session.selected);
        let next = match (at, up) {
            (None, _) => Some(0),
            (Some(i), true) => i.checked_sub(1),
            (Some(i), false) => (i + 1 < rows.len()).then_some(i + 1),
        };
        if let Some(row) = next.and_then(|i| rows.get(i)) {
            session.open(row.cable);
        }
    }
}
