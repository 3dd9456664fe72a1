//! The class's log: one line of JSON per record, written and synced to disk before the
//! server acknowledges what it records. With the scenario and seed in its first line, it is
//! the whole class: `serve --resume` replays it after a crash, and a line a kill cut short
//! (never acknowledged) is dropped.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::save::ScenarioRef;

/// Marks a Démarche class log, so that another file is told apart from a damaged log.
pub const MAGIC: &str = "Démarche class log";
pub const FORMAT: u32 = 1;
/// The largest log read back: a long class is a few megabytes.
pub const MAX_LOG_BYTES: u64 = 256 * 1024 * 1024;

/// The first line: what the class plays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub class: String,
    pub format: u32,
    pub engine: String,
    pub scenario: ScenarioRef,
    pub seed: u64,
    /// The roles students play: post ids, and `department` if a student plays it.
    pub people: Vec<String>,
    pub class_code: String,
    pub instructor_code: String,
}

/// Every later line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Record {
    /// A student joined: their token lets them rejoin after a reload or a resume.
    Seat {
        token: String,
        name: String,
        role: String,
    },
    /// A command the world accepted, with who gave it.
    Command(Command),
    /// The instructor set the clock's pace (game hours per real minute).
    Pace(f64),
    /// The issue the projector shows.
    Projector(String),
    /// The instructor showed a government's true stance on the projector.
    Reveal { government: String, issue: String },
}

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("{path}:{line}: error: {reason}")]
    Line {
        path: String,
        line: usize,
        reason: String,
    },
}

/// A log opened to continue it: its header, and each record with its line number.
pub struct Opened {
    pub log: ClassLog,
    pub header: Header,
    pub records: Vec<(usize, Record)>,
}

pub struct ClassLog {
    file: File,
    path: PathBuf,
    /// Records written since the last sync.
    unsynced: bool,
}

impl ClassLog {
    /// Starts a new log; a file already there is never overwritten.
    pub fn create(path: &Path, header: &Header) -> Result<ClassLog, LogError> {
        let fail = |reason: String| LogError::File {
            path: path.display().to_string(),
            reason,
        };
        crate::files::writable(path).map_err(|e| fail(e.to_string()))?;
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    fail("a file is already there; a new class never overwrites one (use `--resume` to continue it)".into())
                }
                _ => fail(e.to_string()),
            })?;
        let mut log = ClassLog {
            file,
            path: path.to_path_buf(),
            unsynced: false,
        };
        log.line(&serde_json::to_string(header).expect("a header serializes"))
            .and_then(|_| log.sync())
            .map_err(|e| fail(e.to_string()))?;
        // The folder's entry for the new file must be on disk too, or a crash could lose it.
        if let Ok(dir) = File::open(crate::files::folder_of(path)) {
            let _ = dir.sync_all();
        }
        Ok(log)
    }

    /// Opens a log to continue it: its header and records. A last line a crash cut short is
    /// dropped from the file; any other line that does not read is an error at its line.
    pub fn open(path: &Path) -> Result<Opened, LogError> {
        let name = path.display().to_string();
        let fail = |reason: String| LogError::File {
            path: name.clone(),
            reason,
        };
        let bytes = crate::files::read(path, MAX_LOG_BYTES).map_err(|e| fail(e.to_string()))?;
        // Only whole lines were acknowledged: a tail without its newline is a cut write.
        let whole = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let text = std::str::from_utf8(&bytes[..whole])
            .map_err(|e| fail(format!("not text ({e}); expected a class log")))?;
        let mut lines = text.lines().enumerate();
        let header: Header = match lines.next() {
            Some((_, first)) => serde_json::from_str(first)
                .ok()
                .filter(|h: &Header| h.class == MAGIC)
                .ok_or_else(|| fail("not a Démarche class log".into()))?,
            None => return Err(fail("empty; expected a class log".into())),
        };
        if header.format != FORMAT {
            return Err(fail(format!(
                "a class log of format {}; this engine reads format {FORMAT}",
                header.format
            )));
        }
        let records = lines
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .map(|r| (i + 1, r))
                    .map_err(|e| LogError::Line {
                        path: name.clone(),
                        line: i + 1,
                        reason: format!("{e}; expected one record of a class log"),
                    })
            })
            .collect::<Result<Vec<(usize, Record)>, _>>()?;
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| fail(e.to_string()))?;
        if (whole as u64) < bytes.len() as u64 {
            file.set_len(whole as u64)
                .map_err(|e| fail(e.to_string()))?;
        }
        let mut log = ClassLog {
            file,
            path: path.to_path_buf(),
            unsynced: false,
        };
        use std::io::Seek;
        log.file
            .seek(std::io::SeekFrom::End(0))
            .map_err(|e| fail(e.to_string()))?;
        Ok(Opened {
            log,
            header,
            records,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes one record. It may be acknowledged once [`ClassLog::sync`] has returned.
    pub fn append(&mut self, record: &Record) -> std::io::Result<()> {
        self.line(&serde_json::to_string(record).expect("a record serializes"))
    }

    /// Puts every record written on the disk. One sync serves all the commands that came
    /// in together (a group commit), which is what lets a crowded class keep up.
    pub fn sync(&mut self) -> std::io::Result<()> {
        if self.unsynced {
            self.file.sync_data()?;
            self.unsynced = false;
        }
        Ok(())
    }

    fn line(&mut self, json: &str) -> std::io::Result<()> {
        let mut line = String::with_capacity(json.len() + 1);
        line.push_str(json);
        line.push('\n');
        // One write of the whole line: a kill leaves it whole or cut, never interleaved.
        self.unsynced = true;
        self.file.write_all(line.as_bytes())
    }
}

/// The newest class log in a folder, by name (their names begin with the date).
pub fn newest_in(dir: &Path) -> Option<PathBuf> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".class.log"))
        .collect();
    logs.sort();
    logs.pop()
}
