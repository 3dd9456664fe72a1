//! The cable reader: the cable as a teleprinter page. Cable language shows its meaning on
//! hover (from the glossary); references to cables in the in-tray are links; the FRUS source
//! is a footnote.

use bevy_egui::egui;

use super::desk::{Desk, View};
use super::theme::TELETYPE;
use crate::cables::render;
use crate::glossary::Glossary;
use crate::views;

pub fn show(ui: &mut egui::Ui, session: &mut Desk) {
    let Some(cable_id) = session.selected else {
        ui.weak("Choose a cable in the in-tray (Up and Down keys, or click).");
        return;
    };
    let (tray, _) = super::tray::all_rows(session);
    let world = session.game.world();
    let cable = world
        .resource::<crate::cables::Archive>()
        .get(cable_id)
        .clone();
    let page = render(views::scenario(world), &cable);
    let open = views::open_requests_of(world, cable_id);
    let mut follow = None;
    if !open.is_empty() {
        ui.horizontal(|ui| {
            ui.colored_label(
                egui::Color32::from_rgb(0xE0, 0x9A, 0x3A),
                format!("{} request(s) wait for you.", open.len()),
            );
            if ui.button("Reply (2)").clicked() {
                session.tab = View::Composer;
            }
        });
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Frame::new()
                .fill(egui::Color32::from_rgb(0x1E, 0x1F, 0x1C))
                .inner_margin(egui::Margin::same(16))
                .show(ui, |ui| {
                    for line in page.lines() {
                        if line.starts_with("[File:") || line.starts_with("[Source:") {
                            ui.add_space(4.0);
                            ui.label(
                                egui::RichText::new(line)
                                    .italics()
                                    .small()
                                    .color(egui::Color32::GRAY),
                            );
                            continue;
                        }
                        ui.horizontal_wrapped(|ui| {
                            ui.spacing_mut().item_spacing.x = 0.0;
                            follow = follow.or(teletype_line(ui, line, &tray));
                        });
                    }
                });
        });
    if let Some(c) = follow {
        session.open(c);
    }
}

/// One line in the teleprinter face, with glossary terms and cable references marked.
fn teletype_line(
    ui: &mut egui::Ui,
    line: &str,
    tray: &[views::TrayRow],
) -> Option<crate::cables::CableId> {
    let glossary = Glossary::shipped();
    let mut at = 0;
    let mut follow = None;
    let plain = |ui: &mut egui::Ui, text: &str| {
        if !text.is_empty() {
            ui.label(egui::RichText::new(text).monospace().color(TELETYPE));
        }
    };
    for (range, entry) in glossary.find_in(line) {
        plain(ui, &line[at..range.start]);
        let word = &line[range.clone()];
        let tail = &line[range.end..];
        // "DEPTCIRTEL 47": a link when that cable is in the in-tray.
        let number: String = tail
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let target = (!number.is_empty())
            .then(|| format!("{} {}", word.to_uppercase(), number))
            .and_then(|name| tray.iter().find(|r| r.name == name));
        let text = egui::RichText::new(word)
            .monospace()
            .underline()
            .color(TELETYPE);
        let response = match target {
            Some(_) => ui.link(text),
            None => ui.label(text),
        }
        .on_hover_text(format!(
            "{}: {}\n({})",
            entry.term, entry.meaning, entry.source
        ));
        if response.clicked() {
            follow = target.map(|r| r.cable);
        }
        at = range.end;
    }
    plain(ui, &line[at..]);
    if line.is_empty() {
        ui.label(" ");
    }
    follow
}
