//! A bare bevy_egui window, with the same plugins and window size as the game and one egui
//! label: the baseline of the window benchmark (P6 in docs/performance.md). Like the game's
//! `--screenshot`, it saves a PNG of its third frame and exits.
//!
//! `cargo run --release --example bare_window -- /tmp/bare.png` (under Xvfb: see the README).

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;
use bevy::render::view::window::screenshot::{Screenshot, save_to_disk};
use bevy::window::WindowResolution;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

#[derive(Resource)]
struct Shot(std::path::PathBuf);

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bare_window.png".into());
    let _ = std::fs::remove_file(&path);
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "bare".into(),
                resolution: WindowResolution::new(1280, 800),
                ..default()
            }),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .insert_resource(Shot(path.into()))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, ui)
        .add_systems(Last, shoot)
        .run();
}

fn ui(mut contexts: EguiContexts) -> Result {
    egui::Window::new("bare").show(contexts.ctx_mut()?, |ui| {
        ui.label("A bare bevy_egui window.");
    });
    Ok(())
}

fn shoot(
    mut commands: Commands,
    shot: Res<Shot>,
    frames: Res<FrameCount>,
    mut exit: MessageWriter<AppExit>,
) {
    if frames.0 == 3 {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(shot.0.clone()));
    }
    let written = std::fs::metadata(&shot.0).is_ok_and(|m| m.len() > 0);
    if frames.0 > 3 && written || frames.0 > 600 {
        exit.write(AppExit::Success);
    }
}
