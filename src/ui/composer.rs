//! The reply composer: for each request of the open cable, the allowed positions, the
//! player's probability and free text, with a live preview of the return cable; calls on
//! leaders for action requests; the Department's decisions. Sending is a command.

use bevy_egui::egui;

use super::desk::Desk;
use super::theme::TELETYPE;
use crate::cables::render;
use crate::command::Action;
use crate::scenario::format::RawWhom;
use crate::scenario::{RequestKind, Role};
use crate::views;

pub fn show(ui: &mut egui::Ui, session: &mut Desk) {
    let Some(cable) = session.selected else {
        ui.weak("Open a cable with a request first.");
        return;
    };
    let world = session.game.world();
    let open = views::open_requests_of(world, cable);
    if open.is_empty() {
        ui.weak("Nothing in this cable waits for you. Requests still open:");
        for row in views::tray_rows(world) {
            if !views::open_requests_of(world, row.cable).is_empty() && ui.link(&row.name).clicked()
            {
                session.open(row.cable);
                return;
            }
        }
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for request in open {
                let s = views::scenario(session.game.world());
                let telegram = s.telegram(request.telegram);
                let req = &telegram.requests[request.request];
                ui.heading(telegram.request_cited(request.request));
                if let Some(d) = request.deadline {
                    ui.label(format!("Due {d}"));
                }
                match req.kind.clone() {
                    RequestKind::Estimate {
                        issue, positions, ..
                    } => estimate_form(
                        ui,
                        session,
                        (request.telegram, request.request),
                        issue,
                        &positions,
                    ),
                    RequestKind::Action { see, show, .. } => action_form(ui, session, &see, &show),
                    RequestKind::Decision {
                        question, options, ..
                    } => {
                        ui.label(question);
                        for (i, o) in options.iter().enumerate() {
                            ui.radio_value(&mut session.drafts.option, i, &o.label);
                        }
                        if ui.button("Decide").clicked() {
                            let option = options[session.drafts.option].id.clone();
                            session.command(Action::Decide {
                                telegram: telegram.id.clone(),
                                request: req.id.clone(),
                                option,
                            });
                        }
                    }
                }
                ui.separator();
            }
        });
}

fn estimate_form(
    ui: &mut egui::Ui,
    session: &mut Desk,
    request: (crate::scenario::TelegramId, usize),
    issue: crate::scenario::IssueId,
    positions: &[usize],
) {
    let Role::Post(post) = session.game.setup().role else {
        return;
    };
    let s = views::scenario(session.game.world());
    let issue_def = s.issue(issue).clone();
    let telegram_id = s.telegram(request.0).id.clone();
    let request_id = s.telegram(request.0).requests[request.1].id.clone();
    ui.label(egui::RichText::new(&issue_def.question).strong());
    if session.drafts.position.is_none()
        && let Some(e) = views::estimates(session.game.world(), post)
    {
        // Start from what the mission believes; the player can change it.
        let natural = issue_def.position_of(e[issue.index()].mean);
        session.drafts.position = positions
            .iter()
            .copied()
            .min_by_key(|p| p.abs_diff(natural));
    }
    for p in positions {
        ui.radio_value(
            &mut session.drafts.position,
            Some(*p),
            &issue_def.positions[*p].label,
        );
    }
    ui.horizontal(|ui| {
        ui.label("Your probability that this is right");
        let mut percent = session.drafts.probability * 100.0;
        ui.add(
            egui::Slider::new(&mut percent, 0.0..=100.0)
                .step_by(5.0)
                .suffix("%"),
        );
        session.drafts.probability = percent / 100.0;
    });
    ui.label("Your own words for the cable (telegraphese; a blank line starts a paragraph):");
    ui.add(
        egui::TextEdit::multiline(&mut session.drafts.text)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    );
    let Some(position) = session.drafts.position else {
        ui.weak("Choose a position to see the cable.");
        return;
    };
    ui.weak("Preselected: the position your mission's estimate points to (see the dossier).");
    ui.label(egui::RichText::new("As it will be sent:").weak());
    let preview = views::preview_reply(
        session.game.world(),
        post,
        request,
        position,
        session.drafts.probability,
        &session.drafts.text,
    );
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0x1E, 0x1F, 0x1C))
        .inner_margin(egui::Margin::same(12))
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(render(s, &preview))
                    .monospace()
                    .color(TELETYPE),
            );
        });
    if ui
        .button(egui::RichText::new("Send the return cable").strong())
        .clicked()
    {
        let position_id = issue_def.positions[position].id.clone();
        session.command(Action::Reply {
            telegram: telegram_id,
            request: request_id,
            position: position_id,
            probability: session.drafts.probability,
            text: session.drafts.text.clone(),
        });
    }
}

fn action_form(
    ui: &mut egui::Ui,
    session: &mut Desk,
    see: &[crate::scenario::Whom],
    show: &[crate::scenario::MaterialId],
) {
    let world = session.game.world();
    let s = views::scenario(world);
    let post = match session.game.setup().role {
        Role::Post(p) => p,
        Role::Department => match session.dossier {
            Some(p) => p,
            None => {
                ui.weak("Open a post's dossier (3) to instruct it.");
                return;
            }
        },
    };
    let gov = s.government(s.mission(post).host).clone();
    let materials = s.materials.clone();
    let wanted: Vec<&str> = see.iter().map(|w| crate::missions::whom_name(*w)).collect();
    ui.label(format!(
        "The Department asks you to see: {}.",
        wanted.join(", ")
    ));
    ui.label("Whom will you see?");
    for (i, l) in gov.leaders.iter().enumerate() {
        ui.radio_value(
            &mut session.drafts.leader,
            i,
            format!("{} {}", l.title, l.name),
        );
    }
    ui.label("What will you show?");
    for (i, m) in materials.iter().enumerate() {
        let allowed = show.is_empty() || show.iter().any(|x| x.index() == i);
        let mut on = session.drafts.show.contains(&i);
        if ui
            .add_enabled(allowed, egui::Checkbox::new(&mut on, &m.title))
            .changed()
        {
            if on {
                session.drafts.show.insert(i);
            } else {
                session.drafts.show.remove(&i);
            }
        }
    }
    if ui
        .button(egui::RichText::new("Make the démarche").strong())
        .clicked()
    {
        let leader = gov.leaders[session.drafts.leader.min(gov.leaders.len() - 1)]
            .id
            .clone();
        let mut shown: Vec<usize> = session.drafts.show.iter().copied().collect();
        shown.sort();
        let show = shown.into_iter().map(|i| materials[i].id.clone()).collect();
        let post_id = s.mission(post).id.clone();
        session.command(Action::Demarche {
            see: RawWhom::Leader(leader),
            show,
            issue: None,
            post: Some(post_id),
        });
    }
}
