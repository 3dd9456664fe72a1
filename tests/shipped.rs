//! Every shipped scenario loads, validates, and plays to an ending.

use demarche::Game;
use demarche::scenario::{Role, load_file};
use demarche::shipped::{SHIPPED, load};
use demarche::vocab::Setup;

#[test]
fn every_shipped_scenario_validates_from_its_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in &files {
        let loaded = load_file(file).unwrap_or_else(|d| {
            panic!(
                "{}:\n{}",
                file.display(),
                d.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    }
    assert_eq!(
        files.len(),
        SHIPPED.len(),
        "every file in scenarios/ is shipped"
    );
}

#[test]
fn every_shipped_scenario_plays_to_an_ending_in_every_role() {
    for s in SHIPPED {
        let loaded = load(s.name).unwrap();
        let scenario = loaded.scenario.clone();
        let mut roles: Vec<Role> = scenario
            .playable_posts
            .iter()
            .map(|p| Role::Post(*p))
            .collect();
        roles.push(Role::Department);
        for role in roles {
            let mut game = Game::new(
                scenario.clone(),
                Setup {
                    seed: 3,
                    role,
                    auto: false,
                    historical: false,
                },
            );
            game.finish();
            assert!(game.is_over(), "{} as {role:?}", s.name);
        }
    }
}

#[test]
fn deptcirtel_47_is_mostly_documented() {
    use demarche::scenario::format::Provenance;
    let scenario = load("deptcirtel-47").unwrap().scenario;
    let tags: Vec<Provenance> = scenario
        .events
        .iter()
        .map(|e| e.provenance)
        .chain(scenario.telegrams.iter().map(|t| t.provenance))
        .collect();
    let documented = tags
        .iter()
        .filter(|p| **p == Provenance::Documented)
        .count();
    assert!(
        documented * 5 >= tags.len() * 4,
        "{documented} of {} documented",
        tags.len()
    );
    for e in &scenario.events {
        if e.provenance == Provenance::Documented {
            assert!(
                !e.cite.is_empty(),
                "event {} is documented but cites nothing",
                e.id
            );
        }
    }
    assert_eq!(scenario.governments.len(), 21, "the 21 American republics");
}

#[test]
fn every_abbreviation_in_the_shipped_cables_is_in_the_glossary() {
    use demarche::glossary::{Glossary, missing_terms};
    let glossary = Glossary::shipped();
    for s in SHIPPED {
        let scenario = load(s.name).unwrap().scenario;
        for t in &scenario.telegrams {
            let text = format!("{}\n{}", t.subject, t.body);
            let missing = missing_terms(glossary, &text);
            assert!(
                missing.is_empty(),
                "{}: telegram `{}` uses {missing:?}, which the glossary lacks",
                s.name,
                t.id
            );
        }
        for e in &scenario.events {
            let missing = missing_terms(glossary, &format!("{}\n{}", e.headline, e.text));
            assert!(
                missing.is_empty(),
                "{}: event `{}` uses {missing:?}, which the glossary lacks",
                s.name,
                e.id
            );
        }
    }
}
