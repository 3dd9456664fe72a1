//! Arbitrary bytes as a scenario file: the loader must return, never panic, and every
//! diagnostic it returns must name the file and a position inside the text.

#![no_main]

use demarche::scenario::load::text_from_bytes;
use demarche::scenario::{Diagnostic, load_str};
use libfuzzer_sys::fuzz_target;

const FILE: &str = "fuzz.ron";

fuzz_target!(|data: &[u8]| {
    // As a lossy decoder would hand it over: every byte sequence becomes some text.
    let lossy = String::from_utf8_lossy(data);
    load(&lossy);

    // As `load_file` reads it: the loader's own UTF-8 check first.
    match text_from_bytes(FILE, data.to_vec()) {
        Ok(text) => load(&text),
        Err(d) => {
            let good = std::str::from_utf8(data).map_or_else(|e| e.valid_up_to(), |s| s.len());
            let prefix = String::from_utf8_lossy(&data[..good]);
            check(&prefix, &d);
        }
    }
});

fn load(text: &str) {
    match load_str(FILE, text) {
        Ok(loaded) => loaded.warnings.iter().for_each(|w| check(text, w)),
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err with no diagnostic");
            errors.iter().for_each(|e| check(text, e));
        }
    }
}

/// The diagnostic names the file and a line and column that exist (or the one just past the end).
fn check(text: &str, d: &Diagnostic) {
    let shown = d.to_string();
    assert_eq!(d.file, FILE, "{shown}");
    assert!(shown.starts_with(&format!("{FILE}:{}:{}: ", d.line, d.col)), "{shown}");
    assert!(d.line >= 1 && d.col >= 1, "{shown}");
    assert!(d.line <= text.lines().count() + 1, "line past the end: {shown}");
    if let Some(line) = text.split('\n').nth(d.line - 1) {
        assert!(d.col <= line.chars().count() + 1, "column past the end: {shown}");
    }
}
