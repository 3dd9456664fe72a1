//! Saves that never lose a game: save, load and continue tells the same story; a killed
//! write leaves the old save; damaged, foreign and old files are named as such.

use std::path::{Path, PathBuf};
use std::process::Command;

use demarche::Game;
use demarche::save::{Save, SaveError, read_save, write_save};
use demarche::session::{Session, Simulate as SimulateArgs};
use demarche::shipped::Loader;
use proptest::prelude::*;

fn simulate(args: &SimulateArgs) -> Result<String, String> {
    args.run(&Loader::default()).map_err(|e| e.to_string())
}

fn load_game(path: &Path, replay_on_change: bool) -> Result<(Game, String), String> {
    Session::load(&Loader::default(), path, replay_on_change, false)
        .map(|s| {
            let source = s.source().to_string();
            (s.into_game(), source)
        })
        .map_err(|e| e.to_string())
}

fn replay(path: &Path, replay_on_change: bool) -> Result<String, String> {
    demarche::session::check_replay(&Loader::default(), path, replay_on_change)
        .map_err(|e| e.to_string())
}

fn temp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("saves");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn straight(seed: u64) -> String {
    simulate(&SimulateArgs {
        scenario: Some("deptcirtel-47".into()),
        seed,
        auto: true,
        ..Default::default()
    })
    .unwrap()
}

fn split(seed: u64, until: &str, file: &Path) -> String {
    simulate(&SimulateArgs {
        scenario: Some("deptcirtel-47".into()),
        seed,
        auto: true,
        until: Some(until.into()),
        save: Some(file.to_path_buf()),
        ..Default::default()
    })
    .unwrap();
    simulate(&SimulateArgs {
        load: Some(file.to_path_buf()),
        auto: true,
        ..Default::default()
    })
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn save_load_and_continue_equals_an_uninterrupted_run(seed in 1u64..10_000, day in 10u32..31, month in 7u32..9) {
        let until = format!("1960-{month:02}-{day:02}");
        let file = temp(&format!("prop-{seed}-{month}-{day}.ron"));
        prop_assert_eq!(split(seed, &until, &file), straight(seed));
    }
}

#[test]
fn a_player_game_saved_mid_way_continues_the_same() {
    let commands = format!(
        "{}/tests/fixtures/caracas-session.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let run = |until: Option<&str>, save: Option<PathBuf>| {
        simulate(&SimulateArgs {
            scenario: Some("deptcirtel-47".into()),
            seed: 4,
            commands: Some(commands.clone().into()),
            until: until.map(String::from),
            save,
            ..Default::default()
        })
        .unwrap()
    };
    let file = temp("player.ron");
    run(Some("1960-07-14"), Some(file.clone()));
    let (mut game, _) = load_game(&file, false).unwrap();
    // The rest of the script, as the player would give it after loading.
    for c in demarche::session::read_commands(Path::new(&commands)).unwrap() {
        if c.at >= game.now() {
            game.play_scripted(c).unwrap();
        }
    }
    game.finish();
    assert_eq!(demarche::session::story(&game), run(None, None));
}

#[test]
fn replay_reaches_the_saved_world_and_names_where_a_tampered_log_parts() {
    let file = temp("replay.ron");
    let commands = format!(
        "{}/tests/fixtures/caracas-session.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    simulate(&SimulateArgs {
        scenario: Some("deptcirtel-47".into()),
        seed: 2,
        commands: Some(commands.into()),
        save: Some(file.clone()),
        ..Default::default()
    })
    .unwrap();
    let ok = replay(&file, false).unwrap();
    assert!(ok.contains("reaches the saved world"), "{ok}");

    let text = std::fs::read_to_string(&file).unwrap();
    let tampered = text.replacen("probability: 0.7", "probability: 0.4", 1);
    assert_ne!(text, tampered);
    let bad = temp("tampered.ron");
    std::fs::write(&bad, tampered).unwrap();
    let err = replay(&bad, false).unwrap_err();
    assert!(
        err.contains("the runs part at command 6 (reply to deptcirtel_47 (a)"),
        "{err}"
    );
}

fn saved(file: &Path) -> String {
    simulate(&SimulateArgs {
        scenario: Some("deptcirtel-47".into()),
        seed: 1,
        auto: true,
        until: Some("1960-07-15".into()),
        save: Some(file.to_path_buf()),
        ..Default::default()
    })
    .unwrap();
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn a_save_killed_mid_write_leaves_the_previous_save_intact() {
    let file = temp("killed.ron");
    let before = saved(&file);
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args([
            "simulate",
            "deptcirtel-47",
            "--auto",
            "--seed",
            "9",
            "--until",
            "1960-08-01",
            "--save",
        ])
        .arg(&file)
        .env("DEMARCHE_SAVE_STALL_MS", "60000")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the child is half-way through writing its temporary file, then kill it.
    let dir = file.parent().unwrap();
    let started = std::time::Instant::now();
    let temp_file = loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.to_string_lossy().contains(".killed.ron.")
                    && p.to_string_lossy().ends_with(".tmp")
            });
        if let Some(t) = found {
            break t;
        }
        assert!(
            started.elapsed().as_secs() < 60,
            "the child never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        before,
        "the old save is untouched"
    );
    assert!(read_save(&file).is_ok());
    let _ = std::fs::remove_file(temp_file);
}

#[test]
fn damaged_foreign_empty_and_old_saves_are_named_and_never_overwritten() {
    let good = temp("good.ron");
    let text = saved(&good);

    let truncated = temp("truncated.ron");
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    let err = read_save(&truncated).unwrap_err();
    assert!(matches!(err, SaveError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("the save is damaged"), "{err}");

    let corrupt = temp("corrupt.ron");
    std::fs::write(&corrupt, text.replacen("seed: 1", "seed: x!", 1)).unwrap();
    assert!(matches!(
        read_save(&corrupt).unwrap_err(),
        SaveError::Damaged { .. }
    ));

    let empty = temp("empty.ron");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(
        read_save(&empty).unwrap_err().to_string(),
        format!(
            "{}: not a Démarche save (the file is empty)",
            empty.display()
        )
    );

    let foreign = temp("notes.ron");
    std::fs::write(&foreign, "My thesis notes, do not lose").unwrap();
    assert!(matches!(
        read_save(&foreign).unwrap_err(),
        SaveError::Foreign { .. }
    ));
    let save: Save = read_save(&good).unwrap();
    let refused = write_save(&foreign, &save).unwrap_err();
    assert!(
        matches!(refused, SaveError::WouldClobber { .. }),
        "{refused}"
    );
    assert_eq!(
        std::fs::read_to_string(&foreign).unwrap(),
        "My thesis notes, do not lose"
    );
    assert!(
        write_save(&truncated, &save).is_err(),
        "a damaged save is not overwritten either"
    );

    let old = temp("old.ron");
    std::fs::write(
        &old,
        text.replacen("format: 1", "format: 0", 1)
            .replacen("engine: \"", "engine: \"0.0.1-", 1),
    )
    .unwrap();
    let err = read_save(&old).unwrap_err().to_string();
    assert!(
        err.contains("written by Démarche 0.0.1-")
            && err.contains("save format 0")
            && err.contains("reads format 1"),
        "{err}"
    );
}

#[test]
fn a_save_of_a_changed_scenario_says_so_and_can_replay_on_the_new_version() {
    let scenario = temp("changed-scenario.ron");
    let original = std::fs::read_to_string(format!(
        "{}/scenarios/deptcirtel-47.ron",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    std::fs::write(&scenario, &original).unwrap();
    let file = temp("changed.ron");
    simulate(&SimulateArgs {
        scenario: Some(scenario.display().to_string()),
        seed: 1,
        auto: true,
        until: Some("1960-07-20".into()),
        save: Some(file.clone()),
        ..Default::default()
    })
    .unwrap();
    std::fs::write(
        &scenario,
        original.replacen("rapport: 0.6", "rapport: 0.5", 1),
    )
    .unwrap();
    let refused = load_game(&file, false).err().unwrap();
    assert!(
        refused.contains("has changed since this game was saved")
            && refused.contains("--replay-on-change"),
        "{refused}"
    );
    let (game, _) = load_game(&file, true).unwrap();
    assert_eq!(game.now().to_string(), "1960-07-20 08:00");
}

#[test]
fn a_bad_value_inside_the_snapshot_is_damage_named_at_its_line_and_never_overwritten() {
    let file = temp("inner.ron");
    let text = saved(&file);
    let (line, _) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("now: \""))
        .map(|(i, l)| (i + 1, l))
        .unwrap();
    let bad = temp("inner-bad.ron");
    let now = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .trim_start()
        .trim_end_matches(',');
    std::fs::write(&bad, text.replacen(now, "now: 5", 1)).unwrap();
    match read_save(&bad).unwrap_err() {
        SaveError::Damaged { line: at, .. } => assert_eq!(at, line),
        other => panic!("not named as damaged: {other}"),
    }
    let save = read_save(&file).unwrap();
    assert!(matches!(
        write_save(&bad, &save).unwrap_err(),
        SaveError::WouldClobber { .. }
    ));

    // A save without a part of the world every save has is damaged too, not loaded half.
    let start = text.find("        traffic: Traffic(").unwrap();
    let end = start + text[start..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
    let cut = temp("inner-cut.ron");
    std::fs::write(&cut, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let err = read_save(&cut).unwrap_err().to_string();
    assert!(
        err.contains("damaged") && err.contains("`traffic`"),
        "{err}"
    );
}
