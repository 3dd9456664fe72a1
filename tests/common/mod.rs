//! Helpers shared by the integration tests.

#[cfg(feature = "serve")]
pub mod class;

use demarche::scenario::{Diagnostic, load_str};

pub const MINI: &str = include_str!("../fixtures/mini.ron");

/// The mini scenario with one piece of text replaced (which must occur exactly once).
pub fn mini_with(from: &str, to: &str) -> String {
    assert_eq!(
        MINI.matches(from).count(),
        1,
        "`{from}` must occur once in mini.ron"
    );
    MINI.replacen(from, to, 1)
}

/// The diagnostics of loading `text` as `mini.ron`; panics if it loads.
pub fn errors(text: &str) -> Vec<Diagnostic> {
    match load_str("mini.ron", text) {
        Ok(_) => panic!("expected the scenario to be refused"),
        Err(d) => d,
    }
}

/// 1-based line and column of the first occurrence of `needle` (after `after`, if given).
pub fn position(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// A game of Deptcirtel 47 as `role`, played by hand (not `--auto`, not historical).
pub fn deptcirtel_47_as(role: &str, seed: u64) -> demarche::Game {
    let scenario = demarche::shipped::load("deptcirtel-47").unwrap().scenario;
    let role = scenario.role_by_name(role).unwrap();
    demarche::Game::new(
        scenario,
        demarche::vocab::Setup {
            seed,
            role,
            auto: false,
            historical: false,
        },
    )
}
