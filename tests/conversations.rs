//! Calls are conversations: the leader's words follow his position, the post files a
//! memorandum, offices change hands on their dates, calls out of hours are refused; the
//! fog of war holds in the votes; the Department counts what the posts report.

use demarche::Game;
use demarche::cables::Archive;
use demarche::command::Action;
use demarche::instructor::Instruct;
use demarche::scenario::Moment;
use demarche::scenario::format::{RawWhom, Series};

use crate::common::deptcirtel_47_as as game_as;

fn at(game: &mut Game, when: &str) {
    game.run_until(Moment::parse(when).unwrap()).unwrap();
}

fn see(game: &mut Game, whom: RawWhom) -> Result<String, String> {
    game.command(Action::Demarche {
        see: whom,
        show: vec![],
        issue: Some("cuba_action".into()),
        post: None,
    })
    .map_err(|e| e.to_string())
}

/// The text of the last memorandum of conversation filed.
fn last_memo(game: &Game) -> String {
    let archive = game.world().resource::<Archive>();
    let memo = archive
        .0
        .iter()
        .rev()
        .find(|c| c.series == Series::Memcon)
        .expect("a memorandum was filed");
    memo.body.clone()
}

fn mexico_says_at(stance: f64) -> String {
    let mut game = game_as("mexico_city", 3);
    game.command(Action::Instruct(Instruct::MoveStance {
        government: "mexico".into(),
        issue: "cuba_action".into(),
        to: stance,
    }))
    .unwrap();
    at(&mut game, "1960-07-12T10:00");
    see(&mut game, RawWhom::Leader("lopez_mateos".into())).unwrap();
    last_memo(&game)
}

#[test]
fn the_leaders_words_follow_his_position() {
    let pressing = mexico_says_at(0.95);
    let opposed = mexico_says_at(-0.95);
    assert!(
        pressing.contains("would press for a Meeting of Foreign Ministers"),
        "{pressing}"
    );
    assert!(!opposed.contains("would press"), "{opposed}");
    assert_ne!(pressing, opposed);
    // The memorandum says who called on whom, and how it went.
    assert!(
        pressing.contains("Ambassador Hill called on President Adolfo López Mateos"),
        "{pressing}"
    );
    assert!(
        ["cordial", "correct", "cool", "badly"]
            .iter()
            .any(|w| pressing.contains(w)),
        "{pressing}"
    );
}

#[test]
fn a_scenario_line_is_what_the_leader_says() {
    let mut game = game_as("caracas", 1);
    game.command(Action::Instruct(Instruct::MoveStance {
        government: "venezuela".into(),
        issue: "cuba_action".into(),
        to: -0.3,
    }))
    .unwrap();
    at(&mut game, "1960-07-12T10:00");
    see(&mut game, RawWhom::HeadOfState).unwrap();
    let memo = last_memo(&game);
    // Betancourt's line for these bands before the Dominican Republic is sanctioned.
    assert!(
        memo.contains("until the Trujillo regime was forced out of power")
            || memo.contains("was guarded"),
        "{memo}"
    );
    // The return cable quotes the conversation.
    game.command(Action::Reply {
        telegram: "deptcirtel_47".into(),
        request: "a".into(),
        position: "majority".into(),
        probability: 0.6,
        text: "First paragraph.\n\nSecond paragraph.".into(),
    })
    .unwrap();
    let archive = game.world().resource::<Archive>();
    let reply = archive.0.last().unwrap();
    assert!(
        reply
            .body
            .contains("AMBASSADOR SAW PRESIDENT RÓMULO BETANCOURT")
    );
    assert!(reply.body.contains("RE PARA (A) REFTEL"));
    assert!(
        reply.body.contains("FIRST PARAGRAPH.\n\n"),
        "paragraphs kept"
    );
    assert_eq!(
        reply.subject,
        "VENEZUELA AND THE CONVOCATION OF THE FOREIGN MINISTERS ON THE CUBAN PROBLEM"
    );
}

#[test]
fn offices_change_hands_on_their_dates() {
    let mut game = game_as("la_paz", 1);
    at(&mut game, "1960-07-12T10:00");
    let early = see(&mut game, RawWhom::Leader("paz_estenssoro".into())).unwrap_err();
    assert!(early.contains("takes office on 6 August 1960"), "{early}");
    let siles = see(&mut game, RawWhom::HeadOfState).unwrap();
    assert!(siles.contains("Siles Zuazo"), "{siles}");
    at(&mut game, "1960-08-08T10:00");
    let paz = see(&mut game, RawWhom::HeadOfState).unwrap();
    assert!(paz.contains("Paz Estenssoro"), "{paz}");
    at(&mut game, "1960-08-15T10:00");
    let gone = see(&mut game, RawWhom::Leader("siles".into())).unwrap_err();
    assert!(gone.contains("left office on 6 August 1960"), "{gone}");
}

#[test]
fn a_chief_who_has_left_makes_no_calls() {
    let mut game = game_as("lima", 1);
    at(&mut game, "1960-08-09T10:00");
    let summary = see(&mut game, RawWhom::HeadOfState).unwrap();
    assert!(!summary.contains("Chapin"), "{summary}");
    assert!(last_memo(&game).starts_with("The Chargé d'Affaires called on"));
}

#[test]
fn a_call_in_the_night_is_refused_with_the_reason() {
    let mut game = game_as("caracas", 1);
    at(&mut game, "1960-07-13T02:30");
    let err = see(&mut game, RawWhom::ForeignMinister).unwrap_err();
    assert!(err.contains("office hours"), "{err}");
    assert!(err.contains("02:30"), "{err}");
}

#[test]
fn the_player_sees_ballots_not_stances() {
    let mut session = demarche::session::Session::start(
        &demarche::shipped::Loader::new(vec![]),
        &demarche::session::Start::new("deptcirtel-47"),
    )
    .unwrap();
    let mut out = Vec::new();
    demarche::text::run(&mut session, "finish\n".as_bytes(), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let game_part = &out[..out.find("DEBRIEF:").expect("the debrief follows")];
    assert!(
        game_part.contains("VOTE      Vote, 20 August 1960"),
        "{game_part}"
    );
    assert!(
        !game_part.contains("the yes line"),
        "a model's reason leaked"
    );
    assert!(!game_part.contains("stance +"), "a true stance leaked");
    // The NSC's discussions are the Department's, not the posts'.
    assert!(!game_part.contains("The NSC reviews the Caribbean"));
}

#[test]
fn a_confident_report_changes_the_departments_count() {
    let count_with = |position: &str| {
        let mut game = game_as("caracas", 1);
        at(&mut game, "1960-07-15T10:00");
        game.command(Action::Reply {
            telegram: "deptcirtel_47".into(),
            request: "a".into(),
            position: position.into(),
            probability: 0.95,
            text: String::new(),
        })
        .unwrap();
        // Deptcirtel 79 asks again; the Department counts the latest report.
        at(&mut game, "1960-07-25T10:00");
        game.command(Action::Reply {
            telegram: "deptcirtel_coas_convokes".into(),
            request: "b".into(),
            position: position.into(),
            probability: 0.95,
            text: String::new(),
        })
        .unwrap();
        at(&mut game, "1960-08-26T00:00");
        let archive = game.world().resource::<Archive>();
        archive
            .0
            .iter()
            .find(|c| c.body.contains("DEPARTMENT COUNTS"))
            .expect("the Department's instruction says what it counted")
            .body
            .clone()
    };
    let pressing = count_with("press");
    let opposed = count_with("oppose");
    let firm = |body: &str| {
        body.split("FIRM: ")
            .nth(1)
            .unwrap()
            .split(". DOUBTFUL")
            .next()
            .unwrap()
            .replace('\n', " ")
    };
    assert!(firm(&pressing).contains("VENEZUELA"), "{pressing}");
    assert!(!firm(&opposed).contains("VENEZUELA"), "{opposed}");
}

#[test]
fn a_ballot_gives_its_reasons_and_they_add_up_to_the_stance() {
    let mut game = game_as("caracas", 2);
    at(&mut game, "1960-07-12T10:00");
    see(&mut game, RawWhom::HeadOfState).unwrap();
    game.finish();
    let world = game.world();
    let s = game.scenario();
    let drivers = world.resource::<demarche::governments::Drivers>();
    for (g, _) in s.governments.iter().enumerate() {
        for (i, _) in s.issues.iter().enumerate() {
            let (g, i) = (
                demarche::scenario::GovId(g as u32),
                demarche::scenario::IssueId(i as u32),
            );
            let sum: f64 = drivers.of(g, i).iter().map(|(_, by)| by).sum();
            let entity = world.resource::<demarche::governments::GovEntities>().0[g.index()];
            let now = world
                .get::<demarche::governments::Stances>(entity)
                .unwrap()
                .0[i.index()];
            assert!((sum - now).abs() < 1e-9, "{g:?} {i:?}: {sum} against {now}");
        }
    }
    let votes = world.resource::<demarche::votes::VoteLog>();
    let coas = &votes.0[0];
    let reason = |country: &str| {
        coas.ballots
            .iter()
            .find(|b| s.government(b.government).country == country)
            .unwrap()
            .reason
            .clone()
    };
    assert!(
        reason("Venezuela").contains("US representations"),
        "{}",
        reason("Venezuela")
    );
    assert!(reason("Venezuela").contains("its own disposition -0.30"));
    assert!(reason("Cuba").contains("in this vote: voted with the others"));
}

/// Plays the terminal game as Sparks on `input`; returns what it printed.
fn terminal(input: &str) -> String {
    let mut session = demarche::session::Session::start(
        &demarche::shipped::Loader::new(vec![]),
        &demarche::session::Start::new("deptcirtel-47"),
    )
    .unwrap();
    let mut out = Vec::new();
    demarche::text::run(&mut session, input.as_bytes(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn time_stops_before_the_players_deadline_and_on_a_niact() {
    let out = terminal(&"next\n".repeat(6));
    let due = out
        .find("DUE       DEPTCIRTEL 47, paragraph (A) is due by 16 July 1960, 18:00")
        .unwrap_or_else(|| panic!("no reminder in\n{out}"));
    let passed = out.find("NO REPLY  from Caracas to DEPTCIRTEL 47, paragraph (A)");
    assert!(
        passed.is_none_or(|p| p > due),
        "the deadline passed unannounced"
    );
    assert!(
        out.contains("[1960-07-16 16:00] >"),
        "the clock stopped two hours before"
    );
    // `until` runs to a date, but a Niact stops it where it lands.
    let out = terminal(&"until 1960-08-30\n".repeat(12));
    assert!(out.contains("*** NIACT ***"), "{out}");
    assert!(out.contains("[1960-08-26 02:30] >"), "{out}");
}

#[test]
fn the_department_spends_its_few_high_level_approaches() {
    let mut game = game_as("department", 1);
    at(&mut game, "1960-07-20T10:00");
    let approach = |game: &mut Game, by| {
        game.command(Action::Approach {
            government: "mexico".into(),
            by,
            issue: None,
        })
        .map_err(|e| e.to_string())
    };
    use demarche::command::Approacher::{President, Secretary};
    let said = approach(&mut game, President).unwrap();
    assert!(
        said.contains("The President wrote to President Adolfo López Mateos"),
        "{said}"
    );
    assert!(said.contains("2 high-level approaches left"), "{said}");
    let memo = last_memo(&game);
    assert!(
        memo.contains("The President replied that the Government of Mexico"),
        "{memo}"
    );
    approach(&mut game, Secretary).unwrap();
    approach(&mut game, Secretary).unwrap();
    let none = approach(&mut game, Secretary).unwrap_err();
    assert!(none.contains("spent its 3 high-level approaches"), "{none}");
    let mexico = game
        .scenario()
        .governments
        .iter()
        .position(|g| g.id == "mexico")
        .unwrap();
    let drivers = game.world().resource::<demarche::governments::Drivers>();
    let causes: Vec<String> = drivers
        .of(
            demarche::scenario::GovId(mexico as u32),
            demarche::scenario::IssueId(0),
        )
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert!(
        causes.iter().any(|c| c == "a letter from the President"),
        "{causes:?}"
    );
    // A post cannot.
    let mut post = game_as("caracas", 1);
    let refused = approach(&mut post, Secretary).unwrap_err();
    assert!(refused.contains("only the Department"), "{refused}");
}

#[test]
fn a_post_recommends_a_course_and_the_department_counts_it() {
    let mut game = game_as("caracas", 1);
    at(&mut game, "1960-08-10T10:00");
    game.command(Action::Recommend {
        vote: "seventh_named".into(),
        press: false,
        text: "A resolution naming Cuba would split the Latin Americans.".into(),
    })
    .unwrap();
    let archive = game.world().resource::<Archive>();
    let cable = archive.0.last().unwrap();
    assert!(cable.body.starts_with(
        "1. EMBASSY RECOMMENDS THAT DEPARTMENT NOT PRESS FOR RESOLUTION CONDEMNING THE GOVERNMENT OF CUBA BY NAME."
    ), "{}", cable.body);
    assert!(
        cable
            .body
            .contains("2. A RESOLUTION NAMING CUBA WOULD SPLIT")
    );
    at(&mut game, "1960-08-26T00:00");
    let archive = game.world().resource::<Archive>();
    let instruction = archive
        .0
        .iter()
        .find(|c| c.body.contains("DEPARTMENT COUNTS"))
        .unwrap();
    assert!(
        instruction
            .body
            .replace('\n', " ")
            .contains("THAT WE DO NOT: 1"),
        "{}",
        instruction.body
    );
}

#[test]
fn a_recommendation_on_a_vote_held_comes_too_late() {
    let mut game = game_as("caracas", 1);
    at(&mut game, "1960-07-20T10:00");
    let late = game
        .command(Action::Recommend {
            vote: "coas_convocation".into(),
            press: true,
            text: String::new(),
        })
        .unwrap_err()
        .to_string();
    assert!(
        late.contains("has been held; a recommendation on it comes too late"),
        "{late}"
    );
}

#[test]
fn a_foreign_minister_votes_his_own_views_unless_his_president_instructs_him() {
    let reason_in_the_declaration = |call_on_the_president: bool| {
        let mut game = game_as("caracas", 1);
        if call_on_the_president {
            at(&mut game, "1960-07-12T10:00");
            see(&mut game, RawWhom::HeadOfState).unwrap();
        }
        game.finish();
        let s = game.scenario();
        let votes = game.world().resource::<demarche::votes::VoteLog>();
        votes
            .0
            .iter()
            .find(|r| s.vote(r.vote).id == "seventh_general")
            .and_then(|r| {
                r.ballots
                    .iter()
                    .find(|b| s.government(b.government).id == "venezuela")
            })
            .map(|b| b.reason.clone())
            .unwrap_or_default()
    };
    let alone = reason_in_the_declaration(false);
    assert!(
        alone.contains(
            "its Foreign Minister's own views, with no instructions from his President -0.40"
        ),
        "{alone}"
    );
    let instructed = reason_in_the_declaration(true);
    assert!(!instructed.contains("own views"), "{instructed}");
}

#[test]
fn standing_is_with_the_leader_called_on() {
    let mut game = game_as("caracas", 1);
    at(&mut game, "1960-07-12T10:00");
    see(&mut game, RawWhom::ForeignMinister).unwrap();
    let s = game.scenario();
    let caracas = s.missions.iter().position(|m| m.id == "caracas").unwrap();
    let standing = &game.world().resource::<demarche::missions::Standings>().0[caracas];
    // Betancourt (0) untouched, Arcaya (1) spent, the Ambassador (2) untouched.
    assert_eq!(standing[0], 0.6);
    assert!(standing[1] < 0.6, "{standing:?}");
    assert_eq!(standing[2], 0.6);
    // The terminal's dossier gives the standing with each leader, not role ids.
    let dossier = terminal("dossier\n");
    assert!(dossier.contains("Rómulo Betancourt"), "{dossier}");
    assert!(dossier.contains("60/100"), "{dossier}");
    assert!(!dossier.contains("(HeadOfState)"), "{dossier}");
}
