//! The balance strategies (tests/fixtures/strategies/, played by `tools/balance`) stay
//! playable: every command of every file is accepted on the first seeds, so that the
//! figures in docs/balance.md come from the strategies as written.

use demarche::session::{Session, Start, read_commands};
use demarche::shipped::Loader;

const SCENARIOS: [&str; 3] = ["deptcirtel-47", "punta-del-este-1962", "quarantine-1962"];

#[test]
fn every_strategy_plays_without_a_refused_command() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/strategies");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        12,
        "two strategies for two roles of three scenarios"
    );
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let scenario = SCENARIOS
            .iter()
            .find(|s| name.starts_with(&format!("{s}-")))
            .unwrap_or_else(|| panic!("{name}: not named SCENARIO-ROLE-STRATEGY"));
        let rest = &name[scenario.len() + 1..];
        let (role, strategy) = rest.rsplit_once('-').unwrap();
        assert!(["diligent", "careless"].contains(&strategy), "{name}");
        let commands = read_commands(&path).unwrap();
        for seed in 1..=3 {
            let start = Start {
                seed,
                role: Some(role.to_string()),
                ..Start::new(*scenario)
            };
            let mut session = Session::start(&Loader::new(vec![]), &start).unwrap();
            session
                .script(commands.clone())
                .unwrap_or_else(|e| panic!("{name}, seed {seed}: {e}"));
        }
    }
}
