//! `--screenshot PATH --frames N`: render N frames of the real window, save a PNG, exit.
//! What CI and a reviewer look at.

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;
use bevy::render::view::window::screenshot::{Screenshot, save_to_disk};

use super::WindowOptions;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, clear_old).add_systems(Last, shoot);
}

/// A stale picture from an earlier run must not pass for this one.
fn clear_old(options: Res<WindowOptions>) {
    if let Some(path) = &options.screenshot {
        let _ = std::fs::remove_file(path);
    }
}

fn shoot(
    mut commands: Commands,
    options: Res<WindowOptions>,
    frames: Res<FrameCount>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(path) = &options.screenshot else {
        return;
    };
    let at = options.frames.max(3);
    if frames.0 == at {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path.clone()));
    }
    if frames.0 > at {
        let written = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        if written {
            info!("screenshot saved to {}", path.display());
            exit.write(AppExit::Success);
        } else if frames.0 > at + 600 {
            error!("no screenshot after {} frames", frames.0);
            exit.write(AppExit::error());
        }
    }
}
