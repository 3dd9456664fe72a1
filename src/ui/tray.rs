//! The in-tray: newest first, unread marked, Niact in red, filterable by thread. Only the
//! rows on screen are laid out, so hundreds of cables stay smooth.

use std::rc::Rc;

use bevy_egui::egui;

use super::desk::Desk;
use super::theme::precedence_colour;
use crate::views::{self, TrayRow};

/// The in-tray's rows and its threads, built again only when the tray may have changed
/// (see [`views::tray_key`]), so that a frame with hundreds of cables costs what one with a
/// few does: only the rows on screen are laid out.
#[derive(Default)]
pub struct TrayCache {
    key: Option<(
        usize,
        crate::vocab::Setup,
        usize,
        crate::scenario::Moment,
        usize,
    )>,
    rows: Rc<[TrayRow]>,
    threads: Rc<[String]>,
}

/// Every row of the in-tray, newest first, and the sorted names of its threads.
pub fn all_rows(session: &mut Desk) -> (Rc<[TrayRow]>, Rc<[String]>) {
    let world = session.game.world();
    let key = views::tray_key(world);
    let cache = &mut session.tray;
    if cache.key != Some(key) {
        let rows = views::tray_rows(world);
        let mut threads: Vec<String> = rows.iter().map(|r| r.thread.clone()).collect();
        threads.sort();
        threads.dedup();
        *cache = TrayCache {
            key: Some(key),
            rows: rows.into(),
            threads: threads.into(),
        };
    }
    (cache.rows.clone(), cache.threads.clone())
}

/// The rows the filter lets through.
pub fn visible_rows(session: &mut Desk) -> Vec<TrayRow> {
    let (rows, _) = all_rows(session);
    rows.iter()
        .filter(|r| session.thread.as_ref().is_none_or(|t| &r.thread == t))
        .cloned()
        .collect()
}

pub fn show(ui: &mut egui::Ui, session: &mut Desk) {
    let (all, threads) = all_rows(session);
    let unread = all
        .iter()
        .filter(|r| !session.read.contains(&r.cable))
        .count();
    ui.horizontal(|ui| {
        ui.heading("In-tray");
        ui.label(format!("{} cables, {unread} unread", all.len()));
    });
    ui.horizontal(|ui| {
        ui.label("Thread");
        egui::ComboBox::from_id_salt("thread")
            .selected_text(session.thread.clone().unwrap_or_else(|| "all".into()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut session.thread, None, "all");
                for t in threads.iter() {
                    ui.selectable_value(&mut session.thread, Some(t.clone()), t);
                }
            });
    });
    ui.separator();
    let rows: Vec<&TrayRow> = all
        .iter()
        .filter(|r| session.thread.as_ref().is_none_or(|t| &r.thread == t))
        .collect();
    if rows.is_empty() {
        ui.weak("Nothing yet. Press N to let time run until a cable arrives.");
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                let selected = session.selected == Some(row.cable);
                let read = session.read.contains(&row.cable);
                let head = egui::RichText::new(format!(
                    "{:<9} {:<12} {}",
                    crate::cables::render::precedence_label(row.precedence),
                    row.classification,
                    row.name,
                ))
                .monospace()
                .color(precedence_colour(row.precedence));
                let response = ui
                    .scope(|ui| {
                        ui.set_min_height(row_height - 4.0);
                        let r = ui.add(egui::Button::selectable(selected, head));
                        ui.horizontal(|ui| {
                            if !read {
                                ui.label(
                                    egui::RichText::new("NEW")
                                        .small()
                                        .strong()
                                        .color(egui::Color32::from_rgb(0x6A, 0xB0, 0xF0)),
                                );
                            }
                            let subject = egui::RichText::new(format!(
                                "{} · {}",
                                row.arrived.long_date(),
                                row.subject
                            ));
                            ui.add(
                                egui::Label::new(if read { subject } else { subject.strong() })
                                    .truncate(),
                            );
                        });
                        r
                    })
                    .inner;
                if response.clicked() {
                    session.open(row.cable);
                }
                if selected && response.gained_focus() {
                    response.scroll_to_me(None);
                }
            }
        });
}
