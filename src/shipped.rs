//! The scenarios that ship with the engine, built into the binary so that `demarche` plays
//! from any directory.

use std::path::Path;

use crate::scenario::{Diagnostic, Loaded, load_file, load_str};

/// A shipped scenario: its name (as given on the command line), file and text.
pub struct Shipped {
    pub name: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

pub const SHIPPED: &[Shipped] = &[
    Shipped {
        name: "deptcirtel-47",
        file: "scenarios/deptcirtel-47.ron",
        text: include_str!("../scenarios/deptcirtel-47.ron"),
    },
    Shipped {
        name: "punta-del-este-1962",
        file: "scenarios/punta-del-este-1962.ron",
        text: include_str!("../scenarios/punta-del-este-1962.ron"),
    },
    Shipped {
        name: "quarantine-1962",
        file: "scenarios/quarantine-1962.ron",
        text: include_str!("../scenarios/quarantine-1962.ron"),
    },
];

/// The scenario `demarche` plays when none is named.
pub const DEFAULT: &str = "deptcirtel-47";

/// Loads a scenario named by file path or by shipped name. A path that exists wins.
pub fn load(name: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let path = Path::new(name);
    if path.exists() || name.ends_with(".ron") || name.contains('/') {
        return load_file(path);
    }
    match SHIPPED.iter().find(|s| s.name == name) {
        Some(s) => load_str(s.file, s.text),
        None => {
            let names: Vec<&str> = SHIPPED.iter().map(|s| s.name).collect();
            let hint = crate::scenario::diagnostics::closest(name, names.iter().copied())
                .map(|n| format!("did you mean `{n}`?"))
                .unwrap_or_else(|| format!("expected a file path or one of: {}", names.join(", ")));
            Err(vec![Diagnostic::file_error(
                name,
                format!("no such file or shipped scenario; {hint}"),
            )])
        }
    }
}
