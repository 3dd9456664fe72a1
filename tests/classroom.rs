//! The classroom: the debrief (timeline, calibration, the record re-run beside the run,
//! teaching material), its export as a report a student hands in, and the instructor's
//! commands, which the transcript logs.

use std::path::{Path, PathBuf};
use std::process::Command;

use demarche::command::{Action, Step};
use demarche::debrief::{Counterfactual, Debrief};
use demarche::game::Game;
use demarche::instructor::Instruct;
use demarche::shipped::load;
use demarche::vocab::Setup;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn demarche(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .env("DEMARCHE_DATA_DIR", scratch("data"))
        .output()
        .expect("demarche runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("classroom")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn game(auto: bool) -> Game {
    let loaded = load("deptcirtel-47").expect("the shipped scenario loads");
    let setup = Setup {
        seed: 1,
        role: loaded.scenario.default_role,
        auto,
        historical: false,
    };
    Game::new(loaded.scenario, setup)
}

/// A scripted class session saved at its end, as a student would hand it in.
fn finished_save(name: &str, commands: &str, instructor: bool) -> PathBuf {
    let save = scratch(name).join("game.save.ron");
    let commands = fixture(commands);
    let save_arg = save.display().to_string();
    let mut args = vec![
        "simulate",
        "deptcirtel-47",
        "--commands",
        &commands,
        "--save",
        &save_arg,
    ];
    if instructor {
        args.push("--instructor");
    }
    let (ok, _, stderr) = demarche(&args);
    assert!(ok, "{stderr}");
    save
}

#[test]
fn the_instructors_commands_are_in_the_transcript() {
    let commands = fixture("instructor-session.ron");
    let (ok, out, stderr) = demarche(&[
        "simulate",
        "deptcirtel-47",
        "--commands",
        &commands,
        "--instructor",
    ]);
    assert!(ok, "{stderr}");
    for line in [
        "1960-07-13 08:00  INSTRUCTOR pause the game",
        "1960-07-13 08:00  INSTRUCTOR move Mexico's stance on cuba_action from -0.34 (would oppose) to +0.20",
        "1960-07-13 08:00  INSTRUCTOR resume the game",
        "1960-07-20 08:00  INSTRUCTOR inject deptcirtel_good_offices (Department to ALL ARA POSTS EXCEPT HAVANA): Mexican and Brazilian offer of good offices",
        // The injected circular goes out at once and reaches the student's post.
        "1960-07-20 08:00  SENT      DEPTCIRTEL 128 from Department",
    ] {
        assert!(out.contains(line), "missing {line:?}");
    }
    assert!(
        out.contains("RECEIVED  DEPTCIRTEL 128 at "),
        "the circular is delivered"
    );
    // Sent once: its own trigger (3 August) no longer fires.
    assert_eq!(out.matches("SENT      DEPTCIRTEL 128").count(), 1);
    // The debrief's timeline shows them too.
    assert!(out.contains("instructor inject deptcirtel_good_offices"));
}

#[test]
fn instructor_commands_need_the_instructor() {
    let commands = fixture("instructor-session.ron");
    for sub in [&["simulate"][..], &["batch", "--runs", "2"]] {
        let mut args = sub.to_vec();
        args.extend(["deptcirtel-47", "--commands", &commands]);
        let (ok, _, stderr) = demarche(&args);
        assert!(!ok);
        assert!(
            stderr.contains("is an instructor's command; run with --instructor"),
            "{sub:?}: {stderr}"
        );
    }
    let (ok, _, stderr) = demarche(&["simulate", "deptcirtel-47", "--commands", &commands]);
    assert!(!ok);
    assert!(
        stderr.contains(
            "command 2 (at 1960-07-13 08:00) is an instructor's command; run with --instructor"
        ),
        "{stderr}"
    );
}

#[test]
fn a_paused_game_keeps_its_clock_until_resumed() {
    let mut g = game(false);
    let start = g.now();
    assert_eq!(
        g.command(Action::Instruct(Instruct::Pause)),
        Ok("pause the game".into())
    );
    let refused = g.advance(Step::Day).unwrap_err().to_string();
    assert!(
        refused.contains("the instructor has paused the game"),
        "{refused}"
    );
    assert_eq!(g.now(), start);
    assert!(g.command(Action::Instruct(Instruct::Pause)).is_err());
    g.command(Action::Instruct(Instruct::Resume)).unwrap();
    g.advance(Step::Day).unwrap();
    assert!(g.now() > start);
    g.command(Action::Instruct(Instruct::Inject {
        telegram: "deptel_mexico_green".into(),
    }))
    .unwrap();
    // Bad instructions are refused with the reason, and change nothing.
    for (bad, why) in [
        (
            Instruct::Inject {
                telegram: "deptel_mexico_green".into(),
            },
            "already been sent",
        ),
        (
            Instruct::Inject {
                telegram: "nope".into(),
            },
            "no telegram `nope`",
        ),
        (
            Instruct::MoveStance {
                government: "mexico".into(),
                issue: "cuba_action".into(),
                to: 3.0,
            },
            "runs from -1 to 1",
        ),
        (
            Instruct::MoveStance {
                government: "atlantis".into(),
                issue: "cuba_action".into(),
                to: 0.0,
            },
            "no government `atlantis`",
        ),
    ] {
        let e = g.command(Action::Instruct(bad)).unwrap_err().to_string();
        assert!(e.contains(why), "{e}");
    }
}

#[test]
fn a_save_with_instructor_commands_replays() {
    let save = finished_save("replay", "instructor-session.ron", true);
    let (ok, out, stderr) = demarche(&["replay", &save.display().to_string()]);
    assert!(ok, "{stderr}");
    assert!(!out.is_empty());
}

#[test]
fn the_record_rerun_shows_where_the_runs_part() {
    let mut g = game(false);
    let commands =
        demarche::session::read_commands(Path::new(&fixture("caracas-session.ron"))).unwrap();
    for c in commands {
        g.play_scripted(c).unwrap();
    }
    g.finish();
    let cf = Counterfactual::run(g.world()).expect("a player's game has a counterfactual");
    let parted = cf
        .parted
        .as_ref()
        .expect("the player's démarche parts the runs");
    assert_eq!(parted.at.to_string(), "1960-07-12 09:00");
    assert!(
        parted
            .yours
            .contains("Edward J. Sparks saw Foreign Minister"),
        "{}",
        parted.yours
    );
    assert!(cf.commands_before[0].contains("Sparks saw Foreign Minister"));
    // COAS: unanimous in both runs, Cuba included, as the Council's vote was.
    let coas = &cf.votes[0];
    assert_eq!(coas.yours.as_ref().unwrap().tally.yes, 21);
    assert_eq!(coas.record.as_ref().unwrap().tally.yes, 21);
    assert!(coas.differ.is_empty());
    let text = Debrief::from_world(g.world()).render_text(Some(&cf));
    assert!(text.contains("The runs part on 1960-07-12 09:00"), "{text}");
    assert!(text.contains("Venezuela: "), "{text}");
    assert!(text.contains(" in your run, "), "{text}");
}

#[test]
fn a_game_played_by_the_record_has_no_counterfactual() {
    let loaded = load("deptcirtel-47").unwrap();
    let setup = Setup {
        seed: 1,
        role: loaded.scenario.default_role,
        auto: true,
        historical: true,
    };
    let mut g = Game::new(loaded.scenario, setup);
    g.finish();
    assert!(Counterfactual::run(g.world()).is_none());
}

#[test]
fn the_text_debrief_has_timeline_calibration_stances_and_questions() {
    let (ok, out, stderr) = demarche(&[
        "simulate",
        "deptcirtel-47",
        "--commands",
        &fixture("caracas-session.ron"),
    ]);
    assert!(ok, "{stderr}");
    let debrief = &out[out.find("DEBRIEF:").expect("a debrief")..];
    for needle in [
        "Timeline (* marks your own doing):",
        "1960-07-15 10:00 * cable      EMBTEL 123, Caracas to SECSTATE WASHDC",
        "Calibration (a well-calibrated reporter saying 70% is right 7 times in 10):",
        "  you said 70–79%: right 1 time in 1 (100%)",
        "True stances on the convocation of the Foreign Ministers on the Cuban problem",
        // Cuba votes to convoke, as the record has it, for a reason of the vote's own.
        "  Cuba                 yes       -0.20  same",
        "in this vote: voted with the others, reserving its position on the agenda",
        "The record re-run (same seed, every role by the record):",
        "Learning objectives:",
        "For discussion:",
    ] {
        assert!(debrief.contains(needle), "missing {needle:?} in\n{debrief}");
    }
    // A démarche of the player's is one line of the timeline, not two.
    assert_eq!(
        debrief
            .matches("* démarche   Edward J. Sparks saw President Rómulo Betancourt")
            .count(),
        1
    );
    let timeline = &debrief[..debrief.find("The votes, with").unwrap()];
    assert_eq!(
        timeline
            .matches("Edward J. Sparks saw President Rómulo Betancourt")
            .count(),
        1
    );
}

#[test]
fn the_html_report_has_everything_a_student_hands_in() {
    let save = finished_save("html", "caracas-session.ron", false);
    let out = scratch("html").join("report.html");
    let (ok, stdout, stderr) = demarche(&[
        "debrief",
        &save.display().to_string(),
        "--format",
        "html",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("report.html"), "{stdout}");
    let html = std::fs::read_to_string(&out).unwrap();
    for needle in [
        "<!DOCTYPE html>",
        "<h2>Your score</h2>",
        "<h3>Calibration</h3>",
        "<td>70–79%</td><td>1</td><td>1</td><td>100%</td>",
        "<h2>Timeline</h2>",
        "<h2>The votes</h2>",
        "<h2>The stances over time</h2>",
        "<h2>Your run beside the record</h2>",
        "<h2>What happened historically</h2>",
        "<h2>Your cables</h2>",
        "<h3>Questions for discussion</h3>",
        "<h2>Sources</h2>",
        // The return cable in period format, from the teleprinter.
        "SECSTATE WASHDC",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    // Charts inline: the calibration diagram and one stances chart per voted issue.
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(!html.contains("<script"));
}

#[test]
fn the_markdown_report_writes_its_charts_beside_it() {
    let save = finished_save("md", "caracas-session.ron", false);
    let dir = scratch("md");
    let out = dir.join("student.md");
    let (ok, _, stderr) = demarche(&[
        "debrief",
        &save.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(ok, "{stderr}");
    let md = std::fs::read_to_string(&out).unwrap();
    for chart in [
        "student-calibration.svg",
        "student-stances-cuba_action.svg",
        "student-stances-dr_sanctions.svg",
    ] {
        assert!(md.contains(&format!("]({chart})")), "{chart} not linked");
        let svg = std::fs::read_to_string(dir.join(chart)).unwrap();
        assert!(svg.starts_with("<svg"), "{chart}");
    }
    assert!(md.contains("| 70–79% | 1 | 1 | 100% |"));
    assert!(md.contains("```text\n"), "cables in fixed-width blocks");
    // To standard output, the report says where its charts are.
    let (ok, stdout, _) = demarche(&["debrief", &save.display().to_string()]);
    assert!(ok);
    assert!(stdout.starts_with("# Debrief: Deptcirtel 47"));
    assert!(stdout.contains("write the report with `--out FILE`"));
}

#[test]
fn a_debrief_of_a_missing_or_broken_save_says_why() {
    let (ok, _, stderr) = demarche(&["debrief", "/nonexistent/game.save.ron"]);
    assert!(!ok);
    assert!(stderr.contains("/nonexistent/game.save.ron"), "{stderr}");
    let broken = scratch("broken").join("broken.save.ron");
    std::fs::write(&broken, "(version: 1, garbage").unwrap();
    let (ok, _, stderr) = demarche(&["debrief", &broken.display().to_string()]);
    assert!(!ok);
    assert!(stderr.contains("broken.save.ron"), "{stderr}");
}

#[test]
fn an_unfinished_game_gets_a_report_of_the_game_so_far() {
    let save = scratch("unfinished").join("game.save.ron");
    let (ok, _, stderr) = demarche(&[
        "simulate",
        "deptcirtel-47",
        "--auto",
        "--until",
        "1960-07-20",
        "--save",
        &save.display().to_string(),
    ]);
    assert!(ok, "{stderr}");
    let (ok, md, stderr) = demarche(&["debrief", &save.display().to_string()]);
    assert!(ok, "{stderr}");
    assert!(
        md.contains("The game is not over: it was saved at 1960-07-20 08:00."),
        "{md}"
    );
}

/// The exported page as a browser shows it. Skips (and says why) without Chromium, unless
/// DEMARCHE_REQUIRE_BROWSER is set, as CI sets it.
#[test]
fn the_html_report_renders_in_chromium() {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("DEMARCHE_REQUIRE_BROWSER").is_none(),
            "DEMARCHE_REQUIRE_BROWSER is set but Chromium is missing"
        );
        eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let save = finished_save("chromium", "instructor-session.ron", true);
    let dir = scratch("chromium");
    let page = dir.join("report.html");
    let (ok, _, stderr) = demarche(&[
        "debrief",
        &save.display().to_string(),
        "--format",
        "html",
        "--out",
        &page.display().to_string(),
    ]);
    assert!(ok, "{stderr}");
    let shot = dir.join("report.png");
    let _ = std::fs::remove_file(&shot);
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--disable-dev-shm-usage",
        ])
        .arg("--window-size=1200,2400")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .env("HOME", scratch("chromium-home"))
        .output()
        .expect("chromium starts");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&shot).expect("a screenshot"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1200, 2400));
    let mut colours: Vec<&[u8]> = buf[..info.buffer_size()]
        .chunks(info.color_type.samples())
        .step_by(97)
        .collect();
    colours.sort();
    colours.dedup();
    assert!(
        colours.len() > 20,
        "only {} colours: a blank page?",
        colours.len()
    );
}

/// A terminal session of `game`, with or without the instructor at the controls.
fn session(game: Game, instructor: bool) -> demarche::session::Session {
    demarche::session::Session::of(game, "deptcirtel-47", &Default::default(), instructor)
}

#[test]
fn the_terminal_instructor_sees_the_truth_and_acts() {
    let input = "truth\npause\nday\nresume\nstance mexico cuba_action 0.5\ninject deptcirtel_good_offices\nquit\n";
    let mut out = Vec::new();
    demarche::text::run(&mut session(game(false), true), input.as_bytes(), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    for needle in [
        "THE TRUTH (instructor only)",
        "Not yet sent (can be injected): deptcirtel_47, deptel_caracas_chaser",
        "INSTRUCTOR pause the game",
        "! the instructor has paused the game",
        "INSTRUCTOR resume the game",
        "INSTRUCTOR move Mexico's stance on cuba_action",
        "INSTRUCTOR inject deptcirtel_good_offices",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
    // A student's terminal has none of it.
    let mut out = Vec::new();
    demarche::text::run(
        &mut session(game(false), false),
        "truth\nquit\n".as_bytes(),
        &mut out,
    )
    .unwrap();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("unknown command `truth`")
    );
}
