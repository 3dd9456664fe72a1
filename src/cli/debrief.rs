//! `debrief`: a saved game's report, for a student to hand in.

use std::path::{Path, PathBuf};

use demarche::debrief::export::{Format, export};
use demarche::session::{GameError, Session};
use demarche::shipped::Loader;

/// The report's format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    #[default]
    Md,
    Html,
}

/// `debrief`'s arguments.
#[derive(clap::Args, Debug)]
pub struct DebriefArgs {
    /// A save (`simulate --save`, the terminal's `save`, or an autosave).
    pub save: PathBuf,
    /// `md` (Markdown; its charts go beside --out as SVG files) or `html` (one page, charts inline).
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Load the save even if its scenario has changed since (its commands are replayed).
    #[arg(long)]
    pub replay_on_change: bool,
}

/// Writes the report; returns what to print (the report itself, or where it went).
pub fn debrief(loader: &Loader, args: &DebriefArgs) -> Result<String, GameError> {
    let session = Session::load(loader, &args.save, args.replay_on_change, false)?;
    let stem = args.out.as_deref().and_then(chart_stem);
    let format = match args.format {
        ReportFormat::Md => Format::Md,
        ReportFormat::Html => Format::Html,
    };
    let report = export(session.world(), format, stem.as_deref()).map_err(GameError::Report)?;
    let Some(out) = &args.out else {
        return Ok(report.text);
    };
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty());
    write(out, &report.text)?;
    let mut written = vec![out.display().to_string()];
    for (name, svg) in &report.files {
        let path = dir.map_or_else(|| PathBuf::from(name), |d| d.join(name));
        write(&path, svg)?;
        written.push(path.display().to_string());
    }
    Ok(format!("wrote {}\n", written.join(", ")))
}

/// The chart files of `report.md` are `report-calibration.svg` and so on.
fn chart_stem(out: &Path) -> Option<String> {
    out.file_stem().map(|s| s.to_string_lossy().into_owned())
}

fn write(path: &Path, text: &str) -> Result<(), GameError> {
    std::fs::write(path, text).map_err(|e| GameError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}
