//! The layout the README promises, checked on the sources: no top-level module of the library
//! imports one that imports it back (the plugin-composing `sim` only composes), and clap
//! belongs to the binary's command line alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Every `.rs` file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The top-level module a file belongs to (`src/missions/act.rs` → `missions`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(SRC).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules a file names as `crate::x`, outside comments (a `use crate::{...}`
/// group may span lines and nest).
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut item, mut at_top) = (0, String::new(), true);
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        at_top = true;
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && at_top {
                    if c.is_alphanumeric() || c == '_' {
                        item.push(c);
                    } else if !item.is_empty() {
                        out.insert(std::mem::take(&mut item));
                        at_top = false;
                    }
                }
            }
            if !item.is_empty() {
                out.insert(item);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out.remove("self");
    out
}

/// The library's module graph: module → the modules it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files(Path::new(SRC)) {
        let module = module_of(&file);
        if ["main", "cli", "lib"].contains(&module.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let deps = g.entry(module.clone()).or_default();
        deps.extend(imports(&text).into_iter().filter(|m| *m != module));
    }
    g
}

/// Whether `to` can be reached from `from`.
fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(m) = stack.pop() {
        for next in g.get(&m).into_iter().flatten() {
            if next == to {
                return true;
            }
            if seen.insert(next.clone()) {
                stack.push(next.clone());
            }
        }
    }
    false
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let g = graph();
    assert!(
        g.contains_key("vocab") && g.contains_key("session"),
        "{g:?}"
    );
    let mut cycles = Vec::new();
    for (m, deps) in &g {
        for d in deps {
            if reaches(&g, d, m) {
                cycles.push(format!("{m} -> {d} -> ... -> {m}"));
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    for leaf in ["vocab", "saved", "effects"] {
        let domains: Vec<&String> = g[leaf].iter().filter(|d| *d != "scenario").collect();
        assert!(domains.is_empty(), "{leaf} imports {domains:?}");
    }
}

#[test]
fn clap_is_the_command_lines_alone() {
    for file in files(Path::new(SRC)) {
        let module = module_of(&file);
        let text = std::fs::read_to_string(&file).unwrap();
        if module != "cli" && module != "main" {
            assert!(!text.contains("clap::"), "{} uses clap", file.display());
            assert!(
                !imports(&text).contains("cli"),
                "{} imports the command line",
                file.display()
            );
        }
    }
}
