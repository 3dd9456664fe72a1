//! Scenarios as a hostile tester writes them: numbers that are not numbers or are far out of
//! bounds, periods at the calendar's ends, votes that call themselves, files that are not
//! files, and the syntax errors a modder makes. Each is an error that says what was found and
//! what was expected, or a game that plays to its end; none panics or hangs.

use std::path::Path;
use std::process::Command;

use demarche::command::Step;
use demarche::scenario::{Effect, Severity, VoteId, load_str};
use demarche::vocab::{CommandError, Setup};

use crate::common::{MINI, mini_with};

/// The error messages of `text`, which must be refused.
fn refused(text: &str) -> Vec<String> {
    match load_str("mini.ron", text) {
        Ok(_) => panic!("expected the scenario to be refused"),
        Err(d) => d
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect(),
    }
}

fn says(errors: &[String], what: &str) {
    assert!(
        errors.iter().any(|e| e.contains(what)),
        "expected `{what}` in: {errors:#?}"
    );
}

#[test]
fn numbers_that_are_not_finite_are_errors_wherever_they_stand() {
    for (from, to, what) in [
        ("by: 0.05", "by: NaN", "`by` is NaN, not a finite number"),
        (
            "push: 0.03",
            "push: inf",
            "`push` is inf, not a finite number",
        ),
        (
            "noise: 0.3",
            "noise: 1e999",
            "`noise` is inf, not a finite number",
        ),
        // A field with no range of its own is caught by the scan of every number.
        (
            "from: -0.2, to: 0.3",
            "from: NaN, to: 0.3",
            "`NaN` is not a finite number",
        ),
    ] {
        says(&refused(&mini_with(from, to)), what);
    }
}

#[test]
fn durations_the_period_and_weights_are_bounded() {
    let model = "materials: [";
    let with_model = |m: &str| mini_with(model, &format!("model: ({m}),\n    {model}"));
    for (text, what) in [
        (
            with_model("transit: (niact: 4294967295, immediate: 2, priority: 6, routine: 24)"),
            "the transit time `niact` is 4294967295; expected a whole number from 0 to 438288",
        ),
        (
            with_model("npc: (reply_after_hours: 4000000000)"),
            "`reply_after_hours` is 4000000000",
        ),
        (
            mini_with(
                r#"effects: [SetFlag("instructed")]"#,
                r#"effects: [SetFlag("instructed"), Schedule(telegram: "circular_1", after_hours: 4294967295)]"#,
            ),
            "`after_hours` is 4294967295",
        ),
        (
            mini_with(r#"start: "1960-07-09""#, r#"start: "0000-07-09""#),
            "the period starts in the year 0; expected a year from 1 to 9000",
        ),
        (
            mini_with(r#"end: "1960-07-31T23:00""#, r#"end: "9999-07-31T23:00""#),
            "the period ends in the year 9999",
        ),
        (
            mini_with(r#"end: "1960-07-31T23:00""#, r#"end: "2060-07-31T23:00""#),
            "expected at most 18262 (fifty years)",
        ),
        (
            mini_with("by: 0.05", "by: 1e300"),
            "`by` is 1e300; expected a number from -2 to 2",
        ),
        (
            mini_with("first_number: 101", "first_number: 4294967295"),
            "`first_number` is 4294967295; expected a whole number from 0 to 1000000",
        ),
    ] {
        says(&refused(&text), what);
    }
}

#[test]
fn a_vote_that_calls_itself_is_an_error_and_a_runaway_moment_stops_the_game() {
    let text = mini_with(
        r#"on_pass: [End("met")]"#,
        r#"on_pass: [CallVote("council")]"#,
    );
    says(
        &refused(&text),
        "vote `council` calls itself again at once through `CallVote` (`council` → `council`)",
    );
    // Past validation (as a scenario built in code could be), the clock's guard stops it.
    let mut scenario = load_str("mini.ron", MINI)
        .unwrap()
        .scenario
        .as_ref()
        .clone();
    scenario.votes[0].on_pass = vec![Effect::CallVote(VoteId(0))];
    scenario.votes[0].on_fail = vec![Effect::CallVote(VoteId(0))];
    let role = scenario.role_by_name("alpha_city").unwrap();
    let mut game = demarche::Game::new(
        std::sync::Arc::new(scenario),
        Setup {
            seed: 1,
            role,
            auto: true,
            historical: false,
        },
    );
    let mut last = Ok(String::new());
    for _ in 0..40 {
        last = game.advance(Step::Day);
        if last.is_err() {
            break;
        }
    }
    let e = last.unwrap_err();
    assert!(matches!(e, CommandError::Runaway(_)), "{e}");
    assert!(e.to_string().contains("kept setting each other off"), "{e}");
    assert!(game.halted().is_some());
    assert!(matches!(
        game.advance(Step::Day),
        Err(CommandError::Runaway(_))
    ));
}

#[test]
fn what_can_never_happen_is_warned_of_and_a_scenario_that_can_only_time_out_is_an_error() {
    // Nothing sends the Niact any more: the flag, the meeting and the vote never come.
    let text = mini_with(r#"effects: [Send("niact_2")]"#, "effects: []");
    let shown = refused(&text);
    says(&shown, "telegram `niact_2` can never be sent");
    let text = mini_with(
        r#"on_pass: [End("met")], on_fail: [End("no_meeting")]"#,
        "on_pass: [], on_fail: []",
    );
    let shown = refused(&text);
    says(&shown, "the scenario can only end by running out of time");
    let warnings = match load_str(
        "mini.ron",
        &mini_with(r#"effects: [CallVote("council")]"#, "effects: []"),
    ) {
        Err(d) => d.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        Ok(l) => l.warnings.iter().map(|d| d.to_string()).collect(),
    };
    says(&warnings, "vote `council` is never held");
}

#[test]
fn the_messages_a_modder_meets_say_what_was_found_and_what_was_expected() {
    says(
        &refused(&mini_with("by: 0.05", r#"by: "0.05""#)),
        r#"expected a number such as 0.5, found the string "0.05"; write numbers without quotes"#,
    );
    says(
        &refused(&mini_with(
            r#"bureau: Some("ara"), rapport: 0.6"#,
            r#"bureau: "ara", rapport: 0.6"#,
        )),
        r#"write `Some("ara")`"#,
    );
    says(
        &refused(&mini_with(
            r#"headline: "A threatening speech","#,
            r#"headline: "A threatening speech,"#,
        )),
        "is its closing quote missing?",
    );
    let deep = mini_with(
        r#"trigger: At("1960-07-09T12:00")"#,
        &format!(
            r#"trigger: {}At("1960-07-09T12:00"){}"#,
            "All([".repeat(200),
            "])".repeat(200)
        ),
    );
    let shown = refused(&deep);
    says(&shown, "nested more than 128 deep");
    assert!(
        !shown.iter().any(|e| e.contains("recursion_limit")),
        "{shown:#?}"
    );
    // Two syntax errors in two items: both are reported.
    let two = mini_with(r#"capital: "Beta Town""#, r#"capital: "Beta Town" x"#).replacen(
        "by: 0.05, spread",
        "by: 0.05 spread",
        1,
    );
    let shown = refused(&two);
    assert_eq!(shown.len(), 2, "{shown:#?}");
    says(&shown, "found `x`");
    says(&shown, "found `spread`");
}

fn validate(path: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .arg("validate")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn files_that_are_not_scenario_files_are_refused_at_once_in_text_mode() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-files");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A link to an endless device, and a pipe: refused before anything is read.
    let zero = dir.join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let (ok, err) = validate(&zero);
    assert!(!ok && err.contains("this is a device, not a file"), "{err}");
    let fifo = dir.join("pipe.ron");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let (ok, err) = validate(&fifo);
        assert!(!ok && err.contains("named pipe"), "{err}");
    }
    // A folder scenario whose scenario.ron, or shared file, leads to /etc/passwd.
    let folder = dir.join("escape");
    std::fs::create_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", folder.join("scenario.ron")).unwrap();
    let (ok, err) = validate(&folder);
    assert!(!ok && err.contains("leads out of its folder"), "{err}");
    assert!(
        !err.contains("root:"),
        "nothing of the file is shown: {err}"
    );
    // An empty folder is said, in text mode too.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let (ok, err) = validate(&empty);
    assert!(
        !ok && err.contains("this folder holds no scenario"),
        "{err}"
    );
}
