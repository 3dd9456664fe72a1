//! `demarche batch` as a user sees it: the distribution of outcomes over many seeded runs, the
//! same bytes however many jobs ran them, and clear errors. And `demarche generate`: the
//! synthetic scenarios of the benchmarks are valid scenarios.

use std::path::PathBuf;
use std::process::{Command, Output};

use demarche::scenario::load_str;
use demarche::synthetic::{Size, scenario_text};

fn demarche(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout_of(args: &[&str]) -> String {
    let out = demarche(args);
    assert!(
        out.status.success(),
        "demarche {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("demarche-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn a_batch_prints_each_endings_share_and_each_governments_votes() {
    let out = stdout_of(&[
        "batch",
        "deptcirtel-47",
        "--runs",
        "6",
        "--auto",
        "--seed",
        "3",
    ]);
    assert!(
        out.starts_with("deptcirtel-47 ("),
        "names the scenario first: {out}"
    );
    assert!(out.contains("6 runs, seeds 3..=8, auto"), "{out}");
    assert!(
        out.contains("Endings (share of runs, 95% interval)"),
        "{out}"
    );
    assert!(out.contains("Vote "), "a vote section: {out}");
    assert!(
        out.contains("government") && out.contains("abstain") && out.contains("excluded"),
        "{out}"
    );
    // The ending counts add up to the runs.
    let counted: u64 = out
        .lines()
        .skip_while(|l| !l.starts_with("Endings"))
        .skip(2)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            let share_at = cells.iter().position(|c| c.ends_with('%')).unwrap();
            cells[share_at - 1].parse::<u64>().unwrap()
        })
        .sum();
    assert_eq!(counted, 6, "{out}");
}

#[test]
fn the_output_does_not_depend_on_the_number_of_jobs() {
    let args = |jobs: &'static str| {
        vec![
            "batch",
            "punta-del-este-1962",
            "--runs",
            "8",
            "--auto",
            "--format",
            "json",
            "--jobs",
            jobs,
        ]
    };
    assert_eq!(stdout_of(&args("1")), stdout_of(&args("2")));
}

#[test]
fn historical_runs_all_reach_the_record() {
    let json = stdout_of(&[
        "batch",
        "punta-del-este-1962",
        "--runs",
        "3",
        "--historical",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["runs"], 3);
    assert_eq!(v["mode"], "historical");
    let endings = v["endings"].as_array().unwrap();
    let reached: Vec<&serde_json::Value> = endings.iter().filter(|e| e["count"] != 0).collect();
    assert_eq!(reached.len(), 1, "one ending in every run: {json}");
    assert_eq!(reached[0]["share"], 1.0);
    // Every government cast the same way in every run: each share is 0% or 100%.
    for vote in v["votes"].as_array().unwrap() {
        for g in vote["governments"].as_array().unwrap() {
            for cast in ["yes", "no", "abstain", "absent", "excluded"] {
                let share = g[cast]["share"].as_f64().unwrap();
                assert!(share == 0.0 || share == 1.0, "{}: {share}", g["id"]);
            }
        }
    }
}

#[test]
fn csv_has_one_row_per_ending_and_cast() {
    let csv = stdout_of(&[
        "batch",
        "quarantine-1962",
        "--runs",
        "4",
        "--auto",
        "--format",
        "csv",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("kind,vote,government,outcome,count,of,share,low,high")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 9), "{csv}");
    let endings: u64 = rows
        .iter()
        .filter(|r| r[0] == "ending")
        .map(|r| r[4].parse::<u64>().unwrap())
        .sum();
    assert_eq!(endings, 4);
    assert!(
        rows.iter().any(|r| r[0] == "cast" && r[3] == "yes"),
        "{csv}"
    );
    for r in &rows {
        let (low, share, high): (f64, f64, f64) = (
            r[7].parse().unwrap(),
            r[6].parse().unwrap(),
            r[8].parse().unwrap(),
        );
        assert!(low <= share && share <= high, "{r:?}");
    }
}

#[test]
fn scripted_commands_are_given_in_every_run() {
    let out = stdout_of(&[
        "batch",
        "deptcirtel-47",
        "--runs",
        "2",
        "--commands",
        "tests/fixtures/caracas-session.ron",
    ]);
    assert!(out.contains("2 runs, seeds 1..=2, commands"), "{out}");
}

#[test]
fn bad_arguments_say_what_is_wrong() {
    let out = demarche(&["batch", "no-such-scenario", "--runs", "2"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-scenario"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let out = demarche(&["batch", "deptcirtel-47", "--runs", "0"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--runs"));

    let bad = temp("bad-commands.ron");
    std::fs::write(&bad, "[ (at: \"1960-07-12T09:00\", do: Dance) ]").unwrap();
    let out = demarche(&[
        "batch",
        "deptcirtel-47",
        "--runs",
        "2",
        "--commands",
        bad.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad-commands.ron:1:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn synthetic_scenarios_validate() {
    for size in [
        Size {
            governments: 1,
            dormant: 0,
            bytes: None,
        },
        Size {
            governments: 21,
            dormant: 10,
            bytes: None,
        },
        Size {
            governments: 50,
            dormant: 301,
            bytes: Some(400_000),
        },
    ] {
        let text = scenario_text(size);
        let loaded = load_str("synthetic.ron", &text)
            .unwrap_or_else(|d| panic!("{size:?} does not load: {}", d[0]));
        assert_eq!(loaded.scenario.governments.len(), size.governments);
        assert_eq!(loaded.scenario.telegrams.len(), size.dormant + 1);
        if let Some(bytes) = size.bytes {
            assert!(
                text.len() > bytes * 9 / 10 && text.len() <= bytes,
                "{}",
                text.len()
            );
        }
    }
}

#[test]
fn generate_writes_a_scenario_that_validate_accepts() {
    let path = temp("synthetic.ron");
    let _ = std::fs::remove_file(&path);
    let p = path.to_str().unwrap();
    let out = stdout_of(&["generate", p, "--governments", "30", "--dormant", "40"]);
    assert!(out.starts_with("Wrote "), "{out}");
    let out = stdout_of(&["validate", p]);
    assert!(
        out.contains(": ok: Synthetic: 30 governments, 40 dormant telegrams"),
        "{out}"
    );
    // And it is not overwritten.
    assert!(!demarche(&["generate", p]).status.success());
}

#[test]
fn dormant_telegrams_wake_on_their_date_or_flag_and_not_before() {
    use demarche::Game;
    use demarche::cables::Traffic;
    use demarche::command::Step;
    use demarche::vocab::Setup;
    let text = scenario_text(Size {
        governments: 5,
        dormant: 40,
        bytes: None,
    });
    let scenario = load_str("synthetic.ron", &text).unwrap().scenario;
    let setup = Setup {
        seed: 1,
        role: scenario.default_role,
        auto: true,
        historical: false,
    };
    let mut game = Game::new(scenario.clone(), setup);
    let sent = |game: &Game| {
        let traffic = game.world().resource::<Traffic>();
        (1..scenario.telegrams.len())
            .filter(|t| traffic.sent_telegrams[*t])
            .count()
    };
    for _ in 0..80 {
        game.advance(Step::Day).unwrap();
    }
    assert_eq!(sent(&game), 0, "none wakes before September 24");
    game.finish();
    assert_eq!(sent(&game), 40, "every one has woken by the end");
}
