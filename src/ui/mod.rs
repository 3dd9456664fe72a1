//! The game window (feature `gui`): bevy_egui screens over the same simulation the tests use.
//! The window reads the game's world and sends it commands; it holds no rules.

mod composer;
mod debrief;
mod desk;
mod dossier;
mod instructor;
mod map;
mod play;
mod reader;
mod reload;
mod screenshot;
mod theme;
mod title;
mod tray;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;

pub use desk::{Desk, View};
pub use play::draw as draw_playing_screen;

/// How the window was asked to start.
#[derive(Resource, Clone, Debug, Default)]
pub struct WindowOptions {
    /// A scenario to start at once, skipping the title screen.
    pub scenario: Option<String>,
    pub seed: u64,
    pub role: Option<String>,
    /// Dated commands to apply before the first frame (for scripted sessions).
    pub commands: Option<PathBuf>,
    /// The screen to show first.
    pub view: Option<View>,
    /// Save a PNG of the window after `frames` frames, then exit.
    pub screenshot: Option<PathBuf>,
    pub frames: u32,
    /// A saved game to continue.
    pub load: Option<PathBuf>,
    /// The instructor's tab and commands.
    pub instructor: bool,
    /// Where scenarios are found (the command line's `--mods`).
    pub loader: crate::shipped::Loader,
}

/// Whether a display server is there to open a window on.
pub fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Opens the window and runs until it is closed.
pub fn run(options: WindowOptions) -> ExitCode {
    if !display_available() {
        eprintln!(
            "demarche: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset); play in the terminal with `demarche play --text`"
        );
        return ExitCode::from(2);
    }
    let mut app = App::new();
    // The scenario's files are watched as assets; their source must exist before the plugin.
    let watched = options
        .scenario
        .as_deref()
        .or(options.load.is_none().then_some(crate::shipped::DEFAULT))
        .and_then(reload::watched);
    if let Some(w) = &watched {
        reload::register(&mut app, w);
    }
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Démarche".into(),
                    resolution: WindowResolution::new(1280, 800),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: assets_dir(),
                watch_for_changes_override: Some(watched.is_some()),
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(ClearColor(theme::PAPER_DARK))
    .insert_resource(options)
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    })
    .add_plugins((
        desk::plugin,
        theme::plugin,
        map::plugin,
        reload::plugin,
        title::plugin,
        play::plugin,
        screenshot::plugin,
    ));
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// The assets folder: beside the sources when run from the repository, else beside the binary.
fn assets_dir() -> String {
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
    if std::path::Path::new(dev).is_dir() {
        return dev.to_string();
    }
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("assets")))
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "assets".into())
}
