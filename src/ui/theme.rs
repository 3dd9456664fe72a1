//! The look: paper and ink colours, the teleprinter font, and the font-size setting.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::scenario::format::Precedence;

pub const PAPER_DARK: Color = Color::srgb(0.11, 0.12, 0.13);

/// The reader's zoom: the whole interface scales with it (keys `+` and `-`).
#[derive(Resource)]
pub struct FontScale(pub f32);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(FontScale(1.0))
        .add_systems(EguiPrimaryContextPass, apply_scale);
}

fn apply_scale(mut contexts: EguiContexts, mut scale: ResMut<FontScale>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (plus, minus) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
            i.key_pressed(egui::Key::Minus),
        )
    });
    if !ctx.egui_wants_keyboard_input() {
        if plus {
            scale.0 = (scale.0 + 0.1).min(2.0);
        }
        if minus {
            scale.0 = (scale.0 - 0.1).max(0.7);
        }
    }
    if (ctx.zoom_factor() - scale.0).abs() > f32::EPSILON {
        ctx.set_zoom_factor(scale.0);
    }
    Ok(())
}

/// How a precedence stands out in lists.
pub fn precedence_colour(p: Precedence) -> egui::Color32 {
    match p {
        Precedence::Niact => egui::Color32::from_rgb(0xE0, 0x4B, 0x3A),
        Precedence::Immediate => egui::Color32::from_rgb(0xE0, 0x9A, 0x3A),
        Precedence::Priority => egui::Color32::from_rgb(0xD8, 0xC8, 0x6A),
        Precedence::Routine => egui::Color32::GRAY,
    }
}

/// Colours for the positions of an issue, from the low end (oppose: red) to the high end
/// (press: blue).
pub fn position_colour(position: usize, of: usize) -> egui::Color32 {
    let t = if of <= 1 {
        1.0
    } else {
        position as f32 / (of - 1) as f32
    };
    let low = [0xC0 as f32, 0x4A as f32, 0x3C as f32];
    let high = [0x3A as f32, 0x6E as f32, 0xC0 as f32];
    let mix = |i: usize| (low[i] + (high[i] - low[i]) * t) as u8;
    egui::Color32::from_rgb(mix(0), mix(1), mix(2))
}

pub const UNKNOWN: egui::Color32 = egui::Color32::from_rgb(0x55, 0x58, 0x5C);
pub const CONTEXT: egui::Color32 = egui::Color32::from_rgb(0x33, 0x36, 0x3A);
pub const TELETYPE: egui::Color32 = egui::Color32::from_rgb(0xE8, 0xE2, 0xD0);
