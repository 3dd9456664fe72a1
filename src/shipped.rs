//! The scenarios that ship with the engine, built into the binary so that `demarche` plays
//! from any directory.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::scenario::{Diagnostic, Loaded, load_file, load_str};

/// A shipped scenario: its name (as given on the command line), file and text.
pub struct Shipped {
    pub name: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

pub const SHIPPED: &[Shipped] = &[
    Shipped {
        name: "deptcirtel-47",
        file: "scenarios/deptcirtel-47.ron",
        text: include_str!("../scenarios/deptcirtel-47.ron"),
    },
    Shipped {
        name: "punta-del-este-1962",
        file: "scenarios/punta-del-este-1962.ron",
        text: include_str!("../scenarios/punta-del-este-1962.ron"),
    },
    Shipped {
        name: "quarantine-1962",
        file: "scenarios/quarantine-1962.ron",
        text: include_str!("../scenarios/quarantine-1962.ron"),
    },
];

/// The scenario `demarche` plays when none is named.
pub const DEFAULT: &str = "deptcirtel-47";

/// Folders given with `--mods`, searched before the user's mods folder.
static EXTRA_MODS: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Adds mods folders (from the command line); call once, before loading.
pub fn add_mod_dirs(dirs: Vec<PathBuf>) {
    let _ = EXTRA_MODS.set(dirs);
}

/// Where mods are looked for: `--mods` folders, then the user's mods folder
/// (`DEMARCHE_DATA_DIR/mods`, or the OS's data directory).
pub fn mod_dirs() -> Vec<PathBuf> {
    let mut dirs = EXTRA_MODS.get().cloned().unwrap_or_default();
    let base = match std::env::var_os("DEMARCHE_DATA_DIR") {
        Some(d) => Some(PathBuf::from(d)),
        None => directories::ProjectDirs::from("org", "Demarche", "demarche")
            .map(|p| p.data_dir().to_path_buf()),
    };
    dirs.extend(base.map(|b| b.join("mods")));
    dirs
}

/// Every mod: its name (file stem or folder name) and path. A mod is a `.ron` file or a
/// folder with a `scenario.ron`.
pub fn mods() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for dir in mod_dirs() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = if path.is_dir() && path.join("scenario.ron").is_file() {
                path.file_name().map(|n| n.to_string_lossy().into_owned())
            } else if path.extension().is_some_and(|e| e == "ron") {
                path.file_stem().map(|n| n.to_string_lossy().into_owned())
            } else {
                None
            };
            if let Some(name) = name
                && !found.iter().any(|(n, _): &(String, PathBuf)| *n == name)
            {
                found.push((name, path));
            }
        }
    }
    found
}

/// Loads a scenario named by path, shipped name, or mod name. A path that exists wins.
pub fn load(name: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let path = Path::new(name);
    if path.exists() || name.ends_with(".ron") || name.contains('/') {
        return load_file(path);
    }
    if let Some(s) = SHIPPED.iter().find(|s| s.name == name) {
        return load_str(s.file, s.text);
    }
    let mods = mods();
    match mods.iter().find(|(n, _)| n == name) {
        Some((_, path)) => load_file(path),
        None => {
            let names: Vec<&str> = SHIPPED
                .iter()
                .map(|s| s.name)
                .chain(mods.iter().map(|(n, _)| n.as_str()))
                .collect();
            let hint = crate::scenario::diagnostics::closest(name, names.iter().copied())
                .map(|n| format!("did you mean `{n}`?"))
                .unwrap_or_else(|| format!("expected a file path or one of: {}", names.join(", ")));
            Err(vec![Diagnostic::file_error(
                name,
                format!("no such file or shipped scenario; {hint}"),
            )])
        }
    }
}
