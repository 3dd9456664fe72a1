//! `scenarios` and `validate`, and loading a scenario by name or path.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::scenario::{Diagnostic, Loaded, load_file};
use crate::shipped::{self, SHIPPED};

pub(super) fn scenarios() -> ExitCode {
    for s in SHIPPED {
        match shipped::load(s.name) {
            Ok(l) => println!(
                "{:<20} {} ({} to {})",
                s.name,
                l.scenario.title,
                l.scenario.start.long_date(),
                l.scenario.end.long_date()
            ),
            Err(_) => println!(
                "{:<20} (does not validate: run `demarche validate {}`)",
                s.name, s.file
            ),
        }
    }
    ExitCode::SUCCESS
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

pub(super) fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|dir| {
                    dir.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            if found.is_empty() {
                print_diagnostics(&[Diagnostic::file_error(
                    &path.display().to_string(),
                    "this folder holds no .ron scenario files",
                )]);
                return ExitCode::FAILURE;
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut ok = true;
    for file in files {
        match load_file(&file) {
            Ok(loaded) => {
                print_diagnostics(&loaded.warnings);
                println!("{}: ok: {}", file.display(), loaded.scenario.title);
            }
            Err(diags) => {
                ok = false;
                print_diagnostics(&diags);
                let errors = diags
                    .iter()
                    .filter(|d| d.severity == crate::scenario::Severity::Error)
                    .count();
                eprintln!("{}: {errors} error(s)", file.display());
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Loads a scenario by name or path, printing the diagnostics if it does not validate.
pub fn load_scenario(name: &str) -> Result<Loaded, String> {
    shipped::load(name).map_err(|diags| {
        diags
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}
