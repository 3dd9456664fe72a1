//! A class played to its end, through the class itself (no network): the instructor's clock
//! runs the crisis to the votes; each student's debrief is their post's, the console shows
//! the class's scores side by side with the discussion questions, and the class report
//! exports as the single-player one does. A student can play the Department.

use demarche::class::{Ask, Class, ClassStart, protocol::Clock};
use demarche::debrief::export::Format;
use demarche::shipped::Loader;

use crate::class_server::scratch;

fn class(dir: &std::path::Path, posts: &[&str], department: bool) -> Class {
    let start = ClassStart {
        scenario: "deptcirtel-47".into(),
        seed: 2,
        posts: Some(posts.iter().map(|p| p.to_string()).collect()),
        department,
    };
    Class::start(&Loader::default(), &start, &dir.join("class.log")).unwrap()
}

fn clock(what: Clock) -> Ask {
    Ask::Clock {
        id: 1,
        what,
        hours: None,
    }
}

#[test]
fn a_class_played_to_the_end_gets_its_debrief_and_report() {
    let dir = scratch("debrief");
    let mut class = class(&dir, &["caracas", "bogota", "mexico_city"], false);
    let code = class.class_code().to_string();
    let ana = class.join(&code, "Ana", "caracas").unwrap();
    let ben = class.join(&code, "Ben", "bogota").unwrap();
    let cy = class.join(&code, "Cy", "bogota").unwrap();
    assert!(
        class
            .join(&code, "Eve", "lima")
            .unwrap_err()
            .contains("nobody in this class plays")
    );
    // Ana and Ben answer every estimate request as it comes; Cy, Ben's teammate, leaves it
    // to Ben; Mexico City's post has no student, and its requests default.
    let mut rounds = 0;
    while !class.session().is_over() {
        for (seat, p) in [(&ana, 0.8), (&ben, 0.55)] {
            let view = class.view(seat.role);
            for r in view.requests.iter().filter(|r| r.kind == "estimate") {
                let ask = Ask::Reply {
                    id: 1,
                    telegram: r.telegram.clone(),
                    request: r.request.clone(),
                    position: r.positions[0].id.clone(),
                    probability: p,
                    text: String::new(),
                };
                class.student(&seat.token, ask).unwrap();
            }
        }
        class.instructor(clock(Clock::Agenda)).unwrap();
        rounds += 1;
        assert!(rounds < 5000, "the crisis never ended");
    }
    let console = class.console();
    let debrief = console.debrief.expect("the class debrief at the end");
    let names: Vec<&str> = debrief.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Ben", "Cy"]);
    let (a, b, c) = (
        &debrief.students[0],
        &debrief.students[1],
        &debrief.students[2],
    );
    assert!(
        a.scored > 0 && a.brier.is_some(),
        "Ana's estimates are scored"
    );
    // A team shares its post: the same view, the same estimates, and so the same score.
    assert_eq!(class.view(cy.role), class.view(ben.role));
    assert_eq!((b.brier, b.scored), (c.brier, c.scored));
    assert_ne!(a.brier, b.brier, "each post is scored on its own estimates");
    assert!(a.calibration.contains("you said 80"), "{}", a.calibration);
    assert!(!debrief.questions.is_empty(), "the discussion questions");
    assert!(debrief.text.contains("DEBRIEF"));
    // Each student's debrief is their own post's.
    let ana_text = class.view(ana.role).debrief.unwrap();
    let ben_text = class.view(ben.role).debrief.unwrap();
    assert!(ana_text.contains("Caracas"), "{ana_text}");
    assert!(
        ben_text.contains("Bogota") || ben_text.contains("Bogotá"),
        "{ben_text}"
    );
    assert_ne!(ana_text, ben_text);
    // The class report: the scores table, then the game's debrief, in both formats.
    let md = class.report(Format::Md).unwrap();
    assert!(md.starts_with("# Class report: Deptcirtel 47"), "{md}");
    assert!(md.contains("| Ana | Caracas |"), "{md}");
    let html = class.report(Format::Html).unwrap();
    assert!(html.contains("<h1>Class report: Deptcirtel 47") && html.contains("<td>Ben</td>"));
    // The log replays to the same ending.
    let resumed = Class::resume(&Loader::default(), &dir.join("class.log")).unwrap();
    assert!(resumed.session().is_over());
    assert_eq!(
        resumed.console().debrief.unwrap().students,
        debrief.students
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_student_can_play_the_department() {
    let dir = scratch("department");
    let mut class = class(&dir, &["caracas"], true);
    let code = class.class_code().to_string();
    let dean = class.join(&code, "Dean", "department").unwrap();
    let ana = class.join(&code, "Ana", "caracas").unwrap();
    let view = class.view(ana.role);
    let r = view.requests.iter().find(|r| r.kind == "estimate").unwrap();
    let reply = Ask::Reply {
        id: 1,
        telegram: r.telegram.clone(),
        request: r.request.clone(),
        position: r.positions[0].id.clone(),
        probability: 0.7,
        text: "From Caracas.".into(),
    };
    class.student(&ana.token, reply).unwrap();
    for _ in 0..3 {
        class.instructor(clock(Clock::Morning)).unwrap();
    }
    let department = class.view(dean.role);
    assert_eq!(department.station, "the Department");
    // The Department knows what its posts report, not the truth.
    let venezuela = department.map.iter().find(|m| m.id == "venezuela").unwrap();
    assert_eq!(venezuela.kind, "reported", "{venezuela:?}");
    assert!(department.map.iter().all(|m| m.kind != "estimated"));
    assert!(department.dossier.contains("70"), "{}", department.dossier);
    // The Department decides; a post does not.
    let ask = Ask::Decide {
        id: 2,
        telegram: "x".into(),
        request: "y".into(),
        option: "z".into(),
    };
    let refused = class.student(&ana.token, ask).unwrap_err();
    assert!(refused.contains("only the Department decides"), "{refused}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_pace_runs_the_clock_and_a_reveal_survives_a_resume() {
    let dir = scratch("pace");
    let mut class = class(&dir, &["caracas"], false);
    let before = class.session().now();
    let set = |hours| Ask::Clock {
        id: 1,
        what: Clock::Pace,
        hours: Some(hours),
    };
    assert!(
        class
            .instructor(set(500.0))
            .unwrap_err()
            .contains("from 0 to 168")
    );
    class.instructor(set(6.0)).unwrap();
    // Six game hours a real minute: ten seconds are one game hour.
    assert!(class.run_pace(5.0).is_none(), "half an hour is not run yet");
    assert!(class.run_pace(5.0).unwrap().is_ok());
    assert_eq!(class.session().now(), before.plus_hours(1));
    class
        .instructor(Ask::Reveal {
            id: 2,
            government: "venezuela".into(),
            issue: "dr_sanctions".into(),
        })
        .unwrap();
    let live = class.console();
    assert_eq!(live.projector.issue, "dr_sanctions");
    assert_eq!(
        live.projector.rows.len(),
        1,
        "only the class's posts are on the projector"
    );
    let caracas = &live.projector.rows[0];
    assert!(
        caracas.revealed.is_some(),
        "Venezuela's truth is shown beside Caracas's estimate"
    );
    let resumed = Class::resume(&Loader::default(), &dir.join("class.log")).unwrap();
    let again = resumed.console();
    assert_eq!(
        again.projector, live.projector,
        "the projector after a resume"
    );
    assert_eq!(resumed.pace(), 6.0);
    assert_eq!(resumed.session().now(), class.session().now());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_post_takes_a_team_not_the_whole_class() {
    let dir = scratch("team");
    let mut class = class(&dir, &["caracas"], false);
    let code = class.class_code().to_string();
    for i in 0..demarche::class::MAX_TEAM {
        class
            .join(&code, &format!("Student {i}"), "caracas")
            .unwrap();
    }
    let refused = class.join(&code, "One too many", "caracas").unwrap_err();
    assert_eq!(
        refused,
        "Caracas already has 16 students; choose another post"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
