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

pub fn read_save(path: &Path) -> Result<Save, SaveError> {
    let p = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| SaveError::Unreadable {
        path: p.clone(),
        reason: e.to_string(),
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
        Err(e) if !text.contains(MAGIC) => {
            return Err(SaveError::Foreign {
                path: p,
                what: format!("{}", e.code),
            });
        }
        Err(_) => {}
    }
    let damaged = |e: ron::error::SpannedError| SaveError::Damaged {
        path: p.clone(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    };
    let save = options.from_str::<Save>(&text).map_err(damaged)?;
    // The snapshot's fields are typed by the domains that registered them: checked here, so
    // that a save with a bad value inside is named as damaged (and never overwritten).
    crate::saved::check_save(&options, &text, crate::sim::saved_registry()).map_err(damaged)?;
    Ok(save)
}

/// Writes a save so that a crash at any moment leaves either the old file or the new one:
/// a temporary file in the same folder, synced, then renamed over the old.
pub fn write_save(path: &Path, save: &Save) -> Result<(), SaveError> {
    let p = path.display().to_string();
    if path.exists()
        && let Err(e) = read_save(path)
        && !matches!(e, SaveError::Version { .. })
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
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(unwritable)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "save".into());
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

/// Lets a test kill a save in the middle of writing (`DEMARCHE_SAVE_STALL_MS`).
fn stall_for_tests() {
    if let Some(ms) = std::env::var("DEMARCHE_SAVE_STALL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
