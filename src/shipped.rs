//! The scenarios that ship with the engine, built into the binary so that `demarche` plays
//! from any directory.

use std::path::{Path, PathBuf};

use crate::scenario::{Diagnostic, Loaded, load_file_with, load_str};

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

/// Finds and loads scenarios by name: a path, a shipped name, or the name of a mod in one of
/// its mods folders. The folders are the loader's own, passed in by whoever makes it (the
/// command line's `--mods`, a test's temporary folder), never set process-wide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loader {
    mod_dirs: Vec<PathBuf>,
}

impl Loader {
    /// The `extra` folders (searched first), then the user's mods folder
    /// (`DEMARCHE_DATA_DIR/mods`, or the OS's data directory).
    pub fn new(extra: Vec<PathBuf>) -> Loader {
        let mut mod_dirs = extra;
        mod_dirs.extend(crate::paths::data_dir().map(|b| b.join("mods")));
        Loader { mod_dirs }
    }

    /// Exactly these mods folders, without the user's.
    pub fn with_dirs(mod_dirs: Vec<PathBuf>) -> Loader {
        Loader { mod_dirs }
    }

    /// Where mods are looked for, in order.
    pub fn mod_dirs(&self) -> &[PathBuf] {
        &self.mod_dirs
    }

    /// Every mod: its name (file stem or folder name) and path. A mod is a `.ron` file or a
    /// folder with a `scenario.ron`.
    pub fn mods(&self) -> Vec<(String, PathBuf)> {
        let mut found = Vec::new();
        for dir in &self.mod_dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
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

    /// Loads a scenario file or folder; a folder's shared files may come from the mods folders.
    pub fn load_file(&self, path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
        load_file_with(path, &self.mod_dirs)
    }

    /// Loads a scenario named by path, shipped name, or mod name. A path that exists wins.
    pub fn load(&self, name: &str) -> Result<Loaded, Vec<Diagnostic>> {
        let path = Path::new(name);
        if path.exists() || name.ends_with(".ron") || name.contains('/') {
            return self.load_file(path);
        }
        if let Some(s) = SHIPPED.iter().find(|s| s.name == name) {
            return load_str(s.file, s.text);
        }
        let mods = self.mods();
        match mods.iter().find(|(n, _)| n == name) {
            Some((_, path)) => self.load_file(path),
            None => {
                let names: Vec<&str> = SHIPPED
                    .iter()
                    .map(|s| s.name)
                    .chain(mods.iter().map(|(n, _)| n.as_str()))
                    .collect();
                let hint = crate::scenario::diagnostics::closest(name, names.iter().copied())
                    .map(|n| format!("did you mean `{n}`?"))
                    .unwrap_or_else(|| {
                        format!("expected a file path or one of: {}", names.join(", "))
                    });
                Err(vec![Diagnostic::file_error(
                    name,
                    format!("no such file or shipped scenario; {hint}"),
                )])
            }
        }
    }
}

/// Loads a scenario by name with the user's mods folder only: [`Loader::new`] with no extra
/// folders.
pub fn load(name: &str) -> Result<Loaded, Vec<Diagnostic>> {
    Loader::new(Vec::new()).load(name)
}
