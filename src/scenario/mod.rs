//! Scenarios: the RON format, loading, validation, and the validated model.

pub mod diagnostics;
mod folder;
pub mod format;
mod found;
pub mod load;
pub mod model;
pub mod moment;
pub mod names;
mod rough;
pub mod spans;
mod validate;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use diagnostics::{Diagnostic, Severity};
pub use model::*;
pub use moment::Moment;

/// A scenario loaded from a file, with any warnings.
#[derive(Debug)]
pub struct Loaded {
    pub scenario: Arc<Scenario>,
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates a scenario file: the one place text becomes a [`Scenario`]. A folder
/// scenario's shared files are looked for only beside it; [`load_file_with`] names mods
/// folders too.
pub fn load_file(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    load_file_with(path, &[])
}

/// As [`load_file`], with the mods folders whose `shared/` libraries a folder scenario's
/// shared files may come from.
pub fn load_file_with(path: &Path, mod_dirs: &[PathBuf]) -> Result<Loaded, Vec<Diagnostic>> {
    if path.is_dir() && path.join("scenario.ron").is_file() {
        return folder::load_folder(path, mod_dirs);
    }
    let text = load::read_text(path).map_err(|d| vec![d])?;
    load_str(&path.display().to_string(), &text)
}

/// The scenarios a path given to `validate` stands for: a file, a folder scenario (it holds a
/// `scenario.ron`), or a folder of them (each `.ron` file and folder scenario in it).
pub fn scenarios_in(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if !path.is_dir() || path.join("scenario.ron").is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|dir| {
            dir.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "ron") || p.join("scenario.ron").is_file()
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    if found.is_empty() {
        return Err(Diagnostic::file_error(
            &path.display().to_string(),
            "this folder holds no scenario: expected .ron files, or a scenario.ron",
        ));
    }
    Ok(found)
}

/// The scenario `demarche new` writes, small, valid and commented, naming itself `file`.
pub fn template(file: &str) -> String {
    include_str!("../../assets/templates/new-scenario.ron").replace("THIS_FILE", file)
}

/// FNV-1a, 64 bits, as hex: stable across platforms and releases, unlike `std`'s hasher.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Loads and validates scenario text; `file` names it in diagnostics.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    // On a big file the fingerprint (a pass over every byte) is taken beside the parse.
    let (parsed, hash) = if text.len() >= 1 << 20 {
        rayon::join(|| load::parse(file, text), || fingerprint(text.as_bytes()))
    } else {
        (load::parse(file, text), fingerprint(text.as_bytes()))
    };
    let (raw, tree) = parsed?;
    if !raw.shared.is_empty() {
        let node = tree.locate(&[spans::Seg::Field("shared".into())]);
        let (line, col) = spans::line_col(text, node.start);
        return Err(vec![Diagnostic {
            line,
            col,
            span: Some((node.start, node.end)),
            ..Diagnostic::file_error(
                file,
                "`shared` files are for folder scenarios; expected this file to be the scenario.ron of a folder",
            )
        }]);
    }
    let (mut scenario, warnings) = validate::validate(&raw, file, text, &tree, &[])?;
    scenario.hash = hash;
    Ok(Loaded {
        scenario: Arc::new(scenario),
        warnings,
    })
}
