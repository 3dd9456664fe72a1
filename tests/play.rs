//! A player's session, headless: read the circular, call on the Foreign Minister, answer by
//! return cable, and see the estimate scored in the debrief.

use demarche::Game;
use demarche::cables::{Archive, render};
use demarche::command::{Action, Step};
use demarche::scenario::format::RawWhom;
use demarche::shipped::load;
use demarche::stations::{InTray, Stations};
use demarche::vocab::Setup;

fn caracas(seed: u64) -> Game {
    crate::common::deptcirtel_47_as("caracas", seed)
}

fn tray_names(game: &Game) -> Vec<String> {
    let world = game.world();
    let entity = world
        .resource::<Stations>()
        .entity(game.setup().role.station());
    let archive = world.resource::<Archive>();
    world
        .get::<InTray>(entity)
        .unwrap()
        .0
        .iter()
        .map(|i| archive.get(i.cable).citation_name())
        .collect()
}

#[test]
fn the_ambassador_in_caracas_answers_deptcirtel_47() {
    let mut game = caracas(7);
    while !tray_names(&game).contains(&"DEPTCIRTEL 47".to_string()) {
        game.advance(Step::NextCable).unwrap();
    }
    assert_eq!(
        game.now().to_string(),
        "1960-07-12 08:00",
        "a Priority cable of 19:00 is read next morning"
    );

    let call = game
        .command(Action::Demarche {
            see: RawWhom::ForeignMinister,
            show: vec!["communist_infiltration".into()],
            issue: None,
            post: None,
        })
        .unwrap();
    assert!(call.contains("Arcaya"), "{call}");
    let again = game.command(Action::Demarche {
        see: RawWhom::HeadOfState,
        show: vec![],
        issue: None,
        post: None,
    });
    assert!(
        again.unwrap_err().to_string().contains("busy"),
        "a call takes time"
    );

    game.command(Action::Reply {
        telegram: "deptcirtel_47".into(),
        request: "a".into(),
        position: "majority".into(),
        probability: 0.7,
        text: "Betancourt will not move on Cuba until Trujillo is dealt with.".into(),
    })
    .unwrap();
    let world = game.world();
    let embtel = world.resource::<Archive>().0.last().unwrap().clone();
    let page = render(game.scenario(), &embtel);
    for line in [
        "FM AMEMBASSY CARACAS",
        "TO SECSTATE WASHDC PRIORITY",
        "S E C R E T EMBTEL",
        "REF: DEPTCIRTEL 47",
        "1. RE PARA (A) REFTEL",
        "WOULD GO ALONG WITH A MAJORITY",
        "70 PERCENT",
        "3. BETANCOURT WILL NOT MOVE ON CUBA",
        "\nSPARKS\n",
    ] {
        assert!(page.contains(line), "`{line}` missing from:\n{page}");
    }
    let twice = game.command(Action::Reply {
        telegram: "deptcirtel_47".into(),
        request: "a".into(),
        position: "press".into(),
        probability: 0.5,
        text: String::new(),
    });
    assert!(twice.is_err(), "a request is answered once");

    game.finish();
    assert!(game.is_over());
    let debrief = demarche::debrief::full_text(game.world());
    assert!(
        debrief.contains(
            "DEPTCIRTEL 47, paragraph (A): Venezuela: \"would go along with a majority\" at 70%, that is "
        ),
        "{debrief}"
    );
    assert!(debrief.contains("Your Brier score:"), "{debrief}");
    assert!(debrief.contains("Vote, 28 August 1960"), "{debrief}");
}

#[test]
fn commands_are_refused_with_reasons() {
    let mut game = caracas(1);
    let err = game
        .command(Action::Reply {
            telegram: "deptcirtel_47".into(),
            request: "a".into(),
            position: "majority".into(),
            probability: 0.5,
            text: String::new(),
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("no open request"), "not yet received: {err}");
    let err = game
        .command(Action::Decide {
            telegram: "secto_dilemma".into(),
            request: "a".into(),
            option: "general".into(),
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("only the Department"), "{err}");
}

#[test]
fn the_department_decides_the_dilemma_and_the_vote_follows() {
    let scenario = load("deptcirtel-47").unwrap().scenario;
    let mut game = Game::new(
        scenario,
        Setup {
            seed: 5,
            role: demarche::scenario::Role::Department,
            auto: false,
            historical: false,
        },
    );
    while !tray_names(&game).iter().any(|n| n.starts_with("SECTO")) {
        game.advance(Step::NextCable).unwrap();
    }
    game.command(Action::Decide {
        telegram: "secto_dilemma".into(),
        request: "a".into(),
        option: "name_cuba".into(),
    })
    .unwrap();
    game.finish();
    let debrief = demarche::debrief::full_text(game.world());
    assert!(
        debrief.contains("naming Cuba") || debrief.contains("names Cuba"),
        "{debrief}"
    );
}
