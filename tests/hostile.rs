//! Properties under hostile input: a scenario with its numbers made extreme, and a save with
//! its text damaged at random, each give a clear error or a game that plays to its end, never
//! a panic or a hang. (The coverage-guided counterparts are in `fuzz/`.)

use std::path::PathBuf;

use demarche::command::Step;
use demarche::scenario::load_str;
use demarche::session::{Mode, Session, Start};
use demarche::shipped::Loader;
use demarche::vocab::Setup;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::common::MINI;

const EXTREMES: [&str; 14] = [
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "1e999",
    "4294967295",
    "0",
    "-0.0",
    "1e-320",
    "18446744073709551615",
    "-1",
    "2.5",
    "\"0.5\"",
];

/// The offsets of every number in `text` (outside strings, roughly: digits after `: ` or `(`).
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit() || b[i] == b'-')
            && i > 0
            && matches!(b[i - 1], b' ' | b'(' | b'[');
        if starts {
            let end = (i + 1..b.len())
                .find(|&j| !(b[j].is_ascii_digit() || b[j] == b'.' || b[j] == b'e'))
                .unwrap_or(b.len());
            if b[i..end].iter().any(u8::is_ascii_digit) && b.get(end) != Some(&b'-') {
                out.push((i, end));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Up to three numbers of the mini scenario replaced by extreme values: refused with an
    /// error, or played to the end by the rules.
    #[test]
    fn a_scenario_with_extreme_numbers_is_refused_or_plays_to_its_end(
        picks in proptest::collection::vec((any::<Index>(), 0..EXTREMES.len()), 1..4),
    ) {
        let spots = numbers(MINI);
        let mut chosen: Vec<(usize, usize, &str)> = picks
            .iter()
            .map(|(ix, v)| {
                let (s, e) = spots[ix.index(spots.len())];
                (s, e, EXTREMES[*v])
            })
            .collect();
        chosen.sort();
        chosen.dedup_by_key(|c| c.0);
        let mut text = MINI.to_string();
        for (s, e, v) in chosen.iter().rev() {
            text.replace_range(*s..*e, v);
        }
        match load_str("mini.ron", &text) {
            Err(diags) => prop_assert!(diags.iter().all(|d| !d.message.is_empty())),
            Ok(loaded) => {
                let role = loaded.scenario.role_by_name("alpha_city").unwrap();
                let setup = Setup { seed: 1, role, auto: true, historical: false };
                let mut game = demarche::Game::new(loaded.scenario.clone(), setup);
                game.finish();
                prop_assert!(game.is_over() || game.halted().is_some());
            }
        }
    }
}

/// A saved mini game, its path and its text.
fn saved() -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-props");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("base.ron");
    let _ = std::fs::remove_file(&path);
    let mut start = Start::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini.ron"
    ));
    start.mode = Mode::Auto;
    let mut s = Session::start(&Loader::default(), &start).unwrap();
    for _ in 0..5 {
        s.advance(Step::Day).unwrap();
    }
    s.save_to(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    (dir, text)
}

proptest! {
    #![proptest_config(config(48))]

    /// A save with up to four of its numbers, or bytes, changed: refused with a reason, or a
    /// game that plays on. Never a panic.
    #[test]
    fn a_damaged_save_is_refused_or_plays_on(
        picks in proptest::collection::vec((any::<Index>(), 0..EXTREMES.len(), any::<bool>(), any::<u8>()), 1..5),
        case in any::<u32>(),
    ) {
        let (dir, text) = saved();
        let spots = numbers(&text);
        let mut edits: Vec<(usize, usize, String)> = picks
            .iter()
            .map(|(ix, v, number, byte)| {
                if *number {
                    let (s, e) = spots[ix.index(spots.len())];
                    (s, e, EXTREMES[*v].to_string())
                } else {
                    let at = ix.index(text.len());
                    let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
                    let end = (at + 1..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
                    (at, end, char::from(*byte % 95 + 32).to_string())
                }
            })
            .collect();
        edits.sort_by_key(|e| e.0);
        edits.dedup_by(|b, a| b.0 < a.1);
        let mut damaged = text.clone();
        for (s, e, v) in edits.iter().rev() {
            damaged.replace_range(*s..*e, v);
        }
        let path = dir.join(format!("damaged-{case}.ron"));
        std::fs::write(&path, &damaged).unwrap();
        let loaded = Session::load(&Loader::default(), &path, false, false);
        let _ = std::fs::remove_file(&path);
        match loaded {
            Ok(mut s) => {
                // Only an edit that changes nothing the game keeps can load.
                let _ = s.advance(Step::Day);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
