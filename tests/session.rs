//! The front door as every view uses it: a game started, commanded, reloaded, autosaved and
//! quick-saved the same way whether the terminal, the window or a command asks.

use std::path::PathBuf;

use demarche::command::{Action, Command, CommandError, Step};
use demarche::instructor::Instruct;
use demarche::save::{KEEP, latest_in};
use demarche::session::{GameError, Reload, Session, Start};
use demarche::shipped::Loader;

fn scratch(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("session")
        .join(name);
    let _ = std::fs::remove_dir_all(&path);
    let _ = std::fs::remove_file(&path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    path
}

const DEPTCIRTEL_47: &str = include_str!("../scenarios/deptcirtel-47.ron");

fn start(scenario: &str, instructor: bool) -> Session {
    Session::start(
        &Loader::default(),
        &Start {
            instructor,
            ..Start::new(scenario)
        },
    )
    .unwrap()
}

#[test]
fn a_reload_replays_the_commands_and_keeps_the_last_good_version() {
    let file = scratch("reload.ron");
    std::fs::write(&file, DEPTCIRTEL_47).unwrap();
    let mut game = start(&file.display().to_string(), true);
    game.command(Action::Instruct(Instruct::Inject {
        telegram: "deptcirtel_good_offices".into(),
    }))
    .unwrap();
    game.advance(Step::Day).unwrap();
    let now = game.now();

    std::fs::write(
        &file,
        DEPTCIRTEL_47.replacen("rapport: 0.6", "rapport: 9.6", 1),
    )
    .unwrap();
    match game.reload() {
        Reload::Invalid(diags) => assert!(
            diags[0]
                .to_string()
                .contains("`rapport` is 9.6; expected a number from 0 to 1"),
            "{diags:?}"
        ),
        other => panic!("a broken scenario was taken: {other:?}"),
    }
    assert_eq!(game.now(), now, "the last good version goes on");

    std::fs::write(
        &file,
        DEPTCIRTEL_47.replacen("rapport: 0.6", "rapport: 0.5", 1),
    )
    .unwrap();
    assert!(matches!(game.reload(), Reload::Reloaded { commands: 2 }));
    assert_eq!(game.now(), now, "replayed to where the player was");

    // A version in which the injected telegram has another name cannot replay the game.
    std::fs::write(
        &file,
        DEPTCIRTEL_47.replace("deptcirtel_good_offices", "good_offices_offer"),
    )
    .unwrap();
    match game.reload() {
        Reload::Refused { index: 1, error } => assert!(
            error
                .to_string()
                .starts_with("no telegram `deptcirtel_good_offices` in this scenario"),
            "{error}"
        ),
        other => panic!("expected the first command to be refused: {other:?}"),
    }
    assert_eq!(game.now(), now);
}

#[test]
fn the_instructors_commands_need_the_instructor() {
    let mut student = start("deptcirtel-47", false);
    assert_eq!(
        student.command(Action::Instruct(Instruct::Pause)),
        Err(CommandError::InstructorOnly)
    );
    let script = vec![Command::new(
        student.now(),
        Action::Instruct(Instruct::Pause),
    )];
    let refused = student.script(script.clone()).unwrap_err();
    assert!(
        matches!(refused, GameError::InstructorScript { index: 1, .. }),
        "{refused}"
    );
    assert!(
        refused
            .to_string()
            .contains("is an instructor's command; run with --instructor")
    );

    let mut teacher = start("deptcirtel-47", true);
    teacher.script(script).unwrap();
    assert_eq!(teacher.advance(Step::Day), Err(CommandError::Paused));
}

#[test]
fn autosaves_once_a_game_day_and_keeps_the_last_few() {
    let data = scratch("data");
    let mut game = start("deptcirtel-47", false);
    game.keep_saves_in(data.clone());
    assert_eq!(game.autosave().unwrap(), None, "the first day is not saved");
    let mut written = Vec::new();
    for _ in 0..KEEP + 2 {
        game.advance(Step::Day).unwrap();
        written.push(game.autosave().unwrap().expect("a new day is saved"));
        assert_eq!(game.autosave().unwrap(), None, "once a day");
    }
    let dir = game.autosave_dir().unwrap();
    assert!(dir.starts_with(&data));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), KEEP);
    assert_eq!(latest_in(&dir).as_ref(), written.last());
    assert!(!written[0].exists(), "the oldest is dropped");

    let loaded = Session::load(&Loader::default(), written.last().unwrap(), false, false).unwrap();
    assert_eq!(loaded.now(), game.now());
    assert_eq!(loaded.story(), game.story());
}

#[test]
fn a_quick_save_continues_where_it_was_made() {
    let data = scratch("quick");
    let mut game = start("deptcirtel-47", false);
    game.keep_saves_in(data.clone());
    game.advance(Step::NextCable).unwrap();
    let path = game.quick_save().unwrap();
    assert!(path.starts_with(&data), "{}", path.display());
    let loaded = Session::load(&Loader::default(), &path, false, false).unwrap();
    assert_eq!(loaded.now(), game.now());
    assert_eq!(loaded.source(), "deptcirtel-47");
}

#[test]
fn a_misspelt_name_in_a_command_gets_the_hint_validate_gives() {
    let mut game = start("deptcirtel-47", false);
    let reply = |telegram: &str, request: &str| Action::Reply {
        telegram: telegram.into(),
        request: request.into(),
        position: "majority".into(),
        probability: 0.7,
        text: String::new(),
    };
    assert_eq!(
        game.command(reply("deptcirtel_74", "a"))
            .unwrap_err()
            .to_string(),
        "no telegram `deptcirtel_74` in this scenario; did you mean `deptcirtel_47`?"
    );
    assert_eq!(
        game.command(reply("deptcirtel_47", "A"))
            .unwrap_err()
            .to_string(),
        "no request `A` in deptcirtel_47; did you mean `a`?"
    );
    let err = game
        .command(Action::Demarche {
            see: demarche::scenario::format::RawWhom::Leader("betancour".into()),
            show: vec![],
            issue: None,
            post: None,
        })
        .unwrap_err();
    assert!(err.to_string().contains("did you mean `"), "{err}");
}

#[test]
fn a_role_or_scenario_that_is_not_there_is_refused_with_the_reason() {
    let loader = Loader::default();
    let err = Session::start(
        &loader,
        &Start {
            role: Some("caracsa".into()),
            ..Start::new("deptcirtel-47")
        },
    )
    .err()
    .unwrap();
    assert_eq!(
        err.to_string(),
        "no post `caracsa` in this scenario; did you mean `caracas`?"
    );
    let err = Session::start(&loader, &Start::new("deptcirtel-74"))
        .err()
        .unwrap();
    assert!(
        err.to_string().contains("did you mean `deptcirtel-47`?"),
        "{err}"
    );
}
