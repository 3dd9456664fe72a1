//! The one way the program opens the files it reads or writes: scenario files and folders,
//! shared files, mods, saves, command files, save targets and autosaves. A directory, a named
//! pipe, a device or an oversized file is refused at once, before anything blocks or fills
//! memory, and nothing is read through a link that leaves its folder.

use std::fs::{self, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a path was not read (or written).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("no such file")]
    Missing,
    #[error("permission denied")]
    Denied,
    #[error("this is a directory; expected a file")]
    Directory,
    #[error("this is a {0}, not a file; expected a regular file")]
    Special(&'static str),
    #[error("the file is larger than {} MiB; expected a file of reasonable size", .0 / (1024 * 1024))]
    TooBig(u64),
    #[error("this leads out of its folder {folder} (to {to}); expected a file inside the folder")]
    Outside { folder: String, to: String },
    #[error("the folder {0} does not exist; expected an existing folder (it is not created)")]
    NoFolder(String),
    #[error("{0}")]
    Io(String),
}

impl Refusal {
    fn of(e: &std::io::Error) -> Refusal {
        match e.kind() {
            std::io::ErrorKind::NotFound => Refusal::Missing,
            std::io::ErrorKind::PermissionDenied => Refusal::Denied,
            _ => Refusal::Io(e.to_string()),
        }
    }
}

/// Reads a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    let meta = fs::metadata(path).map_err(|e| Refusal::of(&e))?;
    regular(&meta)?;
    if meta.len() > limit {
        return Err(Refusal::TooBig(limit));
    }
    // Reading one byte past the cap stops at once on a file that grows while it is read.
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| Refusal::of(&e))?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooBig(limit));
    }
    Ok(bytes)
}

/// Reads a regular file that lies inside `folder` once every link is followed.
pub fn read_within(path: &Path, folder: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    inside(path, folder)?;
    read(path, limit)
}

/// Refuses a path that, once its links are followed, is not inside `folder`.
fn inside(path: &Path, folder: &Path) -> Result<(), Refusal> {
    let root = folder.canonicalize().map_err(|e| Refusal::of(&e))?;
    let real = path.canonicalize().map_err(|e| Refusal::of(&e))?;
    if real.starts_with(&root) {
        Ok(())
    } else {
        Err(Refusal::Outside {
            folder: folder.display().to_string(),
            to: real.display().to_string(),
        })
    }
}

/// Whether a path may be written as a whole new file: its folder exists, and the path is
/// nothing yet or a regular file (never a pipe, a device or a directory).
pub fn writable(path: &Path) -> Result<(), Refusal> {
    let folder = folder_of(path);
    match fs::metadata(&folder) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(Refusal::NoFolder(folder.display().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Refusal::NoFolder(folder.display().to_string()));
        }
        Err(e) => return Err(Refusal::of(&e)),
    }
    match fs::metadata(path) {
        Ok(meta) => regular(&meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Refusal::of(&e)),
    }
}

/// The folder a file is in ("." for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

fn regular(meta: &Metadata) -> Result<(), Refusal> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(Refusal::Directory);
    }
    Err(Refusal::Special(special_kind(meta)))
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "device"
    } else if t.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> &'static str {
    "special file"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn devices_pipes_folders_and_big_files_are_refused_at_once() {
        assert_eq!(
            read(Path::new("/dev/zero"), 10),
            Err(Refusal::Special("device"))
        );
        assert_eq!(read(Path::new("/tmp"), 10), Err(Refusal::Directory));
        assert_eq!(read(Path::new("/no/such"), 10), Err(Refusal::Missing));
        let dir = std::env::temp_dir().join(format!("demarche-files-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let big = dir.join("big");
        fs::write(&big, [b'x'; 11]).unwrap();
        assert_eq!(read(&big, 10), Err(Refusal::TooBig(10)));
        assert_eq!(read(&big, 11).unwrap().len(), 11);
        let fifo = dir.join("fifo");
        let _ = fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(read(&fifo, 10), Err(Refusal::Special("named pipe (FIFO)")));
            assert_eq!(writable(&fifo), Err(Refusal::Special("named pipe (FIFO)")));
        }
        assert!(matches!(
            writable(Path::new("/no/such/dir/x.ron")),
            Err(Refusal::NoFolder(_))
        ));
        let link = dir.join("passwd.ron");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
        assert!(matches!(
            read_within(&link, &dir, 1000),
            Err(Refusal::Outside { .. })
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
