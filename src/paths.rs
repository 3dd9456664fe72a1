//! Where the game keeps the user's files: autosaves, quick saves and mods.

use std::path::PathBuf;

/// `DEMARCHE_DATA_DIR` if set, else the OS's data directory for Démarche
/// (`~/.local/share/demarche` on Linux); `None` where the OS names none.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("DEMARCHE_DATA_DIR") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => directories::ProjectDirs::from("org", "Demarche", "demarche")
            .map(|p| p.data_dir().to_path_buf()),
    }
}
