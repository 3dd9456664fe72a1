//! Historical mode reproduces the record: every documented vote, government by government.

use demarche::Game;
use demarche::shipped::{SHIPPED, load};
use demarche::vocab::Setup;
use demarche::votes::{Cast, VoteLog};

#[test]
fn every_historical_scenario_reproduces_its_documented_votes() {
    for shipped in SHIPPED {
        let scenario = load(shipped.name).unwrap().scenario;
        if !scenario.historical {
            continue;
        }
        for seed in [1, 2, 3] {
            let setup = Setup {
                seed,
                role: scenario.default_role,
                auto: true,
                historical: true,
            };
            let mut game = Game::new(scenario.clone(), setup);
            game.finish();
            let log = &game.world().resource::<VoteLog>().0;
            for (v, vote) in scenario.votes.iter().enumerate() {
                if vote.record.is_empty() {
                    continue;
                }
                let held = log.iter().find(|r| r.vote.index() == v).unwrap_or_else(|| {
                    panic!(
                        "{}: the documented vote `{}` was not held in historical mode",
                        shipped.name, vote.id
                    )
                });
                for (government, recorded) in &vote.record {
                    let ballot = held
                        .ballots
                        .iter()
                        .find(|b| b.government == *government)
                        .unwrap();
                    assert_eq!(
                        ballot.cast,
                        Cast::from(*recorded),
                        "{}: {} on `{}`",
                        shipped.name,
                        scenario.government(*government).country,
                        vote.id
                    );
                }
            }
        }
    }
}

#[test]
fn deptcirtel_47_ends_with_the_declaration_of_san_jose_19_to_0() {
    let scenario = load("deptcirtel-47").unwrap().scenario;
    let setup = Setup {
        seed: 9,
        role: scenario.default_role,
        auto: true,
        historical: true,
    };
    let mut game = Game::new(scenario.clone(), setup);
    game.finish();
    let ending = game
        .world()
        .resource::<demarche::endings::Outcome>()
        .0
        .unwrap();
    assert_eq!(scenario.ending(ending).id, "declaration_of_san_jose");
    let log = &game.world().resource::<VoteLog>().0;
    let declaration = log.last().unwrap();
    assert_eq!(
        (
            declaration.tally.yes,
            declaration.tally.no,
            declaration.tally.abstain
        ),
        (19, 0, 0)
    );
}
