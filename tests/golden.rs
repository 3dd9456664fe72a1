//! The whole story of a seeded run, byte for byte.

use demarche::session::{GameError, Mode};
use demarche::shipped::Loader;

fn headless(
    scenario: &str,
    seed: u64,
    commands: Option<&std::path::Path>,
    mode: Mode,
    role: Option<&str>,
) -> Result<String, GameError> {
    demarche::session::headless(&Loader::default(), scenario, seed, commands, mode, role)
}

#[test]
fn deptcirtel_47_seed_1_auto_transcript() {
    let out =
        headless("deptcirtel-47", 1, None, Mode::Auto, None).expect("the shipped scenario runs");
    insta::assert_snapshot!("deptcirtel_47_seed_1_auto", out);
}

#[test]
fn the_same_run_twice_gives_the_same_bytes() {
    for seed in [1, 7, 1960] {
        let a = headless("deptcirtel-47", seed, None, Mode::Auto, None).unwrap();
        let b = headless("deptcirtel-47", seed, None, Mode::Auto, None).unwrap();
        assert_eq!(a, b, "seed {seed}");
    }
}

#[test]
fn different_seeds_tell_different_stories() {
    let a = headless("deptcirtel-47", 1, None, Mode::Auto, None).unwrap();
    let b = headless("deptcirtel-47", 2, None, Mode::Auto, None).unwrap();
    assert_ne!(a, b);
}
