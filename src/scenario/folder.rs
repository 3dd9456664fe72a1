//! Folder scenarios: `scenario.ron`, plus `telegrams/*.ron` and `governments/*.ron`, so that
//! big mods stay readable. Each extra file holds one item or a list; nothing outside the
//! folder can be read.

use std::path::{Path, PathBuf};

use super::diagnostics::Diagnostic;
use super::spans::{Seg, line_col};
use super::validate::{Part, validate};
use super::{Loaded, fingerprint, load};

/// The sub-folders a folder scenario may have, and the section each fills.
const SECTIONS: [&str; 2] = ["governments", "telegrams"];

pub fn load_folder(dir: &Path, libraries: &[PathBuf]) -> Result<Loaded, Vec<Diagnostic>> {
    let main = dir.join("scenario.ron");
    let main_file = main.display().to_string();
    let text = load::read_text_within(&main, Some(dir)).map_err(|d| vec![d])?;
    let (mut raw, tree) = load::parse(&main_file, &text)?;
    let root = dir.canonicalize().map_err(|e| {
        vec![Diagnostic::file_error(
            &dir.display().to_string(),
            e.to_string(),
        )]
    })?;
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut diags = Vec::new();
    for section in SECTIONS {
        for path in files(&dir.join(section)) {
            // A link must not lead out of the scenario's folder.
            match load::read_text_within(&path, Some(&root)) {
                Ok(t) => texts.push((path.display().to_string(), t)),
                Err(d) => diags.push(d),
            }
        }
    }
    for (i, name) in raw.shared.iter().enumerate() {
        match shared_file(dir, name, libraries) {
            Ok((path, library)) => match load::read_text_within(&path, Some(&library)) {
                Ok(t) => texts.push((path.display().to_string(), t)),
                Err(d) => diags.push(d),
            },
            Err(message) => {
                let node = tree.locate(&[Seg::Field("shared".into()), Seg::Index(i)]);
                let (line, col) = line_col(&text, node.start);
                diags.push(Diagnostic {
                    line,
                    col,
                    span: Some((node.start, node.end)),
                    ..Diagnostic::file_error(&main_file, message)
                });
            }
        }
    }
    let mut parts = Vec::new();
    for (file, t) in &texts {
        let section = SECTIONS
            .into_iter()
            .find(|s| Path::new(file).parent().is_some_and(|p| p.ends_with(s)))
            .unwrap_or("telegrams");
        let result = if section == "governments" {
            load::parse_items(file, t).map(|(items, tree, list)| {
                let first = raw.governments.len();
                raw.governments.extend(items);
                (first, raw.governments.len() - first, tree, list)
            })
        } else {
            load::parse_items(file, t).map(|(items, tree, list)| {
                let first = raw.telegrams.len();
                raw.telegrams.extend(items);
                (first, raw.telegrams.len() - first, tree, list)
            })
        };
        match result {
            Ok((first, count, tree, list)) => parts.push(Part {
                section,
                first,
                count,
                file: file.clone(),
                text: t,
                tree,
                list,
            }),
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let (mut scenario, warnings) = validate(&raw, &main_file, &text, &tree, &parts)?;
    let mut all = text.clone();
    for (file, t) in &texts {
        all.push_str(file);
        all.push_str(t);
    }
    scenario.hash = fingerprint(all.as_bytes());
    Ok(Loaded {
        scenario: std::sync::Arc::new(scenario),
        warnings,
    })
}

/// Finds a shared government file by name: in `shared/governments/` beside the scenario's
/// folder, then in each mods folder given. A name, not a path: it cannot lead anywhere else.
/// Returns the file and the library folder it must stay inside.
fn shared_file(dir: &Path, name: &str, mods: &[PathBuf]) -> Result<(PathBuf, PathBuf), String> {
    let plain = !name.starts_with('.')
        && name.ends_with(".ron")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
    if !plain {
        return Err(format!(
            "`{name}` is not the name of a shared file; expected a file name such as `venezuela.ron`, without folders"
        ));
    }
    let mut libraries: Vec<PathBuf> = dir.parent().map(|p| p.join("shared")).into_iter().collect();
    libraries.extend(mods.iter().map(|d| d.join("shared")));
    libraries
        .iter()
        .map(|lib| (lib.join("governments").join(name), lib.clone()))
        .find(|(p, _)| p.exists())
        .ok_or_else(|| {
            let looked: Vec<String> = libraries
                .iter()
                .map(|l| l.join("governments").display().to_string())
                .collect();
            format!(
                "no shared government file `{name}`; looked in {}",
                looked.join(", ")
            )
        })
}

/// The .ron files of a folder, in name order (none if it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
