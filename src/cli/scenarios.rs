//! `scenarios` and `validate`, and loading a scenario by name or path.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use demarche::scenario::diagnostics::{render_human, split_hint};
use demarche::scenario::load::MAX_FILE_BYTES;
use demarche::scenario::{Diagnostic, Loaded, Severity};
use demarche::shipped::{Loader, SHIPPED};

pub(super) fn scenarios(loader: &Loader) -> ExitCode {
    let line = |name: &str, what: &str, file: &str, result: Result<Loaded, Vec<Diagnostic>>| {
        match result {
            Ok(l) => println!(
                "{name:<22} {} ({} to {}){what}",
                l.scenario.title,
                l.scenario.start.long_date(),
                l.scenario.end.long_date()
            ),
            Err(_) => {
                println!("{name:<22} (does not validate: run `demarche validate {file}`){what}")
            }
        }
    };
    for s in SHIPPED {
        line(s.name, "", s.file, loader.load(s.name));
    }
    for (name, path) in loader.mods() {
        let file = path.display().to_string();
        line(
            &name,
            &format!(" [mod: {file}]"),
            &file,
            loader.load_file(&path),
        );
    }
    ExitCode::SUCCESS
}

/// How `validate` prints its findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col: error: message`, with the source line and a caret.
    #[default]
    Human,
    /// One JSON array of problems, for editors and CI.
    Json,
}

pub(super) fn validate(loader: &Loader, paths: &[PathBuf], format: Format) -> ExitCode {
    let mut files = Vec::new();
    let mut all: Vec<Diagnostic> = Vec::new();
    for path in paths {
        match demarche::scenario::scenarios_in(path) {
            Ok(found) => files.extend(found),
            Err(d) => all.push(d),
        }
    }
    let mut ok = all.is_empty();
    let colour = format == Format::Human && std::io::IsTerminal::is_terminal(&std::io::stderr());
    if format == Format::Human {
        // A path that holds no scenario at all (an empty folder) is said, not passed over.
        for d in &all {
            eprintln!("{}\n", render_human(d, None, colour));
        }
    }
    for file in files {
        let found = match loader.load_file(&file) {
            Ok(loaded) => {
                if format == Format::Human {
                    println!("{}: ok: {}", file.display(), loaded.scenario.title);
                }
                loaded.warnings
            }
            Err(diags) => {
                ok = false;
                diags
            }
        };
        if format == Format::Human {
            for d in &found {
                // The file is read again only to show the lines a problem points at, by the
                // same bounded opener; a problem with the file itself (unreadable, a link out
                // of its folder) points at none, and nothing of it is shown.
                let text = d
                    .span
                    .and_then(|_| demarche::files::read(Path::new(&d.file), MAX_FILE_BYTES).ok())
                    .and_then(|b| String::from_utf8(b).ok());
                eprintln!("{}\n", render_human(d, text.as_deref(), colour));
            }
            let errors = found
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            if errors > 0 {
                eprintln!("{}: {errors} error(s)", file.display());
            }
        }
        all.extend(found);
    }
    if format == Format::Json {
        let shown: Vec<serde_json::Value> = all
            .iter()
            .map(|d| {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                v["hint"] = split_hint(&d.message)
                    .1
                    .map(Into::into)
                    .unwrap_or(serde_json::Value::Null);
                v
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&shown).unwrap_or_default()
        );
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `demarche new PATH`: writes the template, never over an existing file.
pub(super) fn new_scenario(path: &std::path::Path) -> ExitCode {
    if path.exists() {
        eprintln!("{}: already exists; not overwriting it", path.display());
        return ExitCode::FAILURE;
    }
    let text = demarche::scenario::template(&path.display().to_string());
    match std::fs::write(path, text) {
        Ok(()) => {
            println!(
                "Wrote {}. Check it with `demarche validate {}`; the format is in docs/scenario-format.md.",
                path.display(),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: cannot write: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
