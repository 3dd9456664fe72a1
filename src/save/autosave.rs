//! Autosaves: one each game day, in a rotating set under the user's data directory.

use std::path::{Path, PathBuf};

use super::{Save, SaveError, write_save};

/// How many autosaves of a scenario are kept.
pub const KEEP: usize = 5;
/// The highest autosave number: a game day each, far beyond any class's use, and far below
/// where counting could wrap.
const LAST: u64 = 999_999_999;

/// Where a scenario's autosaves go under a data directory.
pub fn autosaves_in(data_dir: &Path, scenario_id: &str) -> PathBuf {
    data_dir.join("autosave").join(scenario_id)
}

/// Where autosaves go by default: under `DEMARCHE_DATA_DIR` if set, else under the OS's
/// data directory.
pub fn autosave_dir(scenario_id: &str) -> Option<PathBuf> {
    Some(autosaves_in(&crate::paths::data_dir()?, scenario_id))
}

/// Writes the next autosave into `dir` and drops the oldest beyond [`KEEP`]. Returns its
/// path.
pub fn autosave(save: &Save, dir: &Path) -> Result<PathBuf, SaveError> {
    std::fs::create_dir_all(dir).map_err(|e| SaveError::Unwritable {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let mut numbers = existing(dir);
    let next = numbers.last().map(|n| n + 1).unwrap_or(1);
    if next > LAST {
        return Err(SaveError::Unwritable {
            path: dir.display().to_string(),
            reason: format!(
                "the autosaves are numbered up to {LAST}; expected older ones to be moved away"
            ),
        });
    }
    let path = dir.join(format!("autosave-{next:06}.ron"));
    write_save(&path, save)?;
    numbers.push(next);
    while numbers.len() > KEEP {
        let old = numbers.remove(0);
        let _ = std::fs::remove_file(dir.join(format!("autosave-{old:06}.ron")));
    }
    Ok(path)
}

/// The numbers of the autosaves in `dir`, oldest first.
fn existing(dir: &Path) -> Vec<u64> {
    let mut numbers: Vec<u64> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_prefix("autosave-")?
                        .strip_suffix(".ron")?
                        .parse()
                        .ok()
                        // A number beyond what this program writes is not one of its autosaves.
                        .filter(|n| *n <= LAST)
                })
                .collect()
        })
        .unwrap_or_default();
    numbers.sort();
    numbers
}

/// The newest autosave of a scenario, if any.
pub fn latest(scenario_id: &str) -> Option<PathBuf> {
    latest_in(&autosave_dir(scenario_id)?)
}

/// The newest autosave in `dir`, if any.
pub fn latest_in(dir: &Path) -> Option<PathBuf> {
    existing(dir)
        .last()
        .map(|n| dir.join(format!("autosave-{n:06}.ron")))
}
