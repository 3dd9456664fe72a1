//! Hot reload in the window, with Bevy's asset watcher (`file_watcher`): the scenario's files
//! are assets of their own source; when one changes, the front door reloads the scenario
//! ([`Session::reload_from`](crate::session::Session::reload_from)) and the status line says
//! what came of it.

use std::path::{Path, PathBuf};

use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;

use super::desk::Desk;
use crate::session::Reload;

/// The asset source the scenario's files are watched through.
const SOURCE: &str = "scenario";

/// A scenario file's text; only its changes matter.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioFile;

#[derive(Default, TypePath)]
struct ScenarioFileLoader;

impl AssetLoader for ScenarioFileLoader {
    type Asset = ScenarioFile;
    type Settings = ();
    type Error = BevyError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        _: &mut LoadContext<'_>,
    ) -> Result<ScenarioFile, BevyError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        Ok(ScenarioFile)
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// What is watched: the folder registered as the asset source, the files in it to load, and
/// the path to load the scenario from when they change.
#[derive(Resource, Clone, Debug)]
pub struct Watched {
    pub root: PathBuf,
    pub files: Vec<String>,
    pub scenario: PathBuf,
}

/// The watched files' handles, held so that the asset server keeps watching them.
#[derive(Resource)]
struct Handles {
    _held: Vec<Handle<ScenarioFile>>,
}

/// Where the scenario named on the command line lives on disk, if it does: a file, a folder
/// scenario, or (when run from the repository) a shipped scenario's source file.
pub fn watched(name: &str) -> Option<Watched> {
    let path = Path::new(name);
    let path = if path.exists() {
        path.to_path_buf()
    } else {
        let shipped = crate::shipped::SHIPPED.iter().find(|s| s.name == name)?;
        let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join(shipped.file);
        dev.is_file().then_some(dev)?
    };
    let path = path.canonicalize().ok()?;
    if path.is_dir() {
        let mut files = vec!["scenario.ron".to_string()];
        for sub in ["governments", "telegrams"] {
            let mut found: Vec<String> = std::fs::read_dir(path.join(sub))
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                .map(|e| format!("{sub}/{}", e.file_name().to_string_lossy()))
                .collect();
            found.sort();
            files.extend(found);
        }
        Some(Watched {
            root: path.clone(),
            files,
            scenario: path,
        })
    } else {
        let root = path.parent()?.to_path_buf();
        let file = path.file_name()?.to_string_lossy().into_owned();
        Some(Watched {
            root,
            files: vec![file],
            scenario: path,
        })
    }
}

/// Registers the watched folder as an asset source; must run before the asset plugin.
pub fn register(app: &mut App, watched: &Watched) {
    app.register_asset_source(
        SOURCE,
        AssetSourceBuilder::platform_default(&watched.root.display().to_string(), None),
    )
    .insert_resource(watched.clone());
}

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<ScenarioFile>()
        .init_asset_loader::<ScenarioFileLoader>()
        .add_systems(Startup, load_watched)
        .add_systems(Update, reload_on_change);
}

fn load_watched(mut commands: Commands, server: Res<AssetServer>, watched: Option<Res<Watched>>) {
    let Some(watched) = watched else { return };
    let handles = watched
        .files
        .iter()
        .map(|f| server.load(format!("{SOURCE}://{f}")))
        .collect();
    commands.insert_resource(Handles { _held: handles });
}

fn reload_on_change(world: &mut World) {
    let changed = world
        .resource_mut::<Messages<AssetEvent<ScenarioFile>>>()
        .drain()
        .any(|e| matches!(e, AssetEvent::Modified { .. }));
    if !changed {
        return;
    }
    let Some(watched) = world.get_resource::<Watched>().cloned() else {
        return;
    };
    let Some(mut session) = world.get_non_send_mut::<Desk>() else {
        return;
    };
    session.status = Some(match session.game.reload_from(&watched.scenario) {
        Reload::Invalid(diags) => Err(format!(
            "{} changed but does not validate ({} problem(s)); the last good version goes on. First: {}",
            watched.scenario.display(),
            diags.len(),
            diags[0]
        )),
        Reload::Reloaded { commands } => {
            session.counterfactual = None;
            Ok(format!(
                "Scenario reloaded; your {commands} command(s) replayed from the start."
            ))
        }
        Reload::Refused { index, error } => Err(format!(
            "The scenario changed, but your command {index} no longer applies ({error}); the last good version goes on."
        )),
    });
}
