//! What the window's panels show for a given world, tested without a window.

use demarche::cables::render;
use demarche::command::{Action, Step};
use demarche::scenario::Role;
use demarche::views::{self, Knowledge};

use crate::common::deptcirtel_47_as as game;

#[test]
fn the_tray_lists_newest_first_with_threads() {
    let mut g = game("caracas", 1);
    assert!(views::tray_rows(g.world()).is_empty());
    g.advance(Step::NextCable).unwrap();
    let first = views::tray_rows(g.world())[0].clone();
    assert_eq!(
        views::open_requests_of(g.world(), first.cable).len(),
        2,
        "(a) and (b)"
    );
    assert_eq!(
        views::next_deadline(g.world()).unwrap().to_string(),
        "1960-07-16 18:00"
    );
    g.run_until(demarche::scenario::Moment::parse("1960-07-20").unwrap())
        .unwrap();
    let rows = views::tray_rows(g.world());
    assert!(rows.len() >= 2, "{rows:?}");
    assert!(
        rows.windows(2).all(|w| w[0].arrived >= w[1].arrived),
        "newest first"
    );
    let first = rows.last().unwrap();
    assert_eq!(first.name, "DEPTCIRTEL 47");
    assert_eq!(first.dtg, "111900Z JUL 60");
    assert_eq!(first.thread, "DEPTCIRTEL 47");
    assert_eq!(
        views::open_requests_of(g.world(), first.cable).len(),
        1,
        "(a) defaulted on 16 July"
    );
}

#[test]
fn the_map_shows_only_what_the_player_knows() {
    let mut g = game("caracas", 1);
    let issue = demarche::scenario::IssueId(0);
    let s = views::scenario(g.world());
    let venezuela = s
        .governments
        .iter()
        .position(|x| x.id == "venezuela")
        .unwrap();
    let mexico = s.governments.iter().position(|x| x.id == "mexico").unwrap();
    let known = views::knowledge(g.world(), issue);
    assert!(
        matches!(known[venezuela], Knowledge::Estimated { .. }),
        "the host, by estimate"
    );
    assert_eq!(
        known[mexico],
        Knowledge::Unknown,
        "another country: unknown to a post"
    );
    g.finish();
    let known = views::knowledge(g.world(), issue);
    assert!(
        matches!(known[mexico], Knowledge::Revealed { .. }),
        "the San José vote revealed it"
    );
}

#[test]
fn the_department_sees_its_missions_reports() {
    let mut g = game("department", 2);
    g.advance(Step::Until(
        demarche::scenario::Moment::parse("1960-07-17").unwrap(),
    ))
    .unwrap();
    let known = views::knowledge(g.world(), demarche::scenario::IssueId(0));
    let reported = known
        .iter()
        .filter(|k| matches!(k, Knowledge::Reported { .. }))
        .count();
    assert!(reported >= 15, "most posts have answered (a): {reported}");
    assert_eq!(g.setup().role, Role::Department);
}

#[test]
fn the_composer_preview_is_the_cable_that_is_sent() {
    let mut g = game("caracas", 3);
    g.advance(Step::NextCable).unwrap();
    let s = views::scenario(g.world()).clone();
    let post = s.post_by_name("caracas").unwrap();
    let t = demarche::scenario::TelegramId(
        s.telegrams
            .iter()
            .position(|t| t.id == "deptcirtel_47")
            .unwrap() as u32,
    );
    let preview = views::preview_reply(g.world(), post, (t, 0), 1, 0.65, "Trujillo first.");
    let shown = render(&s, &preview);
    g.command(Action::Reply {
        telegram: "deptcirtel_47".into(),
        request: "a".into(),
        position: s.issues[0].positions[1].id.clone(),
        probability: 0.65,
        text: "Trujillo first.".into(),
    })
    .unwrap();
    let archive = g.world().resource::<demarche::cables::Archive>();
    assert_eq!(render(&s, archive.0.last().unwrap()), shown);
}

#[test]
fn fm_is_from_on_the_routing_line_and_the_foreign_minister_in_a_body() {
    let g = demarche::glossary::Glossary::shipped();
    let page = "FM SECSTATE WASHDC\nTO AMEMBASSY MONTEVIDEO NIACT\nBT\n1. FM TOLD ME TODAY";
    let found: Vec<(String, String)> = g
        .find_in(page)
        .into_iter()
        .map(|(r, e)| (page[r].to_string(), e.term.clone()))
        .collect();
    assert_eq!(
        found.first().map(|(w, t)| (w.as_str(), t.as_str())),
        Some(("FM", "FM")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(w, t)| w == "FM" && t == "FonMin"),
        "{found:?}"
    );
}
