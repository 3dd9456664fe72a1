//! Reading and writing save files: atomic writes, and clear errors for anything else.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use super::{MAGIC, SAVE_FORMAT, Save};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SaveError {
    #[error("{path}: cannot read the save: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: not a Démarche save ({what})")]
    Foreign { path: String, what: String },
    #[error("{path}: the save is damaged (cut short or corrupted) at {line}:{col}: {message}")]
    Damaged {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{path}: this save was written by Démarche {engine} in save format {format}; this version ({ours}) reads format {supported}"
    )]
    Version {
        path: String,
        engine: String,
        format: u32,
        ours: String,
        supported: u32,
    },
    #[error("{path}: exists and is not a readable Démarche save; not overwriting it ({why})")]
    WouldClobber { path: String, why: String },
    #[error("{path}: cannot write the save: {reason}")]
    Unwritable { path: String, reason: String },
}

/// The first fields of a save, read before the rest so that a save of another format is
/// named as such rather than as damaged.
#[derive(Deserialize)]
#[serde(rename = "Save")]
struct Header {
    game: String,
    format: u32,
    engine: String,
}

/// Saves larger than this are refused unread (a long game's save is well under 10 MiB).
pub const MAX_SAVE_BYTES: u64 = 256 * 1024 * 1024;

pub fn read_save(path: &Path) -> Result<Save, SaveError> {
    let p = path.display().to_string();
    let bytes = crate::files::read(path, MAX_SAVE_BYTES).map_err(|r| SaveError::Unreadable {
        path: p.clone(),
        reason: r.to_string(),
    })?;
    if bytes.is_empty() {
        return Err(SaveError::Foreign {
            path: p,
            what: "the file is empty".into(),
        });
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(SaveError::Foreign {
            path: p,
            what: "binary data, not text".into(),
        });
    };
    let options = ron::Options::default().with_recursion_limit(256);
    match options.from_str::<Header>(&text) {
        Ok(h) if h.game != MAGIC => {
            return Err(SaveError::Foreign {
                path: p,
                what: format!("it says it is `{}`", h.game),
            });
        }
        Ok(h) if h.format != SAVE_FORMAT => {
            return Err(SaveError::Version {
                path: p,
                engine: h.engine,
                format: h.format,
                ours: env!("CARGO_PKG_VERSION").into(),
                supported: SAVE_FORMAT,
            });
        }
        Ok(_) => {}
        Err(_) if !text.contains(MAGIC) => {
            return Err(SaveError::Foreign {
                path: p,
                what: format!("it does not begin `Save(game: \"{MAGIC}\", ...)`"),
            });
        }
        Err(_) => {}
    }
    // Worded as a scenario's errors are: what was found there, and what was expected.
    let damaged = |e: ron::error::SpannedError| {
        let d = crate::scenario::load::ron_diagnostic(&p, &text, 0, &e);
        SaveError::Damaged {
            path: p.clone(),
            line: d.line,
            col: d.col,
            message: d.message,
        }
    };
    let save = options.from_str::<Save>(&text).map_err(damaged)?;
    // The snapshot's fields are typed by the domains that registered them: checked here, so
    // that a save with a bad value inside is named as damaged (and never overwritten).
    crate::saved::check_save(&options, &text, crate::sim::saved_registry()).map_err(damaged)?;
    Ok(save)
}

/// Writes a save so that a crash at any moment leaves either the old file or the new one:
/// a temporary file in the same folder, synced, then renamed over the old. The folder must
/// exist; a target that is not a regular file, or a file that is not a save of this format
/// (another format's, a damaged one, anything else), is never overwritten.
pub fn write_save(path: &Path, save: &Save) -> Result<(), SaveError> {
    let p = path.display().to_string();
    crate::files::writable(path).map_err(|r| SaveError::Unwritable {
        path: p.clone(),
        reason: r.to_string(),
    })?;
    if path.exists()
        && let Err(e) = read_save(path)
    {
        return Err(SaveError::WouldClobber {
            path: p,
            why: e.to_string(),
        });
    }
    let unwritable = |e: std::io::Error| SaveError::Unwritable {
        path: p.clone(),
        reason: e.to_string(),
    };
    let text =
        ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::default().struct_names(true))
            .map_err(|e| SaveError::Unwritable {
                path: p.clone(),
                reason: e.to_string(),
            })?;
    let dir = crate::files::folder_of(path);
    let dir = dir.as_path();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "save".into());
    remove_stale_temps(dir, &name);
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        let bytes = text.as_bytes();
        let half = bytes.len() / 2;
        file.write_all(&bytes[..half])?;
        stall_for_tests();
        file.write_all(&bytes[half..])?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        // The rename itself must reach the disk for the new save to survive a power cut.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(unwritable)
}

/// Removes what a save of `name` killed mid-write left behind (`.name.PID.tmp`), so that no
/// temporary file outlives the next save of the same name.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok());
        if pid.is_some() && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Lets a test kill a save in the middle of writing (`DEMARCHE_SAVE_STALL_MS`).
fn stall_for_tests() {
    if let Some(ms) = std::env::var("DEMARCHE_SAVE_STALL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
