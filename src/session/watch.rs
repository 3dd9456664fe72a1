//! Whether a scenario's file (or folder) changed, by its modification times: for views that
//! check between commands (the terminal). The window is told by Bevy's asset watcher instead.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The scenario's files and when they last changed.
pub struct Watch {
    path: Option<PathBuf>,
    stamp: Option<SystemTime>,
}

impl Watch {
    /// Watches `source` if it names a file or folder (shipped scenarios are built in).
    pub fn new(source: &str) -> Watch {
        let path = Path::new(source);
        let path = path.exists().then(|| path.to_path_buf());
        let stamp = path.as_deref().and_then(latest);
        Watch { path, stamp }
    }

    /// Whether the files changed since the last call.
    pub fn changed(&mut self) -> bool {
        let Some(path) = &self.path else { return false };
        let now = latest(path);
        let changed = now != self.stamp;
        self.stamp = now;
        changed
    }
}

/// The newest modification time of a file, or of any file in a folder (one level of
/// sub-folders, as folder scenarios have).
fn latest(path: &Path) -> Option<SystemTime> {
    let own = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    if !path.is_dir() {
        return own;
    }
    let mut newest = own;
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let p = entry.path();
        let t = if p.is_dir() {
            latest(&p)
        } else {
            entry.metadata().and_then(|m| m.modified()).ok()
        };
        newest = newest.max(t);
    }
    newest
}
